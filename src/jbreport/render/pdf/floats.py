"""Photos as floats: each placed at the foot of the page where the text refers to it when it
fits there, else at the top of the next page, its caption under it at its width and left
edge; a photo without its image file drawn as a placeholder frame with the caption inside.

The text keeps flowing around them: :class:`FloatingDoc` narrows the page's frame from the
foot (a photo placed on this page) or from the top (a photo carried to a new page), so no
page is left half empty because a photo did not fit where it was mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageBreak

from .flowables import Parallel, TaggedImage, TextBlock

SHRINK = 0.8  # the least a photo is made, to fit the foot of the page that mentions it
GAP = 14.0  # points between a photo (with its caption) and the text above or below it
CAPTION_GAP = 4.0  # between the picture and its caption
PLACEHOLDER_FILL = HexColor("#F1F2F4")
PLACEHOLDER_LINE = HexColor("#9AA3AE")


class Placeholder(Flowable):  # type: ignore[misc]
    """The frame a designer leaves for a picture still to come: the photo's proportions,
    a cross from corner to corner and the caption inside (drawn as an artifact: the caption
    below is the one read)."""

    def __init__(self, width: float, height: float, inside: list[TextBlock]) -> None:
        super().__init__()
        self.width, self.height = width, height
        self.inside = inside
        for block in inside:
            block.artifact = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas: Canvas = self.canv
        canvas.begin_artifact()
        canvas.saveState()
        canvas.setFillColor(PLACEHOLDER_FILL)
        canvas.setStrokeColor(PLACEHOLDER_LINE)
        canvas.setLineWidth(0.6)
        canvas.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        canvas.setLineWidth(0.3)
        canvas.line(0, 0, self.width, self.height)
        canvas.line(0, self.height, self.width, 0)
        canvas.restoreState()
        canvas.end_tag()
        margin = self.width * 0.12
        inner = self.width - 2 * margin
        heights = [block.wrap(inner, self.height)[1] for block in self.inside]
        y = (self.height + sum(heights)) / 2
        for block, height in zip(self.inside, heights, strict=True):
            y -= height
            canvas.saveState()  # a light ground under the words, so the cross does not cut them
            canvas.setFillColor(PLACEHOLDER_FILL)
            canvas.rect(margin - 4, y - 2, inner + 8, height + 4, stroke=0, fill=1)
            canvas.restoreState()
            block.drawOn(canvas, margin, y)


@dataclass
class Figure:
    """A photo and its caption, as placed on a page: sized for the frame it floats in."""

    picture: TaggedImage | Placeholder
    caption: list[TextBlock] | Parallel
    width: float
    height: float = 0.0
    caption_heights: list[float] = field(default_factory=list)
    full_width: float = 0.0  # as the layout's limits size it (fit() makes it smaller)

    def __post_init__(self) -> None:
        self.full_width = self.width

    def captions(self) -> list[Flowable]:
        return [self.caption] if isinstance(self.caption, Parallel) else list(self.caption)

    def measure(self) -> float:
        """The figure's whole height (picture, gap, caption lines)."""
        self.caption_heights = [c.wrap(self.width, 1e9)[1] for c in self.captions()]
        picture_h = self.picture.wrap(self.width, 1e9)[1]
        self.height = picture_h + CAPTION_GAP + sum(self.caption_heights)
        return self.height

    def fit(self, room: float) -> bool:
        """Made smaller (down to SHRINK of its size) to fit ``room``, if it can."""
        for _attempt in range(3):
            if self.height <= room:
                return True
            picture_h = self.picture.wrap(self.width, 1e9)[1]
            over = self.height - room
            scale = (picture_h - over) / picture_h
            if scale * self.width < self.full_width * SHRINK:
                return False
            self.width *= scale
            if isinstance(self.picture, Placeholder):
                self.picture.width *= scale
                self.picture.height *= scale
            else:
                self.picture.drawWidth *= scale
                self.picture.drawHeight *= scale
            self.measure()
        return self.height <= room

    def draw(self, canvas: Canvas, x: float, y: float) -> None:
        """Drawn with its foot at ``y``: the picture, then the caption at its left edge."""
        top = y + self.height
        picture_h = self.picture.wrap(self.width, 1e9)[1]
        self.picture.drawOn(canvas, x, top - picture_h)
        at = top - picture_h - CAPTION_GAP
        for caption, height in zip(self.captions(), self.caption_heights, strict=True):
            at -= height
            caption.drawOn(canvas, x, at)


class Anchor(Flowable):  # type: ignore[misc]
    """Where the text refers to a photo: takes no room; :class:`FloatingDoc` places it."""

    _ZEROSIZE = True

    def __init__(self, figure: Figure) -> None:
        super().__init__()
        self.figure = figure

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def draw(self) -> None:
        return None


class Flush(Flowable):  # type: ignore[misc]
    """The text's end (before the credits, and the story's end): the photos still waiting
    go under it, or to the next pages (:meth:`FloatingDoc.afterFlowable`)."""

    _ZEROSIZE = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 0

    def draw(self) -> None:
        return None


class FloatingDoc(BaseDocTemplate):  # type: ignore[misc]
    """A document template whose photos float to the foot or the top of a page."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending: list[Figure] = []
        self.room = 0.0  # under the last flowable drawn, on its page

    def afterFlowable(self, flowable: Flowable) -> None:
        frame = getattr(self, "frame", None)
        if frame is None:  # an action between pages
            return
        self.room = frame._y - frame._y1p
        if isinstance(flowable, Anchor):
            flowable.figure.measure()
            self.pending.append(flowable.figure)
            if len(self.pending) == 1:  # (none waiting before it: the order is kept)
                self._to_foot()
        elif isinstance(flowable, Flush):
            self._in_flow()
            if self.pending:  # on the next page, then the end again
                frame._generated_content = [PageBreak(), Flush()]

    def _to_foot(self) -> None:
        """The waiting photos that fit at the foot of this page, the text going on above."""
        frame = self.frame
        while self.pending and self.pending[0].fit(frame._y - frame._y1p - GAP):
            figure = self.pending.pop(0)
            figure.draw(self.canv, frame._x1, frame._y1p)
            frame._y1p += figure.height + GAP

    def _in_flow(self) -> None:
        """The waiting photos that fit under the text, one after the other (the text done)."""
        frame = self.frame
        while self.pending and self.pending[0].fit(frame._y - frame._y1p - GAP):
            figure = self.pending.pop(0)
            frame._y -= GAP + figure.height
            figure.draw(self.canv, frame._x1, frame._y)

    def handle_frameBegin(self, *args: Any, **kwargs: Any) -> None:
        frame = self.frame
        frame._y1p = frame._y1 + frame._bottomPadding  # the foot a photo took, given back
        super().handle_frameBegin(*args, **kwargs)
        while self.pending and frame._y - frame._y1p >= self.pending[0].height + GAP:
            # carried over: at the top of the new page, the text going on below it
            figure = self.pending.pop(0)
            frame._y -= figure.height
            figure.draw(self.canv, frame._x1, frame._y)
            frame._y -= GAP
