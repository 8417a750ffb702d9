"""Figures written for each reader by CLDR's rules.

This module is the only place in jbreport that turns a number or a date into text: digits,
separators, the scale words a locale uses for large values (:mod:`.scales`), plural rules,
currency names, units and dates, all from Babel's CLDR data.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Literal

from babel.lists import format_list as babel_format_list
from babel.numbers import NumberPattern, format_decimal, format_percent, parse_pattern
from babel.units import format_unit

from .dates import format_date_figure, format_month_range
from .figures import (
    DEFAULT_STYLE,
    FIGURE_CONTEXT,
    TEMPLATE_LANGUAGE,
    Figure,
    Kind,
    Messages,
    NumberStyle,
    Qualifier,
)
from .locale import get_locale
from .phrases import (
    GROWTH,
    LIST_PAIR,
    MONEY_CONTEXT,
    POINTS_ONE,
    POINTS_OTHER,
    QUALIFIER_CONTEXT,
    QUALIFIERS,
    ROUGHLY_UNCHANGED,
    UNCHANGED,
    Direction,
    money_msgid,
    scaled_money_msgid,
)
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
    return _scaled_number(value, tag, style, decimals, scale, precision)[0]


def _scaled_number(
    value: Decimal,
    tag: str,
    style: NumberStyle,
    decimals: int | None,
    scale: str,
    precision: int | None,
) -> tuple[str, Decimal, bool]:
    """The number as written, the number its plural follows (the mantissa at a scale), and
    whether it has a scale word."""
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
            return _scaled_number(rounded, tag, style, decimals, scale, None)
        return _digits(rounded, tag, style, decimals=shown), rounded, False
    shown = written_decimals(decimals, precision, chosen.divisor)
    mantissa = _round(value.scaleb(-chosen.divisor), shown)
    larger = [s for s in table if s.magnitude > chosen.magnitude]
    if larger and abs(mantissa.scaleb(chosen.divisor)) >= larger[0].least:
        # rounding carried into the next scale: 9999.5万 -> 1亿
        return _scaled_number(mantissa.scaleb(chosen.divisor), tag, style, decimals, scale, None)
    pattern = chosen.pattern(get_locale(tag).plural_form(abs(mantissa)))
    number = _digits(mantissa, tag, style, grouping=False, decimals=shown)
    return _ZEROS.sub(lambda _m: number, pattern, count=1), mantissa, True


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
    """The catalog's whole phrase for the amount, with or without its scale word (« 0 yuan »,
    « 30,25 milliards de yuans »), plural by the number printed; else CLDR's."""
    assert figure.value is not None and figure.currency is not None
    amount, shown, scaled = _scaled_number(
        figure.value, tag, style, figure.decimals, figure.scale, figure.precision
    )
    plain = money_msgid(figure.currency)
    wanted = [(scaled_money_msgid(figure.currency), "scaled_amount")] if scaled else []
    # a catalog of one pattern for every amount ({amount}元) serves the scaled ones too
    for msgid, field in [*wanted, (plain, "amount")]:
        if messages.translated(MONEY_CONTEXT, msgid):
            pattern = messages.ngettext(MONEY_CONTEXT, msgid, msgid, abs(shown))
            return fill(pattern, {field: amount})
    if is_template_language(tag):
        # the English msgid: the ISO code where CLDR's currency pattern puts the sign
        pattern = pattern_text(get_locale(tag).currency_formats["standard"]).split(";")[0]
        if pattern.strip(MARKS + " \u00a0").startswith("¤"):  # ignore direction marks
            return f"{figure.currency}\u00a0{amount}"
        return f"{amount}\u00a0{figure.currency}"
    return cldr_currency_phrase(figure.currency, amount, abs(shown), tag)


def cldr_currency_phrase(code: str, amount: str, shown: Decimal, tag: str) -> str:
    """CLDR's display name of the currency, in the plural form of ``shown``, in CLDR's
    currency unit pattern: 12亿英镑, 12 milliards livres sterling."""
    locale = get_locale(tag)
    category = locale.plural_form(shown)
    names = locale._data["currency_names_plural"].get(code, {})
    name = names.get(category) or names.get("other") or locale.currencies.get(code, code)
    patterns = locale._data["currency_unit_patterns"]
    pattern = patterns.get(category) or patterns.get("other") or "{0} {1}"
    return str(pattern).replace("{0}", amount).replace("{1}", str(name))


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
    form is the default; ``qualified=True`` writes the qualifier too, for a figure that
    stands alone (key figures, chart labels): a growth as one phrase (增长约3% / up about 3%
    / en hausse d'environ 3 %), any other figure in the catalog's qualifier pattern.
    """
    qualifier = figure.qualifier if qualified else None
    if figure.kind == Kind.GROWTH:
        return _growth(figure, tag, messages, style, qualifier)
    text = _format_bare(figure, tag, messages, style)
    return qualify(text, qualifier, tag, messages) if qualifier is not None else text


def is_template_language(tag: str) -> bool:
    """Whether ``tag`` is a variety of the language the message ids are written in."""
    return get_locale(tag).language == TEMPLATE_LANGUAGE


def qualify(text: str, qualifier: Qualifier, tag: str, messages: Messages) -> str:
    """约1600亿元 / about CNY 160 billion, as the catalog says; untranslated, CLDR's
    approximately pattern (``~{0}`` with the locale's approximately sign) for about, the
    at-least pattern (``{0}+``, CLDR's root: Babel carries no locale's own) for over."""
    msgid = QUALIFIERS[qualifier]
    if not messages.translated(QUALIFIER_CONTEXT, msgid) and not is_template_language(tag):
        if qualifier is Qualifier.ABOUT:
            symbols = get_locale(tag).number_symbols
            sign = symbols.get(get_locale(tag).default_numbering_system, symbols["latn"])
            return f"{sign.get('approximatelySign', '~')}{text}"
        if qualifier is Qualifier.OVER:
            return f"{text}+"
    return fill(messages.gettext(QUALIFIER_CONTEXT, msgid), {"figure": text})


def _format_bare(
    figure: Figure,
    tag: str,
    messages: Messages,
    style: NumberStyle,
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
            return _growth(figure, tag, messages, style, None)
        case Kind.QUANTITY:
            return _quantity(figure, tag, style)
        case Kind.DATE:
            return format_date_figure(figure, tag)
        case Kind.MONTH_RANGE:
            return format_month_range(figure, tag, style)
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
    qualifier: Qualifier | None,
) -> str:
    """增长3% / up 3%, 下降7.5% / down 7.5%, 持平 / unchanged, each with its qualifier as one
    phrase (增长约3% / up about 3%); bare (the sentence carries the verb: 分别增长{a}和{b}):
    the size of the change alone, 3%, or about 3%."""
    assert figure.value is not None
    decimals = written_decimals(figure.decimals, figure.precision)
    percent = _percent_digits(abs(figure.value), tag, style, decimals)
    if figure.wording == "bare":
        return qualify(percent, qualifier, tag, messages) if qualifier else percent
    if _round(figure.value, decimals) == 0:
        roughly = qualifier in (Qualifier.ABOUT, Qualifier.ESTIMATE) and (
            messages.translated(FIGURE_CONTEXT, ROUGHLY_UNCHANGED)
            or not messages.translated(FIGURE_CONTEXT, UNCHANGED)
        )  # a catalog that has only 持平 says 持平
        return messages.gettext(FIGURE_CONTEXT, ROUGHLY_UNCHANGED if roughly else UNCHANGED)
    direction = Direction.UP if figure.value > 0 else Direction.DOWN
    msgid = GROWTH[(direction, qualifier)]
    if (
        qualifier is not None
        and not messages.translated(FIGURE_CONTEXT, msgid)
        and messages.translated(FIGURE_CONTEXT, GROWTH[(direction, None)])
    ):
        # a catalog from before the whole phrases: its two patterns, one in the other
        percent = qualify(percent, qualifier, tag, messages)
        msgid = GROWTH[(direction, None)]
    return fill(messages.gettext(FIGURE_CONTEXT, msgid), {"percent": percent})


def format_list(items: list[str], tag: str, messages: Messages | None = None) -> str:
    """Names joined as the locale joins a list (Wang Caiyan and Yang Min), or as the
    catalog's LIST_PAIR says when it translates it: a Chinese byline reads 王彩艳 杨敏,
    where CLDR's list pattern gives 王彩艳和杨敏."""
    if messages is not None and len(items) == 2 and messages.translated(FIGURE_CONTEXT, LIST_PAIR):
        # two names, as bylines mostly have; a longer list takes CLDR's patterns
        pattern = messages.gettext(FIGURE_CONTEXT, LIST_PAIR)
        return fill(pattern, {"first": items[0], "second": items[1]})
    return babel_format_list(items, style="standard", locale=get_locale(tag))
