"""The Word file around the content: its template, page, running header and footer (page
numbers as fields), and core properties."""

from __future__ import annotations

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from ...errors import Location, RenderError
from ...limits import METADATA_CHARS as CORE_PROPERTY_CHARS
from ...model import Document, Metadata, Text
from .. import RenderOptions, page_fields, theme
from . import oxml, oxml_package
from .runs import Runs

COMPATIBILITY_MODE = 15  # Word 2013 and later: no "compatibility mode" in the title bar


def open_document(options: RenderOptions) -> WordDocument:
    """python-docx's default template, or the user's reference DOCX emptied of its content."""
    if options.reference_docx is None:
        return docx.Document()
    try:
        doc = docx.Document(str(options.reference_docx))
    except Exception as exc:  # python-docx raises many kinds on a bad file
        raise RenderError(
            f"cannot use as reference DOCX: {exc}", Location.of(options.reference_docx)
        ) from None
    oxml.clear_body(doc)
    return doc


def set_up_page(doc: WordDocument, document: Document, runs: Runs, *, own_look: bool) -> None:
    """A4, the theme's margins and Word's current layout rules (unless a reference DOCX has
    its own), the running header right-aligned, and the footer's patterns with PAGE and
    NUMPAGES fields, centred."""
    section = doc.sections[0]
    if own_look:
        page = theme.DOCX_PAGE
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(page.width), Cm(page.height)
        section.left_margin = section.right_margin = Cm(page.margin_x)
        section.top_margin, section.bottom_margin = Cm(page.margin_top), Cm(page.margin_bottom)
        section.header_distance = section.footer_distance = Cm(page.header_distance)
        oxml.set_compatibility_mode(doc.settings, COMPATIBILITY_MODE)
    header = section.header.paragraphs[0]
    header.style = doc.styles["Header"]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    runs.add_all(header, document.header, " / ")
    footer = section.footer.paragraphs[0]
    footer.style = doc.styles["Footer"]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, text in enumerate(document.footer):
        if i:
            footer.add_run("  ·  ")
        for literal, field in page_fields(text.text):
            if literal:
                runs.add(footer, Text(text.lang, literal))
            if field == "page":
                oxml_package.add_field(footer, "PAGE", "1")
            elif field == "pages":
                oxml_package.add_field(footer, "NUMPAGES", "1")


def _clipped(text: str) -> str:
    """A document property as DOCX holds it: 255 characters at most (each language's
    title is within that; a bilingual edition's two, joined, may not be)."""
    return text if len(text) <= CORE_PROPERTY_CHARS else text[: CORE_PROPERTY_CHARS - 1] + "…"


def set_properties(doc: WordDocument, meta: Metadata) -> None:
    """Core properties from the metadata, dated when the report was, and nothing of the
    template's own (its thumbnail, its application)."""
    props = doc.core_properties
    props.title = _clipped(meta.title)
    props.subject = _clipped(meta.subject)
    props.author = _clipped(" / ".join(meta.authors))
    props.keywords = _clipped(", ".join(meta.keywords))
    props.language = meta.language
    props.created = meta.created.replace(tzinfo=None)
    props.modified = meta.created.replace(tzinfo=None)
    props.last_printed = meta.created.replace(tzinfo=None)
    props.last_modified_by = "jbreport"
    props.revision = 1
    props.comments = ""
    props.category = ""
    oxml_package.drop_template_leftovers(doc, "jbreport")
