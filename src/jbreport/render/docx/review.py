"""The review copy's Word file (see :mod:`jbreport.translations.review`): written from plain
rows, and read back as the text of its paragraphs and table cells.

This is python-docx's side of the review copy, as the DOCX writer is of a brief: it knows
Word's tables, runs and shading, nothing of catalogs.  A row is four cells: the key (with
the entry's state under it), the source (its ``{tokens}`` shaded, the figures it names
under it in small grey type), the translation and an empty comment.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from ...errors import Location, TranslationError

COLUMNS = ("Key", "Source", "Translation", "Comment")
HINT_COLOUR = RGBColor(0x59, 0x59, 0x59)

# a text as pieces: (text, True) is a {token} the reviewer must keep (shaded)
Pieces = tuple[tuple[str, bool], ...]


@dataclass(frozen=True, slots=True)
class ReviewRow:
    key: str
    state: str  # "new", "fuzzy", or "" (translated)
    source: Pieces
    hint: str  # the figures the source names, as the editions print them; "" for none
    target: Pieces


@dataclass(frozen=True, slots=True)
class ReviewTable:
    heading: str
    rows: tuple[ReviewRow, ...]


@dataclass(frozen=True, slots=True)
class ReadBack:
    """What a review copy says: its paragraphs' text, and each table's rows' cells' text
    (a cell's paragraphs joined by newlines)."""

    paragraphs: tuple[str, ...]
    tables: tuple[tuple[tuple[str, ...], ...], ...]


def review_docx(title: str, paragraphs: Sequence[str], tables: Sequence[ReviewTable]) -> bytes:
    """The review copy: a title, the paragraphs that introduce it, a heading and a table per
    group of strings."""
    document = docx.Document()
    document.add_heading(title, 0)
    for text in paragraphs:
        document.add_paragraph(text)
    for table in tables:
        document.add_heading(table.heading, 1)
        _table(document, table.rows)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _table(document: WordDocument, rows: Sequence[ReviewRow]) -> None:
    table = document.add_table(rows=1, cols=len(COLUMNS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, COLUMNS, strict=True):
        cell.paragraphs[0].add_run(title).bold = True
    for row in rows:
        key, source, target, _comment = table.add_row().cells
        key.paragraphs[0].add_run(row.key).font.size = Pt(7)
        if row.state:
            key.add_paragraph().add_run(row.state).italic = True
        _pieces(source, row.source)
        if row.hint:
            run = source.add_paragraph().add_run(row.hint)
            run.font.size = Pt(8)
            run.font.color.rgb = HINT_COLOUR
        _pieces(target, row.target)


def _pieces(cell: _Cell, pieces: Pieces) -> None:
    paragraph = cell.paragraphs[0]
    for text, token in pieces:
        run = paragraph.add_run(text)
        if token:
            run.font.highlight_color = WD_COLOR_INDEX.GRAY_25


def read_review_docx(path: Path) -> ReadBack:
    """The text of a review copy (from Word or LibreOffice); a file python-docx cannot read
    is one TranslationError."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, SyntaxError, OSError) as exc:
        # (SyntaxError: lxml's XMLSyntaxError, from a broken part inside the zip)
        raise TranslationError(
            f"cannot read as a Word document ({type(exc).__name__}): not a review copy?",
            Location.of(path),
        ) from None
    return ReadBack(
        tuple(p.text for p in document.paragraphs),
        tuple(
            tuple(tuple(_text(cell) for cell in row.cells) for row in table.rows)
            for table in document.tables
        ),
    )


def _text(cell: _Cell) -> str:
    return "\n".join(p.text for p in cell.paragraphs)
