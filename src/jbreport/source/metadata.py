"""Readers of a report's own facts: its language, its date, its house number styles."""

from __future__ import annotations

from ..i18n import figures as nb
from ..i18n.locale import get_locale
from .reader import Reader
from .yaml import Node

STYLE_KEYS = {"min_grouping_digits", "range_dash"}


def read_language(r: Reader, root: Node) -> str:
    """The language the report is written in (``und`` when missing or not text)."""
    node = root.get("language")
    language = r.text(node, "language") or "und"
    try:
        get_locale(language)
    except nb.FigureValueError as exc:
        r.error(str(exc), node.loc if node else root.loc)
    return language


def read_date(r: Reader, node: Node | None) -> nb.PartialDate | None:
    if node is None or not (raw := r.text(node, "date")):
        return None
    try:
        return nb.PartialDate.parse(raw)
    except nb.FigureValueError as exc:
        r.error(str(exc), node.loc)
        return None


def read_styles(r: Reader, node: Node | None) -> dict[str, nb.NumberStyle]:
    """``style:``: a number style for each language tag (``en: {min_grouping_digits: 2}``)."""
    styles: dict[str, nb.NumberStyle] = {}
    if node is None or not r.mapping(node, "style", set(node.mapping or {})):
        return styles
    for tag, entry in node.entries():
        try:
            get_locale(tag)
        except nb.FigureValueError as exc:
            r.error(str(exc), node.key_locs[tag])
            continue
        if not r.mapping(entry, f"style of {tag}", STYLE_KEYS):
            continue
        digits = 1
        if (d := entry.get("min_grouping_digits")) is not None:
            digits = r.integer(d, "min_grouping_digits", 1, 4) or 1
        dash = _range_dash(r, entry.get("range_dash"))
        styles[tag] = nb.NumberStyle(min_grouping_digits=digits, range_dash=dash)
    return styles


def _range_dash(r: Reader, node: Node | None) -> str | None:
    if node is None:
        return None
    dash = r.text(node, "range_dash")
    if dash is not None and (not dash or len(dash) > 2 or any(c.isalnum() for c in dash)):
        r.error("range_dash is the mark between the ends of a range, e.g. —", node.loc)
        return None
    return dash
