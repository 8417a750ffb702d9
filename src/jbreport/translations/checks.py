"""Checks of a translation against its source: placeholders, completeness, figures written
in free text (read by :mod:`jbreport.i18n.reading`), and the glossary.

Each figure is reduced to a value and a dimension; a translation must carry the same
multiset of them as its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import Location, TranslationError
from ..i18n.placeholders import placeholders
from ..i18n.reading import figures_in
from ..i18n.script import has_han
from ..po import Catalog, Message
from ..po.io import message_line
from ..source.yaml import load_yaml

GLOSSARY_NAME = "glossary.yaml"


@dataclass(frozen=True, slots=True)
class Problem:
    line: int | None
    message: str


# -- figures in free text -------------------------------------------------------------------


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
        for key, value in item.entries():
            if value.text is None:
                raise TranslationError(f"{key} must be text, not a {value.kind}", value.loc)
        values = {k: v.text or "" for k, v in item.entries() if v.text is not None}
        source = values.pop("source")
        note = values.pop("note", "")
        terms.append(Term(source, values, note, item.loc))
    return terms


def _language_of(catalog: Catalog) -> str:
    return str(catalog.locale) if catalog.locale is not None else ""


def _source_language(message: Message) -> str:
    """The msgid's language: the ``#. source language: xx`` comment the extractor writes, or
    (a vendor's file without comments) Chinese when the msgid holds Han characters."""
    for comment in message.auto_comments:
        if comment.startswith("source language:"):
            return comment.split(":", 1)[1].strip() or "en"
    return "zh" if has_han(_singular_id(message)) else "en"


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
