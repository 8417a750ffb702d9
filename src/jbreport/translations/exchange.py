"""``translations export`` and ``translations import``: catalogs out to the files
translators work in (XLIFF for CAT tools, a bilingual DOCX for reviewers) and back.

An import changes only translations that differ from the catalog, writes the catalog
atomically (all or nothing) and returns one line per change; a catalog exported and
imported with no edit keeps every byte.
"""

from __future__ import annotations

from pathlib import Path

from ..atomic import write_all
from ..errors import Location, TranslationError, UsageError, display_path
from ..i18n.locale import parse_language, same_language
from ..po import Catalog, xliff
from ..po.io import read_catalog, render_po
from ..po.lookup import catalog_paths
from ..po.units import Change, Edit, apply_edits, catalog_units

XLIFF_SUFFIXES = (".xlf", ".xliff")


def _catalogs(root: Path, languages: list[str] | None) -> list[Path]:
    paths = catalog_paths(root / "translations")
    if not languages:
        if not paths:
            raise UsageError("no catalog in translations/: start one with `translations init`")
        return paths
    chosen = []
    for language in languages:
        tag = str(parse_language(language))
        found = [p for p in paths if same_language(p.stem, tag)]
        if not found:
            raise UsageError(f"no catalog for {language!r} in translations/")
        chosen += found
    return chosen


def export_xliff(
    root: Path, languages: list[str] | None, out_dir: Path, version: str = "2.1"
) -> list[Path]:
    """One XLIFF file per catalog and source language: ``<lang>.xlf`` (``<lang>.<source>.xlf``
    when a catalog holds strings of several source languages)."""
    written: list[tuple[Path, bytes]] = []
    for path in _catalogs(root, languages):
        catalog = read_catalog(path, expect_language=path.stem)
        original = f"translations/{path.name}"
        groups = catalog_units(catalog, path.stem)
        for source, units in sorted(groups.items()):
            name = f"{path.stem}.xlf" if len(groups) == 1 else f"{path.stem}.{source}.xlf"
            data = xliff.xliff_bytes(units, original, source, path.stem, version)
            written.append((out_dir / name, data))
    write_all(written)
    return [p for p, _ in written]


def import_file(root: Path, path: Path) -> tuple[Path, list[str]]:
    """Import an edited XLIFF or review DOCX; the catalog and a line per change."""
    if not path.is_file():
        raise UsageError(f"no such file: {display_path(path)}")
    shown = Location.of(path).path
    suffix = path.suffix.lower()
    if suffix in XLIFF_SUFFIXES:
        original, language, edits = xliff.read_xliff(path)
    elif suffix == ".docx":
        from .review import read_review

        original, language, edits = read_review(path)
    else:
        raise UsageError(f"{display_path(path)}: import reads .xlf, .xliff or .docx files")
    po = _catalog_for(original, root, shown)
    catalog = read_catalog(po, expect_language=po.stem)
    _check_language(catalog, language, shown)
    return po, _apply(po, catalog, edits)


def _catalog_for(original: str, root: Path, shown: str) -> Path:
    """The project's PO file a file names as its ``original``; never a path outside it."""
    path = (root / original).resolve()
    folder = (root / "translations").resolve()
    if path.parent != folder or path.suffix != ".po" or not path.is_file():
        raise TranslationError(
            f"original={original!r} is not a catalog of this project (translations/<lang>.po)",
            Location(shown),
        )
    return path


def _check_language(catalog: Catalog, language: str, shown: str) -> None:
    if catalog.locale is not None and not same_language(str(catalog.locale), language):
        raise TranslationError(
            f"the file translates into {language!r}, its catalog is {catalog.locale}",
            Location(shown),
        )


def _apply(po: Path, catalog: Catalog, edits: list[Edit]) -> list[str]:
    changes = apply_edits(catalog, edits)
    lines = [_describe(po, change) for change in changes]
    data = render_po(catalog)
    if changes and data != po.read_bytes():
        write_all([(po, data)])
    return lines


def _describe(po: Path, change: Change) -> str:
    message = change.message
    where = display_path(po) + (f":{message.lineno}" if getattr(message, "lineno", 0) else "")
    if change.what == "comment":
        return f"{where}: {message.context}: comment {change.after or '(removed)'!r}"
    state = "fuzzy" if message.fuzzy else "translated"
    before = repr(_short(change.before)) if change.before else "(untranslated)"
    return f"{where}: {message.context}: {before} → {_short(change.after)!r} ({state})"


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
