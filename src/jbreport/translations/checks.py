"""Checks of a translation against its source: placeholders, completeness, figures written
in free text (read by :mod:`jbreport.i18n.reading`), and the glossary.

Each figure is reduced to a value and a dimension; a translation must carry the same
multiset of them as its source.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import Location, TranslationError
from ..i18n.figures import FIGURE_CONTEXT
from ..i18n.numerals import cjk_numerals
from ..i18n.phrases import LIST_PAIR
from ..i18n.placeholders import placeholders
from ..i18n.reading import figures_in
from ..i18n.script import has_han
from ..i18n.statements import Words, said
from ..po import Catalog, Message
from ..po.io import message_line
from ..po.lookup import single_number_form
from ..source.yaml import load_yaml
from .vocabulary import Vocabularies

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
    source: str,
    translation: str,
    source_language: str = "zh",
    language: str = "en",
    words: Words | None = None,
) -> list[str]:
    """What the translation states differently from the source, or an empty list: its
    figures (values and dimensions), then what it says of each figure both state (its
    currency, direction and qualifier; ``words`` says how each language says them)."""
    points = words.source.points if words else ()
    src = figures_in(source, source_language, points)
    dst = figures_in(translation, language, words.target.points if words else ())
    problems = []
    missing = src - dst
    extra = dst - src
    _forgive(missing, extra, source, translation)
    if missing or extra:
        parts = []
        if missing:
            parts.append("source has " + ", ".join(_describe(f) for f in sorted(missing)))
        if extra:
            parts.append("translation has " + ", ".join(_describe(f) for f in sorted(extra)))
        problems.append("figures differ: " + "; ".join(parts))
    if words is not None:
        problems += _statement_problems(source, translation, source_language, language, words)
    return problems


def _forgive(
    missing: Counter[tuple[str, Decimal]],
    extra: Counter[tuple[str, Decimal]],
    source: str,
    translation: str,
) -> None:
    """Leave out what may be written otherwise without a mistake: an ordinal one side
    writes in words (首批: the first) when the other states no ordinal to differ from, and
    a figure one side writes in CJK numerals (三, 十) and the other in digits."""
    for one, other in ((missing, extra), (extra, missing)):
        if not any(d == "ordinal" for d, _v in other):
            for key in [k for k in one if k[0] == "ordinal"]:
                del one[key]
    for one, text in ((missing, translation), (extra, source)):
        numerals = cjk_numerals(text)
        for key in [k for k in one if k[0] in ("number", "ordinal") and k[1] in numerals]:
            del one[key]


def _statement_problems(
    source: str, translation: str, source_language: str, language: str, words: Words
) -> list[str]:
    src = said(source, source_language, words.source)
    dst = said(translation, language, words.target)
    for name, direction in words.signs.items():
        if ("field", name) in src:
            src[("field", name)].add(("direction", direction.value))
    problems = []
    for key in sorted(src.keys() & dst.keys(), key=str):
        for kind in ("currency", "direction", "qualifier"):
            said_src = {v for k, v in src[key] if k == kind}
            said_dst = {v for k, v in dst[key] if k == kind}
            if said_src and said_dst and not said_src & said_dst:
                problems.append(
                    f"{kind} differs: the source says {_joined(said_src)} for {_key(key)},"
                    f" the translation {_joined(said_dst)}"
                )
    return problems


def _joined(values: set[str]) -> str:
    return "/".join(sorted(values))


def _key(key: tuple[str, object]) -> str:
    kind, value = key
    if kind == "field":
        return f"{{{value}}}"
    assert isinstance(value, Decimal)
    return _describe((kind, value))


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
    catalog: Catalog,
    glossary: list[Term],
    path: Path | None = None,
    vocabularies: Vocabularies | None = None,
) -> list[Problem]:
    """Problems of each translation, at its msgstr line when the file is given (where the
    translator writes it, and where a build and msgfmt report it).  With ``vocabularies``
    (the catalogs a build would read), an entry the catalog leaves untranslated that
    another catalog of its language serves (jbreport's own words) is no problem, and each
    figure's currency, direction and qualifier are compared too."""
    problems: list[Problem] = []
    language = _language_of(catalog)
    served = _served(vocabularies, language, catalog)
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
            if (str(message.context), ids[0]) not in served:
                untranslated += 1
                problems.append(Problem(line, f"untranslated{where}"))
            continue
        said_problems = _placeholder_problem(catalog, ids, strings)
        if said_problems is not None:
            problems.append(Problem(line, f"{said_problems}{where}"))
            if said_problems.startswith("malformed"):
                continue
        source_language = _source_language(message)
        words = vocabularies.words(source_language, language, catalog) if vocabularies else None
        for problem in figure_problems(ids[0], strings[0], source_language, language, words):
            problems.append(Problem(line, f"{problem}{where}"))
        for problem in _glossary_problems(glossary, language, ids[0], strings[0]):
            problems.append(Problem(line, f"{problem}{where}"))
    if untranslated or fuzzy:
        problems.append(Problem(None, f"{untranslated} untranslated, {fuzzy} fuzzy"))
    return problems


def _served(
    vocabularies: Vocabularies | None, language: str, catalog: Catalog
) -> set[tuple[str, str]]:
    """What the catalog may leave untranslated: what another catalog of its language
    translates (its parents', jbreport's own), and the byline's join (CLDR's list pattern)."""
    if vocabularies is None or not language:
        return set()
    return vocabularies.catalogs.served_elsewhere(language, catalog) | {(FIGURE_CONTEXT, LIST_PAIR)}


def _placeholder_problem(catalog: Catalog, ids: list[str], strings: list[str]) -> str | None:
    """How the fields of the translation differ from the source's; a plural form that
    serves one number alone may leave its number out (Arabic's one and two, as msgfmt
    accepts)."""
    try:
        expected = sorted(set(placeholders(ids[0])))
        for index, text in enumerate(strings):
            got = sorted(set(placeholders(text)))
            if got == expected:
                continue
            lacks = [name for name in expected if name not in got]
            extra = [name for name in got if name not in expected]
            if not extra and len(strings) > 1 and single_number_form(catalog, index):
                continue
            said = [f"lacks {_fields(lacks)}"] if lacks else []
            if extra:
                said.append(f"uses {_fields(extra)}, which the source does not have")
            return f"placeholders differ: the translation {' and '.join(said)}"
    except ValueError as exc:
        return f"malformed placeholder: {exc}"
    return None


def _glossary_problems(glossary: list[Term], language: str, source: str, text: str) -> list[str]:
    out = []
    for term in glossary:
        required = _required_for(term, language)
        if required and term.source in source and required.lower() not in text.lower():
            note = f" ({term.note})" if term.note else ""
            out.append(f"glossary: {term.source} must be rendered {required!r}{note}")
    return out


def _fields(names: list[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in names) if names else "none"
