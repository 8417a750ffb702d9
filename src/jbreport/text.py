"""Plain-text hygiene shared by every stage: what may appear in a string jbreport writes."""

from __future__ import annotations

import re

from .errors import JbreportError, Location

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF;
# C1 controls and DEL are legal but invisible garbage when pasted from other programs.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")


def clean_text(text: str) -> str:
    """Drop characters no document format can hold; vertical tabs and form feeds become
    line breaks, so pasted text keeps its shape but never breaks the XML or the PDF."""
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))


def utf8_text(data: bytes, shown: str, error: type[JbreportError], advice: str) -> str:
    """``data`` decoded as UTF-8, or ``error`` at the line of the first byte that is not."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); {advice}", Location(shown, line)
        ) from None
