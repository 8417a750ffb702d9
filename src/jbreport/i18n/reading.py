"""Figures read out of text: an editor's typed figure (``302.5亿``) and the figures a
translation states, which the checker compares with its source's.

The reader understands scales and units: 302.5亿 is 30.25 billion, 5.5万 is 55,000, 个百分点
are percentage points, 公里 are km, and dates may be written in either language's order.
Each language's scale words (:mod:`.scales`), kilometre words, month names and decimal and
group separators come from its CLDR data.  It reads whatever :mod:`.formatting` writes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import (
    get_decimal_symbol,
    get_group_symbol,
)
from babel.units import format_unit

from .dates import date_patterns, take_dates
from .figures import FigureValueError
from .locale import get_locale
from .numerals import cjk_numeral, latin_digits, take_ordinals
from .placeholders import without_placeholders
from .scales import MARKS, pattern_text, scale_words
from .script import UNSPACED

# Scale words: those of the text's locale come from CLDR's long and short compact decimal
# patterns (de "0 Milliarden", "0 Mrd."; es "0 mil millones", "0 billones"; ja "0兆"), each with
# its power of ten.  The Simplified Chinese ones (万 亿 万亿) are read in any text (the
# characters are unambiguous), and 千, which CLDR's compact forms leave out (they write
# 5000); 兆 is not among them, since in mainland usage it is also "mega" (兆瓦).
_ANY_TEXT_SCALES = "zh"
_CHINESE_THOUSAND = {"千": 3}
_TRADITIONAL = str.maketrans("万亿", "萬億")
# Press abbreviations CLDR does not list (its English short forms are K, M, B, T).
_SCALES_EXTRA = {"en": {"mn": 6, "bn": 9, "tn": 12}}
_PERCENT = ("%", "％", "per cent", "percent", "pour cent")
_POINTS = (
    "个百分点",
    "percentage point",
    "percentage points",
    "pp",
    "point de pourcentage",
    "points de pourcentage",
)
_KM = (  # read in any text; each locale adds its CLDR names of length-kilometer
    "公里",
    "km",
    "kilometer",
    "kilometers",
    "kilometre",
    "kilometres",
    "kilomètre",
    "kilomètres",
)
_SPACES = " \u00a0\u202f"


@dataclass(frozen=True, slots=True)
class _Reader:
    """How figures are written in one language: numbers, scale words, month names."""

    number: re.Pattern[str]
    scales: dict[str, int]  # words compared without case ("Milliarden", "milliarden")
    abbreviations: dict[str, int]  # compared as written ("M" is a million, "m" is not)
    around: dict[tuple[str, str], int]  # a word on each side of the digits, without case
    units: dict[str, str]  # lower-cased unit word → dimension
    dmy: re.Pattern[str] | None
    mdy: re.Pattern[str] | None
    months: dict[str, int]

    def scale(self, word: str) -> int:
        """The power of ten a matched scale word stands for (0 for none)."""
        key = " ".join(word.split())
        if key in self.abbreviations:
            return self.abbreviations[key]
        return self.scales.get(key.lower(), 0)

    def exponent(self, prefix: str, suffix: str) -> int:
        """The power of ten of the words before and after a number (0 for none)."""
        if prefix and suffix:
            key = (" ".join(prefix.split()).lower(), " ".join(suffix.split()).lower())
            if key in self.around:
                return self.around[key]
        return self.scale(suffix or prefix)


_KILOMETRE_SAMPLES = ((Decimal(1), "0"), (Decimal(2), "0"), (Decimal(5), "0"), (Decimal(21), "0"))


def _kilometre_words(locale: Locale) -> set[str]:
    """How ``locale`` writes kilometres after a number, from CLDR's unit patterns in each
    length and plural form: km, Kilometer, kilómetros, キロメートル, км, километров…"""
    words: set[str] = set()
    samples = (*_KILOMETRE_SAMPLES, (Decimal("1.5"), "0.0"))
    for length in ("long", "short", "narrow"):
        for value, pattern in samples:
            text = format_unit(
                value, "length-kilometer", length=length, format=pattern, locale=locale
            )
            text = text.translate({ord(c): None for c in MARKS})
            m = re.fullmatch(r"\s*[\d.,\u066b\u066c\u2019' \u00a0\u202f]*\d\s*(\D+)", text)
            if m and m[1].strip():
                words.add(" ".join(m[1].split()).lower())
    return words


def _alternatives(words: Iterable[str], exact: Iterable[str] = ()) -> str:
    """A regular expression of ``words`` (compared without case) and ``exact`` (compared as
    written), longest first; any space in a word matches any run of spaces; a word ending in a
    letter of a spaced script must end there ("mil" is not the start of "millones")."""
    choices = {word: False for word in words} | {word: True for word in exact}
    out = []
    for word in sorted(choices, key=lambda w: (-len(w), w)):
        regex = r"\s+".join(re.escape(part) for part in word.split())
        if word[-1].isalpha() and not UNSPACED.match(word[-1]):
            # an abbreviation ends at a space or punctuation: 5 M, but not the M of M&A
            regex += r"(?![^\s.,;:!?)\]}»”’'\"])" if choices[word] else r"(?![^\W\d_])"
        if choices[word] and len(word) == 1:
            # a one-letter abbreviation only attached to its number: 5M, not "Room 5 B"
            regex = r"(?<!\s)" + regex
        out.append(f"(?-i:{regex})" if choices[word] else regex)
    return "|".join(out)


@functools.cache  # a project has a few languages; the property test reads all of CLDR's
def _reader(language: str, points: tuple[str, ...] = ()) -> _Reader:
    """The reader of ``language``, a locale tag such as zh, zh_Hant, de or pt-BR.  A tag
    CLDR does not know is read as English, as it always was."""
    try:
        locale = get_locale(language)
    except FigureValueError:
        locale = get_locale("en")
    compact = scale_words(str(locale))
    simplified = scale_words(_ANY_TEXT_SCALES).long
    # and their Traditional forms (1.9萬億, as Hong Kong writes it)
    traditional = {w.translate(_TRADITIONAL): v for w, v in simplified.items()}
    chinese = {**_CHINESE_THOUSAND, **simplified, **traditional}
    known = {**chinese, **_SCALES_EXTRA.get(locale.language, {}), **compact.long}
    units = {u: "km" for u in (*_KM, *_kilometre_words(locale))}
    units.update({u: "percent" for u in _PERCENT})
    units.update({u: "points" for u in (*_POINTS, *points)})
    dmy, mdy, months = date_patterns(locale)
    return _Reader(
        _number_pattern(locale, known, units),
        {k.lower(): v for k, v in {**known, **compact.prefixes}.items()},
        compact.short,
        compact.around,
        units,
        dmy,
        mdy,
        months,
    )


def _integer(locale: Locale) -> str:
    """A regular expression of an integer as the locale groups it: 1,234,567; 12,34,567
    (Indian: groups of two above the first three); 1 234 567 with any kind of space."""
    group = get_group_symbol(locale)
    groups = _SPACES if group in _SPACES else group + ("'" if group in "’'" else "")
    g = "[" + re.escape(groups) + "]"
    sizes = [
        pattern.grouping
        for pattern in (locale.decimal_formats.get(None), locale.percent_formats.get(None))
        if pattern is not None and 0 < pattern.grouping[0] < 10 and 0 < pattern.grouping[1] < 10
    ]
    if not sizes:
        return r"\d+"
    primary = "|".join(sorted({rf"\d{{{p}}}" for p, _s in sizes}))
    secondary = "|".join(sorted({rf"\d{{{s}}}" for _p, s in sizes}))
    # the whole run of groups: 85,740,197 is one number, never 85,740 and 197
    return rf"\d+(?:{g}(?:{secondary}))*{g}(?:{primary})(?!\d|{g}\d)|\d+"


def _number_pattern(
    locale: Locale, known: dict[str, int], units: dict[str, str]
) -> re.Pattern[str]:
    """A figure: an optional scale word before it, or a percent sign where the locale puts
    it first (tr %5); the digits; an optional scale word and an optional unit after it."""
    compact = scale_words(str(locale))
    decimal = get_decimal_symbol(locale)
    before = {**compact.prefixes, **{b: 0 for b, _a in compact.around}}
    after = _alternatives({**known, **{a: 0 for _b, a in compact.around}}, compact.short)
    lead = []
    if before:
        # the sign of a negative figure follows a word before it: Miliyan -3.9
        lead.append(rf"(?<![^\W\d_])(?P<prefix>{_alternatives(before)})\s?(?:[-\u2212]\s?)?")
    percent = pattern_text(locale.percent_formats.get(None) or "0%")
    if percent.strip(MARKS + "-").startswith("%"):
        lead.append(r"(?P<percent>[%％])\s?(?:[-\u2212]\s?)?")
    return re.compile(
        (f"(?:{'|'.join(lead)})?" if lead else "")
        + rf"(?<![A-Za-z0-9_{re.escape(decimal)}])(?P<integer>{_integer(locale)})"
        rf"(?:{re.escape(decimal)}(?P<fraction>\d+))?"
        rf"(?:\s?(?P<scale>{after}))?"
        rf"(?:\s?(?P<unit>{_alternatives(units)}))?",
        re.IGNORECASE,
    )


def _num(integer: str, fraction: str | None) -> Decimal:
    digits = "".join(c for c in integer if c.isdigit())
    try:
        return Decimal(digits + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return Decimal(0)


@dataclass(frozen=True, slots=True)
class Stated:
    """A figure a text states, where it stands in the text."""

    start: int
    end: int
    dimension: str  # number, percent, points, km, year, month, day, ordinal
    value: Decimal


_ZH_ENUMERATOR = re.compile(r"^\s*([一二三四五六七八九十]{1,3})、")


def figures_in(
    text: str, language: str = "en", points: tuple[str, ...] = ()
) -> Counter[tuple[str, Decimal]]:
    """The figures a text of ``language`` states, as (dimension, value) pairs,
    language-neutral: 302.5亿 and 30.25 billion are both ("number", 30250000000); 第三 and
    3位 both ("ordinal", 3).  ``points`` are the language's words for percentage points
    beyond the few known everywhere (its catalog's: Prozentpunkte, процентных пункта)."""
    found: Counter[tuple[str, Decimal]] = Counter()
    for figure in stated_figures(without_placeholders(text), language, points, found):
        found[(figure.dimension, figure.value)] += 1
    return found


def stated_figures(
    text: str,
    language: str,
    points: tuple[str, ...] = (),
    found: Counter[tuple[str, Decimal]] | None = None,
) -> list[Stated]:
    """The numbers, percentages, points and kilometres of ``text`` with their places; its
    dates and ordinals are counted into ``found`` (and never read as counts)."""
    reader = _reader(language, tuple(sorted(points)))
    text = text.translate(latin_digits(language))
    dates: Counter[tuple[str, Decimal]] = Counter() if found is None else found
    if m := _ZH_ENUMERATOR.match(text):
        # a heading's number in Chinese (一、 … 十二、), which a translation writes as "1."
        dates[("number", Decimal(cjk_numeral(m[1]) or 0))] += 1
        text = " " * m.end() + text[m.end() :]
    # dates and ordinals first, so their digits are not read as counts
    rest = take_dates(text, reader.dmy, reader.mdy, reader.months, dates)
    rest = take_ordinals(rest, dates)
    out = []
    for m in reader.number.finditer(rest):
        grouped = not m["integer"].isdigit()
        prefix = m.groupdict().get("prefix") or ""
        suffix = m["scale"] or ""
        value = _num(m["integer"], m["fraction"]).scaleb(reader.exponent(prefix, suffix))
        unit = reader.units.get(" ".join((m["unit"] or "").split()).lower())
        if m.groupdict().get("percent"):
            unit = "percent"
        if unit is not None:
            dimension = unit
        elif not (prefix or suffix) and not m["fraction"] and not grouped and 1900 <= value <= 2100:
            dimension = "year"  # 2022 and 2022年 are the same year
        else:
            dimension = "number"
        out.append(Stated(m.start(), m.end(), dimension, value.normalize()))
    return out
