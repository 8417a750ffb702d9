"""How wide the key figures' columns are.

A figure may not wrap (its spaces are no-break spaces) while a label may.
"""

from __future__ import annotations

import unicodedata

# a language's figures get, of its width:
FIGURES_AT_LEAST = 0.35
FIGURES_BY_LENGTH_AT_MOST = 0.6  # in proportion to the text's length


def column_shares(columns: list[tuple[list[str], list[str]]]) -> list[tuple[float, float]]:
    """The (label, figure) parts of a language's width for each language's (labels,
    figures): the figures' share their length suggests (:func:`_text_share`)."""
    shares = [_text_share(labels, values) for labels, values in columns]
    return [(1 - share, share) for share in shares]


def _text_share(labels: list[str], values: list[str]) -> float:
    """The figures' part of the text (labels counted half: they wrap), between the bounds."""

    def width(text: str) -> int:  # in half-ems: ideographs count two
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    value = max((width(v) for v in values), default=1)
    label = max((width(t) for t in labels), default=1)
    return min(FIGURES_BY_LENGTH_AT_MOST, max(FIGURES_AT_LEAST, value / (value + 0.5 * label)))
