"""A set line's spacing: how a justified line's slack is shared between its gaps, and the
(end, spacing) runs the PDF draws it with (squeezed marks, stretched gaps, the house
style's space between Han and Latin).  Pure, as :mod:`.setting`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate, pairwise
from operator import attrgetter

from . import linebreak, optimal, punct

_TEXT = attrgetter("text")


def mark_gaps(atoms: Sequence[linebreak.Atom]) -> int:
    """The gaps between an atom and full-width punctuation (they stretch first); not those
    between two marks, which stay squeezed."""
    return sum(
        1
        for before, after in pairwise(atoms)
        if not after.space_before
        and (before.text[-1] in punct.MARKS) != (after.text[0] in punct.MARKS)
    )


def stretch(
    atoms: Sequence[linebreak.Atom], size: float, east_asian: bool, extra: float, spaces: int
) -> tuple[float, float]:
    """The stretch of a justified line's gaps: (every gap, a gap next to punctuation).
    Western text stretches its spaces; East Asian text every boundary between atoms
    evenly up to 0.10 em, then the punctuation's (clreq 3.8), never inside an atom:
    1300亿元 and "billion" keep their letters together."""
    if spaces and not east_asian:
        return min(extra / spaces, size * 2.0), 0.0
    if extra < 0:
        return 0.0, 0.0
    gaps = len(atoms) - 1 + spaces
    if not gaps:
        return 0.0, 0.0
    marks = mark_gaps(atoms)
    even = optimal.HAN_STRETCH * size
    if not marks or extra <= even * gaps:
        gap = min(extra / gaps, size * (2.0 if spaces else 0.5))
        return gap, gap
    # past a tenth of an em between ideographs the punctuation takes the rest, up to half
    # an em each, and only then the ideographs again
    room = marks * optimal.PUNCT_STRETCH * size
    rest = extra - even * gaps
    if rest <= room:
        return even, even + rest / marks
    gap = min(even + (rest - room) / gaps, size * (2.0 if spaces else 0.5))
    return gap, gap + optimal.PUNCT_STRETCH * size


def even_cuts(atoms: Sequence[linebreak.Atom], gap: float) -> list[tuple[int, float]]:
    """The spacing of East Asian atoms with no spaces and no squeezed marks: ``gap`` after
    each atom's last glyph, none inside an atom (only the longer atoms are visited)."""
    lengths = list(map(len, map(_TEXT, atoms)))
    ends = list(accumulate(lengths))
    out: list[tuple[int, float]] = []
    for k in [k for k, n in enumerate(lengths) if n > 1]:
        cut(out, ends[k] - lengths[k], gap)
        cut(out, ends[k] - 1, 0.0)
    cut(out, ends[-1] - 1, gap)
    cut(out, ends[-1], 0.0)
    return out


def runs(
    atoms: Sequence[linebreak.Atom],
    squeezes: Callable[[str], tuple[int, ...]],
    char: Callable[[str], float],
    gaps: tuple[float, float, float],
    between_atoms: bool,
    pairs: bool,
) -> list[tuple[int, float]] | None:
    """Where the spacing changes: a squeezed mark's half em taken back, a stretched gap
    after each atom's last glyph (or, in Western text, at each space), none inside an atom,
    and the house style's space where Han meets Latin.  ``gaps``: the stretch of every gap,
    of a gap next to punctuation, and the space between Han and Latin."""
    gap, mark_gap, han_latin = gaps
    out: list[tuple[int, float]] = []
    end = 0
    last = len(atoms) - 1
    plain = gap if between_atoms else 0.0
    marks = pairs or mark_gap != gap
    for i, atom in enumerate(atoms):
        text = atom.text
        if i and atom.space_before:
            end += 1
            if between_atoms and (
                atoms[i - 1].text[-1] in punct.CLOSING or text[0] in punct.OPENING
            ):
                cut(out, end, gap - char(" "))  # the mark's blank half is the space already
            else:
                cut(out, end, gap)
        if pairs and len(text) > 1:
            for j in squeezes(text):
                cut(out, end + j, 0.0)
                cut(out, end + j + 1, -char(text[j]) / 2)
        end += len(text)
        if len(text) > 1:
            cut(out, end - 1, 0.0)
        after = 0.0
        if i < last and not atoms[i + 1].space_before:
            after, ch = plain, text[-1]
            following = atoms[i + 1].text[0]
            if marks and pairs and punct.pair(ch, following, char):
                after -= char(ch) / 2  # squeezed: a pair never takes the slack
            elif marks and (ch in punct.MARKS or following in punct.MARKS):
                after = mark_gap if between_atoms else 0.0
            if han_latin and linebreak.script_change(ch, following):
                after += han_latin
        cut(out, end, after)
    if all(spacing == 0.0 for _, spacing in out):
        return None
    return out


def cut(cuts: list[tuple[int, float]], end: int, spacing: float) -> None:
    """The text up to ``end`` has this spacing: extends the last cut when it is the same
    (one text operation for a run of ideographs, not one per character)."""
    if end <= (cuts[-1][0] if cuts else 0):
        return  # an empty run
    if cuts and cuts[-1][1] == spacing:
        cuts[-1] = (end, spacing)
    else:
        cuts.append((end, spacing))
