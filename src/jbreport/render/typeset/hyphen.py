"""Hyphenation points from the edition's dictionary (Pyphen, which ships the LibreOffice
hyphenation patterns: ``en_US`` and ``en_GB`` differ, "pro-gress" against "progress").

Only plain lower-case words are hyphenated: a figure (it holds digits or a kept space), a
name (it begins with a capital) and anything with other characters is left whole; so is
the last word of a paragraph (the caller never asks for it).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

import pyphen

from .linebreak import Atom

MIN_WORD = 6  # letters: shorter words are never hyphenated
_WORD = re.compile(rf"([a-zß-öø-ÿ]{{{MIN_WORD},}})([,.;:!?’”)]*)")


@cache
def _dictionary(lang: str) -> pyphen.Pyphen | None:
    """The patterns for a BCP 47 tag ("en-GB", "en"), or None when Pyphen has none."""
    tag = lang.replace("-", "_")
    found = pyphen.language_fallback(tag)
    if found is None:
        return None
    return pyphen.Pyphen(lang=found, left=2, right=3)


@cache
def _points(lang: str, word: str) -> tuple[int, ...]:
    dictionary = _dictionary(lang)
    return tuple(dictionary.positions(word)) if dictionary is not None else ()


def hyphenated(atoms: list[Atom], lang: str) -> tuple[list[Atom], frozenset[int]]:
    """The atoms with each hyphenable word cut at its hyphenation points, and the indices of
    the pieces that follow a point.  The paragraph's last atom is left whole."""
    if _dictionary(lang) is None:
        return atoms, frozenset()
    out: list[Atom] = []
    after: set[int] = set()
    last = len(atoms) - 1
    for i, atom in enumerate(atoms):
        match = _WORD.fullmatch(atom.text) if i < last else None
        points = _points(lang, match[1]) if match else ()
        if not points:
            out.append(atom)
            continue
        text = atom.text
        cuts = [0, *points, len(text)]
        for k, (start, end) in enumerate(pairwise(cuts)):
            if k:
                after.add(len(out))
            out.append(Atom(text[start:end], atom.space_before if not k else False))
    return out, frozenset(after)
