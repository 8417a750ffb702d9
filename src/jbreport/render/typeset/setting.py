"""Setting a paragraph: its lines broken, balanced and justified, ready to draw.

Pure Python, like :mod:`.linebreak`: the PDF writer calls it for each paragraph with the
widths of the paragraph's characters, and so can anything that has no fonts loaded (a test,
a process pool).  The same text, widths and setting give the same lines, to the bit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from operator import attrgetter
from typing import Literal, NamedTuple

from . import hyphen, justify, linebreak, optimal, punct

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
    hyphenate: str = ""  # the language whose dictionary hyphenates it ("" never)
    han_latin: float = 0.0  # ems between an ideograph and a Latin letter or digit (house style)


# One line as drawn: its text (ending in the blank space it broke at, if it did), where it
# starts, and where its character spacing changes: (end, spacing) pairs, or None.
SetLine = tuple[str, float, tuple[tuple[int, float], ...] | None]

# a hyphenated line ends in a soft hyphen, drawn as a hyphen: text taken from the page or
# read from the tags gives the word whole (PDF 1.7, 14.8.2.2.3)
SOFT_HYPHEN = "\u00ad"

# first-fit lines looser than this (in units of their gaps' stretch) are set again by
# total fit (:mod:`.optimal`).  Every justified Western paragraph with any slack is; a
# Chinese one when a gap between ideographs would pass the most it may open (a Chinese line
# of even glyphs is full already: first fit is what total fit would choose, at a tenth of
# the cost), or when its last line holds one ideograph
REFIT = 0.0
REFIT_HAN = 1.0


class Widths(dict[str, float]):
    """Widths of texts in one font and size, each summed from its characters once (words and
    ideographs repeat), adjacent full-width marks squeezed (:mod:`.punct`).  A bound dict
    lookup: line breaking measures a paragraph's atoms with map() and no Python call per
    atom."""

    def __init__(self, char: Callable[[str], float]) -> None:
        super().__init__()
        self.char = char
        self.squeezed: dict[str, tuple[int, ...]] = {}

    def __missing__(self, text: str) -> float:
        width = self[text] = punct.squeezed_width(text, self.char)
        return width

    def squeezes(self, text: str) -> tuple[int, ...]:
        """Where in ``text`` an advance is half an em short (see :func:`punct.squeezes`)."""
        found = self.squeezed.get(text)
        if found is None:
            found = self.squeezed[text] = (
                () if punct.MARKS.isdisjoint(text) else punct.squeezes(text, self.char)
            )
        return found


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
    han_latin = setting.han_latin * setting.size
    lines = linebreak.break_lines(parts, width_of, width, indent, han_latin)
    # most paragraphs have no two marks side by side: none of their lines is squeezed (a
    # house style's space between Han and Latin takes the same careful path)
    pairs = han_latin > 0 or punct.ADJACENT.search(text) is not None
    if setting.east_asian and not pairs:
        pairs = punct.SPACED_MARK.search(text) is not None
    if setting.balance and len(lines) > 1:
        count = len(lines)
        lines = _balanced(parts, width_of, setting.east_asian, width, indent, count, han_latin)
    elif not setting.balance and _loose(lines, setting, widths, width, indent, pairs):
        lines = _refit(parts, setting, widths, width, indent, lines)
    out: list[SetLine] = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else None
        out.append(
            _set_line(
                line,
                setting,
                widths,
                width - (indent if number == 0 else 0.0),
                indent if number == 0 else 0.0,
                pairs,
                # the space the line broke at, drawn (blank) past the line's end: text taken
                # from the page or read aloud from the tags keeps its words apart
                space_after=following is not None and _starts_with_space(following),
            )
        )
    return out


def _loose(
    lines: list[linebreak.Line],
    setting: Setting,
    widths: Widths,
    width: float,
    indent: float,
    pairs: bool,
) -> bool:
    """Whether first fit left a line loose, or a last line of one ideograph (孤字)."""
    last = lines[-1]
    if setting.east_asian and last.atoms and sum(len(a.text) for a in last.atoms) <= 2:
        return len(lines) > 1
    if setting.align != "justify":
        return False
    em = setting.size
    space = widths[" "]
    # the gaps open evenly up to the most between ideographs (:func:`_stretch`)
    stretch = optimal.HAN_STRETCH * em * REFIT_HAN if setting.east_asian else space * REFIT
    for number, line in enumerate(lines):
        if line.last or not line.atoms:
            continue
        avail = width - (indent if number == 0 else 0.0)
        gaps = sum(map(_SPACED, line.atoms[1:]))
        if setting.east_asian:
            gaps += len(line.atoms) - 1
            if not pairs and avail - line.width + em <= gaps * stretch:
                continue  # not loose even with both its end marks trimmed
        extra = avail - _natural(line, widths, number > 0 or not indent, pairs, setting)
        if extra > 1e-6 and (not gaps or extra / gaps > stretch):
            return True
    return False


def _refit(
    parts: list[list[linebreak.Atom]],
    setting: Setting,
    widths: Widths,
    width: float,
    indent: float,
    fallback: list[linebreak.Line],
) -> list[linebreak.Line]:
    """The lines of each part by total fit (hyphenated where the setting says), or the
    first-fit ones where no break keeps every line within its stretch."""
    width_of = widths.__getitem__
    measure = optimal.Measure(
        width,
        indent,
        setting.size,
        setting.east_asian,
        setting.align == "justify",
        1.0 if setting.east_asian else 2.0,
        setting.han_latin * setting.size,
    )
    out: list[linebreak.Line] = []
    for number, part in enumerate(parts):
        atoms, after = part, frozenset[int]()
        if setting.hyphenate and not setting.east_asian:
            atoms, after = hyphen.hyphenated(part, setting.hyphenate)
        lines = optimal.break_part(atoms, width_of, measure, after, first=number == 0)
        if lines is None:
            # no breaks keep every line within its stretch: the least loose ones, still
            # better than first fit's
            loose = measure._replace(max_ratio=optimal.LAST_RESORT)
            lines = optimal.break_part(atoms, width_of, loose, after, first=number == 0)
        if lines is None or any(not line.atoms for line in lines[:-1]):
            return fallback
        out += lines
    return out


def _natural(
    line: linebreak.Line, widths: Widths, trim: bool, pairs: bool, setting: Setting
) -> float:
    """A line's width as set: squeezed between its atoms, its end marks trimmed (its start
    too, unless ``trim`` is false: an indented line), its hyphen added."""
    atoms = line.atoms
    natural = line.width
    if trim and atoms[0].text[0] in punct.OPENING:
        natural -= punct.start_trim(atoms[0].text, widths.char)
    if atoms[-1].text[-1] in punct.LINE_END:
        natural -= punct.end_trim(atoms[-1].text, widths.char)
    for before, after in pairwise(atoms) if pairs else ():
        if not after.space_before and punct.pair(before.text[-1], after.text[0], widths.char):
            natural -= widths.char(before.text[-1]) / 2
        elif after.space_before and setting.east_asian and _spaced_mark(before, after):
            natural -= widths.char(" ")  # the space takes none (punct.SPACED_MARK)
    if line.hyphen:
        natural += widths[SOFT_HYPHEN]
    return natural


def _balanced(
    parts: list[list[linebreak.Atom]],
    width_of: Callable[[str], float],
    east_asian: bool,
    width: float,
    indent: float,
    count: int,
    han_latin: float,
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
            and len(linebreak.break_lines(grouped, width_of, width, indent, han_latin)) <= count
        ):
            parts = grouped
    # never narrower than the widest atom (a word or phrase is not cut to balance lines),
    # and never wider than the frame: a word too long for it is cut in any case
    low, high = min(max(width / count, _widest(parts, width_of) + indent), width), width
    best = linebreak.break_lines(parts, width_of, width, indent, han_latin)
    for _ in range(12):
        middle = (low + high) / 2
        lines = linebreak.break_lines(parts, width_of, middle, indent, han_latin)
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
    widths: Widths,
    avail: float,
    indent: float,
    pairs: bool,
    space_after: bool,
) -> SetLine:
    """A line's text, its start and where its character spacing changes."""
    atoms = line.atoms
    if not atoms:
        return ("", indent, None)
    text, spaces = _text(line)
    pairs = pairs and (
        punct.ADJACENT.search(text) is not None
        or setting.han_latin > 0
        or (setting.east_asian and punct.SPACED_MARK.search(text) is not None)
    )
    han_latin = setting.han_latin * setting.size
    careful = pairs or han_latin > 0
    trim = 0.0 if indent else punct.start_trim(atoms[0].text, widths.char)
    extra = avail - _natural(line, widths, not indent, pairs, setting)
    gaps = _gaps(line, setting, widths, extra, spaces)
    if extra < 0 and (setting.east_asian or line.last or setting.align != "justify"):
        extra = 0.0  # only a justified Western line shrinks (its spaces, :mod:`.optimal`)
    x = indent - trim
    if setting.align == "center":
        x += extra / 2
    elif setting.align == "right":
        x += extra
    gap, mark_gap, latin_gap = gaps
    even = gap == mark_gap == latin_gap
    cuts: list[tuple[int, float]] | None
    if not gap and even and not careful:
        cuts = None  # nothing stretched, nothing squeezed
    elif gap and not spaces and not careful and even and len(text) == len(atoms):
        cuts = [(len(text), gap)]  # ideographs only: every glyph spaced
    elif gap and not spaces and not careful and even:
        cuts = justify.even_cuts(atoms, gap)
    else:
        between = setting.east_asian or not spaces
        stretched = (gap, mark_gap, latin_gap, han_latin)
        cuts = justify.runs(atoms, widths.squeezes, widths.char, stretched, between, pairs)
    if space_after:
        text += " "
    if cuts and cuts[-1][0] < len(text):
        justify.cut(cuts, len(text), 0.0)
    return text, x, tuple(cuts) if cuts else None


def _gaps(
    line: linebreak.Line, setting: Setting, widths: Widths, extra: float, spaces: int
) -> tuple[float, float, float]:
    """The stretch of a line's gaps (:func:`justify.stretch`), or in an East Asian line too
    long for its measure the marks' blank halves given up (:func:`justify.shrink`)."""
    if extra < 0 and setting.east_asian:
        return 0.0, justify.shrink(line.atoms, widths.char, extra), 0.0
    if setting.align != "justify" or line.last or not extra:
        return 0.0, 0.0, 0.0
    return justify.stretch(line.atoms, setting.size, setting.east_asian, extra, spaces)


def _text(line: linebreak.Line) -> tuple[str, int]:
    """A line's text (its atoms, a space where it breaks, a soft hyphen at a hyphenation
    point) and how many spaces it breaks at."""
    atoms = line.atoms
    spaces = sum(map(_SPACED, atoms[1:]))
    if spaces:
        text = atoms[0].text + "".join(
            [(" " + atom.text) if atom.space_before else atom.text for atom in atoms[1:]]
        )
    else:
        text = "".join(map(_TEXT, atoms))
    return (text + SOFT_HYPHEN if line.hyphen else text), spaces


def _spaced_mark(before: linebreak.Atom, after: linebreak.Atom) -> bool:
    return before.text[-1] in punct.CLOSING or after.text[0] in punct.OPENING


def _starts_with_space(line: linebreak.Line) -> bool:
    """Whether the line before broke at a space."""
    return bool(line.atoms) and line.atoms[0].space_before
