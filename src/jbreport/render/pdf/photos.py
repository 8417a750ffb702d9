"""A photo block as a floating figure (:mod:`.floats`): its picture sized by its aspect ratio
within the limits the layout sets, or a placeholder frame when its image file is missing,
and its caption (with the photographer's credit) at the picture's width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable

from ...errors import Location, RenderError
from ...model import Photo, Text, Texts
from .floats import Anchor, Figure, Placeholder
from .flowables import Parallel, TaggedImage, TextBlock
from .styles import MARGIN_BOTTOM, MARGIN_TOP, PAGE_H
from .tagging import Tag

if TYPE_CHECKING:
    from .writer import _Writer

UNKNOWN_RATIO = 2 / 3  # a missing picture's height over its width: 3:2, as most photos
SIDE_BY_SIDE = 0.6  # a bilingual caption in columns under a picture this share of the measure


def photo(w: _Writer, block: Photo) -> list[Flowable]:
    """The photo as an anchor in the text: the page template places it."""
    full = w.frame_width
    limit = full if block.width == "full" else w.column_widths(full)[0]
    max_height = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) * block.height / 100
    captions = _captions(block)
    picture: TaggedImage | Placeholder
    if block.image is not None:
        try:
            described = " / ".join(t.text for t in block.caption)
            image = TaggedImage(str(block.image), Tag("Figure", None, described))
            ratio = image.imageHeight / image.imageWidth
        except Exception as exc:  # reportlab/PIL raise many kinds on a bad image
            raise RenderError(f"cannot place image: {exc}", Location.of(block.image)) from None
        width = min(limit, max_height / ratio)
        image.drawWidth, image.drawHeight = width, width * ratio
        picture = image
    else:
        width = min(limit, max_height / UNKNOWN_RATIO)
        inside = [w.text(Text(t.lang, t.text, t.keep), "placeholder") for t in block.caption]
        picture = Placeholder(width, width * UNKNOWN_RATIO, inside)
    caption: list[TextBlock] | Parallel
    blocks = [w.text(text, "caption") for text in captions]
    if len(blocks) > 1 and width >= full * SIDE_BY_SIDE:
        caption = Parallel([[b] for b in blocks], shares=w.shares)
    else:
        caption = blocks
    return [Anchor(Figure(picture, caption, width))]


def _captions(block: Photo) -> Texts:
    """Each language's caption, the photographer's credit after it."""
    out: list[Text] = []
    for i, caption in enumerate(block.caption):
        text = caption.text
        if block.credit is not None:
            text = f"{text}  {block.credit[i].text}"
        out.append(Text(caption.lang, text, caption.keep))
    return tuple(out)
