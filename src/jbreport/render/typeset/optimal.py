"""Total-fit line breaking (Knuth and Plass, 1981) of one paragraph's atoms.

Every feasible sequence of breaks is weighed at once: a line's cost grows with the cube of
how far its gaps stretch or shrink, a hyphen and two hyphenated lines in a row cost more, a
third in a row is not allowed, and a paragraph whose last line would hold one ideograph
(孤字) pays so much that another set of breaks wins.  The breaks are found by dynamic
programming over the break positions, each line's candidates found by bisection on the
running widths, so a paragraph costs a few candidates per line, not per pair of atoms.

Gaps: a Western space stretches by one space and shrinks by a third.  Between East Asian
atoms (and inside one, where its ideographs or scripts meet) a gap stretches by at most
0.10 em between ideographs, by half an em next to punctuation and by a quarter where Han
meets Latin (those two take the slack first, :mod:`.justify`; a line looser still is set
short, never letter-spaced further); beside a mark it shrinks by the mark's blank half,
at a price (:data:`SQUEEZED`).  A ragged paragraph has no stretchy gaps: its lines'
shortfall against a tenth of the measure is the cost.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import NamedTuple

from . import punct
from .linebreak import Atom, Line, inner_gaps, script_change, script_gaps

HAN_STRETCH = 0.095  # em: the most a gap between two ideographs may open (under 0.10)
PUNCT_STRETCH = 0.5  # em: next to a full-width mark
LATIN_STRETCH = 0.25  # em: where Han meets a Latin letter or digit (clreq 3.2.2: a quarter)
SPACE_SHRINK = 1 / 3  # of a space
LINE_PENALTY = 10.0
HYPHEN_PENALTY = 50.0
DOUBLE_HYPHEN = 3000.0  # demerits for the second hyphenated line in a row
LONELY = 1e7  # a last line of one ideograph (and its punctuation)
SQUEEZED = 1e4  # a Chinese line that closes up its marks to fit (as a line at full stretch)
LOOSE = 1e6  # a line stretched past its gaps' stretch (a space past twice its width)
MAX_HYPHENS = 2  # hyphenated lines in a row
LAST_RESORT = 1e3  # the stretch allowed when no breaks keep within the usual


class Measure(NamedTuple):
    """What the breaker knows of a paragraph's type."""

    width: float  # the column
    indent: float  # the first line's indent
    em: float  # the type size
    east_asian: bool
    justify: bool
    max_ratio: float  # how far a gap may stretch, in units of its stretch
    han_latin: float = 0.0  # the space between Han and Latin (a house style), in points


class _Part(NamedTuple):
    atoms: list[Atom]
    natural: list[float]  # running width up to each atom, gaps included
    stretch: list[float]
    shrink: list[float]
    inner: list[float]  # the stretch inside each atom (a figure's unit: 亿元, 万平方米)
    gap: list[float]  # the natural gap before each atom
    hyphen_at: frozenset[int]  # atoms that begin after a hyphenation point
    starts: list[float]  # how far a line starting with each atom starts left of the edge
    ends: list[float]  # how far a line ending with each atom may stand past the edge
    breaks: list[bool]  # whether a line may break before each atom (and at the end)


def break_part(
    atoms: list[Atom],
    width_of: Callable[[str], float],
    measure: Measure,
    hyphen_at: frozenset[int] = frozenset(),
    first: bool = True,
) -> list[Line] | None:
    """The optimal lines of one hard-broken part, or None when no set of breaks keeps every
    line within its stretch and the last line company (the caller then tries again with
    :data:`LAST_RESORT`, then keeps its first-fit lines)."""
    if not atoms:
        return [Line((), 0.0, True)]
    part = _prepare(atoms, width_of, measure, hyphen_at)
    n = len(atoms)
    hyphen_w = width_of("\u00ad")  # the soft hyphen a hyphenated line ends in
    lonely = _lonely_from(atoms) if measure.east_asian else n
    # best[h][k]: the least demerits of breaking before atom k with h hyphenated lines
    # ending there in a row; back[h][k]: the (h, position) it came from
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(MAX_HYPHENS + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (n + 1) for _ in range(MAX_HYPHENS + 1)]
    best[0][0] = 0.0
    runs = range(MAX_HYPHENS + 1 if hyphen_at else 1)
    for a in range(n):
        for h in runs:
            here = best[h][a]
            if here == inf:
                continue
            avail = measure.width - (measure.indent if a == 0 and first else 0.0)
            for b, cost, hyphenated in _candidates(part, a, avail, measure, hyphen_w, width_of):
                if b == n and a >= lonely:
                    cost += LONELY
                run = h + 1 if hyphenated else 0
                if run > MAX_HYPHENS:
                    continue
                if run == 2:
                    cost += DOUBLE_HYPHEN
                total = here + cost
                if total < best[run][b]:
                    best[run][b] = total
                    back[run][b] = (h, a)
    ends = [(best[h][n], h) for h in range(MAX_HYPHENS + 1)]
    total, h = min(ends)
    if total == inf or (total >= LONELY and measure.max_ratio < LAST_RESORT):
        return None  # (a lonely last line: the last resort's loose lines may do better)
    return _lines(part, back, h, n)


def _prepare(
    atoms: list[Atom],
    width_of: Callable[[str], float],
    measure: Measure,
    hyphen_at: frozenset[int],
) -> _Part:
    """The running widths, stretch and shrink of the part's atoms."""
    texts = [a.text for a in atoms]
    gap, stretch, shrink = _gaps(atoms, texts, width_of, measure, hyphen_at)
    # what opens inside an atom is counted with the gap before it (and, for a line's
    # first atom, on its own: :func:`_candidates`)
    inner = [0.0] * len(atoms)
    if measure.justify and measure.east_asian:
        han, latin = HAN_STRETCH * measure.em, LATIN_STRETCH * measure.em
        for i, text in enumerate(texts):
            if len(text) > 1 and (found := inner_gaps(text)):
                inner[i] = sum(latin if mixed else han for _, mixed in found)
        stretch = list(map(float.__add__, stretch, inner))
    if measure.han_latin:
        gap = list(map(float.__add__, gap, script_gaps(atoms, measure.han_latin)))
    widths = list(map(width_of, texts))
    natural = [0.0, *accumulate(map(float.__add__, widths, gap))]
    opening, line_end = punct.OPENING, punct.LINE_END
    starts = [punct.start_trim(t, width_of) if t[0] in opening else 0.0 for t in texts]
    ends = [punct.end_trim(t, width_of) if t[-1] in line_end else 0.0 for t in texts]
    if measure.east_asian:
        breaks = [True] * (len(atoms) + 1)
    else:
        breaks = [a.space_before for a in atoms] + [True]
        for k in hyphen_at:
            breaks[k] = True
    return _Part(
        atoms,
        natural,
        [0.0, *accumulate(stretch)],
        [0.0, *accumulate(shrink)],
        inner,
        gap,
        hyphen_at,
        starts,
        ends,
        breaks,
    )


def _gaps(
    atoms: list[Atom],
    texts: list[str],
    width_of: Callable[[str], float],
    measure: Measure,
    hyphen_at: frozenset[int],
) -> tuple[list[float], list[float], list[float]]:
    """The natural width, stretch and shrink of the gap before each atom."""
    em = measure.em
    space = width_of(" ")
    gap = [0.0] * len(atoms)
    stretch = [0.0] * len(atoms)
    shrink = [0.0] * len(atoms)
    han = HAN_STRETCH * em if measure.justify else 0.0
    latin = LATIN_STRETCH * em if measure.justify else 0.0
    marks = punct.MARKS
    for i in range(1, len(atoms)):
        if atoms[i].space_before:
            gap[i] = space
            if measure.justify:
                stretch[i] = space
                shrink[i] = 0.0 if measure.east_asian else space * SPACE_SHRINK
        elif not measure.east_asian or i in hyphen_at:
            continue
        elif (before := texts[i - 1][-1]) not in marks and (after := texts[i][0]) not in marks:
            # (a cheap test first: most gaps are between two ideographs)
            mixed = (before < "\u0250" or after < "\u0250") and script_change(before, after)
            stretch[i] = latin if mixed else han
        else:
            after = texts[i][0]
            if punct.pair(before, after, width_of):
                gap[i] = -width_of(before) / 2  # squeezed across the atoms
                stretch[i] = han
            elif measure.justify:
                stretch[i] = PUNCT_STRETCH * em
                shrink[i] = punct.give(before, after, width_of)
    return gap, stretch, shrink


def _candidates(
    part: _Part,
    a: int,
    avail: float,
    measure: Measure,
    hyphen_w: float,
    width_of: Callable[[str], float],
) -> list[tuple[int, float, bool]]:
    """The lines that may start at atom ``a``: (end, demerits, hyphenated), longest first."""
    n = len(part.atoms)
    natural, stretch, shrink = part.natural, part.stretch, part.shrink
    start = natural[a] + part.gap[a]
    if a or not measure.indent:
        start += part.starts[a]
    # past this the line is too full however much it shrinks (a Western line's spaces by a
    # third, some 5% of the line; a Chinese line's last mark by half an em, and the marks
    # inside it by half an em each, pulling a character or two back)
    over = measure.em * 2.0 if measure.east_asian else measure.em + avail * 0.05
    b = min(bisect_right(natural, start + avail + over), n)
    out: list[tuple[int, float, bool]] = []
    rag = avail * 0.1
    breaks, hyphen_at = part.breaks, part.hyphen_at
    while b > a:
        if not breaks[b]:
            b -= 1  # inside a word (Western text breaks only at spaces and hyphens)
            continue
        hyphenated = b < n and b in hyphen_at
        cost = 0.0
        width = natural[b] - start - part.ends[b - 1]
        if hyphenated:
            width += hyphen_w
        short = avail - width
        give = stretch[b] - stretch[a + 1] + part.inner[a] if measure.justify else rag
        if short < 0:
            take = shrink[b] - shrink[a + 1]
            if b > a + 1 and (not take or -short > take):
                b -= 1
                continue  # overfull
            ratio = short / take if take else 0.0
            if take and measure.east_asian:
                cost += SQUEEZED  # marks set half-width to take a character back
        elif b == n:
            ratio = 0.0
        else:
            ratio = short / give if give else (0.0 if short < 1e-6 else 1e3)
            if ratio > measure.max_ratio:
                break  # shorter lines are looser still
        badness = 100.0 * abs(ratio) ** 3
        cost += (LINE_PENALTY + badness) ** 2 + (HYPHEN_PENALTY**2 if hyphenated else 0.0)
        if ratio > 1.0:
            cost += LOOSE  # a gap past twice its space reads as a hole: any other way first
        out.append((b, cost, hyphenated))
        b -= 1
    return out


def _lonely_from(atoms: Sequence[Atom]) -> int:
    """The first atom from which a last line would be lonely: its last ideograph and the
    punctuation after it (typo.py's 孤字: one or two characters)."""
    chars = 0
    k = len(atoms)
    while k > 0 and chars + len(atoms[k - 1].text) <= 2:
        k -= 1
        chars += len(atoms[k].text)
    return k if chars else len(atoms)


def _lines(part: _Part, back: list[list[tuple[int, int]]], h: int, n: int) -> list[Line]:
    starts: list[int] = []
    b = n
    while b > 0:
        h, b = back[h][b]
        starts.append(b)
    starts.reverse()
    lines = []
    for a, b in zip(starts, [*starts[1:], n], strict=True):
        # the atoms and spaces, as first fit measures a line (the setter squeezes the marks
        # between atoms itself)
        width = part.natural[b] - part.natural[a] - part.gap[a]
        width -= sum(g for g in part.gap[a + 1 : b] if g < 0)
        hyphen = b < n and b in part.hyphen_at
        lines.append(Line(tuple(part.atoms[a:b]), width, b == n, hyphen))
    return lines
