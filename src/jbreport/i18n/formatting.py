"""Figures written for each reader by CLDR's rules.

This module is the only place in jbreport that turns a number or a date into text: digits,
separators, the scale words a locale uses for large values (:mod:`.scales`), plural rules,
currency names, units and dates, all from Babel's CLDR data.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list as babel_format_list
from babel.numbers import NumberPattern, format_decimal, format_percent, parse_pattern
from babel.units import format_unit

from .figures import (
    DEFAULT_STYLE,
    DOWN,
    FIGURE_CONTEXT,
    LIST_PAIR,
    MONEY_CONTEXT,
    POINTS_ONE,
    POINTS_OTHER,
    QUALIFIER_CONTEXT,
    QUALIFIERS,
    UNCHANGED,
    UP,
    Figure,
    Kind,
    Messages,
    NumberStyle,
    Precision,
    money_msgid,
)
from .locale import get_locale
from .placeholders import fill
from .scales import MARKS, Scale, pattern_text, scales

_ZEROS = re.compile("0+")

# --------------------------------------------------------------------------------------
# Numbers


def _plain(value: Decimal) -> Decimal:
    """The value without an exponent and without trailing fraction zeros."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _round(value: Decimal, decimals: int | None) -> Decimal:
    if decimals is None:
        return _plain(value)
    return value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _shown(value: Decimal, decimals: int | None) -> Decimal:
    """The value as printed (1.0 → 1; 1 with one decimal → 1.0): what plural rules see."""
    return _round(value, decimals)


def _digits(
    value: Decimal,
    tag: str,
    style: NumberStyle,
    *,
    grouping: bool = True,
    decimals: int | None = None,
) -> str:
    """Digits with the locale's symbols; grouped only as CLDR and the house style allow;
    exactly ``decimals`` fraction digits when given, else every digit the value has."""
    locale = get_locale(tag)
    int_digits = max(value.adjusted() + 1, 1)
    if int_digits < 3 + style.min_grouping_digits:
        grouping = False
    # Babel's format_decimal, without parsing the locale and the pattern again for each figure
    if decimals is None:
        pattern: NumberPattern = locale.decimal_formats[None]
        return str(
            pattern.apply(value, locale, decimal_quantization=False, group_separator=grouping)
        )
    return str(_fixed_pattern(tag, decimals).apply(value, locale, group_separator=grouping))


@cache
def _fixed_pattern(tag: str, decimals: int) -> NumberPattern:
    """The locale's decimal pattern (its grouping: 12,34,567 in India) with exactly
    ``decimals`` fraction digits."""
    integer = pattern_text(get_locale(tag).decimal_formats[None]).split(".")[0]
    if not re.fullmatch(r"[#,]*0+", integer):
        integer = "#,##0"
    return parse_pattern(integer + ("." + "0" * decimals if decimals else ""))


def written_decimals(decimals: int | None, precision: int | None, divisor: int = 0) -> int | None:
    """The fraction digits a value shows at the scale ``10**divisor``: ``decimals`` when the
    report sets them, else as many as reach the last digit typed with a trailing zero
    (``precision``, see :attr:`Figure.precision`): 48.60亿 shows 48.60 in 亿 and 4.860 in
    billions; None: every digit the value has, and no more."""
    if decimals is not None or precision is None:
        return decimals
    return max(0, divisor - precision)


def format_number(
    value: Decimal,
    tag: str,
    style: NumberStyle = DEFAULT_STYLE,
    *,
    decimals: int | None = None,
    scale: str = "auto",
    precision: int | None = None,
) -> str:
    """A number as the locale writes it in running text: 5.5万 / 55,000; 302.5亿 / 30.25 billion.

    ``precision`` keeps the digits a report typed (see :func:`written_decimals`)."""
    table = scales(tag) if scale == "auto" else ()
    magnitude = abs(value)
    chosen: Scale | None = None
    for candidate in table:
        if magnitude >= candidate.least:
            chosen = candidate
    if chosen is None:
        shown = written_decimals(decimals, precision)
        rounded = _round(value, shown)
        if table and abs(rounded) >= table[0].least:
            # rounding carried into the first scale: 9999.5 -> 1万, 999,999.5 -> 1 million
            return format_number(rounded, tag, style, decimals=decimals, scale=scale)
        return _digits(rounded, tag, style, decimals=shown)
    shown = written_decimals(decimals, precision, chosen.divisor)
    mantissa = _round(value.scaleb(-chosen.divisor), shown)
    larger = [s for s in table if s.magnitude > chosen.magnitude]
    if larger and abs(mantissa.scaleb(chosen.divisor)) >= larger[0].least:
        # rounding carried into the next scale: 9999.5万 -> 1亿
        return format_number(
            mantissa.scaleb(chosen.divisor), tag, style, decimals=decimals, scale=scale
        )
    pattern = chosen.pattern(get_locale(tag).plural_form(abs(mantissa)))
    number = _digits(mantissa, tag, style, grouping=False, decimals=shown)
    return _ZEROS.sub(lambda _m: number, pattern, count=1)


def _percent_digits(value: Decimal, tag: str, style: NumberStyle, decimals: int | None) -> str:
    """``97.57`` (per cent) as the locale writes a percentage: 97.57%, 97,57 %."""
    locale = get_locale(tag)
    rounded = _round(value, decimals)
    if decimals is None:
        return format_percent(rounded.scaleb(-2), locale=locale, decimal_quantization=False)
    # the locale's percent pattern with exactly `decimals` fraction digits
    pattern = pattern_text(locale.percent_formats[None]).split(";")[0]
    last_zero = pattern.rfind("0")
    fraction = "." + "0" * decimals if decimals else ""
    pattern = pattern[: last_zero + 1] + fraction + pattern[last_zero + 1 :]
    return format_percent(rounded.scaleb(-2), pattern, locale=locale)


# --------------------------------------------------------------------------------------
# Figures


def _money(figure: Figure, tag: str, messages: Messages, style: NumberStyle) -> str:
    assert figure.value is not None and figure.currency is not None
    amount = _amount(figure, figure.value, tag, style)
    msgid = money_msgid(figure.currency)
    if messages.translated(MONEY_CONTEXT, msgid):
        return fill(messages.gettext(MONEY_CONTEXT, msgid), {"amount": amount})
    # CLDR's currency pattern says on which side the currency goes.
    pattern = pattern_text(get_locale(tag).currency_formats["standard"]).split(";")[0]
    if pattern.strip(MARKS + " \u00a0").startswith("¤"):  # ignore direction marks
        return f"{figure.currency}\u00a0{amount}"
    return f"{amount}\u00a0{figure.currency}"


def _amount(figure: Figure, value: Decimal, tag: str, style: NumberStyle) -> str:
    """A figure's number at the scale the locale chooses for it, its typed digits kept."""
    return format_number(
        value, tag, style, decimals=figure.decimals, scale=figure.scale, precision=figure.precision
    )


def _unit_length(figure: Figure) -> Literal["short", "long", "narrow"]:
    if figure.unit_style == "long":
        return "long"
    if figure.unit_style == "narrow":
        return "narrow"
    if figure.unit_style == "short":
        return "short"
    assert figure.unit is not None
    return "long" if figure.unit.startswith("duration-") else "short"


def _quantity(figure: Figure, tag: str, style: NumberStyle) -> str:
    assert figure.value is not None and figure.unit is not None
    number = _amount(figure, figure.value, tag, style)
    # CLDR chooses the unit pattern and its plural form; the number in it is ours (scaled, exact)
    locale = get_locale(tag)
    pattern = "#,##0." + "#" * 12
    # the plural follows the printed number
    shown = _shown(figure.value, written_decimals(figure.decimals, figure.precision))
    text = format_unit(
        shown,
        figure.unit,
        length=_unit_length(figure),
        format=pattern,
        locale=locale,
    )
    babel_number = format_decimal(shown, pattern, locale=locale)
    return text.replace(babel_number, number, 1)


def _date(figure: Figure, tag: str) -> str:
    assert figure.start is not None
    locale = get_locale(tag)
    if figure.skeleton:
        return format_skeleton(figure.skeleton, figure.start.date, locale=locale)
    match figure.start.precision:
        case Precision.DAY:
            return format_date(figure.start.date, "long", locale=locale)
        case Precision.MONTH:
            return format_skeleton("yMMMM", figure.start.date, locale=locale)
        case Precision.YEAR:
            return format_skeleton("y", figure.start.date, locale=locale)


def _month_range(figure: Figure, tag: str, style: NumberStyle) -> str:
    text = _cldr_month_range(figure, tag)
    return text.replace("\u2013", style.range_dash) if style.range_dash else text


def _cldr_month_range(figure: Figure, tag: str) -> str:
    assert figure.start is not None and figure.end is not None
    locale = get_locale(tag)
    start, end = figure.start.date, figure.end.date
    if (start.year, start.month) == (end.year, end.month):
        return format_skeleton("yMMMM", start, locale=locale)  # a range of one month
    if start.year != end.year:
        return format_interval(start, end, "yMMMM", locale=locale)
    if re.search(r"\d", format_skeleton("MMMM", start, locale=locale)):
        # the locale writes months as numbers (1月): CLDR's numeric interval, 1–11月
        return format_interval(start, end, "M", locale=locale)
    fallback = locale.interval_formats.get(None, "{0}–{1}")
    # CLDR's interval fallback around the stand-alone month names: January–November
    return str(fallback).format(
        format_date(start, "LLLL", locale=locale), format_date(end, "LLLL", locale=locale)
    )


def format_figure(
    figure: Figure,
    tag: str,
    messages: Messages,
    style: NumberStyle = DEFAULT_STYLE,
    *,
    qualified: bool = False,
) -> str:
    """Write ``figure`` for locale ``tag``.

    In running text the qualifier words belong to the sentence (约…左右 / about), so the plain
    form is the default; ``qualified=True`` adds the catalog's qualifier pattern, for a figure
    that stands alone (key figures, chart labels).
    """
    qualify = None
    if qualified and figure.qualifier is not None:
        pattern = messages.gettext(QUALIFIER_CONTEXT, QUALIFIERS[figure.qualifier])

        def qualify(text: str) -> str:
            return fill(pattern, {"figure": text})

    if figure.kind == Kind.GROWTH and qualify is not None:
        # the qualifier goes with the number: 增长约3% / up about 3%
        return _format_bare(figure, tag, messages, style, qualify)
    text = _format_bare(figure, tag, messages, style)
    return qualify(text) if qualify is not None else text


def _format_bare(
    figure: Figure,
    tag: str,
    messages: Messages,
    style: NumberStyle,
    qualify: Callable[[str], str] | None = None,
) -> str:
    decimals = written_decimals(figure.decimals, figure.precision)
    match figure.kind:
        case Kind.COUNT:
            assert figure.value is not None
            number = _amount(figure, figure.value, tag, style)
            if figure.noun is None:
                return number
            pattern = messages.ngettext(
                figure.noun_context or FIGURE_CONTEXT,
                figure.noun,
                figure.noun,
                _shown(figure.value, decimals),
            )
            return fill(pattern, {"count": number})
        case Kind.MONEY:
            return _money(figure, tag, messages, style)
        case Kind.PERCENT:
            assert figure.value is not None
            return _percent_digits(figure.value, tag, style, decimals)
        case Kind.POINTS:
            assert figure.value is not None
            number = format_number(figure.value, tag, style, decimals=decimals, scale="full")
            shown = _shown(figure.value, decimals)
            pattern = messages.ngettext(FIGURE_CONTEXT, POINTS_ONE, POINTS_OTHER, shown)
            return fill(pattern, {"points": number})
        case Kind.GROWTH:
            return _growth(figure, tag, messages, style, qualify)
        case Kind.QUANTITY:
            return _quantity(figure, tag, style)
        case Kind.DATE:
            return _date(figure, tag)
        case Kind.MONTH_RANGE:
            return _month_range(figure, tag, style)
        case Kind.RATIO:
            # each part with the digits it was typed with (0.6:31.4:68.0)
            return ":".join(
                format_number(p, tag, style, decimals=_typed(p, decimals), scale="full")
                for p in figure.parts
            )


def _typed(value: Decimal, decimals: int | None) -> int | None:
    """``decimals``, or the fraction digits ``value`` holds as typed."""
    exponent = value.as_tuple().exponent
    if decimals is None and isinstance(exponent, int) and exponent < 0:
        return -exponent
    return decimals


def _growth(
    figure: Figure,
    tag: str,
    messages: Messages,
    style: NumberStyle,
    qualify: Callable[[str], str] | None,
) -> str:
    """增长3% / up 3%, 下降7.5% / down 7.5%, 持平 / unchanged; bare (the sentence carries the
    verb: 分别增长{a}和{b}): the size of the change alone, 3%."""
    assert figure.value is not None
    decimals = written_decimals(figure.decimals, figure.precision)
    percent = _percent_digits(abs(figure.value), tag, style, decimals)
    if qualify is not None:
        percent = qualify(percent)
    if figure.wording == "bare":
        return percent
    if _round(figure.value, decimals) == 0:
        return messages.gettext(FIGURE_CONTEXT, UNCHANGED)
    word = UP if figure.value > 0 else DOWN
    return fill(messages.gettext(FIGURE_CONTEXT, word), {"percent": percent})


def format_list(items: list[str], tag: str, messages: Messages | None = None) -> str:
    """Names joined as the locale joins a list (Wang Caiyan and Yang Min), or as the
    catalog's LIST_PAIR says when it translates it: a Chinese byline reads 王彩艳 杨敏,
    where CLDR's list pattern gives 王彩艳和杨敏."""
    if messages is not None and len(items) == 2 and messages.translated(FIGURE_CONTEXT, LIST_PAIR):
        # two names, as bylines mostly have; a longer list takes CLDR's patterns
        pattern = messages.gettext(FIGURE_CONTEXT, LIST_PAIR)
        return fill(pattern, {"first": items[0], "second": items[1]})
    return babel_format_list(items, style="standard", locale=get_locale(tag))
