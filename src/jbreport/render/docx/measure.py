"""How wide the key figures' columns must be, estimated without the fonts.

A Word file names its fonts (Times New Roman, SimSun); the reader's machine may lack them and
draw the text in a wider face: LibreOffice on Linux sets Times New Roman in DejaVu Serif, a
third wider.  A figure may not wrap (its spaces are no-break spaces) while a label may, so a
figure column is sized for the widest face it is likely to meet: per kind of character (lower
case, capitals, digits, spaces, the rest), its average bold width in the widest of Liberation
Serif (Times New Roman's metrics), DejaVu Serif and DejaVu Sans, rounded up; East Asian wide
characters take one em in every font.
"""

from __future__ import annotations

import unicodedata

# ems per character, bold (averages: Times 0.49 / 0.71 / 0.50 / 0.25, DejaVu Serif 0.63 /
# 0.80 / 0.70 / 0.35 for lower case, capitals, digits and the space)
WIDE = 1.0  # ideographs, kana, Hangul, full-width forms
CAPITAL = 0.82
LOWER = 0.65
DIGIT = 0.7
SPACE = 0.35
OTHER = 0.6  # punctuation, symbols

# a language's figures get, of its width:
FIGURES_AT_LEAST = 0.35
FIGURES_BY_LENGTH_AT_MOST = 0.6  # in proportion to the text's length
FIGURES_AT_MOST = 0.7  # to fit the widest figure


def em_width(text: str) -> float:
    """The text's width in ems, at least as wide as the usual fonts set it."""
    return sum(_char(ch) for ch in text)


def _char(ch: str) -> float:
    if unicodedata.east_asian_width(ch) in "WF":
        return WIDE
    if ch.isspace():
        return SPACE
    if ch.isdigit():
        return DIGIT
    if ch.isupper():
        return CAPITAL
    if ch.isalpha():
        return LOWER
    return OTHER


def column_shares(
    columns: list[tuple[list[str], list[str]]], *, width: float, size: float, padding: float
) -> list[tuple[float, float]]:
    """The (label, figure) parts of a language's ``width`` (points) for each language's
    (labels, figures), in a table of as many languages side by side.

    A language's figures get the share their length suggests (:func:`_text_share`).  A
    figure column too narrow for its widest figure (in ``size`` points, ``padding`` at
    either side) widens: first at the cost of other figure columns wider than they need,
    then of the label columns, each in proportion to its width.
    """
    figures = [_text_share(labels, values) for labels, values in columns]
    labels = [1 - share for share in figures]
    needed = [min(FIGURES_AT_MOST, _needed(v, width, size, padding)) for _l, v in columns]
    grow = [max(0.0, need - share) for need, share in zip(needed, figures, strict=True)]
    spare = [max(0.0, share - need) for need, share in zip(needed, figures, strict=True)]
    from_figures = min(sum(grow), sum(spare))
    from_labels = sum(grow) - from_figures
    give = from_figures / sum(spare) if from_figures else 0.0
    whole = sum(labels)
    return [
        (label - from_labels * label / whole, share + more - less * give)
        for label, share, more, less in zip(labels, figures, grow, spare, strict=True)
    ]


def _needed(values: list[str], width: float, size: float, padding: float) -> float:
    widest = max((em_width(v) for v in values), default=0.0)
    return (widest * size + 2 * padding) / width


def _text_share(labels: list[str], values: list[str]) -> float:
    """The figures' part of the text (labels counted half: they wrap), between the bounds."""

    def width(text: str) -> int:  # in half-ems: ideographs count two
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    value = max((width(v) for v in values), default=1)
    label = max((width(t) for t in labels), default=1)
    return min(FIGURES_BY_LENGTH_AT_MOST, max(FIGURES_AT_LEAST, value / (value + 0.5 * label)))
