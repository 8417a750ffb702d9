"""Checks of a translation against its source: placeholders, completeness, figures written
in free text, and the glossary.

The figure check understands scales and units: 302.5亿 is 30.25 billion, 5.5万 is 55,000,
个百分点 are percentage points, 公里 are km, and dates may be written in either language's
order.  Each figure is reduced to a value and a dimension; a translation must carry the same
multiset of them as its source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from .content import placeholders
from .errors import Location, TranslationError
from .yamlnodes import load_yaml

GLOSSARY_NAME = "glossary.yaml"


@dataclass(frozen=True, slots=True)
class Problem:
    line: int | None
    message: str


# -- figures in free text -------------------------------------------------------------------

_SCALES_ZH = {"万亿": 12, "亿": 8, "万": 4, "千": 3}
_SCALES_EN = {
    "thousand": 3,
    "million": 6,
    "mn": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
}
_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_NUMBER = r"(?<![A-Za-z0-9_.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
_ZH_DATE = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_ZH_MONTHDAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_EN_DATE = re.compile(
    r"\b(" + "|".join(_MONTHS) + r")(?:\s+(\d{1,2})(?:st|nd|rd|th)?)?(?:,?\s+(\d{4}))?\b",
    re.IGNORECASE,
)
_EN_DATE_DMY = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(_MONTHS) + r")(?:\s+(\d{4}))?\b", re.IGNORECASE
)


def _num(integer: str, fraction: str | None) -> Decimal:
    text = integer.replace(",", "") + ("." + fraction if fraction else "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return Decimal(0)


def figures_in(text: str) -> Counter[tuple[str, Decimal]]:
    """The figures a text states, as (dimension, value) pairs, language-neutral."""
    found: Counter[tuple[str, Decimal]] = Counter()
    rest = text
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
    for pattern, order in ((_EN_DATE_DMY, "dmy"), (_EN_DATE, "mdy")):
        for m in pattern.finditer(rest):
            if order == "dmy":
                day, month, year = m[1], m[2], m[3]
            else:
                month, day, year = m[1], m[2], m[3]
            found[("month", Decimal(_MONTHS[month.lower()]))] += 1
            if day:
                found[("day", Decimal(day))] += 1
            if year:
                found[("year", Decimal(year))] += 1
        rest = pattern.sub(" ", rest)
    number = re.compile(
        _NUMBER
        + r"\s*(万亿|亿|万|千|thousand|million|billion|trillion|mn|bn|tn)?"
        + r"\s*(个百分点|percentage points?|pp\b|%|％|per ?cent|公里|km|kilometers?|kilometres?)?",
        re.IGNORECASE,
    )
    for m in number.finditer(rest):
        value = _num(m[1], m[2])
        scale = (m[3] or "").lower()
        exponent = _SCALES_ZH.get(scale, _SCALES_EN.get(scale, 0))
        value = value.scaleb(exponent)
        unit = (m[4] or "").lower()
        if unit in ("个百分点", "pp") or unit.startswith("percentage point"):
            dimension = "points"
        elif unit in ("%", "％") or unit.startswith("per"):
            dimension = "percent"
        elif unit in ("公里", "km") or unit.startswith("kilomet"):
            dimension = "km"
        elif not scale and not m[2] and "," not in m[1] and 1900 <= value <= 2100:
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


def figure_problems(source: str, translation: str) -> list[str]:
    """What the translation states differently from the source, or an empty list."""
    src = figures_in(source)
    dst = figures_in(translation)
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


def check_catalog(catalog: Catalog, glossary: list[Term]) -> list[Problem]:
    problems: list[Problem] = []
    language = _language_of(catalog)
    untranslated = fuzzy = 0
    for message in catalog:
        if not message.id:
            continue
        line = getattr(message, "lineno", None)
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
                    problems.append(
                        Problem(
                            line,
                            f"placeholders differ: source has {_fields(expected)}, "
                            f"translation has {_fields(got)}{where}",
                        )
                    )
                    break
        except ValueError as exc:
            problems.append(Problem(line, f"malformed placeholder: {exc}{where}"))
            continue
        for text in strings[:1]:
            for problem in figure_problems(ids[0], text):
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
