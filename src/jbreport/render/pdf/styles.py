"""The PDF's look: colours, the page's geometry and the text styles, by name.

A paragraph's role (:data:`model.Role`) and every other kind of text map to a style name
through typed tables, so a style that does not exist is a type error, not a KeyError.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from ...model import Role
from ..typeset.setting import Align
from .tagging import StructureType

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


@dataclass(frozen=True, slots=True)
class Style:
    size: float = 10.5
    leading: float = 17.0
    color: Color = INK
    align: Align = "justify"
    indent: float = 0.0  # first-line indent, in ems
    space_before: float = 0.0
    space_after: float = 6.0
    bold: bool = False
    balance: bool = False  # lines of even length (headings): no word left alone at the end


StyleName = Literal[
    "body",
    "lead",
    "closing",
    "kicker",
    "title",
    "meta",
    "heading",
    "subheading",
    "caption",
    "credit",
    "cell",
    "value",
]

# the style of each paragraph role
ROLE_STYLES: dict[Role, StyleName] = {"body": "body", "lead": "lead", "closing": "closing"}
_RUNNING: frozenset[StyleName] = frozenset(ROLE_STYLES.values())  # running text
_TABLE: frozenset[StyleName] = frozenset({"cell", "value"})

# structure types (tagged PDF) of the text styles that are not paragraphs (P)
STRUCTURE: dict[StyleName, StructureType] = {
    "title": "H1",
    "heading": "H2",
    "subheading": "H2",
    "caption": "Caption",
}


STYLES: dict[StyleName, Style] = {
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


def style(name: StyleName, east_asian: bool, bilingual: bool) -> Style:
    """The style ``name`` for text in an East Asian language or not, in a bilingual edition
    (two narrow columns) or not."""
    chosen = STYLES[name]
    if name in _RUNNING and east_asian:
        chosen = replace(chosen, indent=2.0)  # Chinese paragraphs indent two characters
    if bilingual and name in _TABLE:
        chosen = replace(chosen, size=chosen.size - 1)
    if bilingual and (name in _RUNNING or name == "caption"):
        chosen = replace(chosen, size=chosen.size - 1, leading=chosen.leading - 2)
        if not east_asian and chosen.align == "justify":
            # a narrow column of Western text reads better ragged than with rivers
            chosen = replace(chosen, align="left")
    return chosen
