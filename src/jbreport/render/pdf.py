"""The PDF writer: a document model typeset with reportlab, fonts embedded and subset.

reportlab's own paragraph wrapping knows too little of Chinese line breaking, so text is set
by :class:`TextBlock`, a flowable that breaks lines with :mod:`jbreport.render.linebreak`
(禁则, figures kept whole), justifies them, splits across pages and, for headings, adds the
PDF outline.  Bilingual editions pair blocks with :class:`Parallel`, which splits both
columns at the same height so each paragraph starts beside its translation.
"""

from __future__ import annotations

import datetime
import io
import re
import struct
import time
import unicodedata
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any, assert_never
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .. import fonts
from ..errors import Location, RenderError
from ..model import (
    Block,
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigures,
    Paragraph,
    Photo,
    Text,
    Texts,
    Toc,
    all_text,
)
from . import RenderOptions, helper, page_fields, setting

INK = HexColor("#222222")
ACCENT = HexColor("#1F3A5F")
RED = HexColor("#A01E22")
GREY = HexColor("#555555")
RULE = HexColor("#1F3A5F")
LIGHT_RULE = HexColor("#C5CED9")
PAGE_W, PAGE_H = A4
MARGIN_X = 2.2 * cm
MARGIN_TOP = 2.4 * cm
MARGIN_BOTTOM = 2.2 * cm
GUTTER = 0.6 * cm


# -- fonts --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FontSet:
    latin: str
    latin_bold: str
    cjk: str


@cache
def _register(key: str, path: str, index: int, what: str) -> str:
    name = f"JB{abs(hash(key)) % 10**8}"
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error) as exc:
        raise RenderError(f"{what} cannot be used: {exc}", Location.of(path)) from None
    return name


@cache
def _coverage(name: str) -> frozenset[int]:
    face = pdfmetrics.getFont(name).face
    return frozenset(face.charToGlyph)


def font_set(options: RenderOptions) -> FontSet:
    """Fonts resolved, vetted and registered once per process."""
    latin = fonts.resolve(options.latin_font, fonts.DEFAULT_LATIN, "Latin font")
    bold = fonts.resolve(options.latin_bold_font, fonts.DEFAULT_LATIN_BOLD, "Latin bold font")
    cjk = fonts.resolve(options.cjk_font, fonts.DEFAULT_CJK, "CJK font")
    return FontSet(
        _register(latin.key, str(latin.path), latin.index, "Latin font"),
        _register(bold.key, str(bold.path), bold.index, "Latin bold font"),
        _register(cjk.key, str(cjk.path), cjk.index, "CJK font"),
    )


def missing_glyphs(document: Document, options: RenderOptions) -> list[str]:
    """Characters of the document no PDF font can draw: they would print as blanks."""
    fontset = font_set(options)
    covered = _coverage(fontset.latin) | _coverage(fontset.latin_bold) | _coverage(fontset.cjk)
    seen = {ch for text in all_text(document) for ch in text}
    return sorted(
        ch
        for ch in seen
        if ord(ch) not in covered and not ch.isspace() and unicodedata.category(ch) != "Cf"
    )


# -- text style ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Style:
    size: float = 10.5
    leading: float = 17.0
    color: Color = INK
    align: str = "justify"  # justify | left | center | right
    indent: float = 0.0  # first-line indent, in ems
    space_before: float = 0.0
    space_after: float = 6.0
    bold: bool = False
    balance: bool = False  # lines of even length (headings): no word left alone at the end


class _Measure:
    """Widths of text in one font set, size and language, with per-character caching."""

    def __init__(self, fontset: FontSet, east_asian: bool, size: float, bold: bool) -> None:
        self.primary = (
            fontset.cjk if east_asian else (fontset.latin_bold if bold else fontset.latin)
        )
        self.fallback = (
            fontset.cjk if not east_asian else (fontset.latin_bold if bold else fontset.latin)
        )
        self.size = size
        self.cache: dict[str, float] = {}  # per character
        self.widths = setting.Widths(self.char)  # per word or ideograph
        self.width: Callable[[str], float] = self.widths.__getitem__
        self.primary_has = _coverage(self.primary)
        self.fallback_has = _coverage(self.fallback)
        self.east_asian = east_asian
        self._glyphs: _Glyphs | None = None

    def font_for(self, ch: str) -> str:
        code = ord(ch)
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

    def glyphs(self, doc: Any) -> _Glyphs:
        """This measure's text encoder for one PDF document (subsets are per document)."""
        if self._glyphs is None or self._glyphs.doc is not doc:
            self._glyphs = _Glyphs(self, doc)
        return self._glyphs


_RUN = re.compile(r"(.)\1*", re.S)


class _Glyphs:
    """Text as PDF text operators in reportlab's subset fonts, for one measure and document.

    reportlab gives each character its (font subset, code) once, through the font's own
    ``splitString``; after that a run of text is encoded by two ``str.translate`` calls and
    cut where the subset changes, instead of a Python loop over its characters.
    """

    def __init__(self, measure: _Measure, doc: Any) -> None:
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
    measure: _Measure,
    text: str,
    x: float,
    y: float,
    cuts: tuple[tuple[int, float], ...] | None = None,
    render_mode: int = 0,
) -> None:
    """One PDF text object showing ``text`` at (x, y); see :func:`text_object`."""
    text_object(canvas, measure, text, [(0, x, y, cuts)], render_mode)


def text_object(
    canvas: Canvas, measure: _Measure, text: str, lines: list[Placed], render_mode: int = 0
) -> None:
    """One PDF text object showing the lines of ``text`` (a paragraph's lines, joined), each
    at its position, written straight into the page.

    A line's ``cuts`` are (end, character spacing) pairs: its text up to each end is drawn
    with that spacing (Tc) after every glyph.  The text is encoded for reportlab's font
    subsets once for the whole object: reportlab's PDFTextObject would work out the subsets
    of every string again, which was most of the time of a long document."""
    glyphs = measure.glyphs(canvas._doc)
    keys, codes = glyphs.encode(text)
    names = glyphs.names
    out = ["BT"]
    if render_mode:
        out.append(f"{render_mode} Tr")
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
    if render_mode:
        out.append("0 Tr")
    out.append("ET")
    canvas._code.append(" ".join(out))


@dataclass
class Outline:
    title: str
    key: str
    level: int


@dataclass(eq=False)
class Tag:
    """An element of the PDF's structure tree (tagged PDF: what a screen reader reads, in
    reading order): a paragraph, heading, caption or figure, and the marked content it was
    drawn as, one (page index, MCID) per page it spans."""

    role: str  # the standard structure type: P, H1, H2, Caption, Figure, Table, TR, TH, TD
    lang: str | None = None
    alt: str | None = None  # a figure's text alternative
    parent: Tag | None = None  # a table's row, a row's table; None: the document
    parts: list[tuple[int, int]] = field(default_factory=list)


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph typeset line by line; splits between lines (at least 2 on each side)."""

    # the main process's help with this paragraph's lines (a build of one output), and the
    # paragraph's number in the request for it
    ahead: helper.Ahead | None = None
    serial = -1

    def __init__(
        self,
        text: Text,
        style: Style,
        measure: _Measure,
        outline: Outline | None = None,
        lines: list[setting.SetLine] | None = None,
        first: bool = True,
        tag: Tag | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.style = style
        self.measure = measure
        self.outline = outline
        # one element however many pages the paragraph spans: its parts share it
        self.tag = tag or Tag("P", text.lang)
        self._lines = lines
        self._width: float | None = None
        self.first = first
        self._mode = 0  # PDF text render mode: 2 = fill and stroke (bold East Asian text)
        self.spaceBefore = style.space_before if first else 0
        self.spaceAfter = style.space_after

    def lines(self, width: float) -> list[setting.SetLine]:
        if self._lines is None or self._width != width:
            if self._lines is not None and self._width is None:
                return self._lines
            lines = None
            if self.ahead is not None and self.first:  # (asked for whole paragraphs)
                lines = self.ahead.take(self.serial, width)
            if lines is None:
                lines = setting.set_paragraph(
                    self.text.text,
                    self.text.keep,
                    self.line_setting(),
                    self.measure.widths,
                    width,
                    self.first,
                )
            self._lines = lines
            self._width = width
        return self._lines

    def line_setting(self) -> setting.Setting:
        style = self.style
        return setting.Setting(
            style.size, style.indent, style.align, style.balance, self.measure.east_asian
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
        head = TextBlock(
            self.text,
            replace(self.style, space_after=0),
            self.measure,
            self.outline,
            lines[:fit],
            self.first,
            self.tag,
        )
        head._width = avail_width
        tail = TextBlock(
            self.text, self.style, self.measure, None, lines[fit:], first=False, tag=self.tag
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
        canvas.begin_tag(self.tag)
        canvas.saveState()
        canvas.setFillColor(style.color)
        # East Asian fonts have no bold here: the glyphs are filled and stroked instead
        self._mode = 2 if style.bold and self.measure.east_asian else 0
        if self._mode:
            canvas.setStrokeColor(style.color)
            canvas.setLineWidth(style.size * 0.035)
        texts: list[str] = []
        placed: list[Placed] = []
        offset = 0
        for text, x, cuts in lines:
            texts.append(text)
            placed.append((offset, x, y, cuts))
            offset += len(text)
            y -= style.leading
        text_object(canvas, self.measure, "".join(texts), placed, self._mode)
        canvas.restoreState()
        canvas.end_tag()


class Parallel(Flowable):  # type: ignore[misc]
    """Two (or more) flowable columns side by side, split at the same height."""

    def __init__(self, columns: list[list[Flowable]], gutter: float = GUTTER) -> None:
        super().__init__()
        self.columns = columns
        self.gutter = gutter
        self.spaceAfter = max((c[-1].getSpaceAfter() for c in columns if c), default=0)
        self.spaceBefore = max((c[0].getSpaceBefore() for c in columns if c), default=0)

    def _col_width(self, avail_width: float) -> float:
        n = len(self.columns)
        return (avail_width - self.gutter * (n - 1)) / n

    def _heights(self, width: float) -> list[float]:
        heights = []
        for column in self.columns:
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
        self.height = max(self._heights(self._col_width(avail_width)), default=0)
        return avail_width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        width = self._col_width(avail_width)
        heads: list[list[Flowable]] = []
        tails: list[list[Flowable]] = []
        for column in self.columns:
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
            heads.append(head)
            tails.append(tail)
        if not any(heads) or not any(tails):
            return []
        if any(not h for h in heads) and any(c for c in self.columns):
            # a column could not start here: move the whole pair so both start together
            return []
        return [Parallel(heads, self.gutter), Parallel(tails, self.gutter)]

    def draw(self) -> None:
        width = self._col_width(self.width)
        for index, column in enumerate(self.columns):
            x = index * (width + self.gutter)
            y = self.height
            for i, flowable in enumerate(column):
                if i:
                    y -= flowable.getSpaceBefore()
                _w, h = flowable.wrap(width, 1e9)
                y -= h
                flowable.drawOn(self.canv, x, y)
                y -= flowable.getSpaceAfter()


class BarChart(Flowable):  # type: ignore[misc]
    """The key figures' bar chart, drawn as vectors: labels left, bars, values right."""

    LINE = 11.0
    SIZE = 8.5

    def __init__(self, writer: _Writer, chart: Chart) -> None:
        super().__init__()
        self.writer, self.chart = writer, chart
        self.row = self.LINE * len(writer.document.languages) + 6
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
        canvas: Canvas = self.canv
        label_w = self.width * 0.36
        value_w = self.width * 0.26
        bar_space = self.width - label_w - value_w - 8
        top = max(bar.value for bar in self.chart.bars) or 1
        y = self.height - 2
        canvas.begin_tag(self.tag)
        for bar in self.chart.bars:
            self._texts(bar.label, 2, y, label_w - 8)
            length = float(bar_space) * float(bar.value / top)
            canvas.setFillColor(ACCENT)
            canvas.rect(label_w, y - self.row + 6, max(length, 1.0), self.row - 8, stroke=0, fill=1)
            self._texts(bar.display, label_w + length + 4, y, None)
            y -= self.row
        canvas.end_tag()

    def _texts(self, texts: Texts, x: float, top: float, max_width: float | None) -> None:
        """One line per language below ``top``: the first in ink, the others grey."""
        style = Style(size=self.SIZE)
        for i, text in enumerate(texts):
            measure = self.writer.measure(text.lang, style)
            y = top - self.LINE * (i + 1) + 2
            color = INK if i == 0 else GREY
            self.writer._draw_plain(self.canv, measure, text.text, x, y, color, max_width)


# structure types of the text styles that are not paragraphs (P)
ROLES = {"title": "H1", "heading": "H2", "subheading": "H2", "caption": "Caption"}


class _TaggedImage(Image):  # type: ignore[misc]
    """A photo, tagged as a figure whose text alternative is its caption."""

    def __init__(self, path: str, tag: Tag) -> None:
        super().__init__(path)
        self.tag = tag

    def draw(self) -> None:
        self.canv.begin_tag(self.tag)
        super().draw()
        self.canv.end_tag()


class Rule(Flowable):  # type: ignore[misc]
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


# -- the document -------------------------------------------------------------------------


def render(document: Document, options: RenderOptions) -> bytes:
    return _Writer(document, options).build()


class _Writer:
    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.fonts = font_set(options)
        self.east_asian = {
            lang.tag: lang.east_asian
            for lang in (*document.languages, *document.fallback_languages)
        }
        self._measures: dict[tuple[bool, float, bool], _Measure] = {}
        self.outline_count = 0
        self.bilingual = document.bilingual
        self.ahead: helper.Ahead | None = None  # the main process's help (see ask_ahead)

    def measure(self, lang: str, style: Style) -> _Measure:
        key = (self.east_asian[lang], style.size, style.bold)
        if key not in self._measures:
            self._measures[key] = _Measure(self.fonts, *key)
        return self._measures[key]

    def text(
        self,
        text: Text,
        style: Style,
        outline: int | None = None,
        title: str | None = None,
        role: str = "P",
        parent: Tag | None = None,
    ) -> TextBlock:
        entry = None
        if outline is not None:
            self.outline_count += 1
            entry = Outline(title or text.text, f"h{self.outline_count}", outline)
        tag = Tag(role, text.lang, parent=parent)
        return TextBlock(text, style, self.measure(text.lang, style), entry, tag=tag)

    def style(self, name: str, lang: str) -> Style:
        style = BODY_STYLES[name]
        if name in ("body", "lead", "closing") and self.east_asian[lang]:
            style = replace(style, indent=2.0)  # Chinese paragraphs indent two characters
        if self.bilingual and name in ("cell", "value"):
            style = replace(style, size=style.size - 1)
        if self.bilingual and name in ("body", "lead", "closing", "caption"):
            style = replace(style, size=style.size - 1, leading=style.leading - 2)
            if not self.east_asian.get(lang, False) and style.align == "justify":
                # a narrow column of Western text reads better ragged than with rivers
                style = replace(style, align="left")
        return style

    # -- blocks ---------------------------------------------------------------------------

    def flowables(self) -> list[Flowable]:
        out: list[Flowable] = []
        for block in self.document.blocks:
            out += self.block(block)
        return out

    def texts(self, texts: Texts, name: str, outline: int | None = None) -> list[Flowable]:
        """One language: a block; several: side by side (or stacked for the cover)."""
        role = ROLES.get(name, "P")
        if len(texts) == 1:
            return [self.text(texts[0], self.style(name, texts[0].lang), outline, role=role)]
        columns: list[list[Flowable]] = []
        title = " / ".join(t.text for t in texts)  # the bookmark carries every language
        for i, text in enumerate(texts):
            level = outline if i == 0 else None
            block = self.text(text, self.style(name, text.lang), level, title, role)
            columns.append([block])
        return [Parallel(columns)]

    def stacked(self, texts: Texts, name: str) -> list[Flowable]:
        role = ROLES.get(name, "P")
        return [self.text(t, self.style(name, t.lang), role=role) for t in texts]

    def block(self, block: Block) -> list[Flowable]:
        match block:
            case Cover():
                out: list[Flowable] = []
                if block.kicker:
                    out += self.stacked(block.kicker, "kicker")
                out += self.stacked(block.title, "title")
                out.append(Rule())
                meta: list[Text] = []
                for group in (block.date, block.byline):
                    if group:
                        meta += list(group[:1] if len({t.text for t in group}) == 1 else group)
                out += [self.text(t, self.style("meta", t.lang)) for t in meta]
                out.append(Spacer(1, 8))
                return out
            case KeyFigures():
                return self.key_figures(block)
            case Chart():
                return self.chart(block)
            case Heading():
                heading = self.texts(block.text, "heading", outline=0)
                return [CondPageBreak(4 * 17), *heading]
            case Paragraph():
                return self.texts(block.text, block.role)
            case Photo():
                return self.photo(block)
            case Credits():
                out = [Rule(LIGHT_RULE, 0.5, 8)]
                if block.title is not None:
                    out += self.texts(block.title, "subheading", outline=0)
                for line in block.lines:
                    out += self.texts(line, "credit")
                return out
            case Toc():
                return []  # the PDF outline is the table of contents
            case _:
                assert_never(block)

    def key_figures(self, block: KeyFigures) -> list[Flowable]:
        out = [*self.texts(block.title, "subheading", outline=0)]
        rows = []
        # tagged as a table: a row per figure, its label the row's header, in each language
        table = Tag("Table")
        for row in block.rows:
            cells: list[Any] = []
            row_tag = Tag("TR", parent=table)
            for label, value in zip(row.label, row.value, strict=True):
                cells.append(
                    self.text(label, self.style("cell", label.lang), role="TH", parent=row_tag)
                )
                cells.append(
                    self.text(value, self.style("value", value.lang), role="TD", parent=row_tag)
                )
            rows.append(cells)
        n = len(self.document.languages)
        usable = PAGE_W - 2 * MARGIN_X
        unit = usable / n
        widths = [unit * 0.58, unit * 0.42] if n == 1 else [unit * 0.47, unit * 0.53] * n
        table = Table(rows, colWidths=widths, hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.latin),  # never Helvetica
                    ("LINEABOVE", (0, 0), (-1, 0), 1.0, RULE),
                    ("LINEBELOW", (0, -1), (-1, -1), 1.0, RULE),
                    ("LINEBELOW", (0, 0), (-1, -2), 0.4, LIGHT_RULE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                    ("LEFTPADDING", (0, 0), (-1, -1), 3),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        out.append(table)
        out.append(Spacer(1, 10))
        return out

    def chart(self, block: Chart) -> list[Flowable]:
        out = [*self.texts(block.title, "subheading", outline=0)]
        out.append(BarChart(self, block))
        out.append(Spacer(1, 8))
        return out

    def photo(self, block: Photo) -> list[Flowable]:
        out: list[Flowable] = []
        if block.image is not None:
            try:
                described = " / ".join(t.text for t in block.caption)
                image = _TaggedImage(str(block.image), Tag("Figure", None, described))
                ratio = image.imageHeight / image.imageWidth
                # as wide as 14 cm allows, never taller than half the frame
                max_height = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) * 0.5
                width = min(PAGE_W - 2 * MARGIN_X, 14 * cm, max_height / ratio)
                image.drawWidth, image.drawHeight = width, width * ratio
            except Exception as exc:  # reportlab/PIL raise many kinds on a bad image
                raise RenderError(f"cannot place image: {exc}", Location.of(block.image)) from None
            out.append(image)
        captions: list[Text] = []
        for i, caption in enumerate(block.caption):
            text = caption.text
            keep = caption.keep
            if block.credit is not None:
                text = f"{text}  {block.credit[i].text}"
            captions.append(Text(caption.lang, text, keep))
        out += self.texts(tuple(captions), "caption")
        return [KeepTogether(out)]

    # -- pages --------------------------------------------------------------------------

    def build(self) -> bytes:
        buffer = io.BytesIO()
        meta = self.document.metadata
        template = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=", ".join(meta.keywords),
            creator="jbreport",
            producer="jbreport (reportlab)",
            lang=meta.language,
            invariant=1,
            initialFontName=self.fonts.latin,
            displayDocTitle=1,  # viewers show the title, not the file name
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            PAGE_W - 2 * MARGIN_X,
            PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        template.addPageTemplates([PageTemplate("page", [frame])])
        story = self.flowables()
        # the width the frame gives each flowable, to the last bit (as reportlab works it out)
        self.ask_ahead(story, frame._getAvailableWidth())
        created = meta.created

        def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
            return _NumberedCanvas(self, created, *args, **kwargs)

        template.build(story, canvasmaker=canvasmaker)
        return buffer.getvalue()

    def ask_ahead(self, story: list[Flowable], frame_width: float) -> None:
        """In a worker whose main process is free (a build of one output): ask it to set
        the paragraphs' lines, in the order the pages need them, at the width each is laid
        out in (table cells, a small part, are left out)."""
        ahead = helper.ahead()
        if ahead is None:
            return
        blocks: list[tuple[TextBlock, float]] = []

        def visit(flowable: Flowable, width: float) -> None:
            if isinstance(flowable, TextBlock):
                blocks.append((flowable, width))
            elif isinstance(flowable, Parallel):
                column_width = flowable._col_width(width)
                for parts in flowable.columns:
                    for part in parts:
                        visit(part, column_width)
            elif isinstance(flowable, KeepTogether):
                for part in flowable._content:
                    visit(part, width)

        for flowable in story:
            visit(flowable, frame_width)
        index: dict[int, int] = {}  # a measure's number in the request, by its id
        measures: list[_Measure] = []
        chars: list[set[str]] = []
        jobs: list[helper.Job] = []
        for serial, (block, column) in enumerate(blocks):
            number = index.setdefault(id(block.measure), len(measures))
            if number == len(measures):
                measures.append(block.measure)
                chars.append({" "})
            chars[number].update(block.text.text)
            jobs.append(
                (serial, block.text.text, block.text.keep, block.line_setting(), number, column)
            )
            block.ahead, block.serial = ahead, serial
        tables = [
            {ch: measure.char(ch) for ch in used}
            for measure, used in zip(measures, chars, strict=True)
        ]
        ahead.ask(tables, jobs)
        self.ahead = ahead

    def xmp(self) -> bytes:
        """The document's XMP metadata packet: what the Info dictionary says, readable by
        archives and accessibility checkers (which look for dc:title here)."""
        meta = self.document.metadata
        created = meta.created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        languages = "".join(
            f"<rdf:li>{escape(lang.bcp47)}</rdf:li>" for lang in self.document.languages
        )
        authors = "".join(f"<rdf:li>{escape(name)}</rdf:li>" for name in meta.author.split(" / "))

        def alternative(text: str) -> str:
            return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

        text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title>{alternative(meta.title)}</dc:title>
<dc:description>{alternative(meta.subject)}</dc:description>
<dc:creator><rdf:Seq>{authors}</rdf:Seq></dc:creator>
<dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>
<pdf:Keywords>{escape(", ".join(meta.keywords))}</pdf:Keywords>
<pdf:Producer>jbreport (reportlab)</pdf:Producer>
<xmp:CreatorTool>jbreport</xmp:CreatorTool>
<xmp:CreateDate>{created}</xmp:CreateDate>
<xmp:ModifyDate>{created}</xmp:ModifyDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
        return text.encode("utf-8")

    def decorate(self, canvas: Canvas, page: int, total: int) -> None:
        """Running header and footer ("第 3 页 共 12 页"), drawn once the total is known."""
        canvas.saveState()
        header = self.document.header
        y = PAGE_H - MARGIN_TOP + 0.9 * cm
        x = PAGE_W - MARGIN_X
        for text in reversed(header):
            measure = self.measure(text.lang, Style(size=8, color=GREY))
            w = min(measure.width(text.text), (PAGE_W - 2 * MARGIN_X) / len(header) - 6)
            self._draw_plain(canvas, measure, text.text, x - w, y, GREY, max_width=w)
            x -= w + 14
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, y - 4, PAGE_W - MARGIN_X, y - 4)
        parts = []
        for text in self.document.footer:
            filled = "".join(
                literal + ("" if field is None else str(page if field == "page" else total))
                for literal, field in page_fields(text.text)
            )
            parts.append(Text(text.lang, filled))
        if parts:
            joined_width = 0.0
            measured = []
            for text in parts:
                measure = self.measure(text.lang, Style(size=8.5))
                measured.append((measure, text.text, measure.width(text.text)))
                joined_width += measure.width(text.text)
            sep = 18.0
            joined_width += sep * (len(parts) - 1)
            x = (PAGE_W - joined_width) / 2
            for measure, text_str, width in measured:
                self._draw_plain(canvas, measure, text_str, x, MARGIN_BOTTOM - 1.1 * cm, GREY)
                x += width + sep
        canvas.restoreState()

    def _draw_plain(
        self,
        canvas: Canvas,
        measure: _Measure,
        text: str,
        x: float,
        y: float,
        color: Color,
        max_width: float | None = None,
    ) -> None:
        if max_width is not None and measure.width(text) > max_width:
            while text and measure.width(text + "…") > max_width:
                text = text[:-1]
            text += "…"
        canvas.setFillColor(color)
        text_ops(canvas, measure, text, x, y)


class _StructElem(PDFObject):  # type: ignore[misc]
    """A structure element, written directly: a long report has thousands, and reportlab's
    generic dictionaries took a tenth of a second to write them."""

    def __init__(self, tag: Tag, parent: PDFObjectReference, lang: str | None) -> None:
        self.tag, self.parent, self.lang = tag, parent, lang
        self.kids: list[PDFObjectReference] = []  # a table's rows, a row's cells

    def format(self, document: Any) -> bytes:
        tag = self.tag
        out = [f"<< /Type /StructElem /S /{tag.role} /P {self.parent.format(document).decode()}"]
        if tag.role == "TH":  # a key figure's label heads its row
            out.append(" /A << /O /Table /Scope /Row >>")
        if self.lang:
            out.append(f" /Lang ({self.lang})")
        if tag.alt:
            out.append(" /Alt " + PDFString(tag.alt).format(document).decode("latin-1"))
        pages = {page for page, _mcid in tag.parts}
        if self.kids:
            refs = " ".join(kid.format(document).decode() for kid in self.kids)
            out.append(f" /K [{refs}]")
        elif len(pages) == 1:  # the page once, the marked content by number
            page = _page_ref(tag.parts[0][0]).format(document).decode()
            mcids = " ".join(str(mcid) for _page, mcid in tag.parts)
            out.append(f" /Pg {page} /K {mcids if len(tag.parts) == 1 else f'[{mcids}]'}")
        else:
            marked = " ".join(
                f"<< /Type /MCR /Pg {_page_ref(page).format(document).decode()} /MCID {mcid} >>"
                for page, mcid in tag.parts
            )
            out.append(f" /K [{marked}]")
        out.append(" >>")
        return "".join(out).encode("latin-1")


def _bcp47(tag: str) -> str:
    """zh_Hant → zh-Hant: the language tag form PDF's /Lang takes."""
    return tag.replace("_", "-")


def _page_ref(index: int) -> PDFObjectReference:
    return PDFObjectReference(f"Page{index + 1}")  # reportlab's name of that page object


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until the end, so every footer can say how many pages there are."""

    def __init__(
        self, writer: _Writer, created: datetime.datetime, *args: Any, **kwargs: Any
    ) -> None:
        kwargs["initialFontName"] = writer.fonts.latin  # no Helvetica reference anywhere
        super().__init__(*args, **kwargs)
        self._writer = writer
        self._saved: list[dict[str, Any]] = []
        self._tags: list[Tag] = []  # every tagged element, in reading order
        self._registered: set[int] = set()  # id() of each of them
        self._marks: dict[int, list[Tag]] = {}  # page index -> the tag of each MCID
        self._page_index = 0
        # bookmarks by page index: set when that page is finally written (see save)
        self._bookmarks: dict[int, list[tuple[str, dict[str, Any]]]] = {}
        # reportlab dates the file from this stamp (SOURCE_DATE_EPOCH or, in invariant mode,
        # 2000-01-01): make it the document's own date, from localize.document_date
        stamp = self._doc._timeStamp
        t = created.timestamp()
        stamp.t = t
        stamp.lt = time.gmtime(t)
        stamp.YMDhms = tuple(stamp.lt)[:6]
        stamp.dhh = stamp.dmm = 0
        stamp.tzname = "UTC"
        self.setDateFormatter(None)

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    # -- tagged PDF: marked content, and the structure tree built from it at save -------

    def begin_tag(self, tag: Tag) -> None:
        """Marked content of ``tag`` on this page, until :meth:`end_tag`."""
        page = len(self._saved)
        marks = self._marks.setdefault(page, [])
        if not tag.parts:
            # reading order: as first drawn; a table and its row before their first cell
            ancestors = []
            parent = tag.parent
            while parent is not None and id(parent) not in self._registered:
                ancestors.append(parent)
                parent = parent.parent
            for element in (*reversed(ancestors), tag):
                self._registered.add(id(element))
                self._tags.append(element)
        tag.parts.append((page, len(marks)))
        self._code.append(f"/{tag.role} <</MCID {len(marks)}>> BDC")
        marks.append(tag)

    def begin_artifact(self) -> None:
        """Drawing that is not content (rules, running header and footer)."""
        self._code.append("/Artifact BMC")

    def end_tag(self) -> None:
        self._code.append("EMC")

    def _setAnnotations(self, page: Any) -> None:
        super()._setAnnotations(page)
        # the page's marked content in the parent tree, and the tab order of its links
        # following the structure; PDFPage writes only the keys its class names
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        if self._page_index in self._marks:
            page.StructParents = self._page_index
        page.Tabs = PDFName("S")

    def _structure(self) -> None:
        """The structure tree (ISO 32000-1, 14.7): a Document element holding every tagged
        element in reading order, each pointing at its marked content on its pages."""
        doc = self._doc
        root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
        root_ref = doc.Reference(root, "StructTreeRoot")
        top = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName("Document")})
        top["P"] = root_ref
        if self._writer.document.metadata.language:
            top["Lang"] = PDFString(self._writer.document.metadata.language)
        top_ref = doc.Reference(top, "StructDocument")
        document = self._writer.document
        languages = (*document.languages, *document.fallback_languages)
        bcp47 = {lang.tag: lang.bcp47 for lang in languages}
        refs: dict[int, PDFObjectReference] = {}
        elements: dict[int, _StructElem] = {}
        for number, tag in enumerate(self._tags):
            lang = bcp47.get(tag.lang, _bcp47(tag.lang)) if tag.lang else None
            parent = refs[id(tag.parent)] if tag.parent is not None else top_ref
            elements[id(tag)] = _StructElem(tag, parent, lang)
            refs[id(tag)] = doc.Reference(elements[id(tag)], f"StructElem{number}")
            if tag.parent is not None:
                elements[id(tag.parent)].kids.append(refs[id(tag)])
        top["K"] = PDFArray([refs[id(tag)] for tag in self._tags if tag.parent is None])
        nums: list[Any] = []
        for page in sorted(self._marks):
            nums += [page, PDFArray([refs[id(tag)] for tag in self._marks[page]])]
        root["K"] = top_ref
        root["ParentTree"] = PDFDictionary({"Nums": PDFArray(nums)})
        root["ParentTreeNextKey"] = max(self._marks, default=-1) + 1
        catalog = doc.Catalog
        catalog.StructTreeRoot = root_ref
        catalog.MarkInfo = PDFDictionary({"Marked": "true"})
        metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
        xmp = PDFStream(metadata, self._writer.xmp())
        catalog.Metadata = doc.Reference(xmp, "XMPMetadata")

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        # reportlab binds a bookmark to the page it is writing, which here is always the
        # first until save(): remember the page this one belongs to instead
        self._bookmarks.setdefault(len(self._saved), []).append((key, kwargs))

    def save(self) -> None:
        total = len(self._saved)
        bookmarks = self._bookmarks
        pages = self._doc.Pages.pages
        # each page's stream is compressed in a thread while the next pages are finished
        # and the rest of the file is written: zlib lets go of the interpreter lock, so on
        # a machine with a free core it costs nothing (the bytes are zlib's either way)
        with ThreadPoolExecutor(max_workers=1) as deflater:
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._page_index = number - 1
                self.begin_artifact()
                self._writer.decorate(self, number, total)
                self.end_tag()
                for key, kwargs in bookmarks.get(number - 1, []):
                    super().bookmarkPage(key, **kwargs)
                super().showPage()
                page = pages[-1]
                if page.compression and page.stream:
                    page.Contents = _DeflatedStream(
                        deflater.submit(zlib.compress, page.stream.encode("utf-8"))
                    )
            self.showOutline()
            self._structure()
            super().save()


class _DeflatedStream(PDFStream):  # type: ignore[misc]
    """A page stream whose compression runs elsewhere (see _NumberedCanvas.save): written as
    reportlab writes a compressed page stream, once its bytes are ready."""

    def __init__(self, deflated: Future[bytes]) -> None:
        super().__init__()
        self.deflated = deflated
        self.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        self.__Comment__ = "page stream"

    def format(self, document: Any) -> bytes:
        self.content = self.deflated.result()
        result: bytes = super().format(document)
        return result


BODY_STYLES: dict[str, Style] = {
    "body": Style(size=10.5, leading=18.0),
    "lead": Style(size=11, leading=19.0),
    "closing": Style(size=10.5, leading=18.0),
    "kicker": Style(
        size=11, leading=16, color=RED, align="left", space_after=4, bold=True, balance=True
    ),
    "title": Style(
        size=21, leading=28, color=ACCENT, align="left", space_after=4, bold=True, balance=True
    ),
    "meta": Style(size=9.5, leading=14, color=GREY, align="left", space_after=0),
    "heading": Style(
        size=13.5,
        leading=20,
        color=ACCENT,
        align="left",
        space_before=12,
        space_after=6,
        bold=True,
        balance=True,
    ),
    "subheading": Style(
        size=11.5,
        leading=17,
        color=ACCENT,
        align="left",
        space_before=6,
        space_after=4,
        bold=True,
        balance=True,
    ),
    "caption": Style(
        size=8.5, leading=13, color=GREY, align="left", space_before=2, space_after=10
    ),
    "credit": Style(size=8.5, leading=13, color=GREY, align="left", space_after=2),
    "cell": Style(size=9, leading=13, align="left", space_after=0),
    "value": Style(size=9.5, leading=13, align="right", space_after=0, bold=True, color=ACCENT),
}
