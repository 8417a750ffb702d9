"""Which writing system a character belongs to: the one table of scripts jbreport tells
apart, and the character classes built from it.

- :data:`EAST_ASIAN` (:data:`CJK_RE`): Han, kana, Hangul, bopomofo, CJK punctuation and
  full-width forms: set with East Asian fonts and broken between any two characters;
- :data:`IDEOGRAPHIC`: the letters of those scripts (Han, kana, Hangul), each a word when
  words are counted;
- :data:`UNSPACED`: the letters of every script written without spaces between words
  (those, and Thai, Lao, Myanmar, Khmer): a word of them may touch the next (302.5亿元);
- :func:`has_han`: whether a text holds Han ideographs;
- :func:`count_words`: the words of a source string, as CAT tools count them.
- :func:`script_of` and :func:`direction`: the script of a run of text (or of a language
  tag, by CLDR's likely subtags) and the way it is written, for the writers' right-to-left
  layout and fonts per script.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from .placeholders import without_placeholders

# ISO 15924 codes of the scripts of CLDR locales written in East Asian type
EAST_ASIAN_SCRIPTS = frozenset({"Hans", "Hant", "Hani", "Jpan", "Kore", "Hang"})

# (first, last, kind) in code point order.  Kinds: Hani, Kana, Hang, Bopo (letters of East
# Asian scripts), Zyyy (East Asian punctuation, symbols and full-width forms), and the
# letters of scripts written without spaces elsewhere (Thai, Laoo, Mymr, Khmr).
BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0E00, 0x0E7F, "Thai"),
    (0x0E80, 0x0EFF, "Laoo"),
    (0x1000, 0x109F, "Mymr"),
    (0x1100, 0x11FF, "Hang"),  # Hangul jamo
    (0x1780, 0x17FF, "Khmr"),
    (0x2E80, 0x2FFF, "Hani"),  # radicals, Kangxi radicals, ideographic description
    (0x3000, 0x303F, "Zyyy"),  # CJK symbols and punctuation
    (0x3040, 0x30FF, "Kana"),  # hiragana, katakana
    (0x3100, 0x312F, "Bopo"),
    (0x3130, 0x318F, "Hang"),  # Hangul compatibility jamo
    (0x3190, 0x319F, "Zyyy"),  # kanbun
    (0x31A0, 0x31BF, "Bopo"),
    (0x31C0, 0x31EF, "Hani"),  # CJK strokes
    (0x31F0, 0x31FF, "Kana"),  # katakana phonetic extensions
    (0x3200, 0x33FF, "Zyyy"),  # enclosed letters and months, CJK compatibility
    (0x3400, 0x4DBF, "Hani"),  # extension A
    (0x4DC0, 0x4DFF, "Zyyy"),  # Yijing hexagram symbols
    (0x4E00, 0x9FFF, "Hani"),
    (0xA960, 0xA97F, "Hang"),  # Hangul jamo extended A
    (0xAC00, 0xD7FF, "Hang"),  # syllables, jamo extended B
    (0xF900, 0xFAFF, "Hani"),  # compatibility ideographs
    (0xFE30, 0xFE4F, "Zyyy"),  # CJK compatibility forms
    (0xFF00, 0xFFEF, "Zyyy"),  # half-width and full-width forms
    (0x20000, 0x3FFFF, "Hani"),  # supplementary ideographic planes
)

_EAST_ASIAN_KINDS = frozenset({"Hani", "Kana", "Hang", "Bopo", "Zyyy"})


def _class(kinds: frozenset[str]) -> str:
    """A regular expression character class (without brackets) of the blocks of ``kinds``,
    adjacent blocks merged."""
    ranges: list[list[int]] = []
    for first, last, kind in BLOCKS:
        if kind not in kinds:
            continue
        if ranges and ranges[-1][1] + 1 == first:
            ranges[-1][1] = last
        else:
            ranges.append([first, last])
    return "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges)


# for use inside a larger character class: rf"[^ \t{EAST_ASIAN_CLASS}]"
EAST_ASIAN_CLASS = _class(_EAST_ASIAN_KINDS)
CJK_RE = re.compile(f"[{EAST_ASIAN_CLASS}]")
IDEOGRAPHIC_CLASS = _class(frozenset({"Hani", "Kana", "Hang"}))
IDEOGRAPHIC = re.compile(f"[{IDEOGRAPHIC_CLASS}]")
UNSPACED = re.compile(
    f"[{_class(frozenset({'Hani', 'Kana', 'Hang', 'Thai', 'Laoo', 'Mymr', 'Khmr'}))}]"
)
_HAN = re.compile(f"[{_class(frozenset({'Hani'}))}]")


def is_east_asian(char: str) -> bool:
    """Whether ``char`` is set as East Asian text (see :data:`CJK_RE`)."""
    return CJK_RE.match(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds a Han ideograph."""
    return _HAN.search(text) is not None


_LATIN_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.,-]*")


def count_words(text: str) -> int:
    """The words of a source string as CAT tools count them (memoQ, Trados): a run of Latin
    letters or digits is one word, each Han, kana or Hangul character is one (those scripts
    write no spaces); ``{placeholders}`` are not words."""
    text = without_placeholders(text)
    return len(_LATIN_WORD.findall(text)) + len(IDEOGRAPHIC.findall(text))


# ISO 15924 codes of the scripts written right to left (of CLDR's locales and Unicode's
# strong right-to-left letters): Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam, Rohingya…
RTL_SCRIPTS = frozenset(
    {"Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg", "Samr", "Mand", "Mend"}
)
# Unicode blocks of the right-to-left letters the script of a run is told from
_RTL_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0700, 0x074F, "Syrc"),
    (0x0750, 0x077F, "Arab"),
    (0x0780, 0x07BF, "Thaa"),
    (0x07C0, 0x07FF, "Nkoo"),
    (0x0870, 0x08FF, "Arab"),
    (0xFB1D, 0xFB4F, "Hebr"),
    (0xFB50, 0xFDFF, "Arab"),
    (0xFE70, 0xFEFF, "Arab"),
    (0x1E900, 0x1E95F, "Adlm"),
)


def script_of(char: str) -> str | None:
    """The ISO 15924 script of a letter as far as jbreport tells them apart: the East Asian
    ones and the unspaced ones of :data:`BLOCKS`, the right-to-left ones, Latn for a Latin
    letter; None for digits, punctuation and spaces (they take the script around them)."""
    if not char.isalpha():
        return None
    code = ord(char)
    for first, last, kind in (*BLOCKS, *_RTL_BLOCKS):
        if first <= code <= last:
            return None if kind == "Zyyy" else kind
    return "Latn" if "LATIN" in unicodedata.name(char, "") else "Zzzz"


def direction(text_or_tag: str) -> Literal["ltr", "rtl"]:
    """How a run of text, or a language tag (``ar``, ``he``, ``fa``, ``ur``; ``ar_EG``,
    ``sd_Arab``), is written: by the bidirectional class of its first strong letter (as the
    Unicode bidi algorithm's first-strong rule), a tag by its script from CLDR's likely
    subtags."""
    from .locale import identity  # locale imports this module's script codes

    if re.fullmatch(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*", text_or_tag):
        script = identity(text_or_tag).script
        if script is not None:
            return "rtl" if script in RTL_SCRIPTS else "ltr"
    for char in text_or_tag:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"
