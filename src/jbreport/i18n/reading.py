"""Figures read out of text: the figures a translation states, which the checker compares
with its source's (an editor's typed figure is read by :mod:`.parsing`).

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
from babel.dates import get_month_names
from babel.numbers import (
    get_decimal_symbol,
    get_group_symbol,
)
from babel.units import format_unit

from .figures import FigureValueError
from .locale import get_locale
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
_ZH_DATE = re.compile(r"(?<!\d)(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_ZH_MONTHDAY = re.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})[日号]")
_ZH_MONTH = re.compile(r"(?<![\d.])(\d{1,2})月")  # 6个月 (six months) is no month
_ZH_MONTH_RANGE = re.compile(r"(?<![\d.])(\d{1,2})[—–\-~～至到](\d{1,2})月")  # 1—11月
# a heading's number in Chinese (一、 … 十二、), the number a translation writes as "1."
_ZH_ENUMERATOR = re.compile(r"^\s*([一二三四五六七八九十]{1,3})、")
_ZH_NUMERALS = {ch: n for n, ch in enumerate("一二三四五六七八九", start=1)}


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
def _reader(language: str) -> _Reader:
    """The reader of ``language``, a locale tag such as zh, zh_Hant, de or pt-BR.  A tag
    CLDR does not know is read as English, as it always was."""
    try:
        locale = get_locale(language)
    except FigureValueError:
        locale = get_locale("en")
    compact = scale_words(str(locale))
    chinese = {**_CHINESE_THOUSAND, **scale_words(_ANY_TEXT_SCALES).long}
    known = {**chinese, **_SCALES_EXTRA.get(locale.language, {}), **compact.long}
    units = {u: "km" for u in (*_KM, *_kilometre_words(locale))}
    units.update({u: "percent" for u in _PERCENT})
    units.update({u: "points" for u in _POINTS})
    dmy, mdy, months = _date_patterns(locale)
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


def _date_patterns(
    locale: Locale,
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, int]]:
    """Day-month-year and month-day-year dates with the locale's month names (none for
    Chinese, Japanese and Korean, whose dates are read by number: 2023年3月5日)."""
    months: dict[str, int] = {}
    if locale.language in ("zh", "ja", "ko"):
        return None, None, months
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for index, name in get_month_names(width, context, locale).items():
                if not any(c.isalpha() for c in str(name)):
                    continue  # months known by number (dz 12): a number, not a month
                months.setdefault(str(name), int(index))
                months.setdefault(str(name).rstrip("."), int(index))
    if not months:
        return None, None, months
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    month = rf"(?<!\w)({names})\.?(?!\w)"
    dmy = re.compile(rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+{month}(?:\s+(\d{{4}}))?")
    mdy = re.compile(rf"{month}(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(\d{{4}})(?!\d))?")
    return dmy, mdy, months


def _num(integer: str, fraction: str | None) -> Decimal:
    digits = "".join(c for c in integer if c.isdigit())
    try:
        return Decimal(digits + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return Decimal(0)


def figures_in(text: str, language: str = "en") -> Counter[tuple[str, Decimal]]:
    """The figures a text of ``language`` states, as (dimension, value) pairs,
    language-neutral: 302.5亿 and 30.25 billion are both ("number", 30250000000)."""
    reader = _reader(language)
    found: Counter[tuple[str, Decimal]] = Counter()
    text = without_placeholders(text)
    if m := _ZH_ENUMERATOR.match(text):
        found[("number", Decimal(_chinese_numeral(m[1])))] += 1
        text = text[m.end() :]
    # dates first, so their digits are not read as counts
    rest = _dates(text, reader, found)
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
        found[(dimension, value.normalize())] += 1
    return found


def _chinese_numeral(text: str) -> int:
    """一 … 九十九 as a number: 十 is ten, 十二 twelve, 二十 twenty."""
    if "十" not in text:
        return _ZH_NUMERALS.get(text, 0)
    tens, _, units = text.partition("十")
    return _ZH_NUMERALS.get(tens, 1) * 10 + _ZH_NUMERALS.get(units, 0)


def _dates(text: str, reader: _Reader, found: Counter[tuple[str, Decimal]]) -> str:
    """Count the dates of ``text`` into ``found``; the text without them."""
    for m in _ZH_DATE.finditer(text):
        found[("year", Decimal(m[1]))] += 1
        if m[2]:
            found[("month", Decimal(m[2]))] += 1
        if m[3]:
            found[("day", Decimal(m[3]))] += 1
    text = _ZH_DATE.sub(" ", text)
    for m in _ZH_MONTHDAY.finditer(text):
        found[("month", Decimal(m[1]))] += 1
        found[("day", Decimal(m[2]))] += 1
    text = _ZH_MONTHDAY.sub(" ", text)
    for m in _ZH_MONTH_RANGE.finditer(text):
        found[("month", Decimal(m[1]))] += 1
        found[("month", Decimal(m[2]))] += 1
    text = _ZH_MONTH_RANGE.sub(" ", text)
    for m in _ZH_MONTH.finditer(text):
        found[("month", Decimal(m[1]))] += 1
    text = _ZH_MONTH.sub(" ", text)
    for pattern, order in ((reader.dmy, "dmy"), (reader.mdy, "mdy")):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            day, month = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
            index = reader.months.get(month) or reader.months.get(month.rstrip("."))
            for dimension, value in (("month", index), ("day", day), ("year", m[3])):
                if value:
                    found[(dimension, Decimal(value))] += 1
        text = pattern.sub(" ", text)
    return text
