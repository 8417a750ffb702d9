"""Flowables of tables and lists: a number aligned on its decimal point (:class:`NumberCell`)
and a list item with a hanging indent (:class:`Hanging`)."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ...model import Text
from .flowables import TextBlock
from .styles import Style
from .tagging import Tag
from .textops import Measure, text_object


def decimal_tail(text: str, mark: str) -> str:
    """What of a number stands right of its decimal point: from the mark on, else after its
    last digit ("482.6" → ".6", "80" → "", "8%" → "%")."""
    at = text.rfind(mark) if mark else -1
    if at < 0:
        digits = [i for i, ch in enumerate(text) if ch.isdigit()]
        at = digits[-1] + 1 if digits else len(text)
    return text[at:]


class NumberCell(Flowable):  # type: ignore[misc]
    """A figure on one line, its decimal point ``tail_room`` points from the right edge, so a
    column's figures align on it; drawn once as its tag's content, again as an artifact
    (a header repeated on the next page is not read twice)."""

    def __init__(
        self, text: Text, style: Style, measure: Measure, tail: str, tail_room: float, tag: Tag
    ) -> None:
        super().__init__()
        self.text, self.style, self.measure, self.tag = text, style, measure, tag
        self.tail_room = tail_room
        self.tail = tail

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.style.leading
        return avail_width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        style, measure = self.style, self.measure
        x = self.width - self.tail_room - (measure.width(self.text.text) - measure.width(self.tail))
        y = self.height - style.size - (style.leading - style.size) / 2 + style.size * 0.12
        canvas.begin_tag(self.tag)
        canvas.saveState()
        canvas.setFillColor(style.color)
        # a bold figure in Chinese text: its digits in the Latin bold face, its Chinese in
        # the Hei face (:class:`.textops.Measure`), never stroked to look bold
        text_object(canvas, measure, self.text.text, [(0, x, y, None)])
        canvas.restoreState()
        canvas.end_tag()


class Hanging(Flowable):  # type: ignore[misc]
    """A list item: its label (bullet or number) in the indent, the text beside it; the text
    splits across pages, the label stays with its first lines."""

    def __init__(
        self,
        label: Text | None,
        body: TextBlock,
        measure: Measure,
        indent: float,
        hang: float,
        tag: Tag | None,
    ) -> None:
        super().__init__()
        self.label, self.body, self.measure, self.tag = label, body, measure, tag
        self.indent, self.hang = indent, hang  # where the label starts; the text, from there
        self.spaceBefore = body.getSpaceBefore()
        self.spaceAfter = body.getSpaceAfter()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        _w, self.height = self.body.wrap(avail_width - self.indent - self.hang, avail_height)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts = self.body.split(avail_width - self.indent - self.hang, avail_height)
        if len(parts) != 2:
            return []
        head = Hanging(self.label, parts[0], self.measure, self.indent, self.hang, self.tag)
        tail = Hanging(None, parts[1], self.measure, self.indent, self.hang, None)
        return [head, tail]

    def draw(self) -> None:
        canvas: Canvas = self.canv
        style = self.body.style
        if self.label is not None and self.tag is not None:
            y = self.height - style.size - (style.leading - style.size) / 2 + style.size * 0.12
            canvas.begin_tag(self.tag)
            canvas.saveState()
            canvas.setFillColor(style.color)
            text_object(canvas, self.measure, self.label.text, [(0, self.indent, y, None)])
            canvas.restoreState()
            canvas.end_tag()
        self.body.drawOn(canvas, self.indent + self.hang, 0)
