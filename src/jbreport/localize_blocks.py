"""Localize the content blocks beyond paragraphs and photos: tables, lists and sign-offs.

Each becomes its document-model block with every string in every language of the edition,
as :class:`jbreport.wording.Wording` words it (untranslated strings fall back whole to the
source language).  A table column whose unit belongs to its header gets, per language, one
scale and its unit written there (:mod:`jbreport.i18n.cells`); its cells are bare numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from .i18n import figures as nb
from .i18n.cells import column_scale, decimal_mark, format_at_scale, header_unit, largest
from .i18n.formatting import format_number
from .i18n.scales import Scale
from .layout import Msg
from .model import ListBlock, ListItem, Row, Signoff, Table, Text, Texts
from .source.model import (
    Cell,
    Cells,
    Src,
    SrcColumn,
    SrcFigureRef,
    SrcList,
    SrcListItem,
    SrcSignoff,
    SrcTable,
)
from .wording import Wording

BULLETS = ("•", "–")  # the marks of a bulleted list's items, and of nested items


def _whole(tag: str, text: str) -> Text:
    return Text(tag, text, ((0, len(text)),))


def _cell(langs: list[Wording], cell: Cell) -> Texts:
    """A cell or line in every language: its text, its figure whole, or nothing."""
    if cell is None:
        return tuple(Text(lang.tag, "") for lang in langs)
    if isinstance(cell, SrcFigureRef):
        return tuple(_whole(lang.tag, lang.figure(cell.name, qualified=True)) for lang in langs)
    return tuple(lang.rich(cell) for lang in langs)


class _Column:
    """A ``unit: header`` column in one language: its scale, and its cells at that scale."""

    def __init__(self, lang: Wording, figures: list[nb.Figure]) -> None:
        self.lang = lang
        self.scale: Scale | None = column_scale(figures, lang.tag)
        self.figures = figures

    def unit(self) -> str:
        lang = self.lang
        return header_unit(largest(self.figures), lang.tag, lang.messages(), lang.style, self.scale)

    def number(self, figure: nb.Figure) -> Text:
        return _whole(
            self.lang.tag, format_at_scale(figure, self.lang.tag, self.lang.style, self.scale)
        )


def localize_table(langs: list[Wording], words: Mapping[str, Msg | str], src: SrcTable) -> Table:
    figures = langs[0].report.figures
    body: list[Cells] = [*src.rows, *([src.total] if src.total is not None else [])]
    columns: dict[int, list[_Column]] = {}
    for j, column in enumerate(src.columns):
        refs = [row[j] for row in body if isinstance(row[j], SrcFigureRef)]
        if column.unit_in_header and refs:
            shown = [figures[r.name].figure for r in refs if isinstance(r, SrcFigureRef)]
            columns[j] = [_Column(lang, shown) for lang in langs]
    labels = tuple(
        _label(langs, words, column, columns.get(j)) for j, column in enumerate(src.columns)
    )

    def row(cells: Cells) -> Row:
        out = []
        for j, cell in enumerate(cells):
            if j in columns and isinstance(cell, SrcFigureRef):
                out.append(tuple(c.number(figures[cell.name].figure) for c in columns[j]))
            else:
                out.append(_cell(langs, cell))
        return tuple(out)

    numeric = tuple(
        any(row[j] is not None for row in body)
        and all(row[j] is None or isinstance(row[j], SrcFigureRef) for row in body)
        for j in range(len(src.columns))
    )
    return Table(
        id=src.id,
        caption=_texts(langs, src.caption),
        header=(*(row(r) for r in src.header), labels),
        rows=tuple(row(r) for r in src.rows),
        total=row(src.total) if src.total is not None else None,
        note=_texts(langs, src.note),
        numeric=numeric,
        decimal=tuple(Text(lang.tag, decimal_mark(lang.tag)) for lang in langs),
    )


def _label(
    langs: list[Wording],
    words: Mapping[str, Msg | str],
    column: SrcColumn,
    figures: list[_Column] | None,
) -> Texts:
    """A column's label; with its unit ("零售额（亿元）", "Retail sales (CNY billion)") as the
    layout word says, in the language the label is printed in."""
    out = []
    for i, lang in enumerate(langs):
        label = lang.rich(column.label)
        if figures is None:
            out.append(label)
            continue
        speaker, unit = lang, figures[i]
        if label.lang != lang.tag and lang.source is not None:  # fell back: all in the source
            speaker, unit = lang.source, _Column(lang.source, unit.figures)
        text = speaker.word(words["table_unit"], label=label.text, unit=unit.unit())
        out.append(Text(label.lang, text))
    return tuple(out)


def _texts(langs: list[Wording], src: Src | None) -> Texts | None:
    return None if src is None else tuple(lang.rich(src) for lang in langs)


def localize_list(langs: list[Wording], words: Mapping[str, Msg | str], src: SrcList) -> ListBlock:
    def item(entry: SrcListItem, number: int, level: int) -> ListItem:
        children = tuple(item(c, k, level + 1) for k, c in enumerate(entry.children, start=1))
        text = tuple(lang.rich(entry.text) for lang in langs)
        return ListItem(
            _marks(langs, words, src.numbered and level == 0, number, level), text, children
        )

    return ListBlock(src.numbered, tuple(item(e, i, 0) for i, e in enumerate(src.items, start=1)))


def _marks(
    langs: list[Wording], words: Mapping[str, Msg | str], numbered: bool, number: int, level: int
) -> Texts:
    """A bullet (typographic, the same in every language) or the item's number as the
    language writes it ("{number}." by the layout word)."""
    if not numbered:
        return tuple(Text(lang.tag, BULLETS[min(level, len(BULLETS) - 1)]) for lang in langs)
    out = []
    for lang in langs:
        digits = format_number(Decimal(number), lang.tag, lang.style, scale="full")
        out.append(Text(lang.tag, lang.word(words["list_number"], number=digits)))
    return tuple(out)


def localize_signoff(langs: list[Wording], src: SrcSignoff) -> Signoff:
    return Signoff(tuple(_cell(langs, line) for line in src.lines))
