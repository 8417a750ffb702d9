"""The PDF writer: walks a :class:`~jbreport.model.Document`, one clause per block kind, into
reportlab flowables, then lays out the pages with the running header and footer.

It knows nothing of processes: the same document gives the same bytes wherever it runs.
"""

from __future__ import annotations

import io
from typing import Any, assert_never

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ...model import (
    Block,
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigures,
    ListBlock,
    Paragraph,
    Photo,
    Signoff,
    Text,
    Texts,
    Toc,
    block_texts,
)
from ...model import (
    Table as TableBlock,
)
from .. import RenderOptions, page_fields, theme
from . import blocks, photos
from .canvas import NumberedCanvas
from .floats import FloatingDoc, Flush
from .flowables import BarChart, Parallel, Rule, TextBlock
from .fonts import font_set
from .styles import (
    GREY,
    GUTTER,
    LIGHT_RULE,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    ROLE_STYLES,
    RULE,
    STRUCTURE,
    Style,
    StyleName,
    style,
)
from .tagging import Outline, StructureType, Tag
from .textops import Measure, draw_plain

# a single page whose content ends higher than this share of it above the foot is spread:
# its parts (each kind in SPREAD) get up to SPREAD_GAP points more before them
FILLED = 0.10
SPREAD = (KeyFigures, Chart, TableBlock, Credits)
SPREAD_GAP = 18.0
BALANCE = (0.4, 0.6)  # the least and the most a language's column takes of a bilingual page


def render(document: Document, options: RenderOptions) -> bytes:
    """The document as PDF bytes."""
    return _Writer(document, options).build()


class _Writer:
    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.fonts = font_set(options)
        self.east_asian = {
            lang.tag: lang.east_asian
            for lang in (*document.languages, *document.fallback_languages)
        }
        # the tag whose hyphenation dictionary a language's text takes: en-US, en-GB
        self.bcp47 = {
            lang.tag: lang.bcp47 for lang in (*document.languages, *document.fallback_languages)
        }
        self._measures: dict[tuple[bool, float, bool], Measure] = {}
        self.outline_count = 0
        self.bilingual = document.bilingual
        # a Western edition alone gets a narrower measure; Chinese and bilingual pages the
        # full width
        western = not self.bilingual and not any(self.east_asian.values())
        self.margin_x = theme.MARGIN_X_LATIN if western else MARGIN_X
        self.frame_width = PAGE_W - 2 * self.margin_x
        self.shares = self.balance()

    def balance(self) -> tuple[float, ...]:
        """Each language's share of a bilingual measure: as its running text is long (set
        width times leading, over the whole report), so that a paragraph and its translation
        end close together; between 40% and 60%."""
        n = len(self.document.languages)
        if n < 2:
            return (1.0,)
        lengths = [0.0] * n
        for block in self.document.blocks:
            if not isinstance(block, Paragraph):
                continue
            for group in block_texts(block):
                for i, text in enumerate(group):
                    chosen = self.style(ROLE_STYLES[block.role], text.lang)
                    lengths[i] += self.measure(text.lang, chosen).width(text.text) * chosen.leading
        total = sum(lengths)
        if n > 2 or not total:
            return tuple(1 / n for _ in range(n))
        first = min(max(lengths[0] / total, BALANCE[0]), BALANCE[1])
        return (first, 1 - first)

    def column_widths(self, total: float) -> list[float]:
        """The widths of a bilingual edition's columns across ``total`` (the gutter aside)."""
        room = total - GUTTER * (len(self.shares) - 1)
        return [room * share for share in self.shares]

    def measure(self, lang: str, style: Style) -> Measure:
        key = (self.east_asian[lang], style.size, style.bold)
        if key not in self._measures:
            self._measures[key] = Measure(self.fonts, *key)
        return self._measures[key]

    def style(self, name: StyleName, lang: str) -> Style:
        return style(name, self.east_asian[lang], self.bilingual)

    def text(
        self,
        text: Text,
        name: StyleName,
        outline: int | None = None,
        title: str | None = None,
        role: StructureType | None = None,
        parent: Tag | None = None,
    ) -> TextBlock:
        """One text in style ``name``, tagged as ``role`` (by default, as its style says)."""
        entry = None
        if outline is not None:
            self.outline_count += 1
            entry = Outline(title or text.text, f"h{self.outline_count}", outline)
        tag = Tag(role or STRUCTURE.get(name, "P"), text.lang, parent=parent)
        chosen = self.style(name, text.lang)
        measure = self.measure(text.lang, chosen)
        return TextBlock(text, chosen, measure, entry, tag=tag, hyphenation=self.bcp47[text.lang])

    # -- blocks ---------------------------------------------------------------------------

    def flowables(self, room: float = 0.0) -> list[Flowable]:
        """The story; ``room``: points left on a single page, shared out before its parts
        (a few points each, the rest above the credits, which go to the page's foot)."""
        out: list[Flowable] = []
        parts = [i for i, b in enumerate(self.document.blocks) if isinstance(b, SPREAD) and i]
        each = min(room / len(parts), SPREAD_GAP) if parts else 0.0
        for i, block in enumerate(self.document.blocks):
            if isinstance(block, Credits):
                out.append(Flush())  # the photos before the credits
            if i in parts:
                last = i == parts[-1]
                out.append(Spacer(1, room - each * (len(parts) - 1) if last else each))
            out += self.block(block)
        return out

    def texts(self, texts: Texts, name: StyleName, outline: int | None = None) -> list[Flowable]:
        """One language: a block; several: side by side (or stacked for the cover)."""
        if len(texts) == 1:
            return [self.text(texts[0], name, outline)]
        columns: list[list[Flowable]] = []
        title = " / ".join(t.text for t in texts)  # the bookmark carries every language
        for i, text in enumerate(texts):
            columns.append([self.text(text, name, outline if i == 0 else None, title)])
        return [Parallel(columns, shares=self.shares)]

    def block(self, block: Block) -> list[Flowable]:
        match block:
            case Cover():
                return self.cover(block)
            case KeyFigures():
                return self.key_figures(block)
            case Chart():
                out = self.texts(block.title, "subheading", outline=0)
                languages = len(self.document.languages)
                return [*out, BarChart(block, languages, self.measure), Spacer(1, 8)]
            case Heading():
                heading = self.texts(block.text, "heading", outline=0)
                return [CondPageBreak(4 * 17), *heading]
            case Paragraph():
                return self.texts(block.text, ROLE_STYLES[block.role])
            case Photo():
                return photos.photo(self, block)
            case Credits():
                out = [Rule(LIGHT_RULE, 0.5, 8)]
                if block.title is not None:
                    out += self.texts(block.title, "subheading", outline=0)
                for line in block.lines:
                    out += self.texts(line, "credit")
                return out
            case Toc():
                return []  # the PDF outline is the table of contents
            case TableBlock():
                return blocks.table(self, block)
            case ListBlock():
                return blocks.list_flowables(self, block)
            case Signoff():
                return blocks.signoff(self, block)
            case _:
                assert_never(block)

    def cover(self, block: Cover) -> list[Flowable]:
        out: list[Flowable] = [self.text(t, "kicker") for t in block.kicker or ()]
        out += [self.text(t, "title") for t in block.title]
        out.append(Rule())
        meta: list[Text] = []
        for group in (block.date, block.byline):
            if group:  # a group that reads the same in every language, once
                meta += list(group[:1] if len({t.text for t in group}) == 1 else group)
        out += [self.text(t, "meta") for t in meta]
        out.append(Spacer(1, 8))
        return out

    def key_figures(self, block: KeyFigures) -> list[Flowable]:
        """The key figures: a label and its value per language, each language's pair on its
        column of the page (a bilingual edition: an empty column for the gutter)."""
        out = [*self.texts(block.title, "subheading", outline=0)]
        rows = []
        # tagged as a table: a row per figure, its label the row's header, in each language
        table_tag = Tag("Table")
        for row in block.rows:
            cells: list[Any] = []
            row_tag = Tag("TR", parent=table_tag)
            for i, (label, value) in enumerate(zip(row.label, row.value, strict=True)):
                cells += [""] if i else []
                cells.append(self.text(label, "cell", role="TH", parent=row_tag))
                cells.append(self.text(value, "value", role="TD", parent=row_tag))
            rows.append(cells)
        table = Table(rows, colWidths=self.key_widths(block), hAlign="LEFT")
        table.setStyle(TableStyle(self.key_style(len(block.title))))
        return [*out, table, Spacer(1, 10)]

    def key_widths(self, block: KeyFigures) -> list[float]:
        if len(self.document.languages) == 1:
            return [self.frame_width * 0.58, self.frame_width * 0.42]
        widths: list[float] = []
        for i, column in enumerate(self.column_widths(self.frame_width)):
            widest = 0.0
            for row in block.rows:
                text = row.value[i]
                widest = max(
                    widest, self.measure(text.lang, self.style("value", text.lang)).width(text.text)
                )
            value = min(widest + 9 + 1, column * 0.5)
            widths += [GUTTER] if i else []
            widths += [column - value, value]
        return widths

    def key_style(self, languages: int) -> list[tuple[Any, ...]]:
        style: list[tuple[Any, ...]] = [
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.latin),  # never Helvetica
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ]
        for i in range(languages):  # the rules under each language's pair, not the gutter
            first, last = 3 * i, 3 * i + 1
            style += [
                ("LINEABOVE", (first, 0), (last, 0), 1.0, RULE),
                ("LINEBELOW", (first, -1), (last, -1), 1.0, RULE),
                ("LINEBELOW", (first, 0), (last, -2), 0.4, LIGHT_RULE),
            ]
        return style

    # -- pages --------------------------------------------------------------------------

    def build(self) -> bytes:
        """The PDF; a single page left part empty is set again, its parts spread to fill it."""
        data, pages, room = self.typeset()
        if pages == 1 and room > FILLED * (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM):
            self.outline_count = 0
            data, _pages, _room = self.typeset(room - 2)
        return data

    def typeset(self, room: float = 0.0) -> tuple[bytes, int, float]:
        """The PDF, its page count and the room left under its last flowable."""
        buffer = io.BytesIO()
        meta = self.document.metadata
        template = FloatingDoc(
            buffer,
            pagesize=A4,
            leftMargin=self.margin_x,
            rightMargin=self.margin_x,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=" / ".join(meta.authors),
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
            self.margin_x,
            MARGIN_BOTTOM,
            PAGE_W - 2 * self.margin_x,
            PAGE_H - MARGIN_TOP - MARGIN_BOTTOM,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        template.addPageTemplates([PageTemplate("page", [frame])])
        story = [*self.flowables(room), Flush()]

        def canvasmaker(*args: Any, **kwargs: Any) -> Canvas:
            return NumberedCanvas(self.document, self.decorate, self.fonts.latin, *args, **kwargs)

        template.build(story, canvasmaker=canvasmaker)
        return buffer.getvalue(), template.page, template.room

    def decorate(self, canvas: Canvas, page: int, total: int) -> None:
        """Running header and footer ("第 3 页 共 12 页"), drawn once the total is known: no
        header above the headline on the first page, no page number on a single page."""
        canvas.saveState()
        if page > 1:
            self.header(canvas)
        self.footer(canvas, page, total)
        canvas.restoreState()

    def header(self, canvas: Canvas) -> None:
        """The running header, right-aligned above a light rule."""
        header = self.document.header
        y = PAGE_H - MARGIN_TOP + 0.9 * cm
        x = PAGE_W - self.margin_x
        for text in reversed(header):
            measure = self.measure(text.lang, Style(size=theme.PDF_HEADER_SIZE, color=GREY))
            w = min(measure.width(text.text), (PAGE_W - 2 * self.margin_x) / len(header) - 6)
            draw_plain(canvas, measure, text.text, x - w, y, GREY, max_width=w)
            x -= w + 14
        canvas.setStrokeColor(LIGHT_RULE)
        canvas.setLineWidth(0.5)
        canvas.line(self.margin_x, y - 4, PAGE_W - self.margin_x, y - 4)

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        """The footer's texts, their {page} and {pages} filled, centred on one line (on a
        single page, the texts that number it left out)."""
        measured = []
        for text in self.document.footer:
            if total == 1 and any(field for _literal, field in page_fields(text.text)):
                continue
            filled = "".join(
                literal + ("" if field is None else str(page if field == "page" else total))
                for literal, field in page_fields(text.text)
            )
            measure = self.measure(text.lang, Style(size=theme.PDF_FOOTER_SIZE))
            measured.append((measure, filled, measure.width(filled)))
        if not measured:
            return
        sep = 18.0
        joined = 0.0
        for *_, width in measured:  # added in order (sum() of floats differs from 3.12 on)
            joined += width
        joined += sep * (len(measured) - 1)
        x = (PAGE_W - joined) / 2
        for measure, line, width in measured:
            draw_plain(canvas, measure, line, x, MARGIN_BOTTOM - 1.1 * cm, GREY)
            x += width + sep
