"""Scale words: the one table of how a locale writes large numbers with a word (万/亿,
million/billion, Milliarden, mil millones, lakh/crore…), from CLDR's compact decimal
patterns.  Formatting (:mod:`.formatting`), an editor's typed figures and the translation
checker's reader (:mod:`.reading`) all read it from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Literal

from .locale import get_locale

# Marks CLDR puts around right-to-left patterns; they are no part of a word.
MARKS = "\u200e\u200f\u061c"
_PATTERN_RE = re.compile(r"([^0]*?)(0+)([^0]*)")


def pattern_text(pattern: object) -> str:
    """A CLDR pattern's positive part, without quotes ("milioni 0;milioni -0" → "milioni 0")."""
    text = getattr(pattern, "pattern", str(pattern))
    return text.split(";")[0].replace("'", "")


@dataclass(frozen=True, slots=True)
class CompactPattern:
    """One of CLDR's compact decimal patterns: "0 Milliarden" for 10^9 in German, long."""

    style: Literal["long", "short"]
    category: str  # plural category
    magnitude: int  # 10**magnitude is the smallest value written with the pattern
    text: str  # as CLDR writes it, "0 Milliarden"
    zeros: int  # integer digits the pattern holds
    before: str  # the word before the digits ("" for none), marks removed, spaces collapsed
    after: str  # the word after the digits

    @property
    def exponent(self) -> int:
        """The power of ten the word stands for: "00 mil millones" (10^10) is 10^9."""
        return self.magnitude - self.zeros + 1

    @property
    def word(self) -> str:
        return self.text.replace("0", "").strip()


@cache
def compact_patterns(tag: str) -> tuple[CompactPattern, ...]:
    """Every compact decimal pattern of the locale that holds digits."""
    locale = get_locale(tag)
    out: list[CompactPattern] = []
    styles: tuple[Literal["long", "short"], ...] = ("long", "short")
    for style in styles:
        for category, table in (locale.compact_decimal_formats.get(style) or {}).items():
            for key, pattern in table.items():
                text = pattern_text(pattern)
                m = _PATTERN_RE.fullmatch(text.translate({ord(c): None for c in MARKS}))
                if m is None:
                    continue
                before, after = " ".join(m[1].split()), " ".join(m[3].split())
                out.append(
                    CompactPattern(style, category, len(key) - 1, text, len(m[2]), before, after)
                )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Scale:
    """A scale word of running text and its patterns, one per plural category."""

    magnitude: int  # 10**magnitude is the smallest value written with this pattern
    divisor: int  # the value is divided by 10**divisor
    patterns: tuple[tuple[str, str], ...]  # (plural category, pattern such as "0 billion")
    least: Decimal  # 10**magnitude

    def pattern(self, category: str) -> str:
        """The pattern for a plural category, else the "other" one, else the first."""
        patterns = dict(self.patterns)
        return patterns.get(category) or patterns.get("other") or self.patterns[0][1]


@cache
def scales(tag: str) -> tuple[Scale, ...]:
    """The scale words a locale writes large numbers with in running text, from its long
    compact forms (else its short ones).

    The word for thousands is never used in running text ("55,000", not "55 thousand"), so
    scales start at the first magnitude whose word differs from the thousand's: 万 in
    Chinese and Japanese, million in English and French, lakh in Hindi.
    """
    every = compact_patterns(tag)
    style = "long" if any(p.style == "long" for p in every) else "short"
    by_magnitude: dict[int, list[CompactPattern]] = {}
    for p in every:
        if p.style == style:
            by_magnitude.setdefault(p.magnitude, []).append(p)

    def other(group: list[CompactPattern]) -> CompactPattern:
        return next((p for p in group if p.category == "other"), group[0])

    thousand = other(by_magnitude[3]).word if 3 in by_magnitude else ""
    found: list[Scale] = []
    for magnitude in sorted(by_magnitude):
        main = other(by_magnitude[magnitude])
        if not found and (magnitude <= 3 or not main.word or main.word == thousand):
            continue
        if not main.word:
            continue
        patterns = tuple(sorted((p.category, p.text) for p in by_magnitude[magnitude]))
        found.append(Scale(magnitude, main.exponent, patterns, Decimal(10) ** magnitude))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class ScaleWords:
    """The scale words of a locale for reading, by the power of ten they stand for."""

    long: dict[str, int]  # suffix words of the long patterns, lower-cased
    short: dict[str, int]  # suffix abbreviations of the short ones, as written
    prefixes: dict[str, int]  # words before the digits, lower-cased
    around: dict[tuple[str, str], int]  # words on both sides (my, wo), lower-cased


@cache
def scale_words(tag: str) -> ScaleWords:
    """Every scale word of the locale's compact patterns ("Milliarden", "Mrd." and "Mrd").
    A word standing for two different powers in one style is no scale word; where the long
    and the short patterns disagree (CLDR's ne), the long one, which :func:`scales` writes,
    wins."""
    words = ScaleWords({}, {}, {}, {})
    ambiguous: set[str] = set()

    def add(table: dict[str, int], word: str, exponent: int) -> None:
        if table.setdefault(word, exponent) != exponent:
            ambiguous.add(word)

    for p in compact_patterns(tag):
        if p.before and p.after:
            words.around.setdefault((p.before.lower(), p.after.lower()), p.exponent)
        elif p.after:
            word = p.after.lower() if p.style == "long" else p.after
            table = words.long if p.style == "long" else words.short
            add(table, word, p.exponent)
            if word.endswith("."):  # "Mrd" as well as "Mrd."
                add(table, word[:-1], p.exponent)
        elif p.before:
            add(words.prefixes, p.before.lower(), p.exponent)
    for table in (words.long, words.short, words.prefixes):
        for word in ambiguous & table.keys():
            del table[word]
    for word in [
        w for w in words.short if words.long.get(w.lower(), words.short[w]) != words.short[w]
    ]:
        del words.short[word]
    return words
