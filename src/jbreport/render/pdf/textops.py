"""Text as PDF text operators: each character's width and font, its code in reportlab's
font subsets, and whole lines written into the page as one text object.

reportlab's own text objects would work out the subsets of every string again, which was
most of the time of a long document; here a run of text is encoded by two
``str.translate`` calls and cut where the subset changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from ..typeset.setting import Widths
from .fonts import FontSet, coverage


class Measure:
    """Widths of text in one font set, size and language, with per-character caching."""

    def __init__(self, fontset: FontSet, east_asian: bool, size: float, bold: bool) -> None:
        latin = fontset.latin_bold if bold else fontset.latin
        cjk = fontset.cjk_heading if bold else fontset.cjk
        self.primary = cjk if east_asian else latin
        self.fallback = latin if east_asian else cjk
        self.size = size
        self.cache: dict[str, float] = {}  # per character
        self.widths = Widths(self.char)  # per word or ideograph
        self.width: Callable[[str], float] = self.widths.__getitem__
        self.primary_has = coverage(self.primary)
        self.fallback_has = coverage(self.fallback)
        self.east_asian = east_asian
        self._glyphs: Glyphs | None = None

    def font_for(self, ch: str) -> str:
        code = ord(ch)
        if code < 0x2000 and self.east_asian and code in self.fallback_has:
            return self.fallback  # Latin letters and digits in Chinese text: the Latin face
        if code in self.primary_has or ch == " ":
            return self.primary
        if code in self.fallback_has:
            return self.fallback
        return self.primary

    def char(self, ch: str) -> float:
        width = self.cache.get(ch)
        if width is None:
            if ch == "\u00a0":
                width = pdfmetrics.stringWidth(" ", self.primary, self.size)
            else:
                width = pdfmetrics.stringWidth(ch, self.font_for(ch), self.size)
            self.cache[ch] = width
        return width

    def glyphs(self, doc: Any) -> Glyphs:
        """This measure's text encoder for one PDF document (subsets are per document)."""
        if self._glyphs is None or self._glyphs.doc is not doc:
            self._glyphs = Glyphs(self, doc)
        return self._glyphs


_RUN = re.compile(r"(.)\1*", re.S)


class Glyphs:
    """Text in reportlab's subset fonts, for one measure and document.

    reportlab gives each character its (font subset, code) once, through the font's own
    ``splitString``; after that a text is encoded without a Python loop over it.
    """

    def __init__(self, measure: Measure, doc: Any) -> None:
        self.measure = measure
        self.doc = doc
        self.known: set[str] = set()
        self.names: list[str] = []  # "/F2+1 10.5 Tf", one per (font, subset)
        self.index: dict[str, int] = {}
        self.to_key: dict[int, str] = {}  # character -> chr(index into names)
        self.to_code: dict[int, str] = {}  # character -> chr(its code in that subset)

    def _learn(self, chars: set[str]) -> None:
        size = fp_str(self.measure.size)
        for ch in sorted(chars):  # sorted: the same text gets the same codes, every build
            font = pdfmetrics.getFont(self.measure.font_for(ch))
            ((subset, code),) = font.splitString(" " if ch == "\u00a0" else ch, self.doc)
            name = f"{font.getSubsetInternalName(subset, self.doc)} {size} Tf"
            if name not in self.index:
                self.index[name] = len(self.names)
                self.names.append(name)
            self.to_key[ord(ch)] = chr(self.index[name])
            self.to_code[ord(ch)] = chr(code[0])
        self.known |= chars

    def encode(self, text: str) -> tuple[str, bytes]:
        """Each character's (font, subset) key and its code, as two strings of equal length."""
        new = set(text).difference(self.known)
        if new:
            self._learn(new)
        return text.translate(self.to_key), text.translate(self.to_code).encode("latin-1")


# one line of a text object: where its text starts in the object's text, its position, and
# its (end, character spacing) cuts relative to its own start (None: no spacing)
Placed = tuple[int, float, float, tuple[tuple[int, float], ...] | None]


def text_ops(
    canvas: Canvas,
    measure: Measure,
    text: str,
    x: float,
    y: float,
    cuts: tuple[tuple[int, float], ...] | None = None,
) -> None:
    """One PDF text object showing ``text`` at (x, y); see :func:`text_object`."""
    text_object(canvas, measure, text, [(0, x, y, cuts)])


def text_object(canvas: Canvas, measure: Measure, text: str, lines: list[Placed]) -> None:
    """One PDF text object showing the lines of ``text`` (a paragraph's lines, joined), each
    at its position, written straight into the page.

    A line's ``cuts`` are (end, character spacing) pairs: its text up to each end is drawn
    with that spacing (Tc) after every glyph.  The text is encoded for the font subsets once
    for the whole object."""
    glyphs = measure.glyphs(canvas._doc)
    keys, codes = glyphs.encode(text)
    names = glyphs.names
    out = ["BT"]
    current = ""
    spacing = 0.0
    for number, (line_start, x, y, cuts) in enumerate(lines):
        line_end = lines[number + 1][0] if number + 1 < len(lines) else len(text)
        out.append(f"1 0 0 1 {fp_str(x, y)} Tm")
        start = line_start
        for end, after in cuts or ((line_end - line_start, 0.0),):
            if after != spacing:
                out.append(f"{fp_str(after)} Tc")
                spacing = after
            end += line_start
            for run in _RUN.finditer(keys, start, end):
                name = names[ord(run[1])]
                if name != current:
                    out.append(name)
                    current = name
                out.append(f"({escapePDF(codes[run.start() : run.end()])}) Tj")
            start = end
    if spacing:
        out.append("0 Tc")  # the spacing is graphics state: it would outlive ET
    out.append("ET")
    canvas.addLiteral(" ".join(out))


def draw_plain(
    canvas: Canvas,
    measure: Measure,
    text: str,
    x: float,
    y: float,
    color: Color,
    max_width: float | None = None,
) -> None:
    """One line of text, cut short with an ellipsis if wider than ``max_width``."""
    if max_width is not None and measure.width(text) > max_width:
        while text and measure.width(text + "…") > max_width:
            text = text[:-1]
        text += "…"
    canvas.setFillColor(color)
    text_ops(canvas, measure, text, x, y)
