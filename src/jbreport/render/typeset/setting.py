"""Setting a paragraph: its lines broken, balanced and justified, ready to draw.

Pure Python, like :mod:`.linebreak`: the PDF writer calls it for each paragraph with the
widths of the paragraph's characters, and so can anything that has no fonts loaded (a test,
a process pool).  The same text, widths and setting give the same lines, to the bit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import attrgetter
from typing import Literal, NamedTuple

from . import linebreak

_TEXT = attrgetter("text")
_SPACED = attrgetter("space_before")


Align = Literal["justify", "left", "center", "right"]


class Setting(NamedTuple):
    """What of a paragraph's style decides its lines."""

    size: float
    indent: float = 0.0  # first-line indent, in ems
    align: Align = "justify"
    balance: bool = False  # lines of even length (headings)
    east_asian: bool = False  # East Asian text: stretched between ideographs, not at spaces


# One line as drawn: its text (ending in the blank space it broke at, if it did), where it
# starts, and where its character spacing changes: (end, spacing) pairs, or None.
SetLine = tuple[str, float, tuple[tuple[int, float], ...] | None]


class Widths(dict[str, float]):
    """Widths of texts in one font and size, each summed from its characters once (words and
    ideographs repeat).  A bound dict lookup: line breaking measures a paragraph's atoms with
    map() and no Python call per atom."""

    def __init__(self, char: Callable[[str], float]) -> None:
        super().__init__()
        self.char = char

    def __missing__(self, text: str) -> float:
        width = self[text] = sum(map(self.char, text))
        return width


def set_paragraph(
    text: str,
    keep: Sequence[tuple[int, int]],
    setting: Setting,
    widths: Widths,
    width: float,
    first: bool = True,
) -> list[SetLine]:
    """The lines of ``text`` in a column ``width`` wide; ``first``: the paragraph's first
    part, whose first line is indented."""
    width_of = widths.__getitem__
    parts = linebreak.atoms(text, keep)
    indent = setting.indent * setting.size if first else 0.0
    lines = linebreak.break_lines(parts, width_of, width, indent)
    if setting.balance and len(lines) > 1:
        lines = _balanced(parts, width_of, setting.east_asian, width, indent, len(lines))
    out: list[SetLine] = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else None
        out.append(
            _set_line(
                line,
                setting,
                width - (indent if number == 0 else 0.0),
                indent if number == 0 else 0.0,
                east_asian=setting.east_asian,
                # the space the line broke at, drawn (blank) past the line's end: text taken
                # from the page or read aloud from the tags keeps its words apart
                space_after=following is not None and _starts_with_space(following),
            )
        )
    return out


def _balanced(
    parts: list[list[linebreak.Atom]],
    width_of: Callable[[str], float],
    east_asian: bool,
    width: float,
    indent: float,
    count: int,
) -> list[linebreak.Line]:
    """The narrowest measure that still takes ``count`` lines: a heading of two lines
    breaks near its middle instead of leaving one character on the second.  An East
    Asian heading breaks only where its writer put a space, when that fits as many lines
    ("“两副担子一起担” | 担出产业……", never "……担 | 出产业……")."""
    if east_asian:
        grouped = linebreak.phrases(parts)
        if (
            grouped != parts
            and _widest(grouped, width_of) <= width - indent
            and len(linebreak.break_lines(grouped, width_of, width, indent)) <= count
        ):
            parts = grouped
    # never narrower than the widest atom (a word or phrase is not cut to balance lines),
    # and never wider than the frame: a word too long for it is cut in any case
    low, high = min(max(width / count, _widest(parts, width_of) + indent), width), width
    best = linebreak.break_lines(parts, width_of, width, indent)
    for _ in range(12):
        middle = (low + high) / 2
        lines = linebreak.break_lines(parts, width_of, middle, indent)
        if len(lines) <= count:
            best, high = lines, middle
        else:
            low = middle
    return best


def _widest(parts: list[list[linebreak.Atom]], width_of: Callable[[str], float]) -> float:
    return max((width_of(a.text) for part in parts for a in part), default=0.0)


def _set_line(
    line: linebreak.Line,
    setting: Setting,
    avail: float,
    indent: float,
    east_asian: bool,
    space_after: bool,
) -> SetLine:
    """A line's text, its start and where its character spacing changes."""
    atoms = line.atoms
    extra = max(0.0, avail - line.width)
    x = indent
    if setting.align == "center":
        x += extra / 2
    elif setting.align == "right":
        x += extra
    justify = setting.align == "justify" and not line.last and extra > 0
    spaces = sum(map(_SPACED, atoms[1:]))
    if spaces:
        text = atoms[0].text + "".join(
            [(" " + atom.text) if atom.space_before else atom.text for atom in atoms[1:]]
        )
    else:
        text = "".join(map(_TEXT, atoms))
    # Justification widens the gaps between atoms, never inside one: 1300亿元 and
    # "billion" keep their letters together.  Western text stretches its spaces;
    # East Asian text every boundary between atoms (each ideograph is an atom).
    stretch = 0.0
    if justify:
        gaps = spaces if (spaces and not east_asian) else len(atoms) - 1 + spaces
        if gaps:
            stretch = min(extra / gaps, setting.size * (2.0 if spaces else 0.5))
    cuts: list[tuple[int, float]] | None
    if not stretch:
        cuts = None
    elif not spaces and len(text) == len(atoms):
        cuts = [(len(text), stretch)]  # ideographs only: every glyph spaced
    else:
        # where the spacing changes: a stretched gap after each atom's last glyph (or, in
        # Western text, after each space), none inside an atom
        western = bool(spaces) and not east_asian
        after = 0.0 if western else stretch
        cuts = []
        end = 0
        for i, atom in enumerate(atoms):
            if i and atom.space_before:
                end += 1
                _cut(cuts, end, stretch)
            end += len(atom.text)
            if len(atom.text) > 1:
                _cut(cuts, end - 1, 0.0)
            _cut(cuts, end, after)
    if space_after:
        text += " "
        if cuts:
            cuts[-1] = (cuts[-1][0] + 1, cuts[-1][1])
    return text, x, tuple(cuts) if cuts else None


def _starts_with_space(line: linebreak.Line) -> bool:
    """Whether the line before broke at a space."""
    return bool(line.atoms) and line.atoms[0].space_before


def _cut(cuts: list[tuple[int, float]], end: int, spacing: float) -> None:
    """The text up to ``end`` has this spacing: extends the last cut when it is the same
    (one text operation for a run of ideographs, not one per character)."""
    if cuts and cuts[-1][1] == spacing:
        cuts[-1] = (end, spacing)
    else:
        cuts.append((end, spacing))
