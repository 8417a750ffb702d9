"""The PDF's flowables: a paragraph typeset by :mod:`..typeset` (:class:`TextBlock`), columns
split at the same height (:class:`Parallel`), rules, tagged photos and the bar chart.

reportlab's own paragraph wrapping knows too little of Chinese line breaking, so text is set
by :class:`TextBlock`, which breaks lines with :mod:`..typeset.setting` (禁则, figures kept
whole), justifies them, splits across pages and, for headings, adds the PDF outline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Image

from ...model import Chart, Text, Texts
from ..typeset import setting
from .styles import ACCENT, GREY, GUTTER, INK, RED, RULE, Style
from .tagging import Outline, Tag
from .textops import Measure, Placed, draw_plain, text_object


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph typeset line by line; splits between lines (at least 2 on each side)."""

    def __init__(
        self,
        text: Text,
        style: Style,
        measure: Measure,
        outline: Outline | None = None,
        lines: list[setting.SetLine] | None = None,
        first: bool = True,
        tag: Tag | None = None,
        hyphenation: str = "",
    ) -> None:
        super().__init__()
        self.text = text
        self.hyphenation = hyphenation  # the BCP 47 tag whose dictionary hyphenates it
        self.style = style
        self.measure = measure
        self.outline = outline
        # one element however many pages the paragraph spans: its parts share it
        self.tag = tag or Tag("P", text.lang)
        self._lines = lines
        self._width: float | None = None
        self.first = first
        # a table's header cell, drawn again above the rest of its table on the next page:
        # read once, where first drawn, an artifact where repeated
        self.repeated_as_artifact = False
        self.artifact = False  # drawn, never read (a placeholder's caption inside its frame)
        self.spaceBefore = style.space_before if first else 0
        self.spaceAfter = style.space_after

    def lines(self, width: float) -> list[setting.SetLine]:
        if self._lines is None or self._width != width:
            if self._lines is not None and self._width is None:
                return self._lines
            # through the module: a test can watch every paragraph set (tests/test_golden.py)
            self._lines = setting.set_paragraph(
                self.text.text,
                self.text.keep,
                self.line_setting(),
                self.measure.widths,
                width,
                self.first,
            )
            self._width = width
        return self._lines

    def line_setting(self) -> setting.Setting:
        style = self.style
        return setting.Setting(
            style.size,
            style.indent,
            style.align,
            style.balance,
            self.measure.east_asian,
            self.hyphenation if style.hyphenate else "",
            style.han_latin,
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = len(self.lines(avail_width)) * self.style.leading
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self.lines(avail_width)
        fit = int((avail_height + 1e-6) // self.style.leading)
        if len(lines) < 4 or fit < 2 or (len(lines) - fit < 2 and fit >= len(lines) - 1):
            fit = min(fit, len(lines) - 2)
        if fit < 2 or fit >= len(lines):
            return []
        head_style = replace(self.style, space_after=0)
        head = TextBlock(
            self.text, head_style, self.measure, self.outline, lines[:fit], self.first, self.tag
        )
        head._width = avail_width
        tail = TextBlock(
            self.text,
            self.style,
            self.measure,
            None,
            lines[fit:],
            first=False,
            tag=self.tag,
            hyphenation=self.hyphenation,
        )
        tail._width = avail_width
        return [head, tail]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        if self.outline is not None:
            # the destination is the heading itself (its top, the reader's zoom kept)
            canvas.bookmarkHorizontal(self.outline.key, 0, self.height)
            canvas.addOutlineEntry(
                self.outline.title, self.outline.key, self.outline.level, closed=False
            )
        style = self.style
        lines = self.lines(self.width)
        y = self.height - style.size - (style.leading - style.size) / 2 + style.size * 0.12
        if self.artifact or (self.repeated_as_artifact and self.tag.parts):
            canvas.begin_artifact()
        else:
            canvas.begin_tag(self.tag)
        canvas.saveState()
        canvas.setFillColor(style.color)
        texts: list[str] = []
        placed: list[Placed] = []
        offset = 0
        for text, x, cuts in lines:
            texts.append(text)
            placed.append((offset, x, y, cuts))
            offset += len(text)
            y -= style.leading
        # bold Chinese is set in the Hei face (:mod:`.textops`), never stroked to look bold
        text_object(canvas, self.measure, "".join(texts), placed)
        canvas.restoreState()
        canvas.end_tag()


class Parallel(Flowable):  # type: ignore[misc]
    """Two (or more) flowable columns side by side, split at the same height, so each
    paragraph of a bilingual edition starts beside its translation."""

    def __init__(
        self,
        columns: list[list[Flowable]],
        gutter: float = GUTTER,
        shares: tuple[float, ...] | None = None,
    ) -> None:
        super().__init__()
        self.columns = columns
        self.gutter = gutter
        # each column's share of the measure (the gutter aside): even unless given
        self.shares = shares or tuple(1 / len(columns) for _ in columns)
        self.spaceAfter = max((c[-1].getSpaceAfter() for c in columns if c), default=0)
        self.spaceBefore = max((c[0].getSpaceBefore() for c in columns if c), default=0)

    def _col_widths(self, avail_width: float) -> list[float]:
        room = avail_width - self.gutter * (len(self.columns) - 1)
        return [room * share for share in self.shares]

    def _heights(self, widths: list[float]) -> list[float]:
        heights = []
        for column, width in zip(self.columns, widths, strict=True):
            total = 0.0
            for i, flowable in enumerate(column):
                _w, h = flowable.wrap(width, 1e9)
                total += (
                    h
                    + (flowable.getSpaceBefore() if i else 0)
                    + (flowable.getSpaceAfter() if i < len(column) - 1 else 0)
                )
            heights.append(total)
        return heights

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = max(self._heights(self._col_widths(avail_width)), default=0)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        heads: list[list[Flowable]] = []
        tails: list[list[Flowable]] = []
        for column, width in zip(self.columns, self._col_widths(avail_width), strict=True):
            head, tail = _split_column(column, width, avail_height)
            heads.append(head)
            tails.append(tail)
        if not any(heads) or not any(tails):
            return []
        if any(not h for h in heads) and any(c for c in self.columns):
            # a column could not start here: move the whole pair so both start together
            return []
        return [
            Parallel(heads, self.gutter, self.shares),
            Parallel(tails, self.gutter, self.shares),
        ]

    def draw(self) -> None:
        x = 0.0
        for column, width in zip(self.columns, self._col_widths(self.width), strict=True):
            y = self.height
            for i, flowable in enumerate(column):
                if i:
                    y -= flowable.getSpaceBefore()
                _w, h = flowable.wrap(width, 1e9)
                y -= h
                flowable.drawOn(self.canv, x, y)
                y -= flowable.getSpaceAfter()
            x += width + self.gutter


def _split_column(
    column: list[Flowable], width: float, avail_height: float
) -> tuple[list[Flowable], list[Flowable]]:
    """What of one column fits in ``avail_height``, and the rest."""
    head: list[Flowable] = []
    tail: list[Flowable] = []
    used = 0.0
    for i, flowable in enumerate(column):
        if tail:
            tail.append(flowable)
            continue
        before = flowable.getSpaceBefore() if i else 0
        _w, h = flowable.wrap(width, avail_height)
        if used + before + h <= avail_height:
            head.append(flowable)
            used += before + h + flowable.getSpaceAfter()
            continue
        parts = flowable.split(width, avail_height - used - before)
        if parts:
            head.append(parts[0])
            tail.extend(parts[1:])
        else:
            tail.append(flowable)
    return head, tail


class BarChart(Flowable):  # type: ignore[misc]
    """The key figures' bar chart, drawn as vectors: labels left, bars, values right."""

    LINE = 11.0
    SIZE = 8.5

    def __init__(
        self, chart: Chart, languages: int, measure: Callable[[str, Style], Measure]
    ) -> None:
        super().__init__()
        self.chart, self.measure = chart, measure
        # a bar's label and value in each language: a line each, set closer when several
        self.line = self.LINE if languages == 1 else self.LINE - 1.5
        self.row = self.line * languages + 6
        # read as its text alternative: the title, then each bar's label and value
        lines = [" / ".join(t.text for t in chart.title)]
        for bar in chart.bars:
            pairs = zip(bar.label, bar.display, strict=True)
            lines += [f"{label.text}: {value.text}" for label, value in pairs]
        self.tag = Tag("Figure", None, "\n".join(lines))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.row * len(self.chart.bars) + 4
        return self.width, self.height

    def draw(self) -> None:
        """Bars from a zero line: a fall (a negative growth rate) to its left, its value
        to the right of the line; a rise to the right, its value after the bar."""
        canvas: Canvas = self.canv
        label_w = self.width * 0.36
        value_w = self.width * 0.26
        bar_space = self.width - label_w - value_w - 8
        values = [Decimal(0), *(bar.value for bar in self.chart.bars)]
        low, high = min(values), max(values)
        scale = float(bar_space) / float(high - low or 1)
        zero = label_w + float(-low) * scale
        y = self.height - 2
        canvas.begin_tag(self.tag)
        for bar in self.chart.bars:
            self._texts(bar.label, 2, y, label_w - 8)
            length = float(bar.value) * scale
            start = zero + min(length, 0.0)
            canvas.setFillColor(ACCENT if bar.value >= 0 else RED)
            canvas.rect(
                start, y - self.row + 6, max(abs(length), 1.0), self.row - 8, stroke=0, fill=1
            )
            self._texts(bar.display, zero + max(length, 0.0) + 4, y, None)
            y -= self.row
        if low < 0:  # the zero line, where a rise and a fall part
            canvas.setStrokeColor(GREY)
            canvas.setLineWidth(0.5)
            canvas.line(zero, 2, zero, self.height - 2)
        canvas.end_tag()

    def _texts(self, texts: Texts, x: float, top: float, max_width: float | None) -> None:
        """One line per language below ``top``: the first in ink, the others grey."""
        style = Style(size=self.SIZE)
        for i, text in enumerate(texts):
            measure = self.measure(text.lang, style)
            y = top - self.line * (i + 1) + 2
            color = INK if i == 0 else GREY
            draw_plain(self.canv, measure, text.text, x, y, color, max_width)


class TaggedImage(Image):  # type: ignore[misc]
    """A photo, tagged as a figure whose text alternative is its caption."""

    def __init__(self, path: str, tag: Tag) -> None:
        super().__init__(path)
        self.tag = tag

    def draw(self) -> None:
        self.canv.begin_tag(self.tag)
        super().draw()
        self.canv.end_tag()


class Rule(Flowable):  # type: ignore[misc]
    """A horizontal rule, drawn as an artifact (not content a reader reads)."""

    def __init__(self, color: Color = RULE, thickness: float = 0.8, space: float = 4) -> None:
        super().__init__()
        self.color, self.thickness = color, thickness
        self.spaceBefore = self.spaceAfter = space

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.thickness

    def draw(self) -> None:
        self.canv.begin_artifact()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(self.thickness)
        self.canv.line(0, 0, self.width, 0)
        self.canv.end_tag()
