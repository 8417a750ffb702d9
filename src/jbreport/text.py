"""Plain-text hygiene shared by every stage: what may appear in a string jbreport writes."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF;
# C1 controls and DEL are legal but invisible garbage when pasted from other programs.
_ILLEGAL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")


def clean_text(text: str) -> str:
    """Drop characters no document format can hold; vertical tabs and form feeds become
    line breaks, so pasted text keeps its shape but never breaks the XML or the PDF."""
    return _ILLEGAL.sub("", _BREAKS.sub("\n", text))


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put values into ``{name}`` fields.  Only plain names: a translation is data, so
    attribute access, indexing and format specs are refused, never evaluated."""
    return fill_spans(text, values)[0]


def fill_spans(text: str, values: Mapping[str, str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """:func:`fill`, also returning where each value landed (kept whole when typeset)."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for literal, field, spec, conversion in string.Formatter().parse(text):
        out.append(literal)
        length += len(literal)
        if field is None:
            continue
        if spec or conversion or not field.isidentifier():
            raise ValueError(f"placeholder {{{field}}} must be a plain name")
        if field not in values:
            raise KeyError(field)
        value = values[field]
        out.append(value)
        spans.append((length, length + len(value)))
        length += len(value)
    return "".join(out), tuple(spans)
