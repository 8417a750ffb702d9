"""The Word file's content tables, lists and sign-offs.

A table is a Word table in the "Data Table" style, its header rows marked as such (Word
repeats them on each page the table continues on), the caption above it in the Caption
style and the note below in "Table Note"; numeric columns are right-aligned.  A
bilingual edition prints each language's table, one after the other.  A list's items carry
real Word numbering (a numbering definition, ``w:numPr`` on each item) in the List Bullet /
List Number styles; a sign-off is right-aligned lines in the "Signoff" style.

Numeric columns are right-aligned, not set on a decimal tab stop: LibreOffice (7.4) wraps a
figure holding a decimal point onto a second line when its cell's decimal tab stands further
right than about two thirds of the cell, where a column of figures needs it.  A column's
figures written with the same number of decimals (as a statistics office writes them) align
on the point all the same.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Emu, Pt

from ...model import ListBlock, ListItem, Row, Signoff, Table
from .. import theme
from . import measure, oxml, styles

if TYPE_CHECKING:
    from .writer import Container, _Writer

_DIGITS = re.compile(r"\d+")
HEAD_SHARE = 0.25  # at most, of the table's width, for a numeric column's label on one line


def table(w: _Writer, block: Table) -> None:
    w.content_styles()
    for i in range(len(w.document.languages)):
        _one_table(w, block, i)


def _one_table(w: _Writer, block: Table, i: int) -> None:
    if block.caption is not None:
        caption = w.paragraph(w.doc, "Caption", (block.caption[i],))
        caption.paragraph_format.keep_with_next = True
    rows: list[tuple[Row, str]] = [(r, "Table Heading") for r in block.header]
    rows += [(r, "Table Text") for r in block.rows]
    if block.total is not None:
        rows.append((block.total, "Table Total"))
    grid = w.doc.add_table(rows=0, cols=len(block.numeric))
    grid.style = w.doc.styles[styles.DATA_TABLE]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    oxml.set_table_look(grid, first_row=bool(block.header), first_column=False)
    widths = _widths(w, block, [r for r, _s in rows], i)
    for number, (row, style) in enumerate(rows):
        word_row = grid.add_row()
        head = number < len(block.header)
        if head:
            oxml.set_header_row(word_row)
        for j, cell in enumerate(row):
            paragraph = w.paragraph_in(word_row.cells[j], style)
            if block.numeric[j]:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            w.runs.add(paragraph, cell[i])
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for word_row in grid.rows:
        for word_cell, width in zip(word_row.cells, widths, strict=True):
            word_cell.width = width
    # never two tables touching: Word would join them into one
    w.paragraph(
        w.doc, "Table Note" if block.note else "Normal", block.note[i : i + 1] if block.note else ()
    )


def _points(text: str, size: float = theme.DOCX_FIGURE_SIZE) -> float:
    return measure.em_width(text) * size


def _widths(w: _Writer, block: Table, rows: list[Row], i: int) -> list[Emu]:
    """Numeric columns as wide as their label (up to a quarter of the table) or their
    widest figure, the text columns sharing the rest."""
    total = w.language_column() * len(w.document.languages)
    heads = len(block.header)
    widths: list[int | None] = []
    for j, numeric in enumerate(block.numeric):
        if not numeric:
            widths.append(None)
            continue
        label = max(_points(row[j][i].text) for row in rows[:heads])
        figures = max((_points(row[j][i].text) for row in rows[heads:]), default=0.0)
        need = max(min(label, total / Pt(1) * HEAD_SHARE), figures)
        widths.append(int(Pt(need + 2 * theme.DOCX_CELL_PADDING + 4)))
    fixed = sum(x for x in widths if x is not None)
    free = sum(1 for x in widths if x is None)
    share = (total - fixed) // free if free else 0
    return [Emu(share if x is None else x) for x in widths]


# -- lists and sign-offs --------------------------------------------------------------------


def list_items(w: _Writer, container: Container, block: ListBlock, i: int) -> None:
    """The list in the edition's ``i``-th language, its own numbering definition (a numbered
    list counts from 1)."""
    w.content_styles()
    indent = int(Cm(theme.DOCX_LIST_INDENT).twips)
    first = block.items[0].label[i].text
    top = ("decimal", _DIGITS.sub("%1", first, count=1)) if block.numbered else ("bullet", first)
    nested = next((c.label[i].text for item in block.items for c in item.children), "–")
    num_id = oxml.add_list_definition(
        w.doc, [(*top, indent, indent), ("bullet", nested, 2 * indent, indent)]
    )
    for item in block.items:
        _item(w, container, item, i, num_id, 0, block.numbered)


def _item(
    w: _Writer,
    container: Container,
    item: ListItem,
    i: int,
    num_id: int,
    level: int,
    numbered: bool,
) -> None:
    style = "List Bullet 2" if level else "List Number" if numbered else "List Bullet"
    paragraph = w.paragraph(container, style, (item.text[i],))
    oxml.set_numbering(paragraph, num_id, level)
    for child in item.children:
        _item(w, container, child, i, num_id, level + 1, numbered)


def signoff(w: _Writer, container: Container, block: Signoff, i: int) -> None:
    w.content_styles()
    for n, line in enumerate(block.lines):
        paragraph = w.paragraph(container, "Signoff", (line[i],))
        if n == 0:
            paragraph.paragraph_format.space_before = Pt(12)
