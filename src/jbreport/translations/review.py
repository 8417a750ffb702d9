"""The bilingual review copy: a catalog as a Word document a reviewer edits, and back.

``export_review`` writes ``<lang>.review.docx``: a table per report (and one for the
layouts' words) with a row per string: key | source | translation | comment.  Each
``{placeholder}`` stays a visible token (shaded), and under the source the figures it
names are shown as the editions print them (``investment_total: 302.5亿元 · CNY 30.25
billion``), so the reviewer reads the values without being able to change them: import
refuses a changed translation whose tokens differ from the source's.

``read_review`` reads the edited file (from Word or LibreOffice): a translation that differs
from the catalog's becomes the catalog's translation, **confirmed** (not fuzzy: the reviewer's
edit is the review); an unchanged one keeps its state; a comment becomes the entry's
translator comment ``review: …``.  The key column (the unit id) finds the entry; a row whose
entry is gone (the source changed since the export) stops the import.

What the rows say is decided here; the Word file itself is written and read by
:mod:`jbreport.render.docx.review` (python-docx's room).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..atomic import write_all
from ..errors import Collector, JbreportError, Location, TranslationError, UsageError
from ..i18n.figures import TEMPLATE_LANGUAGE
from ..i18n.locale import parse_language, same_language
from ..i18n.placeholders import raw_fields, raw_names
from ..po.lookup import Catalogs, load_catalogs
from ..po.units import Edit, Unit, catalog_units
from ..render.docx.review import Pieces, ReviewRow, ReviewTable, read_review_docx, review_docx
from ..source.load import load_reports
from ..source.model import Report
from ..wording import Wording, style_for

_HEADER = re.compile(r"^Catalog: (\S+) · Language: (\S+)$")
_KEY = re.compile(r"^u[0-9a-f]{16}(-\d+)?$")
_INTRODUCTION = (
    "Edit the Translation column only; keep every shaded {token} (a figure or name the "
    "brief fills in) as it is. Write remarks in the Comment column. Then run "
    "`jbreport translations import` on this file."
)


def export_review(root: Path, language: str, out_dir: Path) -> Path:
    tag = str(parse_language(language))
    catalogs = load_catalogs(root / "translations")
    found = [t for t in catalogs.by_language if same_language(t, tag)]
    if not found:
        raise UsageError(f"no catalog for {language!r} in translations/")
    name = found[0]
    content = root / "content"
    reports = {r.id: r for r in load_reports(content)} if content.is_dir() else {}
    groups: dict[str, list[Unit]] = {}
    for units in catalog_units(catalogs.by_language[name], name).values():
        for unit in units:
            context = unit.context or ""
            group = context.split("/")[0] if "/" in context else "layout"
            groups.setdefault(group, []).append(unit)
    tables = [
        ReviewTable(
            group if group != "layout" else "Layouts and figure words",
            _rows(units, _figures(reports.get(group), catalogs, name)),
        )
        for group, units in sorted(groups.items())
    ]
    title = f"Review copy: {parse_language(name).english_name} translations"
    header = f"Catalog: translations/{name}.po · Language: {name}"
    path = out_dir / f"{name}.review.docx"
    write_all([(path, review_docx(title, [header, _INTRODUCTION], tables))])
    return path


def _rows(units: list[Unit], figures: dict[str, str]) -> tuple[ReviewRow, ...]:
    rows = []
    for unit in units:
        state = "new" if not unit.target else ("fuzzy" if unit.fuzzy else "")
        names = dict.fromkeys(raw_names(unit.source))
        hint = " · ".join(f"{n}: {figures[n]}" for n in names if n in figures)
        rows.append(ReviewRow(unit.id, state, _pieces(unit.source), hint, _pieces(unit.target)))
    return tuple(rows)


def _pieces(text: str) -> Pieces:
    return tuple(
        ("{" + piece[0] + "}", True) if isinstance(piece, tuple) else (piece, False)
        for piece in raw_fields(text)
    )


def _figures(report: Report | None, catalogs: Catalogs, target: str) -> dict[str, str]:
    """Each figure of the report as the source edition and the target edition print it."""
    if report is None:
        return {}
    editions = [
        Wording(
            tag,
            catalogs.lookup(tag, report.language),
            catalogs.lookup(tag, TEMPLATE_LANGUAGE),
            style_for(report, tag),
            report,
            Collector(),  # a catalog's problems are the check's to report, not the copy's
        )
        for tag in dict.fromkeys((report.language, target))
    ]
    out = {}
    for name in report.figures:
        try:
            shown = [edition.figure(name) for edition in editions]
        except (JbreportError, KeyError, ValueError):
            continue  # a figure the catalog cannot print yet: no hint
        out[name] = " → ".join(dict.fromkeys(shown))
    return out


# -- import -------------------------------------------------------------------------------


def read_review(path: Path) -> tuple[str, str, list[Edit]]:
    """The catalog a review copy names, its language, and a row per string as an edit."""
    shown = Location.of(path).path
    copy = read_review_docx(path)
    header = next((m for p in copy.paragraphs if (m := _HEADER.match(p.strip()))), None)
    if header is None:
        raise TranslationError(
            "no 'Catalog: … · Language: …' line: not a review copy exported by jbreport",
            Location(shown),
        )
    edits: list[Edit] = []
    for number, table in enumerate(copy.tables, start=1):
        for row_number, cells in enumerate(table, start=1):
            if len(cells) < 4 or not _KEY.match(cells[0].split("\n")[0].strip()):
                continue
            where = Location(f"{shown} (table {number}, row {row_number})")
            edits.append(_edit(list(cells), where))
    return header[1], header[2], edits


def _edit(cells: list[str], where: Location) -> Edit:
    key = cells[0].split("\n")[0].strip()
    source = cells[1].split("\n")[0]
    target = cells[2].strip()
    edit = Edit(key, source, target, None, where, cells[3].strip(), loose=True)
    _check_tokens(edit)
    return edit


def _check_tokens(edit: Edit) -> None:
    """A changed translation must keep the source's placeholders."""
    wanted, got = sorted(set(raw_names(edit.source))), sorted(set(raw_names(edit.target)))
    if edit.target and wanted != got and set(got) - set(wanted):
        raise TranslationError(
            f"the translation's {{tokens}} {got} differ from the source's {wanted}: "
            "keep every shaded token as it is",
            edit.where,
        )
