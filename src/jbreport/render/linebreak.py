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
from dataclasses import dataclass

from . import CJK_RE

# No line may begin with these (clreq / JIS X 4051 / GB/T 15834 line-start prohibitions).
CLOSE = set(
    "，。、；：？！）》」』”’…‥%‰℃°〉】〕〗〙〛｝］｠〞〟・·ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻"
    "゛゜ヽヾゝゞ！＂％＇），．：；？］｝～"
    ",.;:?!)]}"
)
# No line may end with these.
OPEN = set("（《「『“‘〈【〔〖〘〚［｛｟〝(（[{＄￥$")
# Never split between two of these: —— and ……
INSEPARABLE = set("—…‥")
SPACES = {" ", "\t"}
_CJK_CLASS = CJK_RE.pattern[1:-1]
_PIECE = re.compile(
    rf"(?P<space>[ \t]+)|(?P<cjk>[{_CJK_CLASS}])"
    rf"|(?P<latin>[^ \t{_CJK_CLASS}](?:[^ \t{_CJK_CLASS}\-–—/]|[\-–—/](?![^\W_]))*[\-–—/]?)"
)
NO_BREAK_SPACE = "\u00a0"


@dataclass(frozen=True, slots=True)
class Atom:
    text: str
    space_before: bool  # a breakable space separates it from the atom before


@dataclass(frozen=True, slots=True)
class Line:
    atoms: tuple[Atom, ...]
    width: float  # natural width
    last: bool  # the paragraph's last line, or the line before a hard break


def _is_cjk(ch: str) -> bool:
    return bool(CJK_RE.match(ch))


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
    # 1. pieces: each ideograph alone, Latin runs whole (a long one may break after a
    # hyphen, dash or slash), spaces as separators; found by one regular expression
    pieces: list[tuple[int, int, bool]] = []  # start, end, space_before
    space = False
    for match in _PIECE.finditer(text):
        if match.lastgroup == "space":
            space = True
            continue
        pieces.append((match.start(), match.end(), space))
        space = False
    # 2. glue: which piece boundaries may not break
    glue = [False] * len(pieces)  # glue[k]: piece k sticks to piece k-1
    starts = [p[0] for p in pieces]
    for k in range(1, len(pieces)):
        start, _end, space_before = pieces[k]
        _prev_start, prev_end, _ = pieces[k - 1]
        if space_before:
            continue
        first = text[start]
        last_prev = text[prev_end - 1]
        if (
            first in CLOSE
            or last_prev in OPEN
            or (first in INSEPARABLE and last_prev in INSEPARABLE)
            or first == NO_BREAK_SPACE
            or last_prev == NO_BREAK_SPACE
        ):
            glue[k] = True
    n = len(pieces)
    for span_start, span_end in keep:
        # the pieces that start inside a span stick to the one before (a space inside a
        # figure, as in "CNY 30.25 billion", does not break either)
        k = max(bisect_right(starts, span_start), 1)
        while k < n and starts[k] < span_end:
            glue[k] = True
            k += 1
        # the measure word right after a figure stays with it: 5.5万|人 never splits
        if k < n and starts[k] == span_end and not pieces[k][2] and _is_cjk(text[span_end]):
            glue[k] = True
            if text[span_end] in "余多" and k + 1 < n and not pieces[k + 1][2]:
                glue[k + 1] = True
    # 3. merge glued pieces into atoms
    out: list[Atom] = []
    for k, (start, end, space_before) in enumerate(pieces):
        piece = text[start:end]
        if k and glue[k] and out:
            prev = out[-1]
            joined = prev.text + (" " if space_before else "") + piece
            out[-1] = Atom(joined, prev.space_before)
        else:
            out.append(Atom(piece, space_before and bool(out)))
    return out


def break_lines(
    parts: list[list[Atom]],
    width_of: Callable[[str], float],
    width: float,
    first_indent: float = 0.0,
) -> list[Line]:
    """Fill lines greedily; every line's natural width fits ``width``.  Linear in the text."""
    space = width_of(" ")
    lines: list[Line] = []
    for part in parts:
        current: list[Atom] = []
        used = 0.0
        avail = width - (first_indent if not lines else 0.0)
        for atom, w in _fitting(part, width_of, width - first_indent):
            gap = space if (atom.space_before and current) else 0.0
            if current and used + gap + w > avail + 1e-6:
                lines.append(Line(tuple(current), used, False))
                current, used, avail, gap = [], 0.0, width, 0.0
            current.append(atom if current else Atom(atom.text, atom.space_before))
            used += gap + w
        lines.append(Line(tuple(current), used, True))
    return lines


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


def violations(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Lines that break 禁则: begin with closing or end with opening punctuation."""
    bad = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if text[0] in CLOSE - set(",.;:?!)]}") or text[-1] in OPEN - set("([{$"):
            bad.append((number, line))
    return bad
