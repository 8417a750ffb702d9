"""The Word writer: a document model becomes a DOCX an editor can work in.

Styles, not direct formatting: every paragraph carries a named style (Title, Subtitle,
Heading 1/2, Normal, Caption, Kicker, Byline, Lead, Credits) and the key figures table the
"Key Figures" table style, so an editor restyles the whole brief by changing a style.  Raw
XML python-docx lacks lives in :mod:`jbreport.render.ooxml`.
"""

from __future__ import annotations

import io
import unicodedata
from typing import Any, assert_never

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as DocxImage
from docx.shared import Cm, Emu, Pt, RGBColor

from ..errors import Location, RenderError
from ..model import (
    Block,
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigures,
    Language,
    Paragraph,
    Photo,
    Text,
    Texts,
    Toc,
)
from . import EAST_ASIAN_FONTS, RenderOptions, ooxml, page_fields

ACCENT = RGBColor(0x1F, 0x3A, 0x5F)
RULE = "1F3A5F"
SHADE = "E8EEF5"


def render(document: Document, options: RenderOptions) -> bytes:
    writer = _Writer(document, options)
    writer.write()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return ooxml.deterministic_zip(buffer.getvalue(), document.metadata.created)


class _Writer:
    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.options = options
        if options.reference_docx is not None:
            try:
                self.doc = docx.Document(str(options.reference_docx))
            except Exception as exc:  # python-docx raises many kinds on a bad file
                raise RenderError(
                    f"cannot use as reference DOCX: {exc}", Location.of(options.reference_docx)
                ) from None
            body = self.doc.element.body
            for child in list(body):
                if not child.tag.endswith("}sectPr"):
                    body.remove(child)
        else:
            self.doc = docx.Document()
        every = (*document.languages, *document.fallback_languages)
        self.languages = {lang.tag: lang for lang in every}
        self.east_asian = next((lang for lang in every if lang.east_asian), None)
        self._style_ids: dict[str, str] = {}
        self._toc_anchor: Any = None
        self.western = next((lang for lang in document.languages if not lang.east_asian), None)
        script = self.east_asian.script if self.east_asian else None
        body, heading = EAST_ASIAN_FONTS.get(script or "Hans", EAST_ASIAN_FONTS["Hans"])
        self.ea_font = options.docx_east_asian_font or body
        self.ea_heading_font = options.docx_east_asian_heading_font or heading

    # -- setup -----------------------------------------------------------------------

    def write(self) -> None:
        self.setup_styles()
        self.setup_page()
        self.setup_properties()
        table: Any = None
        for block in self.document.blocks:
            if self.document.bilingual and isinstance(block, Heading | Paragraph | Photo):
                if table is None:
                    table = self.parallel_table()
                self.parallel_row(table, block)
                continue
            table = None
            self.block(block)
        if self._toc_anchor is not None:
            self.finish_toc(self._toc_anchor)

    def style(self, name: str, kind: WD_STYLE_TYPE, base: str | None = None) -> Any:
        styles = self.doc.styles
        try:
            return styles[name]
        except KeyError:
            style = styles.add_style(name, kind)
            if base is not None:
                style.base_style = styles[base]
            style.quick_style = True
            return style

    def setup_styles(self) -> None:
        o = self.options
        styles = self.doc.styles
        ea_tag = self.east_asian.bcp47 if self.east_asian else None
        western_tag = self.western.bcp47 if self.western else "en-US"
        ooxml.set_theme_font_lang(self.doc.settings.element, val=western_tag, east_asian=ea_tag)
        rpr = ooxml.doc_defaults_rpr(styles.element)
        ooxml.set_lang(rpr, val=western_tag, east_asian=ea_tag)
        if self.options.reference_docx is not None:
            # the user's template decides the look; only add what it lacks
            self._add_missing_styles()
            return
        ooxml.set_fonts(rpr, latin=o.docx_latin_font, east_asian=self.ea_font)
        normal = styles["Normal"]
        normal.font.size = Pt(11)
        ooxml.set_fonts(
            ooxml.style_properties(normal),
            latin=o.docx_latin_font,
            east_asian=self.ea_font,
        )
        normal.paragraph_format.space_after = Pt(6)
        normal.paragraph_format.line_spacing = 1.25
        for name, size, color in (
            ("Title", 24, ACCENT),
            ("Subtitle", 12, RGBColor(0x55, 0x55, 0x55)),
            ("Heading 1", 15, ACCENT),
            ("Heading 2", 12.5, ACCENT),
        ):
            style = styles[name]
            style.font.size = Pt(size)
            style.font.color.rgb = color
            ooxml.set_fonts(
                ooxml.style_properties(style),
                latin=o.docx_heading_font,
                east_asian=self.ea_heading_font,
            )
        styles["Title"].font.bold = True
        for name in ("Title", "Subtitle"):
            ooxml.clear_character_spacing(ooxml.style_properties(styles[name]))
        styles["Subtitle"].font.italic = False
        styles["Heading 1"].paragraph_format.space_before = Pt(16)
        styles["Heading 1"].paragraph_format.keep_with_next = True
        styles["Heading 2"].paragraph_format.space_before = Pt(12)
        styles["Heading 2"].paragraph_format.keep_with_next = True
        self._add_missing_styles()
        kicker = styles["Kicker"]
        kicker.font.size = Pt(11)
        kicker.font.bold = True
        kicker.font.color.rgb = RGBColor(0xA0, 0x1E, 0x22)
        kicker.paragraph_format.space_after = Pt(4)
        byline = styles["Byline"]
        byline.font.size = Pt(10)
        byline.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        lead = styles["Lead"]
        lead.font.size = Pt(11.5)
        lead.paragraph_format.space_before = Pt(10)
        for name in ("East Asian Body", "East Asian Lead"):
            ooxml.set_first_line_chars(styles[name].element.get_or_add_pPr(), 200)
        caption = styles["Caption"]
        caption.font.size = Pt(9)
        caption.font.italic = False
        caption.font.bold = False
        caption.font.color.rgb = RGBColor(0x44, 0x44, 0x44)
        ooxml.set_fonts(
            ooxml.style_properties(caption),
            latin=o.docx_latin_font,
            east_asian=self.ea_font,
        )
        table_text = styles["Table Text"]
        table_text.font.size = Pt(9.5)
        table_text.paragraph_format.space_after = Pt(1)
        table_text.paragraph_format.space_before = Pt(1)
        table_text.paragraph_format.line_spacing = 1.0
        value = styles["Figure Value"]
        value.font.bold = True
        value.font.color.rgb = ACCENT
        value.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        credits = styles["Credits"]
        credits.font.size = Pt(9)
        credits.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        table_style = styles["Key Figures"]
        ooxml.set_table_borders(table_style.element, color=RULE)
        ooxml.set_table_cell_margins(table_style.element, left=80, right=80)
        parallel = styles["Parallel Text"]
        ooxml.set_table_cell_margins(parallel.element, left=0, right=170)
        for name in ("Header", "Footer"):
            styles[name].font.size = Pt(8.5)
            styles[name].font.color.rgb = RGBColor(0x55, 0x55, 0x55)

    def _add_missing_styles(self) -> None:
        p = WD_STYLE_TYPE.PARAGRAPH
        for name, base in (
            ("Title", "Normal"),
            ("Subtitle", "Normal"),
            ("Heading 1", "Normal"),
            ("Heading 2", "Normal"),
            ("Caption", "Normal"),
            ("Header", "Normal"),
            ("Footer", "Normal"),
            ("Kicker", "Normal"),
            ("Byline", "Normal"),
            ("Lead", "Normal"),
            ("East Asian Body", "Normal"),
            ("East Asian Lead", "Lead"),
            ("Credits", "Normal"),
            ("Table Text", "Normal"),
            ("Figure Value", "Table Text"),
        ):
            self.style(name, p, base)
        for name in ("Key Figures", "Parallel Text"):
            self.style(name, WD_STYLE_TYPE.TABLE, None)

    def setup_page(self) -> None:
        section = self.doc.sections[0]
        if self.options.reference_docx is None:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = Cm(21), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.3)
            section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
            section.header_distance = section.footer_distance = Cm(1.2)
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self.add_texts(header, self.document.header, " / ")
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for i, text in enumerate(self.document.footer):
            if i:
                footer.add_run("  ·  ")
            for literal, field in page_fields(text.text):
                if literal:
                    self.add_text(footer, Text(text.lang, literal))
                if field == "page":
                    ooxml.add_field(footer, "PAGE", "1")
                elif field == "pages":
                    ooxml.add_field(footer, "NUMPAGES", "1")

    def setup_properties(self) -> None:
        meta = self.document.metadata
        props = self.doc.core_properties
        props.title = meta.title
        props.subject = meta.subject
        props.author = " / ".join(meta.authors)
        props.keywords = ", ".join(meta.keywords)
        props.language = meta.language
        props.created = meta.created.replace(tzinfo=None)
        props.modified = meta.created.replace(tzinfo=None)
        props.last_printed = meta.created.replace(tzinfo=None)
        props.last_modified_by = "jbreport"
        props.revision = 1
        props.comments = ""
        props.category = ""
        ooxml.drop_template_leftovers(self.doc, "jbreport")

    # -- text --------------------------------------------------------------------------

    def lang(self, tag: str) -> Language:
        return self.languages[tag]

    def add_text(self, paragraph: Any, text: Text) -> Any:
        run = ooxml.add_run(paragraph, _unbreakable_figures(text))
        language = self.lang(text.lang)
        rpr = ooxml.run_properties(run)
        if language.east_asian:
            ooxml.set_fonts(rpr, latin=None, east_asian=None, hint=True)
            # w:val is the language of the Latin letters and digits inside Chinese text: as
            # Word writes it, the Western language (en-US) and not zh-CN, under which
            # LibreOffice breaks lines between digits ("其中包括1 | 9个")
            western = self.western.bcp47 if self.western else "en-US"
            ooxml.set_lang(rpr, val=western, east_asian=language.bcp47)
        else:
            ooxml.set_lang(rpr, val=language.bcp47)
        return run

    def add_texts(self, paragraph: Any, texts: Texts, separator: str) -> None:
        for i, text in enumerate(texts):
            if i:
                paragraph.add_run(separator)
            self.add_text(paragraph, text)

    def set_style(self, paragraph: Any, name: str) -> None:
        """Give a paragraph a style by its id, looked up once: python-docx's ``style =``
        scans every style of the document on each call."""
        style_id = self._style_ids.get(name)
        if style_id is None:
            style_id = self._style_ids[name] = self.doc.styles[name].style_id
        paragraph._p.style = style_id

    def paragraph(self, container: Any, style: str, texts: Texts | None = None) -> Any:
        paragraph = container.add_paragraph()
        self.set_style(paragraph, style)
        if texts is not None:
            for i, text in enumerate(texts):
                if i:
                    paragraph.add_run().add_break()
                self.add_text(paragraph, text)
        return paragraph

    # -- blocks ------------------------------------------------------------------------

    def block(self, block: Block) -> None:
        match block:
            case Cover():
                self.cover(block)
            case KeyFigures():
                self.key_figures(block)
            case Chart():
                self.chart(block)
            case Heading():
                self.paragraph(self.doc, f"Heading {min(block.level, 2)}", block.text)
            case Paragraph():
                self.paragraph(self.doc, self.body_style(block, block.text[0].lang), block.text)
            case Photo():
                self.photo(self.doc, block, block.caption, block.credit)
            case Credits():
                if block.title is not None:
                    self.paragraph(self.doc, "Heading 2", block.title)
                for line in block.lines:
                    self.paragraph(self.doc, "Credits", line)
            case Toc():
                self.toc(block.title)
            case _:
                assert_never(block)

    def cover(self, cover: Cover) -> None:
        for text in cover.kicker or ():
            self.paragraph(self.doc, "Kicker", (text,))
        for text in cover.title:
            self.paragraph(self.doc, "Title", (text,))
        if cover.date is not None:
            self.paragraph(
                self.doc, "Subtitle", (cover.date[0],) if self._same(cover.date) else cover.date
            )
        if cover.byline is not None:
            self.paragraph(self.doc, "Byline", cover.byline)

    def body_style(self, block: Paragraph, lang: str) -> str:
        """Chinese, Japanese and Korean paragraphs indent their first line by two characters:
        their own styles, so the Western ones are not indented."""
        name = "Lead" if block.role == "lead" else "Normal"
        if self.lang(lang).east_asian:
            return f"East Asian {'Lead' if name == 'Lead' else 'Body'}"
        return name

    @staticmethod
    def _same(texts: Texts) -> bool:
        return len({t.text for t in texts}) == 1

    def toc(self, title: Texts | None) -> None:
        if title is not None:
            self.paragraph(
                self.doc,
                "TOC Heading"
                if "TOC Heading" in [s.name for s in self.doc.styles]
                else "Heading 2",
                title,
            )
        self._toc_anchor = self.doc.add_paragraph()  # filled once every heading is written

    def finish_toc(self, anchor: Any) -> None:
        """The TOC field, its result listing the headings the field itself collects (Heading
        1 and 2 paragraphs, each cell of a bilingual row on its own) without page numbers,
        which only Word's pagination knows: a reader that does not update fields still shows
        the contents, and Word offers to update them, page numbers included, on opening."""
        levels = {self.doc.styles[f"Heading {n}"].style_id: n for n in (1, 2)}
        entries = ooxml.styled_paragraph_texts(self.doc.element.body, levels) or [(1, " ")]
        paragraphs = []
        last = anchor
        for level, _text in entries:
            paragraph = self.doc.add_paragraph()
            style = f"toc {level}"
            if style not in [s.name for s in self.doc.styles]:
                self.doc.styles.add_style(
                    style, WD_STYLE_TYPE.PARAGRAPH
                ).base_style = self.doc.styles["Normal"]
            self.set_style(paragraph, style)
            last._p.addnext(paragraph._p)  # in place of the anchor, in order
            last = paragraph
            paragraphs.append(paragraph)
        anchor._p.getparent().remove(anchor._p)
        ooxml.add_field_over(paragraphs, 'TOC \\o "1-2" \\h \\z \\u', [t for _l, t in entries])
        ooxml.set_update_fields(self.doc.settings.element)

    def key_figures(self, block: KeyFigures) -> None:
        self.paragraph(self.doc, "Heading 2", block.title)
        columns = 2 * len(self.document.languages)
        table = self.doc.add_table(rows=0, cols=columns)
        table.style = self.doc.styles["Key Figures"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for row_data in block.rows:
            row = table.add_row()
            for i, (label, value) in enumerate(zip(row_data.label, row_data.value, strict=True)):
                self.add_text(self.paragraph_in(row.cells[2 * i], "Table Text"), label)
                self.add_text(self.paragraph_in(row.cells[2 * i + 1], "Figure Value"), value)
        # label and value columns in proportion, in the grid too (LibreOffice and Word lay
        # a table out from its grid; the cells' own widths alone leave equal columns)
        table.autofit = False
        share = self.language_column()
        widths: list[Emu] = []
        for i in range(len(self.document.languages)):
            figures = _value_share(
                [r.label[i].text for r in block.rows], [r.value[i].text for r in block.rows]
            )
            widths += [Emu(int(share * (1 - figures))), Emu(int(share * figures))]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = width

    def paragraph_in(self, cell: Any, style: str) -> Any:
        paragraph = cell.paragraphs[0]
        self.set_style(paragraph, style)
        return paragraph

    def chart(self, block: Chart) -> None:
        from .chartimage import WIDTH_PT, bar_chart_png

        self.paragraph(self.doc, "Heading 2", block.title)
        png = bar_chart_png(block, self.document.languages)
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        shape = paragraph.add_run().add_picture(io.BytesIO(png), width=Pt(WIDTH_PT))
        # the chart's words for a screen reader, in every language of the edition
        title = " / ".join(t.text for t in block.title)
        lines = [
            "; ".join(
                f"{label.text}: {value.text}"
                for label, value in zip(bar.label, bar.display, strict=True)
            )
            for bar in block.bars
        ]
        ooxml.set_alt_text(shape, title, "\n".join([title, *lines]))

    def photo(self, container: Any, photo: Photo, caption: Texts, credit: Texts | None) -> None:
        if photo.image is not None:
            paragraph = container.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            widest = Cm(7.5) if self.document.bilingual else Cm(15)
            try:
                picture = DocxImage.from_file(str(photo.image))
                ratio = picture.px_height / max(picture.px_width, 1)
                width = Emu(min(int(widest), int(Cm(12) / ratio)))  # never taller than 12 cm
                shape = paragraph.add_run().add_picture(str(photo.image), width=width)
                described = " / ".join(t.text for t in caption)
                ooxml.set_alt_text(shape, described, described)
            except Exception as exc:  # python-docx: UnrecognizedImageError and friends
                raise RenderError(f"cannot place image: {exc}", Location.of(photo.image)) from None
        paragraph = self.paragraph(container, "Caption")
        for i, text in enumerate(caption):
            if i:
                paragraph.add_run().add_break()
            self.add_text(paragraph, text)
            if credit is not None:
                self.add_text(paragraph, Text(text.lang, "  "))
                self.add_text(paragraph, credit[i])

    # -- bilingual -----------------------------------------------------------------------

    def parallel_table(self) -> Any:
        table = self.doc.add_table(rows=0, cols=len(self.document.languages))
        table.style = self.doc.styles["Parallel Text"]
        table.autofit = False
        return table

    def language_column(self) -> int:
        """The width (EMU) each language gets between the page margins."""
        section = self.doc.sections[0]
        page = section.page_width or Cm(21)
        usable = page - (section.left_margin or 0) - (section.right_margin or 0)
        return int(usable) // len(self.document.languages)

    def parallel_row(self, table: Any, block: Heading | Paragraph | Photo) -> None:
        row = table.add_row()
        ooxml.keep_lines_apart(row)
        share = self.language_column()
        for i, _language in enumerate(self.document.languages):
            cell = row.cells[i]
            cell.width = Emu(share)
            first = cell.paragraphs[0]
            match block:
                case Heading():
                    self.set_style(first, f"Heading {min(block.level, 2)}")
                    self.add_text(first, block.text[i])
                case Paragraph():
                    self.set_style(first, self.body_style(block, block.text[i].lang))
                    self.add_text(first, block.text[i])
                case Photo():
                    cell._tc.remove(first._p)
                    credit = (block.credit[i],) if block.credit is not None else None
                    self.photo(cell, block, (block.caption[i],), credit)
                case _:
                    assert_never(block)


def _unbreakable_figures(text: Text) -> str:
    """The text with no-break spaces inside its figures: Word and LibreOffice never end a
    line in the middle of "CNY 1.9 trillion" (the PDF writer keeps these spans whole)."""
    if not text.keep or " " not in text.text:
        return text.text
    chars = list(text.text)
    for start, end in text.keep:
        for i in range(start, min(end, len(chars))):
            if chars[i] == " ":
                chars[i] = "\u00a0"
    return "".join(chars)


def _value_share(labels: list[str], values: list[str]) -> float:
    """The part of a language's width its figures get: as much as the longest needs, since
    a figure may not wrap and a label may (between a third and 60%)."""

    def width(text: str) -> int:  # in half-ems: ideographs count two
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    value = max((width(v) for v in values), default=1)
    label = max((width(t) for t in labels), default=1)
    return min(0.6, max(0.35, value / (value + 0.5 * label)))
