"""The checker's reader reads whatever the formatter writes, in every locale CLDR has."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from babel.localedata import locale_identifiers
from hypothesis import given, settings
from hypothesis import strategies as st

from jbreport.i18n import figures as nb
from jbreport.i18n.formatting import format_figure, format_number
from jbreport.i18n.locale import get_locale
from jbreport.i18n.parsing import parse_number
from jbreport.i18n.reading import figures_in

LOCALES = sorted(locale_identifiers())
DIMENSION = {
    nb.Kind.COUNT: "number",
    nb.Kind.MONEY: "number",
    nb.Kind.PERCENT: "percent",
    nb.Kind.GROWTH: "percent",
    nb.Kind.POINTS: "points",
}
values = st.builds(
    lambda n, places: Decimal(n).scaleb(-places),
    st.integers(-(10**15), 10**15),
    st.integers(0, 4),
)


@st.composite
def figures(draw: st.DrawFn) -> tuple[nb.Figure, nb.NumberStyle, Decimal]:
    """A figure, a house style, and the value its text states (as printed: rounded to its
    decimals; the reader reads no sign, the sentence says it)."""
    kind = draw(st.sampled_from(sorted(DIMENSION)))
    value = draw(values)
    decimals = draw(st.none() | st.integers(0, 3))
    scale = draw(st.sampled_from(["auto", "full"]))
    if decimals is not None and kind in (nb.Kind.COUNT, nb.Kind.MONEY):
        scale = "full"  # with a scale word the decimals are the mantissa's
    figure = nb.Figure(
        kind,
        value,
        currency="CNY" if kind == nb.Kind.MONEY else None,
        decimals=decimals,
        scale=scale,
    )
    style = nb.NumberStyle(min_grouping_digits=draw(st.integers(1, 2)))
    shown = abs(value)
    if decimals is not None:
        shown = shown.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return figure, style, shown.normalize()


def _round_trip(cases: list[tuple[nb.Figure, nb.NumberStyle, Decimal]]) -> None:
    failures = []
    for tag in LOCALES:
        messages = nb.SourceMessages(get_locale(tag))
        for figure, style, shown in cases:
            text = format_figure(figure, tag, messages, style)
            read = sorted(figures_in(text, tag).elements())
            expected = [(DIMENSION[figure.kind], shown)]
            # a whole number from 1900 to 2100, ungrouped, is read as the year it may be;
            # a change that rounds to zero is a word (unchanged, 持平), no figure
            zero = figure.kind == nb.Kind.GROWTH and shown == 0
            if read != expected and read != [("year", shown)] and not (zero and read == []):
                failures.append(f"{tag}: {figure.kind} {figure.value} -> {text!r} -> {read}")
    assert not failures, "\n".join(failures[:20])


@settings(max_examples=2, deadline=None)  # the slow lane's variant draws 20 × 25
@given(st.lists(figures(), min_size=6, max_size=6))
def test_every_locale_reads_the_figures_it_writes(
    cases: list[tuple[nb.Figure, nb.NumberStyle, Decimal]],
) -> None:
    _round_trip(cases)


@pytest.mark.slow
@settings(max_examples=20, deadline=None)
@given(st.lists(figures(), min_size=25, max_size=25))
def test_every_locale_reads_the_figures_it_writes_thoroughly(
    cases: list[tuple[nb.Figure, nb.NumberStyle, Decimal]],
) -> None:
    _round_trip(cases)


numbers = st.tuples(
    values, st.none() | st.integers(0, 3), st.sampled_from(["auto", "full"]), st.integers(1, 2)
)


@settings(max_examples=3, deadline=None)
@given(st.lists(numbers, min_size=6, max_size=6))
def test_every_locale_parses_the_numbers_it_writes(
    cases: list[tuple[Decimal, int | None, str, int]],
) -> None:
    """An editor may paste a figure as jbreport wrote it: 12\u00a0345,6 (ru), milioni 5 (sw)."""
    failures = []
    for tag in LOCALES:
        for value, decimals, scale, grouping in cases:
            if decimals is not None:
                scale = "full"  # with a scale word the decimals are the mantissa's
            text = format_number(
                value, tag, nb.NumberStyle(grouping), decimals=decimals, scale=scale
            )
            shown = value
            if decimals is not None:
                shown = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
            try:
                read: Decimal | str = parse_number(text, tag)
            except nb.FigureValueError as exc:
                read = str(exc)
            if read != shown:
                failures.append(f"{tag}: {value} -> {text!r} -> {read}")
    assert not failures, "\n".join(failures[:20])


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        ("12\u00a0345,6", "ru", [("number", Decimal("12345.6"))]),  # no-break space
        ("12\u202f345,6\u00a0%", "fr", [("percent", Decimal("12345.6"))]),  # narrow one
        ("1\u00a0234\u00a0567 zł", "pl", [("number", Decimal("1234567"))]),
        ("12,34,567", "hi", [("number", Decimal("1234567"))]),  # Indian groups
        ("85,740,197.3%", "kxv_Deva", [("percent", Decimal("85740197.3"))]),  # percent groups
        ("1497691'230.18", "de_CH", [("number", Decimal("1497691230.18"))]),
        ("%80.277.063", "tr", [("percent", Decimal("80277063"))]),  # the sign comes first
        ("%\u00a0-1,321", "blo", [("percent", Decimal("1.321"))]),
        ("Miliyan -3.997696", "ha_NG", [("number", Decimal("3997696"))]),
        ("ကုဋေ 7.5 သန်း", "my", [("number", Decimal("7.5E+13"))]),  # words on both sides
        ("501.38 करोड", "ne", [("number", Decimal("501380000"))]),  # as ne's long forms say
    ],
)
def test_reads_grouping_signs_and_words_of_each_locale(
    text: str, tag: str, expected: list[tuple[str, Decimal]]
) -> None:
    assert sorted(figures_in(text, tag).elements()) == expected


def test_a_month_known_by_number_is_a_number() -> None:
    # Dzongkha's abbreviated month names are numbers: "12" in a figure is no December
    assert ("month", Decimal(12)) not in figures_in("1,12,62,84,80,323.48", "dz")


@pytest.mark.parametrize(
    ("text", "tag", "expected"),
    [
        ("302.5亿", "zh", Decimal("30250000000")),
        ("5.5万", "zh", Decimal("55000")),
        ("1.2 billion", "en", Decimal("1200000000")),
        ("3,025", "de", Decimal("3.025")),
        ("12\u00a0345,6", "ru", Decimal("12345.6")),
        ("12 345,6", "ru", Decimal("12345.6")),
        ("milioni 5", "sw", Decimal("5000000")),
        ("12,34,567", "hi", Decimal("1234567")),
    ],
)
def test_parse_number_reads_the_scale_words_formatting_writes(
    text: str, tag: str, expected: Decimal
) -> None:
    assert parse_number(text, tag) == expected


@pytest.mark.parametrize("dash", ["—", "–", "-", "至"])
def test_a_chinese_month_range_is_two_months(dash: str) -> None:
    assert figures_in(f"2023年1{dash}11月", "zh") == figures_in("January–November 2023", "en")


@pytest.mark.parametrize(("heading", "number"), [("一、", 1), ("四、", 4), ("十二、", 12)])
def test_a_chinese_heading_number_is_the_number_its_translation_writes(
    heading: str, number: int
) -> None:
    assert figures_in(f"{heading}工业生产稳步增长", "zh") == figures_in(f"{number}. Industry", "en")
