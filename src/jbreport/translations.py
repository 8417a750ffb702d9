"""The translator's jobs: extract, init, update, status, check.

``translations/messages.pot`` holds every translatable string: each report's content (its
source language is the report's), the layouts' words and the figure words (English).
``translations/<lang>.po`` holds the strings whose source is not ``<lang>``.

``update`` matches entries by msgctxt and msgid, then by msgid (a string that moved), then
by msgctxt (a stable path to where a string lives), so an edited source string keeps its old
translation, marked fuzzy with the previous msgid (see :func:`merge`).  Nothing translated is
ever dropped: an entry no longer in the source becomes obsolete (``#~``), and a second run
changes no byte.

Why not Babel's ``Catalog.update``: its fuzzy search compares every new string with every
unmatched old one (527 s on a 20,000-entry catalog, measured for the benchmark issue), and
it knows nothing of msgctxt as a place, so an edited paragraph would lose its previous text.
The merge works on Babel's ``Catalog`` and ``Message`` objects with dictionary lookups.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract as babel_extract

from . import numbers as nb
from .atomic import write_all, write_bytes
from .catalog import (
    TEMPLATE_LANGUAGE,
    TemplateEntry,
    catalog_paths,
    entries_to_template,
    message_line,
    new_catalog,
    parse_language,
    read_catalog,
    render_po,
    same_language,
    save_catalog,
    source_date,
)
from .errors import Location, TranslationError, UsageError, display_path
from .layout import WORDS, check_syntax, template_dirs
from .source.load import load_reports
from .source.model import Report, placeholders

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
        check_syntax(path)  # Babel's Jinja2 extractor would silently skip a broken one
        with path.open("rb") as handle:
            for lineno, message, _comments, _context in babel_extract(
                "jinja2.ext:babel_extract", handle, keywords={"_": None, "gettext": None}
            ):
                if isinstance(message, str):
                    entries.append(
                        TemplateEntry("layout", message, ((ref, lineno),), TEMPLATE_LANGUAGE)
                    )
    # the words a part uses when its layout names none (the title of part("toc"), …)
    marked = {entry.msgid for entry in entries}
    defaults = (("src/jbreport/layout.py", 0),)
    for word in WORDS.values():
        if word not in marked:
            entries.append(TemplateEntry("layout", word, defaults, TEMPLATE_LANGUAGE))
    return entries


def figure_entries(reports: list[Report]) -> list[TemplateEntry]:
    """The words CLDR lacks, and a money pattern per currency the content uses."""
    ref = (("src/jbreport/numbers.py", 0),)
    entries = [
        TemplateEntry(nb.FIGURE_CONTEXT, nb.UP, ref, TEMPLATE_LANGUAGE),
        TemplateEntry(nb.FIGURE_CONTEXT, nb.DOWN, ref, TEMPLATE_LANGUAGE),
        TemplateEntry(nb.FIGURE_CONTEXT, nb.LIST_PAIR, ref, TEMPLATE_LANGUAGE),
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


def extract(root: Path) -> tuple[Path, bool]:
    """Write the .pot; its path, and whether it changed."""
    path = root / "translations" / POT_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    data, _date = _template_bytes(path, all_entries(root))
    if data is not None:
        write_bytes(path, data)
    return path, data is not None


# -- init / update --------------------------------------------------------------------------


def entries_for(language: str, entries: list[TemplateEntry]) -> list[TemplateEntry]:
    """What a catalog of ``language`` translates: strings whose source is another language."""
    return [e for e in entries if not same_language(e.source_language, language)]


def init(root: Path, language: str) -> Path:
    folder = root / "translations"
    tag = str(parse_language(language))
    path = folder / f"{tag}.po"
    if path.exists():
        raise TranslationError(
            "already exists; use `jbreport translations update`", Location.of(path)
        )
    folder.mkdir(parents=True, exist_ok=True)
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

    Each template entry takes, in this order of preference:

    1. the entry of the same msgctxt and msgid (live or obsolete): as it is, fuzzy or not;
    2. a translation of the same msgid elsewhere: the string moved (a paragraph inserted
       before it, a section renamed): the translation as it is, fuzzy if it was;
    3. the one live entry of the same msgctxt (a content path; ``layout`` and the figure
       words name no place) whose translation no other entry took: the source was edited:
       the translation, fuzzy, with the old msgid as ``#| msgid``; when it was already
       fuzzy its previous msgid stays (the translator sees the text the translation was
       made for, however often the source changed since);
    4. nothing: a new, untranslated entry.

    An old entry no template entry took becomes obsolete (``#~``) with its translation and
    flags; an untranslated one, holding nothing, is dropped.  The result is in template
    order, so that merging twice changes nothing.
    """
    live = [m for m in catalog if m.id]
    obsolete = list(catalog.obsolete.values())
    exact: dict[tuple[str, str | None], Message] = {}
    for message in [*live, *obsolete]:
        exact.setdefault((_singular(message), message.context), message)
    by_id: dict[str, Message] = {}
    for message in sorted(
        (m for m in [*live, *obsolete] if _has_translation(m)), key=lambda m: m.fuzzy
    ):
        by_id.setdefault(_singular(message), message)
    template_messages = [m for m in template if m.id]
    template_contexts = Counter(m.context for m in template_messages)
    live_by_context: dict[str | None, list[Message]] = {}
    for message in live:
        live_by_context.setdefault(message.context, []).append(message)

    used: set[int] = set()
    chosen: dict[int, Message] = {}
    for index, new in enumerate(template_messages):  # 1. same msgctxt and msgid
        old = exact.get((_singular(new), new.context))
        if old is not None:
            chosen[index] = _carry(old, new, catalog, fuzzy=old.fuzzy)
            used.add(id(old))
    for index, new in enumerate(template_messages):  # 2. the string moved
        if index in chosen:
            continue
        old = by_id.get(_singular(new))
        if old is not None:
            chosen[index] = _carry(old, new, catalog, fuzzy=old.fuzzy)
            used.add(id(old))
    for index, new in enumerate(template_messages):  # 3. the string was edited
        if index in chosen or "/" not in (new.context or "") or template_contexts[new.context] > 1:
            continue
        candidates = live_by_context.get(new.context, [])
        if len(candidates) != 1:
            continue
        old = candidates[0]
        if id(old) in used or not _has_translation(old):
            continue
        chosen[index] = _carry(old, new, catalog, fuzzy=True)
        chosen[index].previous_id = (
            list(old.previous_id) if old.fuzzy and old.previous_id else _ids(old)
        )
        used.add(id(old))

    for message in live:
        catalog.delete(message.id, message.context)
    for index, new in enumerate(template_messages):
        message = chosen.get(index) or _carry(None, new, catalog, fuzzy=False)
        catalog[message.id] = message
    kept: dict[str | tuple[str, str], Message] = {}
    for message in [*obsolete, *live]:
        if id(message) in used or not (_has_translation(message) or message.user_comments):
            continue
        key = (_singular(message), message.context) if message.context else _singular(message)
        if key not in kept:
            message.locations = []
            message.auto_comments = []
            kept[key] = message
    catalog.obsolete = kept
    return catalog


def _singular(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, (tuple, list)) else message.id)


def _ids(message: Message) -> list[str]:
    return [str(i) for i in message.id] if isinstance(message.id, (tuple, list)) else [message.id]


def _has_translation(message: Message) -> bool:
    string = message.string
    if isinstance(string, (tuple, list)):
        return any(string)
    return bool(string)


def _carry(old: Message | None, new: Message, catalog: Catalog, *, fuzzy: bool) -> Message:
    """The template entry ``new`` with the translation, translator comments and own flags of
    ``old`` (an entry with no translation when ``old`` is None)."""
    clone = new.clone()
    clone.previous_id = []
    plural = isinstance(new.id, (tuple, list))
    if old is None:
        clone.string = tuple("" for _ in range(catalog.num_plurals)) if plural else ""
        clone.flags = set(new.flags)
        return clone
    string = old.string
    if plural:
        strings = list(string) if isinstance(string, (tuple, list)) else [str(string or "")]
        if len(strings) != catalog.num_plurals:
            fuzzy = fuzzy or any(strings)
            strings = (strings + [""] * catalog.num_plurals)[: catalog.num_plurals]
        clone.string = tuple(str(s or "") for s in strings)
    elif isinstance(string, (tuple, list)):
        clone.string = str(string[0] or "") if string else ""
        fuzzy = fuzzy or any(string)
    else:
        clone.string = str(string or "")
    clone.user_comments = list(old.user_comments)
    own = set(old.flags) - {"fuzzy"} - {f for f in old.flags if f.endswith("-format")}
    clone.flags = set(new.flags) | own | ({"fuzzy"} if fuzzy else set())
    if fuzzy and old.fuzzy and old.previous_id:
        clone.previous_id = list(old.previous_id)
    return clone


def update(root: Path) -> list[tuple[Path, bool]]:
    """Update every catalog (and the .pot); returns each path and whether it changed."""
    folder = root / "translations"
    entries = all_entries(root)
    pot = folder / POT_NAME
    pot_data, pot_date = _template_bytes(pot, entries)
    results = [(pot, pot_data is not None)]
    writes = [(pot, pot_data)] if pot_data is not None else []
    for path in catalog_paths(folder):
        catalog = read_catalog(path, expect_language=path.stem)
        created = catalog.creation_date
        if not isinstance(created, datetime.datetime):
            created = pot_date
        template = entries_to_template(entries_for(path.stem, entries), created)
        merged = merge(catalog, template)
        if render_po(merged) == path.read_bytes():
            results.append((path, False))
            continue
        # POT-Creation-Date follows the template; PO-Revision-Date is the translator's
        # (as with msgmerge): an update is not a revision of the translation
        merged.creation_date = pot_date
        writes.append((path, render_po(merged)))
        results.append((path, True))
    write_all(writes)  # all catalogs or none: an update never leaves them out of step
    return results


def _template_bytes(
    path: Path, entries: list[TemplateEntry]
) -> tuple[bytes | None, datetime.datetime]:
    """The .pot to write, or None when only its date would change; and its date."""
    template = entries_to_template(entries, source_date())
    if path.exists():
        try:
            previous: Catalog | None = read_catalog(path, template=True)
        except TranslationError:
            previous = None
        if previous is not None and isinstance(previous.creation_date, datetime.datetime):
            template.creation_date = previous.creation_date
            if render_po(template) == path.read_bytes():
                return None, previous.creation_date
            template.creation_date = source_date()
    data = render_po(template)
    try:
        if path.read_bytes() == data:
            return None, source_date()
    except OSError:
        pass
    return data, source_date()


# -- status -------------------------------------------------------------------------------


@dataclass
class Counts:
    """One language's strings of one part (a report, or ``layout``: the layouts' and
    figures' words).  A fuzzy string is not translated; obsolete ones are not strings."""

    strings: int = 0
    words: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    obsolete: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.strings if self.strings else 100.0

    @property
    def percent_text(self) -> str:
        """Rounded down: 100% means every string is translated, 0% that none is."""
        if not self.strings:
            return "-"
        tenths = self.translated * 1000 // self.strings
        return f"{tenths // 10}.{tenths % 10}%"


@dataclass
class LanguageStatus:
    language: str
    path: Path
    groups: dict[str, Counts] = field(default_factory=dict)
    obsolete: int = 0

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.groups.values():
            for name in vars(counts):
                setattr(total, name, getattr(total, name) + getattr(counts, name))
        return total


_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _words(text: str) -> int:
    """Words of a source string: Latin words and numbers, plus each Han/kana/Hangul
    character; placeholders are not words."""
    text = _PLACEHOLDER.sub(" ", text)
    return len(
        re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text)
    )


def _translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def _group(message: Message) -> str:
    context = message.context or ""
    return context.split("/")[0] if "/" in context else "layout"


def status(root: Path) -> list[LanguageStatus]:
    folder = root / "translations"
    out = []
    for path in catalog_paths(folder):
        catalog = read_catalog(path, expect_language=path.stem)
        result = LanguageStatus(path.stem, path, obsolete=len(catalog.obsolete))
        for message in catalog:
            if not message.id:
                continue
            counts = result.groups.setdefault(_group(message), Counts())
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
        for message in catalog.obsolete.values():
            result.groups.setdefault(_group(message), Counts()).obsolete += 1
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
        parts = sorted(result.groups.items())
        if len(parts) > 1:
            parts.append(("(all)", result.total))
        for group, c in parts:
            rows.append(
                (
                    result.language,
                    group,
                    str(c.strings),
                    str(c.words),
                    str(c.translated),
                    str(c.fuzzy),
                    str(c.untranslated),
                    str(c.obsolete),
                    c.percent_text,
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        lines.append(
            "  ".join(
                cell.ljust(w) if i < 2 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
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
    for path in files or ():
        if not path.is_file():
            raise UsageError(f"no such PO file: {display_path(path)}")
    glossary = checks.load_glossary(folder)
    entries = all_entries(root) if not files else []
    problems: list[str] = []
    for path in paths:
        try:
            catalog = read_catalog(path, expect_language=None if files else path.stem)
        except TranslationError as exc:
            problems.append(str(exc))
            continue
        shown = display_path(path)
        if not files:
            problems += _out_of_date(catalog, entries_for(path.stem, entries), shown, root)
        for problem in checks.check_catalog(catalog, glossary, path):
            where = f"{shown}:{problem.line}" if problem.line else shown
            problems.append(f"{where}: {problem.message}")
    return problems


def _out_of_date(
    catalog: Catalog, expected: list[TemplateEntry], shown: str, root: Path
) -> list[str]:
    """Strings of the content that the catalog does not hold yet (update was not run)."""
    out = []
    for entry in expected:
        msgid = entry.msgid if isinstance(entry.msgid, str) else entry.msgid[0]
        if catalog.get(msgid, entry.context) is None:
            ref, line = entry.locations[0] if entry.locations else ("", 0)
            # a word of jbreport's own (src/jbreport/…) has no file in the project
            source = display_path(root / ref) if ref and (root / ref).exists() else shown
            where = f"{source}:{line}" if line and source != shown else source
            out.append(
                f"{where}: {_short(msgid)!r} is not in {shown} (msgctxt {entry.context!r}):"
                " run `jbreport translations update`"
            )
    return out


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


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
