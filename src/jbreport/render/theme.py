"""The look of a brief, for every writer: colours, type sizes, spacing and page geometry.

Plain values, no library's types: a colour is an RGB triple (``Colour``), lengths are in
points unless their name says otherwise.  The colours are shared; the PDF and the Word file
still differ in page margins and type sizes (each keeps the look it has), so those come in
two sets, ``PDF_…``/``BODY_STYLES`` and ``DOCX_…``, side by side where a designer can bring
them together.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple


class Colour(NamedTuple):
    red: int
    green: int
    blue: int

    @property
    def hex(self) -> str:
        """``"1F3A5F"``, as WordprocessingML and PDF colour strings (after a #) write it."""
        return f"{self.red:02X}{self.green:02X}{self.blue:02X}"


# -- colours ------------------------------------------------------------------------------

INK = Colour(0x22, 0x22, 0x22)  # body text, the charts' labels
ACCENT = Colour(0x1F, 0x3A, 0x5F)  # navy: title, headings, figures, the chart's bars
RED = Colour(0xA0, 0x1E, 0x22)  # the kicker above the title
GREY = Colour(0x55, 0x55, 0x55)  # date, byline, credits, running header and footer
RULE = Colour(0x1F, 0x3A, 0x5F)  # the key-figures table's rules
LIGHT_RULE = Colour(0xC5, 0xCE, 0xD9)  # rules between rows, under the running header
CAPTION_INK = Colour(0x44, 0x44, 0x44)  # photo captions (DOCX)


# -- pages --------------------------------------------------------------------------------

CM = 72.0 / 2.54  # points, as reportlab's ``cm``
MM = CM * 0.1


@dataclass(frozen=True, slots=True)
class Page:
    """An A4 page and its margins, in centimetres."""

    margin_x: float  # left and right
    margin_top: float
    margin_bottom: float
    header_distance: float = 1.2  # from the page edge to the running header (and footer)
    width: float = 21.0
    height: float = 29.7


PDF_PAGE = Page(margin_x=2.2, margin_top=2.4, margin_bottom=2.2)
# a single-language Western edition: a measure of about 70 characters (60-80 read best)
PDF_PAGE_LATIN = Page(margin_x=4.2, margin_top=2.4, margin_bottom=2.2)
DOCX_PAGE = Page(margin_x=2.3, margin_top=2.5, margin_bottom=2.2)

# the PDF's page in points, computed as reportlab computes A4 and its own lengths
PAGE_W, PAGE_H = 210 * MM, 297 * MM
MARGIN_X = PDF_PAGE.margin_x * CM
MARGIN_X_LATIN = PDF_PAGE_LATIN.margin_x * CM
MARGIN_TOP = PDF_PAGE.margin_top * CM
MARGIN_BOTTOM = PDF_PAGE.margin_bottom * CM
GUTTER = 0.6 * CM  # between the columns of a bilingual PDF


# -- the PDF's text styles ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TextStyle:
    """A PDF paragraph style: the fields of the PDF writer's own ``Style``."""

    size: float = 10.5
    leading: float = 17.0
    color: Colour = INK
    align: Literal["justify", "left", "center", "right"] = "justify"
    indent: float = 0.0  # first-line indent, in ems
    space_before: float = 0.0
    space_after: float = 6.0
    bold: bool = False
    balance: bool = False  # lines of even length (headings): no word left alone at the end
    hyphenate: bool = False  # Western text hyphenated with the edition's dictionary


# running text's leading, as a multiple of its size: Han wants more air than Latin
LEADING_HAN = 1.7
LEADING_LATIN = 1.3
LATIN_BODY_SIZE = 11.5  # a single-language Western edition's running text
# house style: the space between Han and Latin letters or digits, in ems (clreq 3.2.2
# suggests a quarter em; 0, off, as in the source article: set 0.25 to turn it on)
HAN_LATIN_SPACE = 0.0


def _heading(size: float, leading: float, before: float, after: float) -> TextStyle:
    return TextStyle(
        size=size,
        leading=leading,
        color=ACCENT,
        align="left",
        space_before=before,
        space_after=after,
        bold=True,
        balance=True,
    )


BODY_STYLES: dict[str, TextStyle] = {
    "body": TextStyle(size=10.5, leading=18.0, hyphenate=True),
    "lead": TextStyle(size=11, leading=19.0, hyphenate=True),
    "closing": TextStyle(size=10.5, leading=18.0, hyphenate=True),
    "kicker": TextStyle(
        size=11, leading=16, color=RED, align="left", space_after=4, bold=True, balance=True
    ),
    "title": TextStyle(
        size=21, leading=28, color=ACCENT, align="left", space_after=4, bold=True, balance=True
    ),
    "meta": TextStyle(size=9.5, leading=14, color=GREY, align="left", space_after=0),
    "heading": _heading(13.5, 20, 12, 6),
    "subheading": _heading(11.5, 17, 6, 4),
    "caption": TextStyle(
        size=8.5, leading=13, color=GREY, align="left", space_before=2, space_after=10
    ),
    # a missing picture's caption, inside the frame left for it
    "placeholder": TextStyle(size=9, leading=13, color=GREY, align="center", space_after=4),
    "credit": TextStyle(size=8.5, leading=13, color=GREY, align="left", space_after=2),
    # a key figure's label: lines of even length, never one character left alone
    "cell": TextStyle(size=9, leading=13, align="left", space_after=0, balance=True),
    "value": TextStyle(size=9.5, leading=13, align="right", space_after=0, bold=True, color=ACCENT),
    "table_caption": TextStyle(
        size=9.5, leading=14, align="left", space_before=6, space_after=4, bold=True, balance=True
    ),
    "table_head": TextStyle(size=9, leading=13, align="left", space_after=0, bold=True),
    "table_cell": TextStyle(size=9, leading=13, align="left", space_after=0),
    "table_total": TextStyle(size=9, leading=13, align="left", space_after=0, bold=True),
    "table_note": TextStyle(
        size=8.5, leading=13, color=GREY, align="left", space_before=3, space_after=10
    ),
    "list_item": TextStyle(size=10.5, leading=18.0, space_after=3),
    "signoff": TextStyle(size=10.5, leading=18.0, align="right", space_after=0),
}
PDF_LIST_INDENT = 2.0  # a list item's text, from the margin, in ems (nested: twice)
PDF_TABLE_PADDING = 4.0  # left and right inside a table cell
PDF_HEADER_SIZE = 8.0  # the running header
PDF_FOOTER_SIZE = 8.5  # the page numbers


# -- the Word file's styles ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class WordStyle:
    """What the Word writer sets on a named style; None leaves the template's value."""

    size: float | None = None
    color: Colour | None = None
    bold: bool | None = None
    italic: bool | None = None
    space_before: float | None = None
    space_after: float | None = None
    line_spacing: float | None = None  # a multiple of single spacing
    keep_with_next: bool | None = None
    align: Literal["justify", "left", "center", "right"] | None = None


DOCX_FIGURE_SIZE = 9.5  # the key figures' labels and values (Figure Value keeps Table Text's)

# the Word file's running text is justified, as the PDF's: Normal (the Western body) and the
# styles based on it; headings, captions, cells and the like are set flush left, as there
_LEFT: Literal["left"] = "left"
DOCX_STYLES: dict[str, WordStyle] = {
    "Normal": WordStyle(size=11, color=INK, space_after=6, line_spacing=1.25, align="justify"),
    "Title": WordStyle(size=24, color=ACCENT, bold=True, align=_LEFT),
    "Subtitle": WordStyle(size=12, color=GREY, italic=False, align=_LEFT),
    "Heading 1": WordStyle(
        size=15,
        color=ACCENT,
        space_before=16,
        space_after=BODY_STYLES["heading"].space_after,
        keep_with_next=True,
        align=_LEFT,
    ),
    "Heading 2": WordStyle(
        size=12.5,
        color=ACCENT,
        space_before=12,
        space_after=BODY_STYLES["subheading"].space_after,
        keep_with_next=True,
        align=_LEFT,
    ),
    "Kicker": WordStyle(size=11, bold=True, color=RED, space_after=4, align=_LEFT),
    "Byline": WordStyle(size=10, color=GREY, align=_LEFT),
    "Lead": WordStyle(size=11.5, space_before=10),
    "Caption": WordStyle(size=9, italic=False, bold=False, color=CAPTION_INK, align=_LEFT),
    "Table Text": WordStyle(
        size=DOCX_FIGURE_SIZE, space_after=1, space_before=1, line_spacing=1.0, align=_LEFT
    ),
    "Figure Value": WordStyle(bold=True, color=ACCENT, align="right"),
    "Credits": WordStyle(size=9, color=GREY, align=_LEFT),
    "Header": WordStyle(size=8.5, color=GREY, align=_LEFT),
    "Footer": WordStyle(size=8.5, color=GREY, align=_LEFT),
}
DOCX_TITLE_RULE = ACCENT  # the rule under the title (the template's is light blue)
DOCX_TITLE_RULE_WIDTH = 1.0
# the styles of tables, lists and sign-offs, added to a document that has one
DOCX_CONTENT_STYLES: dict[str, WordStyle] = {
    "Table Heading": WordStyle(bold=True),
    "Table Total": WordStyle(bold=True),
    "Table Note": WordStyle(size=8.5, color=GREY, space_before=3, space_after=10, align=_LEFT),
    "List Bullet": WordStyle(space_after=3),
    "List Bullet 2": WordStyle(space_after=3),
    "List Number": WordStyle(space_after=3),
    "Signoff": WordStyle(space_after=0, align="right"),
}
DOCX_LIST_INDENT = 0.75  # cm: where a list item's text starts (nested: twice as far)
DOCX_FIRST_LINE_CHARS = 2  # East Asian body paragraphs indent their first line by two characters
DOCX_FIRST_LINE_CHAR = 11.0  # the width of one of those characters for readers without char units
DOCX_RULE_WIDTH = 0.5  # the key-figures table's rules
DOCX_CELL_PADDING = 4.0  # left and right inside a key-figures cell
DOCX_COLUMN_GAP = 8.5  # right of each column of a bilingual row
DOCX_PHOTO_WIDTH_CM = 15.0  # at most; half of it in a bilingual column
DOCX_PHOTO_HEIGHT_CM = 12.0  # at most
DOCX_CHART_WIDTH = 430.0
DOCX_CHART_SIZE = 9.0  # the chart's labels and figures
DOCX_CHART_LINE = 12.0  # one language's line of a bar's label: a bar's height with its gap
