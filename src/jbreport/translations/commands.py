"""The translator's jobs: extract, init, update and check.

``update`` merges each catalog with the template (:func:`jbreport.po.merge.merge`):
nothing translated is ever dropped, and a second run changes no byte; the entries it adds
get the translation memory's suggestions (:mod:`jbreport.po.memory`), as fuzzy drafts.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from ..atomic import write_all, write_bytes
from ..errors import JbreportError, Location, TranslationError, UsageError, display_path
from ..i18n.locale import identity, parse_language, same_tongue
from ..po import Catalog
from ..po import memory as tm
from ..po.io import read_catalog, render_po, save_catalog, source_date
from ..po.lookup import (
    Catalogs,
    catalog_paths,
    load_catalogs,
    same_edition,
    shipped_catalogs,
)
from ..po.merge import merge, singular
from ..po.template import TemplateEntry, entries_to_template, new_catalog
from ..source.load import load_reports
from . import checks
from .entries import POT_NAME, all_entries, entries_for
from .vocabulary import Vocabularies, growth_signs


def extract(root: Path) -> tuple[Path, bool]:
    """Write the .pot; its path, and whether it changed."""
    path = root / "translations" / POT_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    data, _date = _template_bytes(path, all_entries(root))
    if data is not None:
        write_bytes(path, data)
    return path, data is not None


def init(root: Path, language: str) -> Path:
    folder = root / "translations"
    tag = str(parse_language(language))
    path = folder / f"{tag}.po"
    if path.exists():
        raise TranslationError(
            "already exists; use `jbreport translations update`", Location.of(path)
        )
    twin = same_edition(tag, [p.stem for p in catalog_paths(folder)])
    if twin is not None:
        raise TranslationError(
            f"{tag} is the edition {twin}.po already translates ({identity(tag).bcp47}):"
            f" keep one catalog per edition and translate in {twin}.po",
            Location.of(folder / f"{twin}.po"),
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


def update(root: Path, *, memory: bool = True) -> list[tuple[Path, bool]]:
    """Update every catalog (and the .pot); returns each path and whether it changed.
    With ``memory``, new entries get the translation memory's suggestions (fuzzy)."""
    folder = root / "translations"
    entries = all_entries(root)
    pot = folder / POT_NAME
    pot_data, pot_date = _template_bytes(pot, entries)
    results = [(pot, pot_data is not None)]
    writes = [(pot, pot_data)] if pot_data is not None else []
    catalogs = {p: read_catalog(p, expect_language=p.stem) for p in catalog_paths(folder)}
    sources = {p: tm.sources_of(c, p.name) for p, c in catalogs.items()} if memory else {}
    for path, catalog in catalogs.items():
        created = catalog.creation_date
        if not isinstance(created, datetime.datetime):
            created = pot_date
        template = entries_to_template(entries_for(path.stem, entries), created)
        old = [*catalog, *catalog.obsolete.values()] if memory else []
        known = {(singular(m), m.context) for m in old}
        merged = merge(catalog, template)
        if memory:
            new = [m for m in merged if m.id and (singular(m), m.context) not in known]
            tm.fill(merged, new, _memory_sources(path, sources))
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


def _memory_sources(path: Path, sources: dict[Path, list[tm.Source]]) -> list[tm.Source]:
    """What the memory offers ``path``'s new entries: its own catalog's translations first,
    then those of the other catalogs of its language (``en`` and ``en_GB``)."""
    others = [f for p, f in sources.items() if p != path and same_tongue(p.stem, path.stem)]
    return [*sources[path], *(source for found in others for source in found)]


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


def check(root: Path, files: list[Path] | None = None) -> list[str]:
    """Every problem of the given catalogs (or the project's) as ``file:line: message``."""
    folder = root / "translations"
    paths = files if files else catalog_paths(folder)
    if not paths:
        raise TranslationError("no catalog to check", Location.of(folder))
    for path in files or ():
        if not path.is_file():
            raise UsageError(f"no such PO file: {display_path(path)}")
    glossary = checks.load_glossary(folder)
    entries = all_entries(root) if not files else []
    vocabularies = _vocabularies(root, folder)
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
        for problem in checks.check_catalog(catalog, glossary, path, vocabularies):
            where = f"{shown}:{problem.line}" if problem.line else shown
            problems.append(f"{where}: {problem.message}")
    return problems


def _vocabularies(root: Path, folder: Path) -> Vocabularies:
    """The words of each language, from the catalogs a build reads and the content's growth
    figures; a project that does not load (its problems are reported file by file) leaves
    the shipped catalogs' words."""
    try:
        catalogs = load_catalogs(folder)
        reports = load_reports(root / "content") if (root / "content").is_dir() else []
    except JbreportError:
        return Vocabularies(Catalogs(folder, {}, shipped_catalogs()))
    return Vocabularies(catalogs, growth_signs(reports))


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


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
