"""Line breaking for Chinese, Japanese, Korean and Western text, with 禁则 (kinsoku).

Text is cut into *atoms*, the pieces no line may split: an ideograph, a Latin word, a
figure with its unit.  Closing punctuation (，。”…%) joins the atom before it and opening
punctuation (“《（) the atom after it, so no line can begin or end with the wrong mark.
Lines are filled greedily; a word wider than the line is cut by characters as a last resort
so nothing ever overflows the frame.  Pure Python: widths come from a callback.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import accumulate, repeat
from operator import add, attrgetter, sub
from typing import NamedTuple

from ...i18n.script import EAST_ASIAN_CLASS, is_east_asian

# No line may begin with these (clreq / JIS X 4051 / GB/T 15834 line-start prohibitions).
CLOSE = set(
    "，。、；：？！）》」』”’…‥%‰℃°〉】〕〗〙〛｝］｠〞〟・·ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
    "゛゜ヽヾゝゞ！＂％＇），．：；？］｝～"
    ",.;:?!)]}"
)
# No line may end with these.
OPEN = set("（《「『“‘〈【〔〖〘〚［｛｟〝(（[{＄￥$")
# Closing marks that may also begin a word after a space: the apostrophe of "’90s", a middle dot
WORD_START = set("’·・")
# Never split between two of these: —— and ……
INSEPARABLE = set("—…‥")
_CJK_CLASS = EAST_ASIAN_CLASS
# a piece: an ideograph alone, or a Latin run (a long one may break after a hyphen, dash or
# slash)
_PIECE = (
    rf"[{_CJK_CLASS}]"
    rf"|[^ \t{_CJK_CLASS}](?:[^ \t{_CJK_CLASS}\-–—/]|[\-–—/](?![^\W_]))*[\-–—/]?"
)
NO_BREAK_SPACE = "\u00a0"


def _class(chars: set[str]) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]"


# one atom with the spaces before it: a piece, and the pieces glued to it where no line may
# break: closing punctuation after (after a space too, except a mark that may start a word),
# anything after opening punctuation, —— and ……, either side of a no-break space
# (spaces are matched possessively, *+, and trailing spaces end the last match: a run of
# spaces is never rescanned, so a paragraph ending in many is not quadratic)
_GLUE = (
    rf"[ \t]*+(?={_class(CLOSE - WORD_START)})|(?={_class(CLOSE & WORD_START)})"
    rf"|(?<={_class(OPEN)})[ \t]*+|(?<={_class(INSEPARABLE)})(?={_class(INSEPARABLE)})"
    rf"|(?=\u00a0)|(?<=\u00a0)"
)
_ATOM = re.compile(rf"([ \t]*+)((?:{_PIECE})(?:(?:{_GLUE})(?:{_PIECE}))*|\Z)")
_BLANKS = re.compile(r"[ \t]+")

# East Asian numerals that end a bare number ("5.5万", "3億", "2만"): a measure word follows
SCALE_CHARACTERS = set("十百千万亿兆萬億만억조천백")
# Full-width punctuation whose glyph sits in the left half of its em: at the end of a line
# the blank right half may hang into the margin (clreq 3.1.5, line-end compression), so a
# line that is full but for half a comma takes it instead of being letter-spaced.
HANGING = set("，。、；：）》」』】〕〗")


class Atom(NamedTuple):
    text: str
    space_before: bool  # a breakable space separates it from the atom before


_TEXT = attrgetter("text")
_SPACED = attrgetter("space_before")


class Line(NamedTuple):
    atoms: tuple[Atom, ...]
    width: float  # natural width
    last: bool  # the paragraph's last line, or the line before a hard break
    hyphen: bool = False  # broken inside a word, at a hyphenation point


def atoms(text: str, keep: Sequence[tuple[int, int]] = ()) -> list[list[Atom]]:
    """The atoms of each hard-broken part of ``text``; ``keep`` spans are never split."""
    parts: list[list[Atom]] = []
    offset = 0
    for part in text.split("\n"):
        spans = [(s - offset, e - offset) for s, e in keep if s < offset + len(part) and e > offset]
        parts.append(_atoms(part, spans))
        offset += len(part) + 1
    return parts


def _atoms(text: str, keep: Sequence[tuple[int, int]]) -> list[Atom]:
    # atoms, found by one regular expression: pieces glued where no line may break.  The
    # rest is done by built-in iterators: a paragraph of ideographs has an atom per character.
    found = _ATOM.findall(text)
    while found and not found[-1][1]:
        found.pop()  # the spaces at the end (and the empty match after them)
    if not found:
        return []
    blanks, pieces = zip(*found, strict=True)
    spaced = list(map(bool, blanks))
    spaced[0] = False
    if "\t" in text or "  " in text:
        # the spaces inside an atom (around punctuation, in a figure) are one space each
        texts = [_BLANKS.sub(" ", a) if "\t" in a or "  " in a else a for a in pieces]
    else:
        texts = list(pieces)
    if keep:
        texts, spaced = _hold(text, blanks, pieces, texts, spaced, keep)
    # tuple.__new__: a NamedTuple's own __new__ is Python code, run once per ideograph here
    return list(map(tuple.__new__, repeat(Atom), zip(texts, spaced, strict=True)))


def _hold(
    text: str,
    blanks: tuple[str, ...],
    pieces: tuple[str, ...],
    texts: list[str],
    spaced: list[bool],
    keep: Sequence[tuple[int, int]],
) -> tuple[list[str], list[bool]]:
    """The atoms' texts and spaces, with those a figure holds together joined."""
    # where each atom's text starts in ``text``, after its spaces
    lengths = list(map(len, pieces))
    ends = accumulate(map(add, map(len, blanks), lengths))
    starts = list(map(sub, ends, lengths))
    n = len(starts)
    held: set[int] = set()
    for span_start, span_end in keep:
        # the atoms that start inside a span stick to the one before (a space inside a
        # figure, as in "CNY 30.25 billion", does not break either)
        k = max(bisect_right(starts, span_start), 1)
        while k < n and starts[k] < span_end:
            held.add(k)
            k += 1
        # the measure word right after a bare number stays with it: 5.5万|人 and 42|个 never
        # split; a figure that ends in its unit (1600亿元, 3%) has none after it
        if (
            k < n
            and starts[k] == span_end
            and not spaced[k]
            and is_east_asian(text[span_end])
            and (text[span_end - 1].isdigit() or text[span_end - 1] in SCALE_CHARACTERS)
        ):
            held.add(k)
            if text[span_end] in "余多" and k + 1 < n and starts[k + 1] == span_end + 1:
                held.add(k + 1)
    # copied in slices between the held atoms: linear however many figures a part holds
    joined: list[str] = []
    joined_spaced: list[bool] = []
    after = 0
    for k in sorted(held):
        joined += texts[after:k]
        joined_spaced += spaced[after:k]
        joined[-1] += (" " + texts[k]) if spaced[k] else texts[k]
        after = k + 1
    return joined + texts[after:], joined_spaced + spaced[after:]


def phrases(parts: list[list[Atom]]) -> list[list[Atom]]:
    """The atoms between spaces merged into one: text that may break only at its spaces."""
    out: list[list[Atom]] = []
    for part in parts:
        merged: list[Atom] = []
        for atom in part:
            if merged and not atom.space_before:
                merged[-1] = Atom(merged[-1].text + atom.text, merged[-1].space_before)
            else:
                merged.append(atom)
        out.append(merged)
    return out


def break_lines(
    parts: list[list[Atom]],
    width_of: Callable[[str], float],
    width: float,
    first_indent: float = 0.0,
    han_latin: float = 0.0,
) -> list[Line]:
    """Fill lines greedily; every line's natural width fits ``width``.  Linear in the text:
    each line's end is found by bisection on the part's running widths.  ``han_latin``:
    the space between an ideograph and a Latin letter or digit (a house style; 0: none)."""
    space = width_of(" ")
    lines: list[Line] = []
    limit = width - first_indent
    for part in parts:
        widths = list(map(width_of, map(_TEXT, part)))
        if widths and max(widths) > limit:
            fitted = list(_fitting(part, width_of, limit))
            part, widths = [a for a, _ in fitted], [w for _, w in fitted]
        avail = width - (first_indent if not lines else 0.0)
        lines += _fill(part, widths, space, width_of, avail, width, han_latin)
    return lines


def _fill(
    part: list[Atom],
    widths: list[float],
    space: float,
    width_of: Callable[[str], float],
    first: float,
    width: float,
    han_latin: float,
) -> list[Line]:
    """One part's lines, the first ``first`` wide and the rest ``width``."""
    n = len(part)
    if not n:
        return [Line((), 0.0, True)]
    gaps = list(map(space.__mul__, map(_SPACED, part)))  # a space before an atom, or 0
    if han_latin:
        gaps = list(map(add, gaps, script_gaps(part, han_latin)))
    running = [0.0, *accumulate(map(add, gaps, widths))]
    out: list[Line] = []
    a = 0
    avail = first + 1e-6
    while True:
        start = running[a] + gaps[a]  # a line drops the space it breaks at
        b = max(bisect_right(running, start + avail, a + 1) - 1, a + 1)
        # a mark whose blank half may stand past the line's end (HANGING) still fits
        if (
            b < n
            and part[b].text[-1] in HANGING
            and running[b + 1] - start - width_of(part[b].text[-1]) / 2 <= avail
        ):
            b += 1
        if b >= n:
            out.append(Line(tuple(part[a:]), running[n] - start, True))
            return out
        out.append(Line(tuple(part[a:b]), running[b] - start, False))
        a, avail = b, width + 1e-6


def script_gaps(part: Sequence[Atom], han_latin: float) -> list[float]:
    """The space before each atom where the script changes between an ideograph and a
    Latin letter or digit with no space between (clreq 3.2.2: a quarter em, as a house
    style wants it); 0 elsewhere."""
    out = [0.0] * len(part)
    for i in range(1, len(part)):
        if not part[i].space_before and script_change(part[i - 1].text[-1], part[i].text[0]):
            out[i] = han_latin
    return out


@cache
def inner_gaps(text: str) -> tuple[tuple[int, bool], ...]:
    """Where an atom (a figure with its unit, "增长8.0%", a word) may open when its line is
    justified, as the gaps between atoms do: after each character followed by another
    ideograph (False) or where Han meets a Latin letter or digit (True); never between
    digits or letters, nor beside a mark (it belongs to its character)."""
    out = []
    for j in range(len(text) - 1):
        before, after = text[j], text[j + 1]
        if _is_han(before) and _is_han(after):
            out.append((j, False))
        elif script_change(before, after):
            out.append((j, True))
    return tuple(out)


def script_change(before: str, after: str) -> bool:
    """Whether an ideograph meets a Latin letter or digit (either way round)."""
    return (_is_han(before) and _is_latin(after)) or (_is_latin(before) and _is_han(after))


def _is_han(ch: str) -> bool:
    return ch.isalpha() and is_east_asian(ch)


def _is_latin(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x250


def _fitting(
    atoms: list[Atom], width_of: Callable[[str], float], width: float
) -> Iterator[tuple[Atom, float]]:
    """The atoms with their widths, any wider than a line cut into line-sized pieces: at
    inner spaces (a long figure such as "more than CNY 1.9 trillion"), else between
    characters, so nothing ever overflows the frame.  One pass, however long the word."""
    for atom in atoms:
        w = width_of(atom.text)
        if w <= width:
            yield atom, w
            continue
        pieces = atom.text.split(" ") if " " in atom.text else [atom.text]
        first = True
        for piece in pieces:
            chunk, used = "", 0.0
            for ch in piece:
                cw = width_of(ch)
                if chunk and used + cw > width:
                    yield Atom(chunk, atom.space_before if first else False), used
                    first = False
                    chunk, used = "", 0.0
                chunk += ch
                used += cw
            if chunk:
                yield Atom(chunk, atom.space_before if first else True), used
                first = False
