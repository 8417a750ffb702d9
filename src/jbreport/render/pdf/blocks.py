"""The PDF's content tables, lists and sign-offs, as flowables.

A table is a platypus Table of :class:`TextBlock` cells (Chinese line breaking, the
edition's fonts), its header rows repeated on each page it continues on, its numeric
columns aligned on the decimal point, tagged Table / TR / TH (scope Column or Row) / TD with
its caption; a bilingual edition prints each language's table, one after the other.  A
list is items with hanging indents, tagged L / LI / Lbl / LBody; a sign-off, right-aligned
lines.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from ...model import ListBlock, ListItem, Row, Signoff, Text
from ...model import Table as TableBlock
from .. import theme
from .cells import Hanging, NumberCell, decimal_tail
from .flowables import Parallel
from .styles import GUTTER, LIGHT_RULE, MARGIN_X, PAGE_W, RULE, StyleName
from .tagging import StructureType, Tag

if TYPE_CHECKING:
    from .writer import _Writer

PAD = theme.PDF_TABLE_PADDING
MIN_TEXT_COLUMN = 60.0  # points: a text column narrower than this sets tables one per line
HEAD_AT_LEAST = 48.0  # points a numeric column's label may take on one line, in any measure


def table(w: _Writer, block: TableBlock) -> list[Flowable]:
    """The table in each language of the edition: side by side when each fits half the
    measure with room for its text columns, else one after the other."""
    n = len(w.document.languages)
    full = PAGE_W - 2 * MARGIN_X
    after = Spacer(1, 4 if block.note else 10)
    # side by side: on the body's columns, or else on even halves of the page
    for shares in dict.fromkeys((w.shares, tuple(1 / n for _ in range(n)))):
        room = full - GUTTER * (n - 1)
        narrow = [room * share for share in shares]
        if n > 1 and all(_fits(w, block, i, narrow[i]) for i in range(n)):
            columns = [_one_table(w, block, i, narrow[i]) for i in range(n)]
            side = Parallel(columns, shares=shares)
            return [CondPageBreak(5 * 13), KeepTogether([side]), after]
    out: list[Flowable] = []
    for i in range(n):
        # together on one page when they fit on one (a longer table splits, its header repeated)
        out += [CondPageBreak(5 * 13), KeepTogether(_one_table(w, block, i, full)), after]
    return out


def _rows(block: TableBlock) -> list[tuple[Row, StyleName]]:
    rows: list[tuple[Row, StyleName]] = [(r, "table_head") for r in block.header]
    rows += [(r, "table_cell") for r in block.rows]
    if block.total is not None:
        rows.append((block.total, "table_total"))
    return rows


def _fits(w: _Writer, block: TableBlock, i: int, width: float) -> bool:
    """Whether the table's text columns keep room for a few words beside its figures, and
    every cell sets on one line: a side-by-side table whose labels wrap in the narrow column
    ("零售额（亿 | 元）") reads worse than the two tables one after the other."""
    rows = _rows(block)
    widths = _widths(w, block, [r for r, _s in rows], i, width)
    text = [x for x, numeric in zip(widths, block.numeric, strict=True) if not numeric]
    if not all(x >= MIN_TEXT_COLUMN for x in text) or sum(widths) > width + 0.01:
        return False
    for row, name in rows:
        for cell, room in zip(row, widths, strict=True):
            shown = cell[i]
            if w.measure(shown.lang, w.style(name, shown.lang)).width(shown.text) > room - 2 * PAD:
                return False
    return True


def _one_table(w: _Writer, block: TableBlock, i: int, width: float) -> list[Flowable]:
    """The table in the edition's ``i``-th language: caption, grid and note."""
    tag = Tag("Table")
    out: list[Flowable] = []
    if block.caption is not None:
        out.append(w.text(block.caption[i], "table_caption", parent=tag))
    mark = block.decimal[i].text
    rows = _rows(block)
    widths = _widths(w, block, [r for r, _s in rows], i, width)
    tails = _tail_rooms(w, block, rows, i, mark)
    cells: list[list[Any]] = []
    for number, (row, style) in enumerate(rows):
        row_tag = Tag("TR", parent=tag)
        head = number < len(block.header)
        line = []
        for j, cell in enumerate(row):
            line.append(_cell(w, block, cell[i], style, j, head, row_tag, tails, mark))
        cells.append(line)
    grid = Table(cells, colWidths=widths, repeatRows=len(block.header), hAlign="LEFT")
    grid.setStyle(TableStyle(_grid_style(w, block, len(rows))))
    out.append(grid)
    if block.note is not None:
        out.append(w.text(block.note[i], "table_note"))
    return out


def _cell(
    w: _Writer,
    block: TableBlock,
    text: Text,
    style: StyleName,
    j: int,
    head: bool,
    row_tag: Tag,
    tails: dict[int, float],
    mark: str,
) -> Flowable:
    numeric = block.numeric[j]
    role: StructureType = "TH" if head or (j == 0 and not numeric) else "TD"
    tag = Tag(role, text.lang, parent=row_tag, scope="Column" if head else "Row")
    if numeric and not head and text.text:
        chosen = w.style(style, text.lang)
        measure = w.measure(text.lang, chosen)
        return NumberCell(text, chosen, measure, decimal_tail(text.text, mark), tails[j], tag)
    cell = w.text(text, style, role=role, parent=row_tag)
    cell.tag = tag
    if numeric:
        cell.style = replace(cell.style, align="right")
    cell.repeated_as_artifact = head
    return cell


def _tail_rooms(
    w: _Writer, block: TableBlock, rows: list[tuple[Row, StyleName]], i: int, mark: str
) -> dict[int, float]:
    """Per numeric column: room right of the decimal point for its widest fraction."""
    rooms: dict[int, float] = {}
    for j, numeric in enumerate(block.numeric):
        if not numeric:
            continue
        room = 0.0
        for row, style in rows[len(block.header) :]:
            text = row[j][i]
            measure = w.measure(text.lang, w.style(style, text.lang))
            room = max(room, measure.width(decimal_tail(text.text, mark)))
        rooms[j] = room
    return rooms


def _widths(w: _Writer, block: TableBlock, rows: list[Row], i: int, total: float) -> list[float]:
    """Numeric columns as wide as their widest figure (or label, up to a quarter of the
    measure); the text columns share the rest of ``total``."""
    widths: list[float | None] = []
    for j, numeric in enumerate(block.numeric):
        if not numeric:
            widths.append(None)
            continue
        need = 0.0
        for number, row in enumerate(rows):
            text = row[j][i]
            name: StyleName = "table_head" if number < len(block.header) else "table_total"
            width = w.measure(text.lang, w.style(name, text.lang)).width(text.text)
            if number < len(block.header):
                width = min(width, max(total * 0.25, HEAD_AT_LEAST))
            need = max(need, width)
        widths.append(need + 2 * PAD + 6)
    fixed = sum(x for x in widths if x is not None)
    free = [j for j, x in enumerate(widths) if x is None]
    share = (total - fixed) / len(free) if free else 0.0
    return [share if x is None else x for x in widths]


def _grid_style(w: _Writer, block: TableBlock, rows: int) -> list[tuple[Any, ...]]:
    heads = len(block.header)
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), w.fonts.latin),  # never Helvetica
        ("LINEABOVE", (0, 0), (-1, 0), 1.0, RULE),
        ("LINEBELOW", (0, heads - 1), (-1, heads - 1), 0.6, RULE),
        ("LINEBELOW", (0, -1), (-1, -1), 1.0, RULE),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]
    if rows - heads > 1:
        style.append(("LINEBELOW", (0, heads), (-1, -2), 0.3, LIGHT_RULE))
    if block.total is not None:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, RULE))
    return style


# -- lists ----------------------------------------------------------------------------------


def list_flowables(w: _Writer, block: ListBlock) -> list[Flowable]:
    """Each item beside its translation in a bilingual edition; one list per language."""
    n = len(w.document.languages)
    lists = [Tag("L") for _ in range(n)]
    out: list[Flowable] = []
    for item in block.items:
        out += _item(w, item, lists, 0)
    if out:
        out[-1].spaceAfter = max(out[-1].getSpaceAfter(), 6)
    return out


def _item(w: _Writer, item: ListItem, lists: list[Tag], level: int) -> list[Flowable]:
    columns: list[list[Flowable]] = []
    bodies: list[Tag] = []
    for i, text in enumerate(item.text):
        li = Tag("LI", parent=lists[i])
        label = Tag("Lbl", item.label[i].lang, parent=li)
        body = Tag("LBody", parent=li)
        bodies.append(body)
        block = w.text(text, "list_item", role="P", parent=body)
        em = block.style.size
        measure = w.measure(item.label[i].lang, block.style)
        indent = level * theme.PDF_LIST_INDENT * em
        hang = theme.PDF_LIST_INDENT * em
        columns.append([Hanging(item.label[i], block, measure, indent, hang, label)])
    one = len(columns) == 1
    out: list[Flowable] = [columns[0][0] if one else Parallel(columns, shares=w.shares)]
    if item.children:
        nested = [Tag("L", parent=body) for body in bodies]
        for child in item.children:
            out += _item(w, child, nested, level + 1)
    return out


def signoff(w: _Writer, block: Signoff) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 8)]
    for line in block.lines:
        out += w.texts(line, "signoff")
    return [KeepTogether(out), Spacer(1, 8)]
