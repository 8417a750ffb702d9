"""The reader of ``table:`` blocks, and of a cell: a text, one ``{figure}`` or nothing.

    - table:
        id: retail-by-sector
        caption: "表1　{period}分行业社会消费品零售额"
        columns: [行业, {label: 零售额, unit: header}]
        rows: [[批发业, "{retail_wholesale}"], …]
        total: [合计, "{retail_total}"]
        note: "注：……"

Each string's msgctxt starts ``<report>/<where>/<table id>/``: ``caption``, ``columns/2``,
``header/1/2``, ``rows/3/1``, ``total/1``, ``note``.
"""

from __future__ import annotations

import re

from ..i18n import figures as nb
from .model import Cell, Cells, SrcColumn, SrcFigure, SrcFigureRef, SrcTable
from .reader import Reader
from .scope import Scope
from .yaml import Node

TABLE_KEYS = {"id", "caption", "columns", "header", "rows", "total", "note"}
COLUMN_KEYS = {"label", "unit"}
UNIT_PLACES = ("header",)  # where a column's unit goes; without the option, in every cell
_WHOLE_FIGURE = re.compile(r"\s*\{([A-Za-z_][A-Za-z0-9_]*)\}\s*")
# the kinds whose figures are a number and a unit, which a column header can hold
HEADER_UNIT_KINDS = (
    nb.Kind.COUNT,
    nb.Kind.MONEY,
    nb.Kind.PERCENT,
    nb.Kind.POINTS,
    nb.Kind.GROWTH,
    nb.Kind.QUANTITY,
)


def read_cell(r: Reader, node: Node, context: str, what: str, *, empty: bool = True) -> Cell:
    """A text (a catalog entry), a figure (``"{name}"`` alone: nothing to translate), or, with
    ``empty``, nothing (an empty string or null)."""
    if empty and (node.is_null or (node.text is not None and not node.text.strip())):
        return None
    if node.text is not None and (m := _WHOLE_FIGURE.fullmatch(node.text)):
        r.used_placeholders.append((m[1], node.loc))
        return SrcFigureRef(m[1], node.loc)
    return r.src(node, context, what)


def read_table(r: Reader, item: Node, scope: Scope) -> SrcTable | None:
    if not r.mapping(item, "a table block", {"table"}):
        return None
    node = item.get("table")
    assert node is not None
    if not r.mapping(node, "a table", TABLE_KEYS):
        return None
    tid = r.ident(node.get("id"), "table id", scope.ids.tables)
    if tid is None:
        if node.get("id") is None:
            r.error("a table needs an 'id'", node.loc)
        return None
    where = f"{scope.where}/{tid}"
    columns = _columns(r, node.get("columns"), where)
    if not columns:
        if node.get("columns") is None:
            r.error("a table needs 'columns' (the label of each column)", node.loc)
        return None
    n = len(columns)
    header = _rows(r, node.get("header"), f"{where}/header", n, "header row")
    rows = _rows(r, node.get("rows"), f"{where}/rows", n, "row")
    if not rows:
        given = node.get("rows")
        if given is None or given.is_null or given.items == ():
            r.error("a table needs 'rows' (a list of rows, each a list of cells)", node.loc)
        return None
    total = None
    if (total_node := node.get("total")) is not None and not total_node.is_null:
        total = _row(r, total_node, f"{where}/total", n, "the total row")
    caption = r.src(node.get("caption"), f"{where}/caption", "table caption")
    note = r.src(node.get("note"), f"{where}/note", "table note")
    return SrcTable(tid, caption, columns, header, rows, total, note, node.loc)


def _columns(r: Reader, node: Node | None, where: str) -> tuple[SrcColumn, ...]:
    out = []
    for j, item in enumerate(r.items(node, "columns"), start=1):
        context = f"{where}/columns/{j}"
        if item.kind == "text":
            if (label := r.src(item, context, "column label")) is not None:
                out.append(SrcColumn(label, False))
            continue
        if not r.mapping(item, "a column", COLUMN_KEYS):
            continue
        label = r.src(item.get("label"), context, "column label")
        if label is None:
            if item.get("label") is None:
                r.error("a column needs a 'label'", item.loc)
            continue
        unit = item.get("unit")
        place = r.text(unit, "a column's unit") if unit is not None else None
        if unit is not None and place is not None and place not in UNIT_PLACES:
            places = ", ".join(UNIT_PLACES)
            r.error(f"unit: {place!r} is not a place for a column's unit ({places})", unit.loc)
        out.append(SrcColumn(label, place == "header"))
    return tuple(out)


def _rows(r: Reader, node: Node | None, where: str, n: int, what: str) -> tuple[Cells, ...]:
    out = []
    for i, item in enumerate(r.items(node, f"{what}s"), start=1):
        if (row := _row(r, item, f"{where}/{i}", n, f"{what} {i}")) is not None:
            out.append(row)
    return tuple(out)


def _row(r: Reader, node: Node, where: str, n: int, what: str) -> Cells | None:
    if node.items is None:
        r.error(f"{what} must be a list of cells", node.loc)
        return None
    if len(node.items) != n:
        r.error(f"{what} has {len(node.items)} cells; the table has {n} columns", node.loc)
        return None
    cells = [read_cell(r, c, f"{where}/{j}", "table cell") for j, c in enumerate(node.items, 1)]
    return tuple(cells)


def check_table(r: Reader, table: SrcTable, figures: dict[str, SrcFigure]) -> None:
    """A ``unit: header`` column holds figures of one kind (and currency or unit) that have
    a unit, or nothing: the header says their unit once for all of them."""
    for j, column in enumerate(table.columns):
        if not column.unit_in_header:
            continue
        seen: tuple[nb.Kind, str | None, str | None] | None = None
        for row in (*table.rows, *([table.total] if table.total else [])):
            cell = row[j]
            if cell is None:
                continue
            if not isinstance(cell, SrcFigureRef):
                r.error(
                    f"column {column.label.text!r} prints its unit in the header: each of its"
                    " cells is one figure ('{name}') or empty",
                    cell.loc,
                )
                continue
            if (src := figures.get(cell.name)) is None:
                continue  # said once, where figures are checked
            figure = src.figure
            if figure.kind not in HEADER_UNIT_KINDS:
                kinds = ", ".join(HEADER_UNIT_KINDS)
                r.error(f"a {figure.kind} figure has no unit for a header ({kinds})", cell.loc)
                continue
            kind = (figure.kind, figure.currency, figure.unit)
            if seen is not None and kind != seen:
                r.error(
                    f"{{{cell.name}}} is not of the kind of the column's other figures"
                    f" ({'/'.join(str(k) for k in seen if k)}): one unit in the header"
                    " cannot say both",
                    cell.loc,
                )
            seen = seen or kind
