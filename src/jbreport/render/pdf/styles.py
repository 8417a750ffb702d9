"""The PDF's look: colours, the page's geometry and the text styles, by name.

A paragraph's role (:data:`model.Role`) and every other kind of text map to a style name
through typed tables, so a style that does not exist is a type error, not a KeyError.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from reportlab.lib.colors import Color, HexColor

from ...model import Role
from .. import theme
from ..typeset.setting import Align
from .tagging import StructureType


def _colour(colour: theme.Colour) -> Color:
    return HexColor(f"#{colour.hex}")


INK = _colour(theme.INK)
ACCENT = _colour(theme.ACCENT)
RED = _colour(theme.RED)
GREY = _colour(theme.GREY)
RULE = _colour(theme.RULE)
LIGHT_RULE = _colour(theme.LIGHT_RULE)
PAGE_W, PAGE_H = theme.PAGE_W, theme.PAGE_H
MARGIN_X = theme.MARGIN_X
MARGIN_TOP = theme.MARGIN_TOP
MARGIN_BOTTOM = theme.MARGIN_BOTTOM
GUTTER = theme.GUTTER


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
    hyphenate: bool = False  # Western text hyphenated with the edition's dictionary
    han_latin: float = 0.0  # ems between Han and a Latin letter or digit (house style)


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
    "placeholder",
    "credit",
    "cell",
    "value",
    "table_caption",
    "table_head",
    "table_cell",
    "table_total",
    "table_note",
    "list_item",
    "signoff",
]

# the style of each paragraph role
ROLE_STYLES: dict[Role, StyleName] = {"body": "body", "lead": "lead", "closing": "closing"}
_RUNNING: frozenset[StyleName] = frozenset(ROLE_STYLES.values())  # running text
_TABLE: frozenset[StyleName] = frozenset({"cell", "value"})
# set like running text in a bilingual column, but never indented (list items, sign-off)
_NARROW: frozenset[StyleName] = frozenset({"list_item", "signoff"})

# structure types (tagged PDF) of the text styles that are not paragraphs (P)
STRUCTURE: dict[StyleName, StructureType] = {
    "title": "H1",
    "heading": "H2",
    "subheading": "H2",
    "caption": "Caption",
    "table_caption": "Caption",
}


def _style(look: theme.TextStyle) -> Style:
    return Style(
        size=look.size,
        leading=look.leading,
        color=_colour(look.color),
        align=look.align,
        indent=look.indent,
        space_before=look.space_before,
        space_after=look.space_after,
        bold=look.bold,
        balance=look.balance,
        hyphenate=look.hyphenate,
    )


STYLES: dict[StyleName, Style] = {
    name: _style(theme.BODY_STYLES[name]) for name in get_args(StyleName)
}


def style(name: StyleName, east_asian: bool, bilingual: bool) -> Style:
    """The style ``name`` for text in an East Asian language or not, in a bilingual edition
    (two narrow columns) or not."""
    chosen = STYLES[name]
    if name in _RUNNING and east_asian:
        chosen = replace(chosen, indent=2.0)  # Chinese paragraphs indent two characters
    if bilingual and name in _TABLE:
        chosen = replace(chosen, size=chosen.size - 1)
    # (a caption keeps its size: under a photo across both columns it is set as in one)
    if bilingual and (name in _RUNNING or name in _NARROW):
        chosen = replace(chosen, size=chosen.size - 1, leading=chosen.leading - 2)
        if not east_asian and chosen.align == "justify":
            # a narrow column of Western text reads better ragged than with rivers
            chosen = replace(chosen, align="left")
    elif name in _RUNNING and not east_asian:
        chosen = replace(chosen, size=chosen.size + theme.LATIN_BODY_SIZE - STYLES["body"].size)
    if east_asian and theme.HAN_LATIN_SPACE:
        chosen = replace(chosen, han_latin=theme.HAN_LATIN_SPACE)
    if name in _RUNNING:
        ratio = theme.LEADING_HAN if east_asian else theme.LEADING_LATIN
        chosen = replace(chosen, leading=round(chosen.size * ratio * 2) / 2)
    return chosen
