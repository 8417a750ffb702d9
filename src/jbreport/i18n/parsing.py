"""Figures as an editor types them (``302.5亿``, ``5.5万``, ``12 345,6``), or as
:mod:`.formatting` writes them: read into exact Decimals, with the digits typed kept.

Scale words are the locale's own, from CLDR (:mod:`.scales`).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

from .figures import FigureValueError
from .locale import get_locale
from .scales import scales

_SPACES = " \u00a0\u202f"


def parse_number(text: str, tag: str) -> Decimal:
    """Read a figure as an editor types it, or as :mod:`.formatting` writes it:
    ``302.5亿``, ``5.5万``, ``1.2 billion``, ``milioni 5`` (sw), ``12 345,6`` (ru), ``2213``.

    Scale words are the locale's own, from CLDR.  The result keeps the digits typed, so
    ``302.5亿`` is ``Decimal('3.025E+10')`` and formats back to 30.25 billion, never 30.250.
    """
    number, exponent = _parse(text, tag)
    return number.scaleb(exponent)


def _parse(text: str, tag: str) -> tuple[Decimal, int]:
    """The number as typed (its digits and sign) and the power of ten of its scale words."""
    raw = " ".join(text.split())  # any run of spaces (no-break ones too) is one space
    digits, exponent = _scaled(raw, tag)
    m = re.fullmatch(rf"{_typed_number(tag)}\s*(.*)", digits)
    if not m:
        raise FigureValueError(f"not a number: {text!r}")
    sign, digits, word = m[1], m[2], m[3].strip()
    locale = get_locale(tag)
    try:
        # the locale's own separators: 3,025 is 3.025 in German, 55.000 fifty-five thousand
        number = parse_decimal(digits, locale=locale, strict=True)
    except NumberFormatError as exc:
        # unless the locale writes it so (Babel's strict check knows groups of three only)
        written = _as_written(digits, locale)
        if written is None:
            hint = f" (did you mean {exc.suggestions[0]}?)" if exc.suggestions else ""
            raise FigureValueError(f"not a number as {tag} writes it: {text!r}{hint}") from None
        number = written
    except (InvalidOperation, ValueError):
        raise FigureValueError(f"not a number: {text!r}") from None
    if sign == "-":
        number = -number
    if word:
        words = sorted({p.replace("0", "").strip() for s in scales(tag) for _c, p in s.patterns})
        raise FigureValueError(
            f"unknown scale word {word!r} in {text!r}; {tag} knows: {', '.join(words) or 'none'}"
        )
    return number, exponent


def typed_precision(text: str, tag: str) -> int | None:
    """The power of ten of the last digit of ``text`` when its fraction ends in a zero an
    editor typed on purpose (``8.0``: -1, ``48.60亿``: 6); None otherwise (``302.5亿``, and
    ``1600亿``, whose zeros are the integer's)."""
    number, exponent = _parse(text, tag)
    digits = number.as_tuple()
    if isinstance(digits.exponent, int) and digits.exponent < 0 and digits.digits[-1] == 0:
        return digits.exponent + exponent
    return None


def _as_written(digits: str, locale: Locale) -> Decimal | None:
    """The number, if the locale's own pattern writes it exactly as ``digits``."""
    try:
        number = parse_decimal(digits, locale=locale)
    except (NumberFormatError, InvalidOperation, ValueError):
        return None
    written = format_decimal(number, locale=locale, decimal_quantization=False)
    return number if written == digits else None


def _scaled(raw: str, tag: str) -> tuple[str, int]:
    """The digits of a figure and the power of ten of its scale words (the locale's, before
    or after the digits), its digit groups written with the locale's group symbol."""
    group = get_group_symbol(get_locale(tag))
    if group in _SPACES:  # 12 345 as typed, 12\u00a0345 or 12\u202f345 as CLDR writes it
        raw = re.sub(r"(?<=\d)[ \u00a0\u202f](?=\d)", group, raw)
    for scale in sorted(scales(tag), key=lambda s: -len(s.patterns[0][1])):
        for _category, pattern in scale.patterns:
            parts = _PATTERN_PARTS.fullmatch(pattern)
            if parts is None:
                continue
            before, after = " ".join(parts[1].split()), " ".join(parts[3].split())
            if (before or after) and raw.startswith(before) and raw.endswith(after):
                inner = raw[len(before) : len(raw) - len(after)].strip()
                if re.fullmatch(_typed_number(tag), inner):
                    return inner, scale.divisor
    return raw, 0


_PATTERN_PARTS = re.compile(r"([^0]*?)(0+)(.*)", re.DOTALL)


@functools.cache
def _typed_number(tag: str) -> str:
    """A regular expression of a number with the separators of ``tag`` or the usual ones:
    its sign and its digits."""
    locale = get_locale(tag)
    marks = re.escape(",.\u202f'’\u00a0 " + get_group_symbol(locale) + get_decimal_symbol(locale))
    return rf"([+-]?)(\d[\d{marks}]*\d|\d|[{marks}]\d+)"
