"""The ``{name}`` fields of a message: the one parser of them.

Messages follow Python's brace syntax (``{{`` is a literal brace), as gettext's
``python-brace-format`` flag says; only plain names are filled: a translation is data, so
attribute access, indexing, conversions and format specs are refused, never evaluated.
:func:`raw_fields` cuts a message where its plain fields are and keeps the rest as written,
for the files a translator edits and that come back (XLIFF, the review copy).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..limits import PLACEHOLDERS

_FORMATTER = string.Formatter()
_RAW_TOKEN = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}")


@dataclass(frozen=True, slots=True)
class Field:
    """One ``{…}`` field: what stands between the braces, split as Python does."""

    name: str
    spec: str
    conversion: str | None

    @property
    def plain(self) -> bool:
        return not self.spec and not self.conversion and self.name.isidentifier()


def parse(text: str) -> Iterator[str | Field]:
    """The literal text (braces unescaped) and the fields of ``text``, in order; ValueError
    on a lone brace."""
    if "{" not in text and "}" not in text:
        if text:
            yield text  # most text: nothing to parse
        return
    for literal, name, spec, conversion in _FORMATTER.parse(text):
        if literal:
            yield literal
        if name is not None:
            yield Field(name, spec or "", conversion)


def placeholders(text: str) -> list[str]:
    """The names of the fields of a message, in order; ValueError on a lone brace."""
    return [part.name for part in parse(text) if isinstance(part, Field)]


class LoneBrace(ValueError):
    """A brace that opens or closes no field."""


def check_plain(text: str) -> None:
    """ValueError unless every field of ``text`` is a plain ``{name}``, and there are at
    most :data:`PLACEHOLDERS` of them."""
    count = 0
    try:
        parts = list(parse(text))
    except ValueError as exc:
        raise LoneBrace(str(exc)) from None
    for part in parts:
        if isinstance(part, Field):
            count += 1
            if not part.plain:
                raise ValueError(
                    f"placeholder {{{_shown(part)}}} must be a plain name: a format or"
                    " conversion is not allowed"
                )
    if count > PLACEHOLDERS:
        raise ValueError(f"{count:,} placeholders; at most {PLACEHOLDERS:,} in one string")


def _shown(field: Field) -> str:
    text = field.name + (f"!{field.conversion}" if field.conversion else "")
    text += f":{field.spec}" if field.spec else ""
    return text if len(text) <= 40 else text[:39] + "…"


def is_brace_format(text: str) -> bool:
    """Whether gettext should check the message as ``python-brace-format``: it has a field
    (or a brace that is not one, for msgfmt to point at)."""
    try:
        return bool(placeholders(text))
    except ValueError:
        return True


def without_placeholders(text: str, replacement: str = " ") -> str:
    """The text with each field replaced (the words and figures a translator wrote); a text
    that does not parse is returned as it is."""
    try:
        parts = list(parse(text))
    except ValueError:
        return text
    return "".join(part if isinstance(part, str) else replacement for part in parts)


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put values into ``{name}`` fields (see :func:`fill_spans`)."""
    return fill_spans(text, values)[0]


def fill_spans(text: str, values: Mapping[str, str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text with its fields filled, and where each value landed (kept whole when
    typeset).  ValueError on a field that is not a plain name, KeyError on an unknown one."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for part in parse(text):
        if isinstance(part, str):
            out.append(part)
            length += len(part)
            continue
        if not part.plain:
            raise ValueError(f"placeholder {{{_shown(part)}}} must be a plain name")
        if part.name not in values:
            raise KeyError(part.name)
        value = values[part.name]
        out.append(value)
        spans.append((length, length + len(value)))
        length += len(value)
    return "".join(out), tuple(spans)


def raw_fields(text: str) -> list[str | tuple[str]]:
    """``text`` cut at its plain ``{name}`` fields, in order: the text between them as
    written (``{{`` and ``}}`` stay doubled, a lone brace stays text) and each field as a
    1-tuple of its name.  Joined back (a field as ``{name}``) it is ``text`` again, which
    :func:`parse`'s unescaped literals are not."""
    out: list[str | tuple[str]] = []
    pos = 0
    for match in _RAW_TOKEN.finditer(text):
        if match[1] is None:
            continue
        if match.start() > pos:
            out.append(text[pos : match.start()])
        out.append((match[1],))
        pos = match.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def raw_names(text: str) -> list[str]:
    """The names of the plain fields of ``text`` (see :func:`raw_fields`), in order."""
    return [piece[0] for piece in raw_fields(text) if isinstance(piece, tuple)]
