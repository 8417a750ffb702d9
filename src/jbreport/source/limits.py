"""The counts of a report checked before it is read (see :mod:`jbreport.limits`): a
hostile file is refused at once, not after reading 100,000 of its blocks."""

from __future__ import annotations

from decimal import Decimal

from .. import limits
from ..i18n.figures import FigureValueError
from .reader import Reader
from .yaml import Node


def check_sizes(r: Reader, root: Node) -> None:
    """Sections, blocks and figures within their limits; the authors and keywords, joined
    as a DOCX's document properties hold them, within 255 characters."""
    before = len(r.problems.errors)
    sections = _items(root.get("sections"))
    _count(r, root.get("sections"), len(sections), limits.SECTIONS, "sections")
    blocks = len(_items(root.get("lead"))) + len(_items(root.get("closing")))
    for section in sections:
        if section.mapping is not None:
            blocks += len(_items(section.get("blocks")))
    _count(r, root.get("sections") or root, blocks, limits.BLOCKS, "blocks")
    figures = root.get("figures")
    if figures is not None and figures.mapping is not None:
        _count(r, figures, len(figures.mapping), limits.FIGURES, "figures")
    for key in ("authors", "keywords"):
        node = root.get(key)
        texts = [item.text or "" for item in _items(node)]
        joined = len(", ".join(texts))
        if node is not None and joined > limits.METADATA_CHARS:
            r.error(
                f"{key} has {joined:,} characters in all; at most {limits.METADATA_CHARS}"
                " (what a DOCX's document properties hold)",
                node.loc,
            )
    if len(r.problems.errors) > before:  # too big to read on: said with what was found
        r.problems.raise_if_any()


def _items(node: Node | None) -> tuple[Node, ...]:
    return node.items if node is not None and node.items is not None else ()


def _count(r: Reader, node: Node | None, count: int, most: int, what: str) -> None:
    if node is not None and count > most:
        r.error(f"{count:,} {what}; a report has at most {most:,}", node.loc)


def check_digits(number: Decimal, text: str) -> None:
    """A value of at most :data:`limits.DIGITS` significant digits, below 10^DIGITS: every
    figure then formats exactly (``scale: full`` too), within Decimal's precision."""
    if not number.is_finite():
        return  # said by the figure's reader
    digits = len(number.normalize().as_tuple().digits)
    if digits > limits.DIGITS or number.adjusted() >= limits.DIGITS:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise FigureValueError(
            f"the value {shown!r} has too many digits; a figure has at most {limits.DIGITS}"
            f" and is below 10^{limits.DIGITS}"
        )
