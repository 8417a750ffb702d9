"""The translator's jobs: extract, init, update, status, check.

``translations/messages.pot`` holds every translatable string: each report's content (its
source language is the report's), the layouts' words and the figure words (English).
``translations/<lang>.po`` holds the strings whose source is not ``<lang>``.

``update`` matches entries by msgctxt first (a stable path to where a string lives), so an
edited source string keeps its old translation, marked fuzzy with the previous msgid, and
the rest of the merge is Babel's ``Catalog.update`` without its quadratic fuzzy search.
Nothing is ever dropped: an entry no longer in the source becomes obsolete (``#~``).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract as babel_extract

from . import numbers as nb
from .catalog import (
    TEMPLATE_LANGUAGE,
    TemplateEntry,
    catalog_paths,
    entries_to_template,
    message_line,
    new_catalog,
    read_catalog,
    render_po,
    same_language,
    save_catalog,
    source_date,
)
from .content import Report, load_reports, placeholders
from .errors import Location, TranslationError, display_path
from .layout import template_dirs

POT_NAME = "messages.pot"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return path.name


# -- extract ------------------------------------------------------------------------------


def content_entries(report: Report, root: Path) -> list[TemplateEntry]:
    ref = _rel(report.path, root)
    entries = []
    for src in report.strings():
        msgid: str | tuple[str, str] = src.text
        if src.context.endswith("/noun"):
            msgid = (src.text, src.text)
        entries.append(
            TemplateEntry(src.context, msgid, ((ref, src.loc.line or 0),), report.language)
        )
    return entries


def layout_entries(root: Path) -> list[TemplateEntry]:
    """Words of every layout (the user's and the built-in ones) and of the figures."""
    seen: dict[str, Path] = {}
    for folder in template_dirs(root):
        for path in sorted(folder.glob("*.j2")):
            seen.setdefault(path.name, path)
    entries = []
    for name in sorted(seen):
        path = seen[name]
        ref = f"templates/{name}"
        with path.open("rb") as handle:
            for lineno, message, _comments, _context in babel_extract(
                "jinja2.ext:babel_extract", handle, keywords={"_": None, "gettext": None}
            ):
                if isinstance(message, str):
                    entries.append(
                        TemplateEntry("layout", message, ((ref, lineno),), TEMPLATE_LANGUAGE)
                    )
    return entries


def figure_entries(reports: list[Report]) -> list[TemplateEntry]:
    """The words CLDR lacks, and a money pattern per currency the content uses."""
    ref = (("src/jbreport/numbers.py", 0),)
    entries = [
        TemplateEntry(nb.FIGURE_CONTEXT, nb.UP, ref, TEMPLATE_LANGUAGE),
        TemplateEntry(nb.FIGURE_CONTEXT, nb.DOWN, ref, TEMPLATE_LANGUAGE),
        TemplateEntry(nb.FIGURE_CONTEXT, (nb.POINTS_ONE, nb.POINTS_OTHER), ref, TEMPLATE_LANGUAGE),
    ]
    for qualifier in nb.Qualifier:
        entries.append(
            TemplateEntry(nb.QUALIFIER_CONTEXT, nb.QUALIFIERS[qualifier], ref, TEMPLATE_LANGUAGE)
        )
    currencies = sorted(
        {
            f.figure.currency
            for r in reports
            for f in r.figures.values()
            if f.figure.currency is not None
        }
    )
    for code in currencies:
        entries.append(
            TemplateEntry(
                nb.MONEY_CONTEXT,
                nb.money_msgid(code),
                ref,
                TEMPLATE_LANGUAGE,
                ("{amount} is the number with its scale word, e.g. 30.25 billion",),
            )
        )
    return entries


def all_entries(root: Path, reports: list[Report] | None = None) -> list[TemplateEntry]:
    reports = reports if reports is not None else load_reports(root / "content")
    entries: list[TemplateEntry] = []
    for report in reports:
        entries += content_entries(report, root)
    entries += layout_entries(root)
    entries += figure_entries(reports)
    return entries


def extract(root: Path) -> Path:
    path = root / "translations" / POT_NAME
    _save_template(path, all_entries(root))
    return path


# -- init / update --------------------------------------------------------------------------


def entries_for(language: str, entries: list[TemplateEntry]) -> list[TemplateEntry]:
    """What a catalog of ``language`` translates: strings whose source is another language."""
    return [e for e in entries if not same_language(e.source_language, language)]


def init(root: Path, language: str) -> Path:
    folder = root / "translations"
    tag = language.replace("-", "_")
    path = folder / f"{tag}.po"
    if path.exists():
        raise TranslationError(
            "already exists; use `jbreport translations update`", Location.of(path)
        )
    entries = entries_for(tag, all_entries(root))
    template = entries_to_template(entries, source_date())
    catalog = new_catalog(tag, template=template)
    _copy_messages(template, catalog)
    save_catalog(path, catalog)
    return path


def _copy_messages(template: Catalog, catalog: Catalog) -> None:
    for message in template:
        if not message.id:
            continue
        copy = message.clone()
        if isinstance(copy.id, tuple):
            copy.string = tuple("" for _ in range(catalog.num_plurals))
        else:
            copy.string = ""
        catalog[copy.id] = copy


def merge(catalog: Catalog, template: Catalog) -> Catalog:
    """Bring ``catalog`` in line with ``template``; no translation is ever lost.

    1. same msgctxt, other msgid: the source was edited: keep the translation, fuzzy,
       with the old msgid as ``#| msgid`` (kept over several edits until reviewed);
    2. same msgid, other msgctxt: the string moved: keep the translation as it is;
    3. Babel's ``Catalog.update`` (no fuzzy search) does the rest, and entries no longer
       in the template become obsolete.
    """
    by_context: dict[str, Message] = {}
    by_id: dict[str, Message] = {}
    for message in [*catalog, *catalog.obsolete.values()]:
        if not message.id:
            continue
        if message.context:
            by_context.setdefault(message.context, message)
        if message.string and (not isinstance(message.string, tuple) or any(message.string)):
            by_id.setdefault(_singular(message), message)
    previous: dict[tuple[str, str | None], list[str]] = {}
    for message in template:
        if not message.id:
            continue
        key = _singular(message)
        if catalog.get(key, message.context) is not None:
            old = catalog.get(key, message.context)
            assert old is not None
            if old.fuzzy and old.previous_id:
                previous[(key, message.context)] = list(old.previous_id)
            continue
        if key in catalog.obsolete and catalog.obsolete[key].context == message.context:
            revived = catalog.obsolete.pop(key)
            catalog[revived.id] = revived
            continue
        old = by_context.get(message.context) if message.context else None
        if old is not None and old.string and _singular(old) != key:
            clone = _retarget(old, message, catalog)
            clone.flags = set(clone.flags) | {"fuzzy"}
            first = list(old.previous_id) if old.fuzzy and old.previous_id else [_singular(old)]
            previous[(key, message.context)] = first
            if catalog.get(_singular(old), old.context) is old:
                catalog.delete(_singular(old), old.context)  # it lives on in the fuzzy entry
            catalog.obsolete.pop(_singular(old), None)
            catalog[clone.id] = clone
            continue
        same = by_id.get(key)
        if same is not None:
            clone = _retarget(same, message, catalog)
            catalog[clone.id] = clone
            if same.fuzzy:
                clone.flags = set(clone.flags) | {"fuzzy"}
    obsolete_before = dict(catalog.obsolete)
    catalog.update(
        template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False
    )
    # Babel keeps old obsolete entries; make sure none was lost
    for old_key, old_message in obsolete_before.items():
        if old_key not in catalog.obsolete and catalog.get(old_key, old_message.context) is None:
            catalog.obsolete[old_key] = old_message
    for (key, context), prev in previous.items():
        message = catalog.get(key, context)
        if message is not None and message.fuzzy:
            message.previous_id = prev
    for message in catalog:
        if message.id and not message.fuzzy:
            message.previous_id = []
    catalog.creation_date = template.creation_date
    return catalog


def _singular(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)


def _retarget(old: Message, new: Message, catalog: Catalog) -> Message:
    clone = new.clone()
    string = old.string
    if isinstance(new.id, tuple) and not isinstance(string, tuple):
        clone.string = (str(string or ""), *([""] * (catalog.num_plurals - 1)))
    elif not isinstance(new.id, tuple) and isinstance(string, tuple):
        clone.string = str(string[0] or "")
    else:
        clone.string = string
    clone.user_comments = list(old.user_comments)
    clone.flags = set(new.flags) | (set(old.flags) - {"fuzzy"})
    return clone


def update(root: Path) -> list[tuple[Path, bool]]:
    """Update every catalog (and the .pot); returns each path and whether it changed."""
    folder = root / "translations"
    entries = all_entries(root)
    pot = folder / POT_NAME
    results = [(pot, _save_template(pot, entries))]
    for path in catalog_paths(folder):
        catalog = read_catalog(path, expect_language=path.stem)
        before = render_po(catalog)
        created = catalog.creation_date
        if not isinstance(created, datetime.datetime):
            created = source_date()
        template = entries_to_template(entries_for(path.stem, entries), created)
        merged = merge(catalog, template)
        after = render_po(merged)
        if after != before:
            merged.revision_date = source_date()
            merged.creation_date = source_date()
            save_catalog(path, merged)
            results.append((path, True))
        else:
            results.append((path, False))
    return results


def _save_template(path: Path, entries: list[TemplateEntry]) -> bool:
    template = entries_to_template(entries, source_date())
    if path.exists():
        try:
            previous = read_catalog(path)
        except TranslationError:
            previous = None
        if previous is not None:
            template.creation_date = previous.creation_date
            if render_po(template) == render_po(previous):
                return False
            template.creation_date = source_date()
    return save_catalog(path, template)


# -- status -------------------------------------------------------------------------------


@dataclass
class Counts:
    strings: int = 0
    words: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.strings if self.strings else 100.0


@dataclass
class LanguageStatus:
    language: str
    path: Path
    groups: dict[str, Counts] = field(default_factory=dict)
    obsolete: int = 0


def _words(text: str) -> int:
    """Words of a source string: Latin words, plus each Han/kana/Hangul character."""
    return len(re.findall(r"[A-Za-z0-9][\w'’.-]*|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text))


def _translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, tuple):
        return all(message.string)
    return bool(message.string)


def status(root: Path) -> list[LanguageStatus]:
    folder = root / "translations"
    out = []
    for path in catalog_paths(folder):
        catalog = read_catalog(path, expect_language=path.stem)
        result = LanguageStatus(path.stem, path, obsolete=len(catalog.obsolete))
        for message in catalog:
            if not message.id:
                continue
            group = (
                message.context.split("/")[0]
                if message.context and "/" in message.context
                else "layout"
            )
            counts = result.groups.setdefault(group, Counts())
            words = _words(_singular(message))
            counts.strings += 1
            counts.words += words
            if _translated(message):
                counts.translated += 1
                counts.translated_words += words
            elif message.fuzzy:
                counts.fuzzy += 1
            else:
                counts.untranslated += 1
        out.append(result)
    return out


def format_status(results: list[LanguageStatus]) -> str:
    rows = [
        (
            "language",
            "part",
            "strings",
            "words",
            "translated",
            "fuzzy",
            "untransl.",
            "obsolete",
            "done",
        )
    ]
    for result in results:
        for group, c in sorted(result.groups.items()):
            rows.append(
                (
                    result.language,
                    group,
                    str(c.strings),
                    str(c.words),
                    str(c.translated),
                    str(c.fuzzy),
                    str(c.untranslated),
                    str(result.obsolete) if group == sorted(result.groups)[0] else "",
                    f"{c.percent:.1f}%",
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        lines.append(
            "  ".join(
                cell.ljust(w) if i < 2 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
    return "\n".join(lines)


# -- check --------------------------------------------------------------------------------


def check(root: Path, files: list[Path] | None = None) -> list[str]:
    """Every problem of the given catalogs (or the project's) as ``file:line: message``."""
    from . import checks

    folder = root / "translations"
    paths = files if files else catalog_paths(folder)
    if not paths:
        raise TranslationError("no catalog to check", Location.of(folder))
    glossary = checks.load_glossary(folder)
    problems: list[str] = []
    for path in paths:
        try:
            catalog = read_catalog(path, expect_language=None if files else path.stem)
        except TranslationError as exc:
            problems.append(str(exc))
            continue
        shown = display_path(path)
        for problem in checks.check_catalog(catalog, glossary):
            problems.append(f"{shown}:{problem.line or 0}: {problem.message}")
    return problems


__all__ = [
    "check",
    "extract",
    "format_status",
    "init",
    "merge",
    "message_line",
    "placeholders",
    "status",
    "update",
]
