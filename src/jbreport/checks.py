"""Checks of a translation against its source: placeholders, completeness, figures written
in free text, and the glossary.

The figure check understands scales and units: 302.5亿 is 30.25 billion, 5.5万 is 55,000,
个百分点 are percentage points, 公里 are km, and dates may be written in either language's
order.  Each language's scale words (Milliarden, mil millones, 億, 억…), kilometre words and
decimal and group separators come from its CLDR data, through Babel.  Each figure is reduced
to a value and a dimension; a translation must carry the same multiset of them as its source.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import get_month_names
from babel.messages.catalog import Catalog, Message
from babel.numbers import get_decimal_symbol, get_group_symbol
from babel.units import format_unit

from .catalog import message_line
from .errors import Location, TranslationError
from .numbers import _pattern_text
from .source.model import placeholders
from .source.yaml import load_yaml

GLOSSARY_NAME = "glossary.yaml"


@dataclass(frozen=True, slots=True)
class Problem:
    line: int | None
    message: str


# -- figures in free text -------------------------------------------------------------------

# Scale words: those of the text's locale come from CLDR's long and short compact decimal
# patterns (de "0 Milliarden", "0 Mrd."; es "0 mil millones", "0 billones"; ja "0兆"), each with
# its power of ten.  The Chinese ones below are read in any text (the characters are
# unambiguous); 兆 is not among them, since in mainland usage it is also "mega" (兆瓦).
_SCALES_ZH = {"万亿": 12, "亿": 8, "万": 4, "千": 3}
# Press abbreviations CLDR does not list (its English short forms are K, M, B, T).
_SCALES_EXTRA = {"en": {"mn": 6, "bn": 9, "tn": 12}}
# Marks CLDR puts around right-to-left patterns; they are no part of a word.
_MARKS = "\u200e\u200f\u061c"
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
_PLACEHOLDER_RE = re.compile(r"\{[^{}]*\}")
_ZH_DATE = re.compile(r"(?<!\d)(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_ZH_MONTHDAY = re.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})[日号]")
_ZH_MONTH = re.compile(r"(?<![\d.])(\d{1,2})月")  # 6个月 (six months) is no month


@dataclass(frozen=True, slots=True)
class _Reader:
    """How figures are written in one language: numbers, scale words, month names."""

    number: re.Pattern[str]
    scales: dict[str, int]  # words compared without case ("Milliarden", "milliarden")
    abbreviations: dict[str, int]  # compared as written ("M" is a million, "m" is not)
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


def _words(table: dict[str, int], word: str, exponent: int, ambiguous: set[str]) -> None:
    if table.setdefault(word, exponent) != exponent:
        ambiguous.add(word)


def _compact_scales(locale: Locale) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """The scale words of ``locale``'s compact decimal patterns, by the power of ten they
    stand for: (suffix words of the long patterns, suffix abbreviations of the short ones,
    prefix words of either).  "0 Milliarden" holds one zero for 10^9, so Milliarden is 10^9;
    "00 mil millones" holds two for 10^10, so mil millones is 10^9 too.  A word standing for
    two different powers is no scale word."""
    long: dict[str, int] = {}
    short: dict[str, int] = {}
    prefixes: dict[str, int] = {}
    ambiguous: set[str] = set()
    for style, suffixes in (("long", long), ("short", short)):
        for table in (locale.compact_decimal_formats.get(style) or {}).values():
            for magnitude, pattern in table.items():
                text = _pattern_text(pattern).translate({ord(c): None for c in _MARKS})
                m = re.fullmatch(r"([^0]*?)(0+)([^0]*)", text)
                if m is None:
                    continue
                before, after = " ".join(m[1].split()), " ".join(m[3].split())
                exponent = len(magnitude) - len(m[2])
                if before and after:
                    continue  # a word on both sides (my, wo): not read
                if after:
                    word = after.lower() if style == "long" else after
                    _words(suffixes, word, exponent, ambiguous)
                    if word.endswith("."):  # "Mrd" as well as "Mrd."
                        _words(suffixes, word[:-1], exponent, ambiguous)
                elif before:
                    _words(prefixes, before.lower(), exponent, ambiguous)
    for table in (long, short, prefixes):
        for word in ambiguous & table.keys():
            del table[word]
    return long, short, prefixes


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
            text = text.translate({ord(c): None for c in _MARKS})
            m = re.fullmatch(r"\s*[\d.,\u066b\u066c\u2019' \u00a0\u202f]*\d\s*(\D+)", text)
            if m and m[1].strip():
                words.add(" ".join(m[1].split()).lower())
    return words


# Letters of scripts written without spaces between words: a scale word or unit of these
# may be followed directly by the next word (302.5亿元, 3억원).
_UNSPACED = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff]"
)


def _alternatives(words: Iterable[str], exact: Iterable[str] = ()) -> str:
    """A regular expression of ``words`` (compared without case) and ``exact`` (compared as
    written), longest first; any space in a word matches any run of spaces; a word ending in a
    letter of a spaced script must end there ("mil" is not the start of "millones")."""
    choices = {word: False for word in words} | {word: True for word in exact}
    out = []
    for word in sorted(choices, key=lambda w: (-len(w), w)):
        regex = r"\s+".join(re.escape(part) for part in word.split())
        if word[-1].isalpha() and not _UNSPACED.match(word[-1]):
            # an abbreviation ends at a space or punctuation: 5 M, but not the M of M&A
            regex += r"(?![^\s.,;:!?)\]}»”’'\"])" if choices[word] else r"(?![^\W\d_])"
        if choices[word] and len(word) == 1:
            # a one-letter abbreviation only attached to its number: 5M, not "Room 5 B"
            regex = r"(?<!\s)" + regex
        out.append(f"(?-i:{regex})" if choices[word] else regex)
    return "|".join(out)


@functools.lru_cache(maxsize=32)
def _reader(language: str) -> _Reader:
    """The reader of ``language``, a locale tag such as zh, zh_Hant, de or pt-BR.  A tag
    CLDR does not know is read as English, as it always was."""
    tag = language.replace("-", "_")
    try:
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    base = locale.language
    decimal = get_decimal_symbol(locale)
    group = get_group_symbol(locale)
    groups = _SPACES if group in _SPACES else group + ("'" if group == "’" else "")
    g = "[" + re.escape(groups) + "]"
    long, short, prefixes = _compact_scales(locale)
    scales = {**_SCALES_ZH, **_SCALES_EXTRA.get(base, {}), **long}
    words = _alternatives(scales, short)
    units = {u: "km" for u in (*_KM, *_kilometre_words(locale))}
    units.update({u: "percent" for u in _PERCENT})
    units.update({u: "points" for u in _POINTS})
    unit_words = _alternatives(units)
    prefix = ""
    if prefixes:
        prefix = rf"(?:(?<![^\W\d_])(?P<prefix>{_alternatives(prefixes)})\s?)?"
    number = re.compile(
        prefix
        + rf"(?<![A-Za-z0-9_{re.escape(decimal)}])(?P<integer>\d{{1,3}}(?:{g}\d{{3}})+(?!\d)|\d+)"
        rf"(?:{re.escape(decimal)}(?P<fraction>\d+))?"
        rf"(?:\s?(?P<scale>{words}))?"
        rf"(?:\s?(?P<unit>{unit_words}))?",
        re.IGNORECASE,
    )
    months: dict[str, int] = {}
    dmy = mdy = None
    if base not in ("zh", "ja", "ko"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for index, name in get_month_names(width, context, locale).items():
                    months.setdefault(str(name), int(index))
                    months.setdefault(str(name).rstrip("."), int(index))
        names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
        month = rf"(?<!\w)({names})\.?(?!\w)"
        dmy = re.compile(rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+{month}(?:\s+(\d{{4}}))?")
        mdy = re.compile(
            rf"{month}(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(\d{{4}})(?!\d))?"
        )
    return _Reader(
        number,
        {k.lower(): v for k, v in {**scales, **prefixes}.items()},
        short,
        units,
        dmy,
        mdy,
        months,
    )


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
    rest = _PLACEHOLDER_RE.sub(" ", text)
    # dates first, so their digits are not read as counts
    for m in _ZH_DATE.finditer(rest):
        found[("year", Decimal(m[1]))] += 1
        if m[2]:
            found[("month", Decimal(m[2]))] += 1
        if m[3]:
            found[("day", Decimal(m[3]))] += 1
    rest = _ZH_DATE.sub(" ", rest)
    for m in _ZH_MONTHDAY.finditer(rest):
        found[("month", Decimal(m[1]))] += 1
        found[("day", Decimal(m[2]))] += 1
    rest = _ZH_MONTHDAY.sub(" ", rest)
    for m in _ZH_MONTH.finditer(rest):
        found[("month", Decimal(m[1]))] += 1
    rest = _ZH_MONTH.sub(" ", rest)
    for pattern, order in ((reader.dmy, "dmy"), (reader.mdy, "mdy")):
        if pattern is None:
            continue
        for m in pattern.finditer(rest):
            if order == "dmy":
                day, month, year = m[1], m[2], m[3]
            else:
                month, day, year = m[1], m[2], m[3]
            index = reader.months.get(month) or reader.months.get(month.rstrip("."))
            if index:
                found[("month", Decimal(index))] += 1
            if day:
                found[("day", Decimal(day))] += 1
            if year:
                found[("year", Decimal(year))] += 1
        rest = pattern.sub(" ", rest)
    for m in reader.number.finditer(rest):
        grouped = not m["integer"].isdigit()
        value = _num(m["integer"], m["fraction"])
        scale = m["scale"] or m.groupdict().get("prefix") or ""
        value = value.scaleb(reader.scale(scale))
        unit = reader.units.get(" ".join((m["unit"] or "").split()).lower())
        if unit is not None:
            dimension = unit
        elif not scale and not m["fraction"] and not grouped and 1900 <= value <= 2100:
            dimension = "year"  # 2022 and 2022年 are the same year
        else:
            dimension = "number"
        found[(dimension, value.normalize())] += 1
    return found


def _describe(figure: tuple[str, Decimal]) -> str:
    dimension, value = figure
    shown = f"{value:f}"
    return {
        "percent": f"{shown}%",
        "points": f"{shown} percentage points",
        "km": f"{shown} km",
    }.get(dimension, f"{dimension} {shown}" if dimension in ("year", "month", "day") else shown)


def figure_problems(
    source: str, translation: str, source_language: str = "zh", language: str = "en"
) -> list[str]:
    """What the translation states differently from the source, or an empty list."""
    src = figures_in(source, source_language)
    dst = figures_in(translation, language)
    if src == dst:
        return []
    missing = src - dst
    extra = dst - src
    parts = []
    if missing:
        parts.append("source has " + ", ".join(_describe(f) for f in sorted(missing)))
    if extra:
        parts.append("translation has " + ", ".join(_describe(f) for f in sorted(extra)))
    return ["figures differ: " + "; ".join(parts)]


# -- glossary -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Term:
    source: str
    required: dict[str, str]  # language → required rendering
    note: str
    loc: Location


def load_glossary(folder: Path) -> list[Term]:
    """``translations/glossary.yaml``: ``- {source: 江北嘴, en: Jiangbeizui, note: …}``."""
    path = folder / GLOSSARY_NAME
    if not path.exists():
        return []
    root = load_yaml(path)
    if root.items is None:
        raise TranslationError("the glossary is a list of terms", root.loc)
    terms = []
    for item in root.items:
        if item.mapping is None or item.get("source") is None:
            raise TranslationError("a glossary term is a mapping with 'source'", item.loc)
        values = {k: v.text or "" for k, v in item.entries() if v.text is not None}
        source = values.pop("source")
        note = values.pop("note", "")
        terms.append(Term(source, values, note, item.loc))
    return terms


def _language_of(catalog: Catalog) -> str:
    return str(catalog.locale) if catalog.locale is not None else ""


_HAN = re.compile(r"[\u3400-\u9fff]")


def _source_language(message: Message) -> str:
    """The msgid's language: the ``#. source language: xx`` comment the extractor writes, or
    (a vendor's file without comments) Chinese when the msgid holds Han characters."""
    for comment in message.auto_comments:
        if comment.startswith("source language:"):
            return comment.split(":", 1)[1].strip() or "en"
    return "zh" if _HAN.search(_singular_id(message)) else "en"


def _singular_id(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)


def _required_for(term: Term, language: str) -> str | None:
    if language in term.required:
        return term.required[language]
    base = language.split("_")[0]
    return term.required.get(base)


# -- the catalog check ----------------------------------------------------------------------


def _strings(message: Message) -> tuple[list[str], list[str]]:
    ids = [str(i) for i in message.id] if isinstance(message.id, tuple) else [str(message.id)]
    raw = message.string if isinstance(message.string, tuple) else (message.string,)
    return ids, [str(s) if s else "" for s in raw]


def check_catalog(
    catalog: Catalog, glossary: list[Term], path: Path | None = None
) -> list[Problem]:
    """Problems of each translation, at its msgstr line when the file is given (where the
    translator writes it, and where a build and msgfmt report it)."""
    problems: list[Problem] = []
    language = _language_of(catalog)
    untranslated = fuzzy = 0
    for message in catalog:
        if not message.id:
            continue
        line = message_line(message, path)
        ids, strings = _strings(message)
        where = f" (msgctxt {message.context!r})" if message.context else ""
        if message.fuzzy:
            fuzzy += 1
            problems.append(Problem(line, f"fuzzy: translation needs review{where}"))
            continue
        if not all(strings):
            untranslated += 1
            problems.append(Problem(line, f"untranslated{where}"))
            continue
        try:
            expected = sorted(set(placeholders(ids[0])))
            for text in strings:
                got = sorted(set(placeholders(text)))
                if got != expected:
                    lacks = [name for name in expected if name not in got]
                    extra = [name for name in got if name not in expected]
                    said = [f"lacks {_fields(lacks)}"] if lacks else []
                    if extra:
                        said.append(f"uses {_fields(extra)}, which the source does not have")
                    problems.append(
                        Problem(
                            line,
                            f"placeholders differ: the translation {' and '.join(said)}{where}",
                        )
                    )
                    break
        except ValueError as exc:
            problems.append(Problem(line, f"malformed placeholder: {exc}{where}"))
            continue
        for text in strings[:1]:
            for problem in figure_problems(ids[0], text, _source_language(message), language):
                problems.append(Problem(line, f"{problem}{where}"))
        for term in glossary:
            required = _required_for(term, language)
            if required and term.source in ids[0] and required.lower() not in strings[0].lower():
                note = f" ({term.note})" if term.note else ""
                problems.append(
                    Problem(
                        line, f"glossary: {term.source} must be rendered {required!r}{note}{where}"
                    )
                )
    if untranslated or fuzzy:
        problems.append(Problem(None, f"{untranslated} untranslated, {fuzzy} fuzzy"))
    return problems


def _fields(names: list[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in names) if names else "none"
