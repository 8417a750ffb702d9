r"""The PO syntax check: a PO file read line by line as GNU msgfmt reads it.

Babel's reader is lenient (an unterminated string passes, a duplicate entry is merged
silently, ``\q`` is kept as written), so every file is checked here first, with msgfmt's
line and column numbers in each message.  The check also tells :mod:`.io` what Babel gets
wrong: the previous msgid of each entry (``#|``), and the strings with octal or hex escapes,
which Babel leaves as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from babel.messages.pofile import escape, unescape

from ..errors import Location, TranslationError


@dataclass(frozen=True, slots=True)
class Previous:
    """The previous msgid of an entry (``#| msgid``, ``#| msgid_plural``), and its live
    lines as Babel's reader leaves them among the translator comments (none when obsolete)."""

    ids: tuple[str, ...]
    comments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Linted:
    """A PO file that passed the check: its lines for Babel's reader (a string with an
    octal or hex escape re-escaped as Babel reads it; the obsolete previous-msgid lines
    ``#~|``, which Babel cannot read, blank), and the previous msgids by the line of
    their entry's msgid."""

    lines: list[str]
    previous: dict[int, Previous]


# GNU gettext's whitespace between the tokens of a PO line (po-lex.c); a line ends at "\n"
# only, never at the other characters str.splitlines breaks at (U+2028, U+0085, \x1c…).
_PO_SPACE = " \t\r\f\v"
_KEYWORD_RE = re.compile(
    r"(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)(?=[ \t\r\f\v\"])[ \t\r\f\v]*(.*)$"
)
_STRING_RE = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # (unrolled: no alternation per character)
# The escapes of GNU gettext's PO reader (po-lex.c, control_sequence): \n \t \b \r \f \v
# \a \\ \" , one to three octal digits and \x with one or more hex digits (each a byte of
# the file's encoding).  Anything else (\q, \', \?, \u00e9) is "invalid control sequence".
_ESCAPE_RE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+)|(.))")
_SIMPLE_ESCAPES = {
    "n": b"\n",
    "t": b"\t",
    "b": b"\b",
    "r": b"\r",
    "f": b"\f",
    "v": b"\v",
    "a": b"\a",
    "\\": b"\\",
    '"': b'"',
}


class _BadEscape(ValueError):
    r"""An escape GNU gettext refuses, at ``offset``: the index, in the string without its
    quotes, of the character msgfmt stops at (the one after the backslash, or after
    ``\x``)."""

    def __init__(self, offset: int, sequence: str) -> None:
        super().__init__(sequence)
        self.offset = offset
        self.sequence = sequence


def _po_unescape(raw: str) -> str:
    """The value of a quoted PO string as GNU gettext reads it (see ``_ESCAPE_RE``)."""
    body = raw[1:-1]
    if "\\" not in body:
        return body
    out = bytearray()
    pos = 0
    for match in _ESCAPE_RE.finditer(body):
        out += body[pos : match.start()].encode("utf-8")
        octal, hexadecimal, char = match.groups()
        if octal is not None:
            out.append(int(octal, 8) & 0xFF)  # msgfmt keeps the low byte, as C's char
        elif hexadecimal is not None:
            out.append(int(hexadecimal, 16) & 0xFF)
        elif char in _SIMPLE_ESCAPES:
            out += _SIMPLE_ESCAPES[char]
        else:
            offset = match.start() + (2 if char == "x" else 1)
            raise _BadEscape(offset, match[0])
        pos = match.end()
    out += body[pos:].encode("utf-8")
    try:
        return out.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadEscape(-1, "") from None


def _display_column(text: str) -> int:
    """The 0-based column after ``text`` as GNU gettext counts it: a tab to the next
    multiple of 8, a wide (East Asian) character 2, a combining mark 0."""
    column = 0
    for char in text:
        if char == "\t":
            column = (column + 8) & ~7
        elif unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        elif unicodedata.east_asian_width(char) in ("W", "F"):
            column += 2
        else:
            column += 1
    return column


def lint(text: str, shown: str, *, echo: bool = True) -> Linted:
    """Check the PO syntax line by line, as GNU msgfmt would; a problem is a
    TranslationError at its line (and column).

    Lines are split at "\n" only, as msgfmt does, so the line numbers are msgfmt's.
    Without ``echo`` (a file linked from elsewhere) no text of the file is quoted but a
    misspelled keyword.
    """
    lexer = _Lexer(text, shown, echo)
    for number, raw_line in enumerate(lexer.lines, start=1):
        lexer.line(number, raw_line)
    lexer.finish(len(lexer.lines) + 1)
    return Linted(lexer.lines, lexer.previous)


class _Lexer:
    """The state of the check.  States: ``start`` (between entries), ``ctx`` (after
    msgctxt), ``id`` (after msgid), ``plural`` (after msgid_plural), ``str`` (after msgstr:
    the entry is complete)."""

    def __init__(self, text: str, shown: str, echo: bool) -> None:
        self.shown = shown
        self.echo = echo
        self.lines = text.split("\n")
        if self.lines and self.lines[-1] == "":
            del self.lines[-1]
        self.state = "start"
        self.field = ""
        self.obsolete = False
        self.plural = False
        self.context: list[str] | None = None
        self.msgid: list[str] = []
        self.msgid_line = self.entry_line = 0
        self.pending: dict[str, list[str]] = {}
        self.pending_field = ""
        self.comments: list[str] = []  # the pending live previous-msgid lines, as Babel reads them
        self.previous: dict[int, Previous] = {}
        self.seen: dict[tuple[str | None, str], int] = {}

    def fail(self, lineno: int, message: str, column: int | None = None) -> TranslationError:
        return TranslationError(f"PO syntax error: {message}", Location(self.shown, lineno, column))

    def string_of(self, lineno: int, raw: str) -> str:
        if not _STRING_RE.fullmatch(raw):
            if raw.startswith('"') and not _STRING_RE.match(raw):
                raise self.fail(
                    lineno, "unterminated string (a line must end with its closing quote)"
                )
            raise self.fail(lineno, f"expected one quoted string, got {raw[:40]!r}")
        # most strings have no backslash: nothing to unescape, check or rewrite
        value = raw[1:-1] if "\\" not in raw else self.escaped_string(lineno, raw)
        if "\x00" in value:
            raise self.fail(lineno, "a NUL character (\\0) in a string; gettext would cut it there")
        if "\x04" in value:
            raise self.fail(lineno, "context separator <EOT> (\\x04) within string")
        return value

    def escaped_string(self, lineno: int, raw: str) -> str:
        line = self.lines[lineno - 1]
        start = line.rindex(raw)  # the string ends the line (but for spaces)
        try:
            value = _po_unescape(raw)
        except _BadEscape as exc:
            if exc.offset < 0:
                raise self.fail(
                    lineno, "the octal or hex escapes of the string are not UTF-8"
                ) from None
            column = _display_column(line[: start + 1 + exc.offset]) + 1
            raise self.fail(
                lineno,
                f"invalid control sequence '{exc.sequence}'; a backslash starts one of "
                r"\n \t \r \a \b \f \v \\ \" \NNN (octal) \xHH (hex): write \\ for a "
                "backslash itself",
                column,
            ) from None
        if unescape(raw) != value:  # Babel reads \NNN and \xHH as written
            self.lines[lineno - 1] = line[:start] + escape(value) + line[start + len(raw) :]
        return value

    def finish(self, lineno: int) -> None:
        if self.state in ("ctx", "id", "plural"):
            raise self.fail(self.msgid_line or self.entry_line, "this entry has no msgstr")
        if self.state == "str":
            context = "".join(self.context) if self.context is not None else None
            # an obsolete entry counts too: `update` would keep one of the two and drop
            # the other's translation (msgcat and msgmerge refuse such a file)
            key = (context, "".join(self.msgid))
            if key in self.seen:
                raise self.fail(
                    self.msgid_line,
                    f"duplicate message definition (first at line {self.seen[key]}); "
                    "msgctxt and msgid must be unique, obsolete (#~) entries included",
                )
            self.seen.setdefault(key, self.msgid_line)
        self.state = "start"

    def line(self, number: int, raw_line: str) -> None:
        line = raw_line.strip(_PO_SPACE)
        if not line:
            return
        if line.startswith(("#|", "#~|")):
            self.previous_line(number, raw_line, line)
            return
        line_obsolete = line.startswith("#~")
        if line.startswith("#") and not line_obsolete:
            self.finish(number)
            return
        body = line[2:].strip(_PO_SPACE) if line_obsolete else line
        if not body:
            return
        if body.startswith('"'):
            self.continuation(number, body, line_obsolete)
            return
        match = _KEYWORD_RE.match(body)
        if match is None:
            word = body.split()[0] if body.split() else body
            if self.echo or re.fullmatch(r"msg[\w\[\]]{0,12}", word):
                raise self.fail(number, f"unknown keyword {word!r}")
            # a linked file's text is not echoed: it may be a system file linked here
            raise self.fail(
                number,
                "this line is not a PO keyword (msgctxt, msgid, msgstr), a quoted string"
                " or a # comment",
            )
        self.keyword(
            number, match[1], self.string_of(number, match[2].strip(_PO_SPACE)), line_obsolete
        )

    def previous_line(self, number: int, raw_line: str, line: str) -> None:
        """A line of the previous msgid: ``#| msgid "…"``, ``#~| "…"``."""
        self.finish(number)
        body = (line[3:] if line.startswith("#~|") else line[2:]).strip(_PO_SPACE)
        match = _KEYWORD_RE.match(body)
        if match and match[1] in ("msgctxt", "msgid", "msgid_plural"):
            self.pending_field = match[1]
            self.pending[self.pending_field] = [self.string_of(number, match[2].strip(_PO_SPACE))]
        elif body.startswith('"') and self.pending_field:
            self.pending[self.pending_field].append(self.string_of(number, body))
        else:
            raise self.fail(number, f"cannot read the previous-msgid comment {line[:40]!r}")
        if line.startswith("#~|"):
            self.lines[number - 1] = ""  # Babel's reader refuses these lines
        else:
            self.comments.append(raw_line.strip()[1:].strip())  # Babel's translator comment

    def continuation(self, number: int, body: str, line_obsolete: bool) -> None:
        """A string continuing the field above."""
        if self.state == "start":
            raise self.fail(number, "a string outside an entry (no msgid, msgctxt or msgstr)")
        if line_obsolete != self.obsolete:
            raise self.fail(number, "an entry mixes obsolete (#~) and live lines")
        value = self.string_of(number, body)
        if self.field == "msgctxt" and self.context is not None:
            self.context.append(value)
        elif self.field == "msgid":
            self.msgid.append(value)

    def keyword(self, number: int, keyword: str, value: str, line_obsolete: bool) -> None:
        if (keyword == "msgctxt" and self.state != "start") or (
            keyword == "msgid" and self.state not in ("start", "ctx")
        ):
            self.finish(number)
        if self.state == "start":
            self.obsolete = line_obsolete
            self.context = None
            self.msgid = []
            self.plural = False
            self.msgid_line = 0
            self.entry_line = number
        elif line_obsolete != self.obsolete:
            raise self.fail(number, "an entry mixes obsolete (#~) and live lines")
        if keyword == "msgctxt":
            self.context = [value]
            self.state = "ctx"
        elif keyword == "msgid":
            self.start_msgid(number, value)
        elif keyword == "msgid_plural":
            if self.state != "id":
                raise self.fail(number, "msgid_plural must follow msgid")
            self.plural = True
            self.state = "plural"
        elif keyword == "msgstr":
            if self.state != "id":
                hint = " (use msgstr[0])" if self.plural else ""
                raise self.fail(number, f"msgstr must follow msgid{hint}")
            self.state = "str"
        else:  # msgstr[N]
            if not (self.state == "plural" or (self.state == "str" and self.plural)):
                raise self.fail(number, f"{keyword} in an entry without msgid_plural")
            self.state = "str"
        self.field = keyword.split("[")[0]

    def start_msgid(self, number: int, value: str) -> None:
        self.msgid = [value]
        self.msgid_line = number
        self.state = "id"
        ids: tuple[str, ...] = ()
        if self.pending.get("msgid"):
            ids = ("".join(self.pending["msgid"]),)
            if self.pending.get("msgid_plural"):
                ids += ("".join(self.pending["msgid_plural"]),)
        if ids or self.comments:
            self.previous[number] = Previous(ids, tuple(self.comments))
        self.pending = {}
        self.comments = []
        self.pending_field = ""
