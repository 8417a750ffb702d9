"""A table column's figures at one scale, and its unit as each language writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jbreport.i18n.cells import column_scale, decimal_mark, format_at_scale, header_unit, largest
from jbreport.i18n.figures import Figure, Kind, NumberStyle, SourceMessages
from jbreport.i18n.locale import get_locale

MONEY = [
    Figure(Kind.MONEY, value=Decimal("11240000000"), currency="CNY"),
    Figure(Kind.MONEY, value=Decimal("386520000000"), currency="CNY"),
    Figure(Kind.MONEY, value=Decimal("2190000000"), currency="CNY"),
]


@pytest.mark.parametrize(
    ("tag", "cells", "unit"),
    [
        ("zh", ["112.4", "3865.2", "21.9"], "亿人民币"),  # no catalog: CLDR's currency name
        ("en", ["11.24", "386.52", "2.19"], "CNY billion"),
        ("fr", ["11,24", "386,52", "2,19"], "milliards yuans renminbi chinois"),
        ("de", ["11,24", "386,52", "2,19"], "Milliarden Renminbi Yuan"),
    ],
)
def test_money_at_the_scale_of_the_largest_value(tag: str, cells: list[str], unit: str) -> None:
    scale = column_scale(MONEY, tag)
    style = NumberStyle()
    assert [format_at_scale(f, tag, style, scale) for f in MONEY] == cells
    messages = SourceMessages(get_locale(tag))
    assert header_unit(largest(MONEY), tag, messages, style, scale) == unit


def test_growth_is_a_signed_bare_number_under_percent() -> None:
    growth = [Figure(Kind.GROWTH, value=Decimal("5.1")), Figure(Kind.GROWTH, value=Decimal("-4.6"))]
    assert column_scale(growth, "en") is None
    style = NumberStyle()
    assert [format_at_scale(f, "en", style, None) for f in growth] == ["5.1", "-4.6"]
    messages = SourceMessages(get_locale("en"))
    assert header_unit(largest(growth), "en", messages, style, None) == "%"
    assert header_unit(largest(growth), "fr", SourceMessages(get_locale("fr")), style, None) == "%"


def test_small_values_print_in_full_with_their_grouping() -> None:
    counts = [Figure(Kind.COUNT, value=Decimal("2213")), Figure(Kind.COUNT, value=Decimal("980"))]
    assert column_scale(counts, "en") is None
    assert format_at_scale(counts[0], "en", NumberStyle(), None) == "2,213"


def test_quantities_keep_their_unit_word() -> None:
    area = [Figure(Kind.QUANTITY, value=Decimal("863500"), unit="area-square-meter")]
    scale = column_scale(area, "zh")
    assert format_at_scale(area[0], "zh", NumberStyle(), scale) == "86.35"
    unit = header_unit(area[0], "zh", SourceMessages(get_locale("zh")), NumberStyle(), scale)
    assert unit == "万平方米"


def test_the_decimal_mark_is_the_locales() -> None:
    assert (decimal_mark("zh"), decimal_mark("de")) == (".", ",")
