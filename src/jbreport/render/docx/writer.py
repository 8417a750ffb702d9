"""The Word writer: walks a document model, one clause per block kind, into a DOCX.

Every paragraph carries a named style (see :mod:`.styles`); a bilingual edition sets its
headings, paragraphs and photos as rows of a two-column table, a language per column.  XML
python-docx lacks is written by :mod:`.oxml`.
"""

from __future__ import annotations

import io
from typing import Any, assert_never

from docx.document import Document as WordDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image as DocxImage
from docx.shared import Cm, Emu, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from ...errors import Location, RenderError
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
    Table,
    Text,
    Texts,
    Toc,
)
from .. import RenderOptions, theme
from . import chart, content, measure, oxml, oxml_package, page, styles
from .runs import Runs

Container = WordDocument | _Cell  # what paragraphs are added to
# the blocks a bilingual edition sets as rows of a table, a language per column
Parallel = Heading | Paragraph | Photo | ListBlock | Signoff


def render(document: Document, options: RenderOptions) -> bytes:
    writer = _Writer(document, options)
    writer.write()
    buffer = io.BytesIO()
    writer.doc.save(buffer)
    return oxml_package.deterministic_zip(buffer.getvalue(), document.metadata.created)


class _Writer:
    def __init__(self, document: Document, options: RenderOptions) -> None:
        self.document = document
        self.own_look = options.reference_docx is None  # else the user's template decides
        self.doc = page.open_document(options)
        self.runs = Runs(document)
        east_asian = self.runs.east_asian
        self.fonts = styles.Fonts.of(options, east_asian.script if east_asian else None)
        self.styles = styles.StyleIds(self.doc)
        self._toc_anchor: WordParagraph | None = None
        self._content_styles = False

    def write(self) -> None:
        self.runs.set_defaults(self.doc)
        styles.set_up(self.doc, self.fonts, own_look=self.own_look)
        page.set_up_page(self.doc, self.document, self.runs, own_look=self.own_look)
        page.set_properties(self.doc, self.document.metadata)
        table = None
        for block in self.document.blocks:
            if self.document.bilingual and isinstance(block, Parallel):
                if table is None:
                    table = self.parallel_table()
                self.parallel_row(table, block)
                continue
            table = None
            self.block(block)
        if self._toc_anchor is not None:
            self.finish_toc(self._toc_anchor)

    # -- text --------------------------------------------------------------------------

    def paragraph(self, container: Container, style: str, texts: Texts = ()) -> WordParagraph:
        """A paragraph in a named style, its texts (one per language) on lines of their own."""
        paragraph = container.add_paragraph()
        self.styles.set(paragraph, style)
        for i, text in enumerate(texts):
            if i:
                paragraph.add_run().add_break()
            self.runs.add(paragraph, text)
        return paragraph

    def content_styles(self) -> None:
        """The styles of tables, lists and sign-offs, added with the first of them."""
        if not self._content_styles:
            styles.add_content_styles(self.doc, own_look=self.own_look)
            self._content_styles = True

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
                self.paragraph(self.doc, _heading_style(block), block.text)
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
            case Table():
                content.table(self, block)
            case ListBlock():
                content.list_items(self, self.doc, block, 0)
            case Signoff():
                content.signoff(self, self.doc, block, 0)
            case _:
                assert_never(block)

    def cover(self, cover: Cover) -> None:
        for text in cover.kicker or ():
            self.paragraph(self.doc, "Kicker", (text,))
        for text in cover.title:
            self.paragraph(self.doc, "Title", (text,))
        if cover.date is not None:
            same = len({t.text for t in cover.date}) == 1
            self.paragraph(self.doc, "Subtitle", cover.date[:1] if same else cover.date)
        if cover.byline is not None:
            self.paragraph(self.doc, "Byline", cover.byline)

    def body_style(self, block: Paragraph, lang: str) -> str:
        """Chinese, Japanese and Korean paragraphs indent their first line by two characters:
        their own styles, so the Western ones are not indented."""
        lead = block.role == "lead"
        if self.runs.lang(lang).east_asian:
            return "East Asian Lead" if lead else "East Asian Body"
        return "Lead" if lead else "Normal"

    def toc(self, title: Texts) -> None:
        heading = "TOC Heading" if self.styles.has("TOC Heading") else "Heading 2"
        self.paragraph(self.doc, heading, title)
        self._toc_anchor = self.doc.add_paragraph()  # filled once every heading is written

    def finish_toc(self, anchor: WordParagraph) -> None:
        """The TOC field, its result listing the headings the field itself collects (Heading
        1 and 2 paragraphs, each cell of a bilingual row on its own) without page numbers,
        which only Word's pagination knows: a reader that does not update fields still shows
        the contents, and Word offers to update them, page numbers included, on opening."""
        levels = {self.doc.styles[f"Heading {n}"].style_id: n for n in (1, 2)}
        entries = oxml.styled_paragraph_texts(self.doc, levels) or [(1, " ")]
        paragraphs = []
        last = anchor
        for level, _text in entries:
            paragraph = self.doc.add_paragraph()
            self.styles.ensure(f"toc {level}")
            self.styles.set(paragraph, f"toc {level}")
            oxml.move_after(paragraph, last)  # in place of the anchor, in order
            last = paragraph
            paragraphs.append(paragraph)
        oxml.remove_paragraph(anchor)
        oxml_package.add_field_over(
            paragraphs, 'TOC \\o "1-2" \\h \\z \\u', [t for _l, t in entries]
        )
        oxml_package.set_update_fields(self.doc.settings)

    def key_figures(self, block: KeyFigures) -> None:
        self.paragraph(self.doc, "Heading 2", block.title)
        table = self.doc.add_table(rows=0, cols=2 * len(self.document.languages))
        table.style = self.doc.styles["Key Figures"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        # label and figure pairs under the heading above: no header row, the labels the
        # rows' headings
        oxml.set_table_look(table, first_row=False, first_column=True)
        for row_data in block.rows:
            row = table.add_row()
            for i, (label, value) in enumerate(zip(row_data.label, row_data.value, strict=True)):
                self.runs.add(self.paragraph_in(row.cells[2 * i], "Table Text"), label)
                self.runs.add(self.paragraph_in(row.cells[2 * i + 1], "Figure Value"), value)
        # label and value columns in proportion, in the grid too (LibreOffice and Word lay
        # a table out from its grid; the cells' own widths alone leave equal columns)
        table.autofit = False
        widths = self.key_figure_widths(block)
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        for table_row in table.rows:
            for cell, width in zip(table_row.cells, widths, strict=True):
                cell.width = width

    def key_figure_widths(self, block: KeyFigures) -> list[Emu]:
        """Label and figure columns of each language: a figure column as wide as its longest
        figure needs (it may not wrap), taken from the label columns (they may)."""
        share = self.language_column()
        columns = [
            ([r.label[i].text for r in block.rows], [r.value[i].text for r in block.rows])
            for i in range(len(self.document.languages))
        ]
        shares = measure.column_shares(
            columns,
            width=share / Pt(1),
            size=theme.DOCX_FIGURE_SIZE,
            padding=theme.DOCX_CELL_PADDING,
        )
        return [Emu(int(share * part)) for pair in shares for part in pair]

    def paragraph_in(self, cell: _Cell, style: str) -> WordParagraph:
        paragraph: WordParagraph = cell.paragraphs[0]
        self.styles.set(paragraph, style)
        return paragraph

    def chart(self, block: Chart) -> None:
        self.paragraph(self.doc, "Heading 2", block.title)
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        chart.add_chart(
            self.doc,
            paragraph,
            block,
            meta=self.document.metadata,
            fonts=self.fonts,
            languages=len(self.document.languages),
        )

    def photo(
        self, container: Container, photo: Photo, caption: Texts, credit: Texts | None
    ) -> None:
        if photo.image is not None:
            self.picture(container, photo, " / ".join(t.text for t in caption))
        paragraph = self.paragraph(container, "Caption")
        for i, text in enumerate(caption):
            if i:
                paragraph.add_run().add_break()
            self.runs.add(paragraph, text)
            if credit is not None:
                self.runs.add(paragraph, Text(text.lang, "  "))
                self.runs.add(paragraph, credit[i])

    def picture(self, container: Container, photo: Photo, described: str) -> None:
        """The photo, centred, as wide as its column allows and never too tall."""
        assert photo.image is not None
        paragraph = container.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        widest = theme.DOCX_PHOTO_WIDTH_CM / (2 if self.document.bilingual else 1)
        try:
            picture = DocxImage.from_file(str(photo.image))
            ratio = picture.px_height / max(picture.px_width, 1)
            width = Emu(min(int(Cm(widest)), int(Cm(theme.DOCX_PHOTO_HEIGHT_CM) / ratio)))
            shape = paragraph.add_run().add_picture(str(photo.image), width=width)
            oxml.set_alt_text(shape, described, described)
        except Exception as exc:  # python-docx: UnrecognizedImageError and friends
            raise RenderError(f"cannot place image: {exc}", Location.of(photo.image)) from None

    # -- bilingual -----------------------------------------------------------------------

    def parallel_table(self) -> Any:  # a Table, whose add_row python-docx leaves unannotated
        table = self.doc.add_table(rows=0, cols=len(self.document.languages))
        table.style = self.doc.styles["Parallel Text"]
        oxml.set_table_look(table, first_row=False, first_column=False)  # a layout grid
        table.autofit = False
        return table

    def language_column(self) -> int:
        """The width (EMU) each language gets between the page margins."""
        section = self.doc.sections[0]
        page = section.page_width or Cm(theme.DOCX_PAGE.width)
        usable = page - (section.left_margin or 0) - (section.right_margin or 0)
        return int(usable) // len(self.document.languages)

    def parallel_row(self, table: Any, block: Parallel) -> None:
        row = table.add_row()
        oxml.keep_lines_apart(row)
        share = self.language_column()
        for i, _language in enumerate(self.document.languages):
            cell = row.cells[i]
            cell.width = Emu(share)
            first = cell.paragraphs[0]
            match block:
                case Heading():
                    self.styles.set(first, _heading_style(block))
                    self.runs.add(first, block.text[i])
                case Paragraph():
                    self.styles.set(first, self.body_style(block, block.text[i].lang))
                    self.runs.add(first, block.text[i])
                case Photo():
                    oxml.remove_paragraph(first)
                    credit = (block.credit[i],) if block.credit is not None else None
                    self.photo(cell, block, (block.caption[i],), credit)
                case ListBlock():
                    oxml.remove_paragraph(first)
                    content.list_items(self, cell, block, i)
                case Signoff():
                    oxml.remove_paragraph(first)
                    content.signoff(self, cell, block, i)
                case _:
                    assert_never(block)


def _heading_style(block: Heading) -> str:
    return f"Heading {min(block.level, 2)}"
