"""The Word file's named styles: every paragraph and table carries one, never direct formatting.

Title, Subtitle, Heading 1/2, Normal, Caption, Kicker, Byline, Lead, Credits, the East Asian
body styles (first line indented two characters), the key figures' Table Text and Figure
Value, and the "Key Figures" and "Parallel Text" table styles, so an editor restyles the whole
brief by changing a style.  Sizes and colours come from :mod:`jbreport.render.theme`, fonts
from the user's options; a reference DOCX keeps its own look and only gains what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.text.paragraph import Paragraph

from .. import EAST_ASIAN_FONTS, RenderOptions, theme
from . import oxml

# paragraph styles, each based on another, in the order they are added to a document
PARAGRAPH_STYLES = (
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
)
TABLE_STYLES = ("Key Figures", "Parallel Text")
# added only to a document with a table, a list or a sign-off (the others' bytes stay)
CONTENT_STYLES = (
    ("Table Heading", "Table Text"),
    ("Table Total", "Table Text"),
    ("Table Note", "Normal"),
    ("List Bullet", "Normal"),
    ("List Bullet 2", "Normal"),
    ("List Number", "Normal"),
    ("Signoff", "Normal"),
)
DATA_TABLE = "Data Table"
HEADING_STYLES = ("Title", "Subtitle", "Heading 1", "Heading 2")  # in the heading fonts
ALIGNMENTS = {
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


@dataclass(frozen=True, slots=True)
class Fonts:
    """The font names the editor's Word or LibreOffice resolves."""

    latin: str
    heading: str
    east_asian: str
    east_asian_heading: str

    @classmethod
    def of(cls, options: RenderOptions, script: str | None) -> Fonts:
        """The user's fonts, or the usual ones of the East Asian script (Hans by default)."""
        body, heading = EAST_ASIAN_FONTS.get(script or "Hans", EAST_ASIAN_FONTS["Hans"])
        return cls(
            options.docx_latin_font,
            options.docx_heading_font,
            options.docx_east_asian_font or body,
            options.docx_east_asian_heading_font or heading,
        )


def set_up(doc: Document, fonts: Fonts, *, own_look: bool) -> None:
    """Add the styles the writer uses; with ``own_look`` give them jbreport's look."""
    if own_look:
        oxml.set_default_fonts(doc.styles, latin=fonts.latin, east_asian=fonts.east_asian)
    _add_missing(doc)
    if not own_look:
        return  # the user's template decides the look
    for name, look in theme.DOCX_STYLES.items():
        _apply(doc.styles[name], look)
    for name in ("Normal", "Caption"):
        oxml.set_style_fonts(doc.styles[name], latin=fonts.latin, east_asian=fonts.east_asian)
    for name in HEADING_STYLES:
        oxml.set_style_fonts(
            doc.styles[name], latin=fonts.heading, east_asian=fonts.east_asian_heading
        )
        if name in ("Title", "Subtitle"):
            oxml.clear_character_spacing(doc.styles[name])
    oxml.set_bottom_rule(
        doc.styles["Title"],
        color=theme.DOCX_TITLE_RULE.hex,
        size=round(theme.DOCX_TITLE_RULE_WIDTH * 8),
    )
    for name in ("East Asian Body", "East Asian Lead"):
        oxml.set_first_line_chars(
            doc.styles[name],
            theme.DOCX_FIRST_LINE_CHARS * 100,
            round(theme.DOCX_FIRST_LINE_CHAR * 20),
        )
    rules = doc.styles["Key Figures"]
    oxml.set_table_borders(rules, color=theme.RULE.hex, size=round(theme.DOCX_RULE_WIDTH * 8))
    padding = round(theme.DOCX_CELL_PADDING * 20)
    oxml.set_table_cell_margins(rules, left=padding, right=padding)
    gap = round(theme.DOCX_COLUMN_GAP * 20)
    oxml.set_table_cell_margins(doc.styles["Parallel Text"], left=0, right=gap)


def add_content_styles(doc: Document, *, own_look: bool) -> None:
    """The styles of tables, lists and sign-offs, and the "Data Table" table style."""
    styles = doc.styles
    for name, base in CONTENT_STYLES:
        if name not in styles:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base]
            style.quick_style = True
    if DATA_TABLE not in styles:
        styles.add_style(DATA_TABLE, WD_STYLE_TYPE.TABLE).quick_style = True
    if not own_look:
        return
    for name, look in theme.DOCX_CONTENT_STYLES.items():
        _apply(styles[name], look)
    table = styles[DATA_TABLE]
    oxml.set_table_borders(table, color=theme.RULE.hex, size=round(theme.DOCX_RULE_WIDTH * 8))
    padding = round(theme.DOCX_CELL_PADDING * 20)
    oxml.set_table_cell_margins(table, left=padding, right=padding)


def _add_missing(doc: Document) -> None:
    styles = doc.styles
    for name, base in PARAGRAPH_STYLES:
        if name not in styles:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles[base]
            style.quick_style = True
    for name in TABLE_STYLES:
        if name not in styles:
            styles.add_style(name, WD_STYLE_TYPE.TABLE).quick_style = True


def _apply(style: BaseStyle, look: theme.WordStyle) -> None:
    """A theme's values on a paragraph style, in python-docx's terms; spacing attributes in
    the order after, before, line (the order they are written in the XML)."""
    assert isinstance(style, ParagraphStyle)
    font, paragraph = style.font, style.paragraph_format
    if look.size is not None:
        font.size = Pt(look.size)
    if look.color is not None:
        font.color.rgb = RGBColor(*look.color)
    if look.bold is not None:
        font.bold = look.bold
    if look.italic is not None:
        font.italic = look.italic
    if look.space_after is not None:
        paragraph.space_after = Pt(look.space_after)
    if look.space_before is not None:
        paragraph.space_before = Pt(look.space_before)
    if look.line_spacing is not None:
        paragraph.line_spacing = look.line_spacing
    if look.keep_with_next is not None:
        paragraph.keep_with_next = look.keep_with_next
    if look.align is not None:
        paragraph.alignment = ALIGNMENTS[look.align]


class StyleIds:
    """Paragraph styles given by id, each looked up once (see :func:`oxml.set_paragraph_style`)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._ids: dict[str, str] = {}

    def set(self, paragraph: Paragraph, name: str) -> None:
        style_id = self._ids.get(name)
        if style_id is None:
            style_id = self._ids[name] = self.doc.styles[name].style_id
        oxml.set_paragraph_style(paragraph, style_id)

    def ensure(self, name: str, base: str = "Normal") -> None:
        """Add a paragraph style the template may lack (``toc 1``)."""
        if name not in self.doc.styles:
            style = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.doc.styles[base]

    def has(self, name: str) -> bool:
        return name in self.doc.styles
