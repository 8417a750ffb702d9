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
"""

from __future__ import annotations

import re
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from .atomic import write_all
from .catalog import TEMPLATE_LANGUAGE, Catalogs, load_catalogs, parse_language, same_language
from .content import Report, load_reports
from .errors import JbreportError, Location, TranslationError, UsageError
from .po.units import Edit, Unit, catalog_units, pieces

_HEADER = re.compile(r"^Catalog: (\S+) · Language: (\S+)$")
_KEY = re.compile(r"^u[0-9a-f]{16}(-\d+)?$")
_FIELD = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
COLUMNS = ("Key", "Source", "Translation", "Comment")


def export_review(root: Path, language: str, out_dir: Path) -> Path:
    tag = str(parse_language(language))
    catalogs = load_catalogs(root / "translations")
    found = [t for t in catalogs.by_language if same_language(t, tag)]
    if not found:
        raise UsageError(f"no catalog for {language!r} in translations/")
    name = found[0]
    catalog = catalogs.by_language[name]
    content = root / "content"
    reports = {r.id: r for r in load_reports(content)} if content.is_dir() else {}
    document = docx.Document()
    document.add_heading(f"Review copy: {parse_language(name).english_name} translations", 0)
    document.add_paragraph(f"Catalog: translations/{name}.po · Language: {name}")
    document.add_paragraph(
        "Edit the Translation column only; keep every shaded {token} (a figure or name the "
        "brief fills in) as it is. Write remarks in the Comment column. Then run "
        "`jbreport translations import` on this file."
    )
    groups: dict[str, list[Unit]] = {}
    for units in catalog_units(catalog, name).values():
        for unit in units:
            context = unit.context or ""
            groups.setdefault(context.split("/")[0] if "/" in context else "layout", []).append(
                unit
            )
    for group, units in sorted(groups.items()):
        document.add_heading(group if group != "layout" else "Layouts and figure words", 1)
        _table(document, units, _figures(reports.get(group), catalogs, name))
    path = out_dir / f"{name}.review.docx"
    from io import BytesIO

    buffer = BytesIO()
    document.save(buffer)
    write_all([(path, buffer.getvalue())])
    return path


def _table(document: DocxDocument, units: list[Unit], figures: dict[str, str]) -> None:
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for unit in units:
        key, source, target, _comment = table.add_row().cells
        key.paragraphs[0].add_run(unit.id).font.size = Pt(7)
        state = "new" if not unit.target else ("fuzzy" if unit.fuzzy else "")
        if state:
            key.add_paragraph().add_run(state).italic = True
        _tokens(source, unit.source)
        names = list(dict.fromkeys(_FIELD.findall(unit.source)))
        shown = [f"{n}: {figures[n]}" for n in names if n in figures]
        if shown:
            run = source.add_paragraph().add_run(" · ".join(shown))
            run.font.size = Pt(8)
            run.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
        _tokens(target, unit.target)


def _tokens(cell: _Cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    for piece in pieces(text):
        if isinstance(piece, str):
            paragraph.add_run(piece)
        else:
            paragraph.add_run("{" + piece[0] + "}").font.highlight_color = WD_COLOR_INDEX.GRAY_25


def _figures(report: Report | None, catalogs: Catalogs, target: str) -> dict[str, str]:
    """Each figure of the report as the source edition and the target edition print it."""
    if report is None:
        return {}
    from . import numbers as nb

    out = {}
    for name, entry in report.figures.items():
        try:
            shown = [
                nb.format_figure(entry.figure, tag, _Words(catalogs, tag, report.language))
                for tag in dict.fromkeys((report.language, target))
            ]
        except (JbreportError, KeyError, ValueError):
            continue  # a figure the catalog cannot print yet: no hint
        out[name] = " → ".join(dict.fromkeys(shown))
    return out


class _Words:
    """Figure words of one edition: content nouns (``report/…``) and the layouts' words."""

    def __init__(self, catalogs: Catalogs, tag: str, source: str) -> None:
        self.content = catalogs.lookup(tag, source)
        self.words = catalogs.lookup(tag, TEMPLATE_LANGUAGE)

    def gettext(self, context: str, msgid: str) -> str:
        return (self.content if "/" in context else self.words).gettext(context, msgid)

    def translated(self, context: str, msgid: str) -> bool:
        return (self.content if "/" in context else self.words).translated(context, msgid)

    def ngettext(self, context: str, singular: str, plural: str, n: object) -> str:
        lookup = self.content if "/" in context else self.words
        return lookup.ngettext(context, singular, plural, n)  # type: ignore[arg-type]


# -- import -------------------------------------------------------------------------------


def read_review(path: Path) -> tuple[str, str, list[Edit]]:
    """The catalog a review copy names, its language, and a row per string as an edit."""
    shown = Location.of(path).path
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, SyntaxError, OSError) as exc:
        # (SyntaxError: lxml's XMLSyntaxError, from a broken part inside the zip)
        raise TranslationError(
            f"cannot read as a Word document ({type(exc).__name__}): not a review copy?",
            Location(shown),
        ) from None
    header = next((m for p in document.paragraphs if (m := _HEADER.match(p.text.strip()))), None)
    if header is None:
        raise TranslationError(
            "no 'Catalog: … · Language: …' line: not a review copy exported by jbreport",
            Location(shown),
        )
    edits: list[Edit] = []
    for number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            cells = [_text(c) for c in row.cells]
            if len(cells) < 4 or not _KEY.match(cells[0].split("\n")[0].strip()):
                continue
            where = Location(f"{shown} (table {number}, row {row_number})")
            edits.append(_edit(cells, where))
    return header[1], header[2], edits


def _text(cell: _Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)


def _edit(cells: list[str], where: Location) -> Edit:
    key = cells[0].split("\n")[0].strip()
    source = cells[1].split("\n")[0]
    target = cells[2].strip()
    edit = Edit(key, source, target, None, where, cells[3].strip(), loose=True)
    _check_tokens(edit)
    return edit


def _check_tokens(edit: Edit) -> None:
    """A changed translation must keep the source's placeholders."""
    wanted, got = sorted(set(_FIELD.findall(edit.source))), sorted(set(_FIELD.findall(edit.target)))
    if edit.target and wanted != got and set(got) - set(wanted):
        raise TranslationError(
            f"the translation's {{tokens}} {got} differ from the source's {wanted}: "
            "keep every shaded token as it is",
            edit.where,
        )
