"""Punctuation squeezing (标点挤压) after the W3C Chinese layout requirements (clreq 3.1.6).

A full-width mark draws its glyph in one half of its em and leaves the other half blank:
closing marks (，。”）) on the left, opening marks (“（《) on the right.  Of two adjacent
full-width marks one takes half an em ("一起担”。“两" sets ”。 in one em, not two); an
opening mark at the start of a line and a closing mark at its end may take half an em.
Pure functions of a text and its characters' widths: a mark is full-width when its width is
the em (the font's own metrics decide, so a Latin quote in English text is never squeezed).
"""

from __future__ import annotations

import re
from collections.abc import Callable

# full-width marks whose glyph sits in the left half of the em
CLOSING = frozenset("，。、；：？！”’）》」』】〕〗〉")
# full-width marks whose glyph sits in the right half
OPENING = frozenset("“‘（《「『【〔〖〈")
MARKS = CLOSING | OPENING
# two marks side by side (full-width or not: :func:`squeezes` decides)
ADJACENT = re.compile(f"[{''.join(sorted(MARKS))}]{{2}}")
# a space after a full-width closing mark or before an opening one: in East Asian text the
# mark's blank half is the space already, so the space takes none ("实验区” 经验" reads as
# "实验区”经验" with the text unchanged)
SPACED_MARK = re.compile(f"[{''.join(sorted(CLOSING))}] |[ ](?=[{''.join(sorted(OPENING))}])")
# closing marks whose blank half may stand past the end of a line (line-end compression)
LINE_END = frozenset("，。、；：”’）》」』】〕〗〉")


def pair(a: str, b: str, char: Callable[[str], float]) -> bool:
    """Whether ``a`` then ``b`` are two full-width marks: the first gives up half an em."""
    return a in MARKS and b in MARKS and _full(a, char) and _full(b, char)


def squeezes(text: str, char: Callable[[str], float]) -> tuple[int, ...]:
    """The indices in ``text`` after whose character the advance is half an em shorter: the
    first of each pair of adjacent full-width marks gives up its blank half."""
    out: list[int] = []
    for i in range(len(text) - 1):
        if pair(text[i], text[i + 1], char):
            out.append(i)
    return tuple(out)


def squeezed_width(text: str, char: Callable[[str], float]) -> float:
    """The width of ``text`` with its adjacent marks squeezed."""
    width = sum(map(char, text))
    if MARKS.isdisjoint(text):
        return width
    for i in squeezes(text, char):
        width -= char(text[i]) / 2
    return width


def start_trim(text: str, char: Callable[[str], float]) -> float:
    """How far a line beginning with ``text`` starts left of its edge: half an opening mark."""
    first = text[:1]
    return char(first) / 2 if first in OPENING and _full(first, char) else 0.0


def end_trim(text: str, char: Callable[[str], float]) -> float:
    """How much of a line ending with ``text`` may stand past its end: a closing mark's
    blank half."""
    last = text[-1:]
    return char(last) / 2 if last in LINE_END and _full(last, char) else 0.0


def give(before: str, after: str, char: Callable[[str], float]) -> float:
    """How far the gap between two characters may close in a tight line: the blank half of
    a closing mark before it or an opening mark after it (clreq 3.8: punctuation is
    compressed before a character is pushed to the next line); none between two marks,
    squeezed already, and none beside ？！, which have no blank half to give."""
    if before in LINE_END and after not in MARKS and _full(before, char):
        return char(before) / 2
    if after in OPENING and before not in MARKS and _full(after, char):
        return char(after) / 2
    return 0.0


def _full(mark: str, char: Callable[[str], float]) -> bool:
    """A full-width glyph: as wide as an ideograph in the same font and size."""
    return char(mark) >= char("一") * 0.95
