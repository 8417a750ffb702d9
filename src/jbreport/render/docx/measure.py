"""How wide the key figures' columns must be, from the fonts' widths without the fonts.

A Word file names its fonts (Times New Roman, SimSun); the reader's machine may lack them and
draw the text in a wider face: LibreOffice on Linux sets Times New Roman in DejaVu Serif, a
third wider.  A figure may not wrap (its spaces are no-break spaces) while a label may, so a
figure column is sized for the widest face it is likely to meet: each printable ASCII
character as wide as in the widest of Liberation Serif Bold (Times New Roman's metrics),
DejaVu Serif Bold and DejaVu Sans Bold; East Asian wide characters one em, as in every CJK
font; other characters by their Unicode category, at least as wide as those faces set most
of them.
"""

from __future__ import annotations

import unicodedata

# hundredths of an em, rounded up: the widest of the three faces, from U+0020 to U+007E
_ASCII_ROWS = (
    (35, 46, 56, 84, 70, 101, 91, 31, 48, 48, 53, 84, 38, 42, 38, 37),  #  !"#$%&'()*+,-./
    (70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 59),  # 0-9 :;<=>?
    (100, 78, 85, 80, 87, 77, 71, 86, 95, 47, 50, 87, 71, 111, 92, 88),  # @A-O
    (76, 88, 84, 73, 75, 88, 78, 112, 78, 73, 73, 48, 37, 48, 84, 50),  # P-Z [ \\ ] ^ _
    (50, 68, 72, 61, 72, 68, 44, 72, 73, 38, 37, 70, 38, 106, 73, 69),  # `a-o
    (72, 72, 53, 60, 48, 73, 66, 93, 65, 66, 59, 72, 37, 72, 84),  # p-z {|}~
)
ASCII = tuple(width for row in _ASCII_ROWS for width in row)
WIDE = 1.0  # ideographs, kana, Hangul, full-width forms
SIGNS = {"‰": 1.45, "—": 1.0, "…": 1.0}
BY_CATEGORY = {
    "Lu": 0.9,  # capitals: Latin with accents, Greek, Cyrillic
    "Lt": 0.9,
    "Ll": 0.75,
    "Lo": 0.75,
    "Nd": 0.7,  # digits
    "Sc": 0.7,  # currency signs
    "Sm": 0.84,  # + ± × ~
    "Zs": 0.35,  # spaces, the no-break space among them
    "Mn": 0.0,  # combining marks
}
PUNCTUATION = 0.5
OTHER = 1.0

# a language's figures get, of its width:
FIGURES_AT_LEAST = 0.35
FIGURES_BY_LENGTH_AT_MOST = 0.6  # in proportion to the text's length
FIGURES_AT_MOST = 0.7  # to fit the widest figure


def em_width(text: str) -> float:
    """The text's width in ems, at least as wide as the usual fonts set it (kerning aside)."""
    return sum(_char(ch) for ch in text)


def _char(ch: str) -> float:
    code = ord(ch)
    if 0x20 <= code < 0x7F:
        return ASCII[code - 0x20] / 100
    if unicodedata.east_asian_width(ch) in "WF":
        return WIDE
    if ch in SIGNS:
        return SIGNS[ch]
    category = unicodedata.category(ch)
    if category.startswith("P"):
        return PUNCTUATION
    return BY_CATEGORY.get(category, OTHER)


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
