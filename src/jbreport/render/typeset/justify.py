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


def latin_gaps(atoms: Sequence[linebreak.Atom]) -> int:
    """The gaps where an ideograph meets a Latin letter or digit with no space between."""
    return sum(
        1
        for before, after in pairwise(atoms)
        if not after.space_before and linebreak.script_change(before.text[-1], after.text[0])
    )


def stretch(
    atoms: Sequence[linebreak.Atom], size: float, east_asian: bool, extra: float, spaces: int
) -> tuple[float, float, float]:
    """The stretch of a justified line's gaps: (every other gap, a gap next to punctuation,
    a gap where Han meets Latin or a space).  Western text stretches its spaces.  East
    Asian text keeps its ideographs on their grid as long as it can (clreq 3.8): the
    punctuation takes the slack first, up to half an em each, with the boundaries between
    Han and Latin, up to a quarter em (clreq 3.2.2), shared in proportion; only then do the
    ideographs open, evenly, up to 0.10 em (between atoms, and inside one where its
    ideographs meet: 亿|元, :func:`linebreak.inner_gaps`; never between its digits or
    letters).  What is still left stays at the line's end: a line set short, never
    letter-spaced further."""
    if spaces and not east_asian:
        return min(extra / spaces, size * 2.0), 0.0, 0.0
    inner, inner_latin = _inner(atoms)
    gaps = len(atoms) - 1 + spaces + inner
    if extra < 0 or not gaps:
        return 0.0, 0.0, 0.0
    if not east_asian:
        gap = min(extra / gaps, size * 0.5)
        return gap, gap, gap
    marks = mark_gaps(atoms)
    latin = latin_gaps(atoms) + inner_latin + spaces
    mark_most, latin_most = optimal.PUNCT_STRETCH * size, optimal.LATIN_STRETCH * size
    room = marks * mark_most + latin * latin_most
    share = min(extra / room, 1.0) if room else 0.0
    others = gaps - marks - latin
    rest = extra - room * share
    gap = min(rest / others, optimal.HAN_STRETCH * size) if others and rest > 0 else 0.0
    # (a stretch no gap of the line takes is given as ``gap``: the even fast paths apply)
    return (
        gap,
        share * mark_most if marks else gap,
        share * latin_most if latin else gap,
    )


def _inner(atoms: Sequence[linebreak.Atom]) -> tuple[int, int]:
    """How many gaps open inside the atoms, and how many of them are where Han meets Latin."""
    found = [linebreak.inner_gaps(a.text) for a in atoms if len(a.text) > 1]
    count = sum(map(len, found))
    return count, sum(mixed for spots in found for _, mixed in spots) if count else 0


def shrink(atoms: Sequence[linebreak.Atom], char: Callable[[str], float], extra: float) -> float:
    """The spacing (negative) of each gap beside a mark that gives up its blank half in an
    East Asian line ``-extra`` too long (:func:`punct.give`), shared evenly."""
    gives = [
        give
        for before, after in pairwise(atoms)
        if not after.space_before and (give := punct.give(before.text[-1], after.text[0], char))
    ]
    return max(extra / len(gives), -min(gives)) if gives else 0.0


def even_cuts(atoms: Sequence[linebreak.Atom], gap: float) -> list[tuple[int, float]]:
    """The spacing of East Asian atoms with no spaces and no squeezed marks: ``gap`` after
    each atom's last glyph and where it opens inside (:func:`linebreak.inner_gaps`), none
    elsewhere inside an atom (only the longer atoms are visited)."""
    lengths = list(map(len, map(_TEXT, atoms)))
    ends = list(accumulate(lengths))
    out: list[tuple[int, float]] = []
    for k in [k for k, n in enumerate(lengths) if n > 1]:
        start = ends[k] - lengths[k]
        cut(out, start, gap)
        for j, _mixed in linebreak.inner_gaps(atoms[k].text):
            cut(out, start + j, 0.0)
            cut(out, start + j + 1, gap)
        cut(out, ends[k] - 1, 0.0)
    cut(out, ends[-1] - 1, gap)
    cut(out, ends[-1], 0.0)
    return out


def runs(
    atoms: Sequence[linebreak.Atom],
    squeezes: Callable[[str], tuple[int, ...]],
    char: Callable[[str], float],
    gaps: tuple[float, float, float, float],
    between_atoms: bool,
    pairs: bool,
) -> list[tuple[int, float]] | None:
    """Where the spacing changes: a squeezed mark's half em taken back, a stretched gap
    after each atom's last glyph (or, in Western text, at each space) and where it opens
    inside (:func:`_inside`), and the house style's space where Han meets Latin.
    ``gaps``: the stretch of every gap, of a gap next to punctuation, of a gap between Han
    and Latin (or a space, in East Asian text), and the house style's space between Han
    and Latin."""
    gap, mark_gap, latin_gap, han_latin = gaps
    out: list[tuple[int, float]] = []
    end = 0
    last = len(atoms) - 1
    plain = gap if between_atoms else 0.0
    marks = pairs or mark_gap != gap
    scripts = han_latin or latin_gap != gap
    if between_atoms:
        space_gap = latin_gap
    else:
        space_gap, latin_gap = gap, 0.0
    for i, atom in enumerate(atoms):
        text = atom.text
        if i and atom.space_before:
            end += 1
            if between_atoms and (
                atoms[i - 1].text[-1] in punct.CLOSING or text[0] in punct.OPENING
            ):
                cut(out, end, space_gap - char(" "))  # the mark's blank half is the space
            else:
                cut(out, end, space_gap)
        if len(text) > 1:
            for j, spacing in _inside(text, squeezes, char, pairs, (plain, latin_gap)):
                cut(out, end + j, 0.0)
                cut(out, end + j + 1, spacing)
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
                if after < 0 and not punct.give(ch, following, char):
                    after = 0.0  # ？！ have no blank half to give
            if scripts and linebreak.script_change(ch, following):
                after = latin_gap + han_latin
        cut(out, end, after)
    if all(spacing == 0.0 for _, spacing in out):
        return None
    return out


def _inside(
    text: str,
    squeezes: Callable[[str], tuple[int, ...]],
    char: Callable[[str], float],
    pairs: bool,
    gaps: tuple[float, float],
) -> list[tuple[int, float]]:
    """Where the spacing inside an atom differs from none, in order: a squeezed mark's half
    em taken back, and the stretch where its ideographs or scripts meet (``gaps``: between
    two ideographs, between Han and Latin)."""
    gap, latin_gap = gaps
    spots = [(j, latin_gap if mixed else gap) for j, mixed in linebreak.inner_gaps(text)]
    if pairs and (squeezed := squeezes(text)):
        spots = sorted(spots + [(j, -char(text[j]) / 2) for j in squeezed])
    return spots


def cut(cuts: list[tuple[int, float]], end: int, spacing: float) -> None:
    """The text up to ``end`` has this spacing: extends the last cut when it is the same
    (one text operation for a run of ideographs, not one per character)."""
    if end <= (cuts[-1][0] if cuts else 0):
        return  # an empty run
    if cuts and cuts[-1][1] == spacing:
        cuts[-1] = (end, spacing)
    else:
        cuts.append((end, spacing))
