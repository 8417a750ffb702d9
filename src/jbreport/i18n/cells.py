"""Figures in a table column whose unit is printed once, in its header.

A column of money, counts or quantities is written at one scale for each language, the one
:func:`.formatting.format_number` would choose for the column's largest value (亿 in
Chinese, billion or million in English); each cell is the bare number at that scale, and the
header says the unit as the language writes it at that scale (亿元, CNY billion).  Growth,
percentages and points are signed bare numbers under "%" or the language's word for points.
The unit is what formatting a figure at that scale adds to its digits, so every language
CLDR knows gets its own without a word written here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

from .figures import Figure, Kind, Messages, NumberStyle
from .formatting import format_figure, format_number, written_decimals
from .locale import get_locale
from .scales import Scale, scales

# kinds written as a per-cent number: a growth's sign is its direction (no 增长 / up)
_PERCENT_KINDS = (Kind.PERCENT, Kind.GROWTH)
_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def column_scale(figures: Sequence[Figure], tag: str) -> Scale | None:
    """The scale of the column's largest value in locale ``tag``; None: digits in full."""
    values = [abs(f.value) for f in figures if f.value is not None]
    if not values or any(f.scale != "auto" for f in figures):
        return None
    if figures[0].kind not in (Kind.COUNT, Kind.MONEY, Kind.QUANTITY):
        return None
    largest = max(values)
    chosen = None
    for candidate in scales(tag):
        if largest >= candidate.least:
            chosen = candidate
    return chosen


def format_at_scale(figure: Figure, tag: str, style: NumberStyle, at_scale: Scale | None) -> str:
    """The figure's number alone, at the column's scale: 482.60 (亿元), 48.260 (CNY billion);
    a growth signed, with the locale's minus sign (-4.6)."""
    assert figure.value is not None
    if at_scale is None:
        decimals = written_decimals(figure.decimals, figure.precision)
        return format_number(figure.value, tag, style, decimals=decimals, scale="full")
    mantissa = figure.value.scaleb(-at_scale.divisor)
    # digits as running text writes them before a scale word: never grouped (3865.2亿)
    ungrouped = replace(style, min_grouping_digits=len(str(int(abs(mantissa)))) + 1)
    # the digits typed, at the column's scale (48.60亿 is 48.60 under 亿元, 4.860 under billion)
    decimals = written_decimals(figure.decimals, figure.precision, at_scale.divisor)
    return format_number(mantissa, tag, ungrouped, decimals=decimals, scale="full")


def header_unit(
    figure: Figure, tag: str, messages: Messages, style: NumberStyle, at_scale: Scale | None
) -> str:
    """The unit of a column as the language writes it at the column's scale: 亿元, CNY
    billion, %, 个百分点: a figure of the column written in full, less its digits."""
    assert figure.value is not None
    shown = figure
    if figure.kind in _PERCENT_KINDS:
        shown = replace(figure, kind=Kind.PERCENT, value=abs(figure.value), qualifier=None)
    else:
        shown = replace(figure, qualifier=None)
    text = format_figure(shown, tag, messages, style)
    number = format_at_scale(shown, tag, style, at_scale)
    # digits the formatter wrote otherwise (grouped): every number character out
    unit = text.replace(number, " ", 1) if number in text else _without_digits(text, tag)
    return _SPACES.sub(" ", unit).strip()


def _without_digits(text: str, tag: str) -> str:
    locale = get_locale(tag)
    symbols = {get_decimal_symbol(locale), get_group_symbol(locale), get_minus_sign_symbol(locale)}
    return "".join(" " if unicodedata.category(ch) == "Nd" or ch in symbols else ch for ch in text)


def decimal_mark(tag: str) -> str:
    """The locale's decimal mark, which a table's numeric columns align on."""
    return str(get_decimal_symbol(get_locale(tag)))


def largest(figures: Sequence[Figure]) -> Figure:
    """The figure of largest magnitude: it chooses the scale and names the unit."""
    return max(figures, key=lambda f: abs(f.value) if f.value is not None else Decimal(0))
