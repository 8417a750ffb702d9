"""Figures: one value, written for each reader by CLDR's rules.

This module is the only place in jbreport that turns a number or a date into text.  A
:class:`Figure` holds a value once (Decimal, never float); :func:`format_figure` writes it for
one locale with Babel's CLDR data: digits, separators, the scale words a locale uses for large
values (万/亿/万亿, million/billion/trillion, lakh/crore…), plural rules, currency names, units
and dates.  The words CLDR does not have (growth "up/down", qualifiers, percentage points) come
from the edition's catalog through :class:`Messages`; their English source text is the default.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Literal, Protocol

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    format_decimal,
    format_percent,
    is_currency,
    parse_decimal,
    parse_pattern,
)
from babel.units import UnknownUnitError, format_unit, get_unit_name

from .text import fill


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    POINTS = "points"
    GROWTH = "growth"
    QUANTITY = "quantity"
    DATE = "date"
    MONTH_RANGE = "month_range"
    RATIO = "ratio"


class Qualifier(StrEnum):
    ABOUT = "about"
    OVER = "over"
    UNDER = "under"
    ESTIMATE = "estimate"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class FigureValueError(ValueError):
    """A figure's value or option is impossible; the caller adds the location."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int = 1
    day: int = 1
    precision: Precision = Precision.DAY

    @property
    def date(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
        if not m:
            raise FigureValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        precision = Precision.DAY if m[3] else Precision.MONTH if m[2] else Precision.YEAR
        try:
            datetime.date(year, month, day)
        except ValueError as exc:
            raise FigureValueError(f"impossible date {text!r}: {exc}") from None
        return cls(year, month, day, precision)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a report, independent of language."""

    kind: Kind
    value: Decimal | None = None  # numeric kinds; percent, points and growth in per cent
    parts: tuple[Decimal, ...] = ()  # ratio
    start: PartialDate | None = None  # date, month_range
    end: PartialDate | None = None  # month_range
    currency: str | None = None
    unit: str | None = None
    unit_style: str | None = None  # short | long | narrow; default by unit
    noun: str | None = None  # source-language pattern with {count}
    noun_context: str | None = None  # msgctxt of the noun in the catalog
    qualifier: Qualifier | None = None
    decimals: int | None = None
    scale: str = "auto"  # auto | full
    skeleton: str | None = None


class Messages(Protocol):
    """The edition's catalog, as far as figures need it."""

    def gettext(self, context: str, msgid: str) -> str:
        """The translation, or ``msgid`` when there is none."""
        ...

    def translated(self, context: str, msgid: str) -> bool:
        """Whether the catalog holds a current translation."""
        ...

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        """The plural form for ``n`` by the catalog's (else the locale's) plural rule."""
        ...


class SourceMessages:
    """Messages with no catalog: every msgid stands for itself, CLDR chooses the plural."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def gettext(self, context: str, msgid: str) -> str:
        return msgid

    def translated(self, context: str, msgid: str) -> bool:
        return False

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        return singular if self.locale.plural_form(n) == "one" else plural


# The words CLDR has no data for.  These English strings are message ids: a catalog
# translates them (``translations/zh.po`` holds 增长{percent} for "up {percent}").
# ``N_`` marks them for `jbreport translations extract`.
def N_(msgid: str) -> str:
    return msgid


FIGURE_CONTEXT = "figure"
UP = N_("up {percent}")
# How two names are joined in a byline; untranslated (or for more names), CLDR's list pattern
LIST_PAIR = N_("{first} and {second}")
DOWN = N_("down {percent}")
POINTS_ONE = N_("{points} percentage point")
POINTS_OTHER = N_("{points} percentage points")
# A catalog may say how its language writes each currency ("{amount}元"); untranslated,
# CLDR's currency pattern puts the ISO code where the locale puts its sign: CNY 30.25 billion.
MONEY_CONTEXT = "money"


def money_msgid(code: str) -> str:
    return f"{code} {{amount}}"


QUALIFIER_CONTEXT = "qualifier"
QUALIFIERS: dict[Qualifier, str] = {
    Qualifier.ABOUT: N_("about {figure}"),
    Qualifier.OVER: N_("more than {figure}"),
    Qualifier.UNDER: N_("less than {figure}"),
    Qualifier.ESTIMATE: N_("estimated {figure}"),
}


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """House style of one edition that CLDR leaves open."""

    min_grouping_digits: int = 1


# --------------------------------------------------------------------------------------
# Locales and scales


@cache
def get_locale(tag: str) -> Locale:
    """A Babel locale for a tag such as ``zh``, ``en_GB`` or ``pt-BR``."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise FigureValueError(f"unknown locale {tag!r}") from exc


@dataclass(frozen=True, slots=True)
class _Scale:
    magnitude: int  # 10**magnitude is the smallest value written with this pattern
    divisor: int  # the value is divided by 10**divisor
    digits: int  # integer digits the pattern holds
    patterns: tuple[tuple[str, str], ...]  # (plural category, pattern such as "0 billion")

    @property
    def least(self) -> Decimal:
        return _POWERS_OF_TEN[self.magnitude]

    def pattern(self, category: str) -> str:
        """The pattern for a plural category, else the "other" one, else the first."""
        patterns = dict(self.patterns)
        return patterns.get(category) or patterns.get("other") or self.patterns[0][1]


_POWERS_OF_TEN = [Decimal(10) ** n for n in range(64)]
_ZEROS = re.compile("0+")


def _pattern_text(pattern: object) -> str:
    """A CLDR pattern's positive part, without quotes ("milioni 0;milioni -0" → "milioni 0")."""
    text = getattr(pattern, "pattern", str(pattern))
    return text.split(";")[0].replace("'", "")


@cache
def _scales(tag: str) -> tuple[_Scale, ...]:
    """The scale words a locale writes large numbers with, from CLDR's long compact forms.

    The word for thousands is never used in running text ("55,000", not "55 thousand"), so
    scales start at the first magnitude whose word differs from the thousand's: 万 in
    Chinese and Japanese, million in English and French, lakh in Hindi.
    """
    locale = get_locale(tag)
    forms = locale.compact_decimal_formats.get("long") or locale.compact_decimal_formats.get(
        "short"
    )
    if not forms:
        return ()
    by_magnitude: dict[str, dict[str, str]] = {}
    for category, table in forms.items():
        for magnitude, pattern in table.items():
            by_magnitude.setdefault(magnitude, {})[category] = _pattern_text(pattern)

    def word(p: str) -> str:
        return p.replace("0", "").strip()

    thousand = word(by_magnitude.get("1000", {}).get("other", ""))
    scales: list[_Scale] = []
    started = False
    for magnitude in sorted(by_magnitude, key=int):
        other = by_magnitude[magnitude].get("other") or next(iter(by_magnitude[magnitude].values()))
        exponent = len(magnitude) - 1
        w = word(other)
        if not started:
            if exponent <= 3 or not w or w == thousand:
                continue
            started = True
        zeros = other.count("0")
        if zeros == 0 or not w:
            continue
        scales.append(
            _Scale(
                magnitude=exponent,
                divisor=exponent - zeros + 1,
                digits=zeros,
                patterns=tuple(sorted(by_magnitude[magnitude].items())),
            )
        )
    return tuple(scales)


def parse_number(text: str, tag: str) -> Decimal:
    """Read a figure as an editor types it: ``302.5亿``, ``5.5万``, ``1.2 billion``, ``2213``.

    Scale words are the locale's own, from CLDR.  The result keeps the digits typed, so
    ``302.5亿`` is ``Decimal('3.025E+10')`` and formats back to 30.25 billion, never 30.250.
    """
    raw = text.strip().replace("\u00a0", " ")
    m = re.fullmatch(r"([+-]?)(\d[\d,.\u202f'’]*|[.,]\d+)\s*(.*)", raw)
    if not m:
        raise FigureValueError(f"not a number: {text!r}")
    sign, digits, word = m[1], m[2], m[3].strip()
    try:
        # the locale's own separators: 3,025 is 3.025 in German, 55.000 fifty-five thousand
        number = parse_decimal(digits, locale=get_locale(tag), strict=True)
    except NumberFormatError as exc:
        hint = f" (did you mean {exc.suggestions[0]}?)" if exc.suggestions else ""
        raise FigureValueError(f"not a number as {tag} writes it: {text!r}{hint}") from None
    except (InvalidOperation, ValueError):
        raise FigureValueError(f"not a number: {text!r}") from None
    if sign == "-":
        number = -number
    if not word:
        return number
    for scale in sorted(_scales(tag), key=lambda s: -len(s.patterns[0][1])):
        for _category, pattern in scale.patterns:
            if pattern.replace("0", "").strip() == word:
                return number.scaleb(scale.divisor)
    words = sorted({p.replace("0", "").strip() for s in _scales(tag) for _c, p in s.patterns})
    raise FigureValueError(
        f"unknown scale word {word!r} in {text!r}; {tag} knows: {', '.join(words) or 'none'}"
    )


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


@cache
def _number_pattern(text: str) -> NumberPattern:
    return parse_pattern(text)


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
    pattern = _number_pattern("#,##0" + ("." + "0" * decimals if decimals else ""))
    return str(pattern.apply(value, locale, group_separator=grouping))


def format_number(
    value: Decimal,
    tag: str,
    style: NumberStyle = NumberStyle(),
    *,
    decimals: int | None = None,
    scale: str = "auto",
) -> str:
    """A number as the locale writes it in running text: 5.5万 / 55,000; 302.5亿 / 30.25 billion."""
    scales = _scales(tag) if scale == "auto" else ()
    magnitude = abs(value)
    chosen: _Scale | None = None
    for candidate in scales:
        if magnitude >= candidate.least:
            chosen = candidate
    if chosen is None:
        rounded = _round(value, decimals)
        if scales and abs(rounded) >= scales[0].least:
            # rounding carried into the first scale: 9999.5 -> 1万, 999,999.5 -> 1 million
            return format_number(rounded, tag, style, decimals=decimals, scale=scale)
        return _digits(rounded, tag, style, decimals=decimals)
    mantissa = _round(value.scaleb(-chosen.divisor), decimals)
    larger = [s for s in scales if s.magnitude > chosen.magnitude]
    if larger and abs(mantissa.scaleb(chosen.divisor)) >= larger[0].least:
        # rounding carried into the next scale: 9999.5万 -> 1亿
        return format_number(
            mantissa.scaleb(chosen.divisor), tag, style, decimals=decimals, scale=scale
        )
    pattern = chosen.pattern(get_locale(tag).plural_form(abs(mantissa)))
    number = _digits(mantissa, tag, style, grouping=False, decimals=decimals)
    return _ZEROS.sub(lambda _m: number, pattern, count=1)


def _percent_digits(value: Decimal, tag: str, style: NumberStyle, decimals: int | None) -> str:
    """``97.57`` (per cent) as the locale writes a percentage: 97.57%, 97,57 %."""
    locale = get_locale(tag)
    rounded = _round(value, decimals)
    if decimals is None:
        return format_percent(rounded.scaleb(-2), locale=locale, decimal_quantization=False)
    # the locale's percent pattern with exactly `decimals` fraction digits
    pattern = _pattern_text(locale.percent_formats[None]).split(";")[0]
    last_zero = pattern.rfind("0")
    fraction = "." + "0" * decimals if decimals else ""
    pattern = pattern[: last_zero + 1] + fraction + pattern[last_zero + 1 :]
    return format_percent(rounded.scaleb(-2), pattern, locale=locale)


# --------------------------------------------------------------------------------------
# Figures


def _money(figure: Figure, tag: str, messages: Messages, style: NumberStyle) -> str:
    assert figure.value is not None and figure.currency is not None
    amount = format_number(figure.value, tag, style, decimals=figure.decimals, scale=figure.scale)
    msgid = money_msgid(figure.currency)
    if messages.translated(MONEY_CONTEXT, msgid):
        return fill(messages.gettext(MONEY_CONTEXT, msgid), {"amount": amount})
    # CLDR's currency pattern says on which side the currency goes.
    pattern = _pattern_text(get_locale(tag).currency_formats["standard"]).split(";")[0]
    if pattern.strip("\u200e\u200f\u061c \u00a0").startswith("¤"):  # ignore direction marks
        return f"{figure.currency}\u00a0{amount}"
    return f"{amount}\u00a0{figure.currency}"


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
    number = format_number(figure.value, tag, style, decimals=figure.decimals, scale=figure.scale)
    # CLDR chooses the unit pattern and its plural form; the number in it is ours (scaled, exact)
    locale = get_locale(tag)
    pattern = "#,##0." + "#" * 12
    shown = _shown(figure.value, figure.decimals)  # the plural follows the printed number
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


def _month_range(figure: Figure, tag: str) -> str:
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
    style: NumberStyle = NumberStyle(),
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
    decimals, scale = figure.decimals, figure.scale
    match figure.kind:
        case Kind.COUNT:
            assert figure.value is not None
            number = format_number(figure.value, tag, style, decimals=decimals, scale=scale)
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
            assert figure.value is not None
            percent = _percent_digits(abs(figure.value), tag, style, decimals)
            if qualify is not None:
                percent = qualify(percent)
            word = UP if figure.value >= 0 else DOWN
            return fill(messages.gettext(FIGURE_CONTEXT, word), {"percent": percent})
        case Kind.QUANTITY:
            return _quantity(figure, tag, style)
        case Kind.DATE:
            return _date(figure, tag)
        case Kind.MONTH_RANGE:
            return _month_range(figure, tag)
        case Kind.RATIO:
            return ":".join(
                format_number(p, tag, style, decimals=decimals, scale="full") for p in figure.parts
            )


def format_list(items: list[str], tag: str, messages: Messages | None = None) -> str:
    """Names joined as the locale joins a list (Wang Caiyan and Yang Min), or as the
    catalog's LIST_PAIR says when it translates it: a Chinese byline reads 王彩艳 杨敏,
    where CLDR's list pattern gives 王彩艳和杨敏."""
    from babel.lists import format_list as babel_format_list

    if messages is not None and len(items) == 2 and messages.translated(FIGURE_CONTEXT, LIST_PAIR):
        # two names, as bylines mostly have; a longer list takes CLDR's patterns
        pattern = messages.gettext(FIGURE_CONTEXT, LIST_PAIR)
        return fill(pattern, {"first": items[0], "second": items[1]})
    return babel_format_list(items, style="standard", locale=get_locale(tag))


def likely_script(tag: str) -> str | None:
    """The script of the language, as written or CLDR's likely one: zh → Hans, ja → Jpan."""
    from babel.core import get_global

    locale = get_locale(tag)
    if locale.script is not None:
        return str(locale.script)
    likely = get_global("likely_subtags").get(locale.language)
    parts = str(likely).split("_") if likely else []
    return parts[1] if len(parts) > 2 else None


def is_east_asian(tag: str) -> bool:
    """Whether CLDR's likely script of the language is Han, Japanese or Korean."""
    return likely_script(tag) in {"Hans", "Hant", "Hani", "Jpan", "Kore", "Hang"}


def likely_territory(tag: str) -> str | None:
    """CLDR's likely territory of a language: zh → CN, en → US."""
    from babel.core import get_global

    likely = get_global("likely_subtags").get(get_locale(tag).language)
    return str(likely).split("_")[-1] if likely else None


# --------------------------------------------------------------------------------------
# Validation helpers for the content loader


def check_currency(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", code) or not is_currency(code):
        raise FigureValueError(f"unknown currency {code!r} (use an ISO 4217 code such as CNY)")
    return code


def check_unit(unit: str) -> str:
    try:
        name = get_unit_name(unit, locale=get_locale("en"))
    except UnknownUnitError:
        name = None
    if name is None:
        raise FigureValueError(
            f"unknown unit {unit!r} (use a CLDR unit id such as length-kilometer)"
        )
    return unit


def check_skeleton(skeleton: str) -> str:
    if not re.fullmatch(r"[GyYuUrQqMLlwWdDFgEec]+", skeleton):
        raise FigureValueError(f"not a CLDR date skeleton: {skeleton!r}")
    return skeleton
