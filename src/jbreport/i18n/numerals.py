"""Numerals the checker reads: ordinals, CJK numerals, the digits of other numbering systems.

第三 and 3位 are both the third, 首批 and 第1弾 the first: each is read as ("ordinal", n), so
a Japanese translation that writes 3位 for the Chinese 第三 states the same figure, and the
digits of an ordinal are never taken for a count.  Ordinals in words (the first, le
premier) are not read: the checker compares ordinals only when both texts state some
(see :func:`jbreport.translations.checks.figure_problems`).  Digits of any script (٣, ३)
and the separators of a locale's CLDR numbering systems (ar: ٫) are read as ASCII ones.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from decimal import Decimal

from .figures import FigureValueError
from .locale import get_locale
from .scales import MARKS

_CJK_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3,
    "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}
_CJK_NUMERAL = "[〇零一二两兩三四五六七八九十百千]+"

# first, as Chinese says it before a measure word: 首批 (the first batch), 首家, 首届
_FIRST = re.compile("首(?=[批个個家届屆次款座条條项項部轮輪位])")
# 第三 / 第3 (zh, ja), 제3 (ko)
_NTH = re.compile(rf"第\s?(\d+|{_CJK_NUMERAL})|제\s?(\d+)")
# the place or instalment by its counter, in Japanese: 3位, 2番目, 第1弾 (read by _NTH), 3回目
_JA_COUNTER = re.compile(r"(?<![\d.,])(\d+)(?=位|番目|回目|弾)")
# digits with an ordinal ending: 1st, 2nd (en); 1er, 2e (fr); 3.º, 1ª (es, pt, it); 3-й (ru)
_SUFFIXED = re.compile(
    r"(?<![\w.,])(\d+)(?:st|nd|rd|th|er|re|e|ème|\.?º|\.?ª|-(?:й|я|е|го|му|м|х))(?!\w)"
)


def cjk_numeral(text: str) -> int | None:
    """The value of a CJK numeral below ten thousand: 三 3, 十三 13, 二十 20, 一百零五 105."""
    total, digit = 0, None
    for char in text:
        if char in _CJK_DIGITS:
            digit = _CJK_DIGITS[char]
        elif char in _CJK_UNITS:
            total += (1 if digit is None else digit) * _CJK_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)


def take_ordinals(text: str, found: Counter[tuple[str, Decimal]]) -> str:
    """Count the ordinals of ``text`` into ``found``; the text with each blanked (its
    length kept)."""

    def take(value: int | None, m: re.Match[str]) -> str:
        if value is not None:
            found[("ordinal", Decimal(value))] += 1
        return " " * len(m[0])

    text = _FIRST.sub(lambda m: take(1, m), text)
    text = _NTH.sub(lambda m: take(_value(m[1] or m[2]), m), text)
    text = _JA_COUNTER.sub(lambda m: take(int(m[1]), m), text)
    return _SUFFIXED.sub(lambda m: take(int(m[1]), m), text)


def cjk_numerals(text: str) -> set[Decimal]:
    """The values of the CJK numerals of ``text`` (三个翻番: 3): a translation may write them
    in digits, and a figure in digits may be written in them."""
    values = (cjk_numeral(m[0]) for m in re.finditer(_CJK_NUMERAL, text))
    return {Decimal(v) for v in values if v is not None}


def _value(text: str) -> int | None:
    return int(text) if text.isdigit() else cjk_numeral(text)


@functools.cache
def latin_digits(language: str) -> dict[int, str]:
    """A table writing any decimal digit as an ASCII one (٣ → 3, ३ → 3) and the separators
    of the locale's CLDR default and native numbering systems as its Latin ones (ar: ٫ → .,
    ٬ → ,, ٪ → %), character for character: a translator may type the digits the locale
    uses."""
    table = dict(_non_ascii_digits())
    try:
        locale = get_locale(language)
    except FigureValueError:
        return table
    latin = locale.number_symbols["latn"]
    systems = {locale.default_numbering_system, locale.other_numbering_systems.get("native")}
    for system in sorted(s for s in systems if s and s != "latn"):
        native = locale.number_symbols.get(system, {})
        for key in ("decimal", "group", "percentSign"):
            mark, ascii_mark = (str(d.get(key, "")).strip(MARKS) for d in (native, latin))
            if len(mark) == 1 and len(ascii_mark) == 1 and not mark.isascii():
                table.setdefault(ord(mark), ascii_mark)
    return table


@functools.cache
def _non_ascii_digits() -> dict[int, str]:
    """Every decimal digit Unicode has that is not ASCII, with its value."""
    return {
        c: str(unicodedata.digit(chr(c)))
        for c in range(0x80, 0x110000)
        if unicodedata.category(chr(c)) == "Nd"
    }
