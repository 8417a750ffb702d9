"""Translation catalogs: gettext PO files read and written with Babel's ``babel.messages``.

``translations/<lang>.po`` holds everything translated into ``<lang>``: the content of every
report written in another language (msgctxt ``<report>/<path>``) and the layout templates'
own words (msgctxt ``layout``, ``figure``, ``qualifier``, ``money``), whose source language is
English.  A catalog is read once per process; lookups never return a fuzzy translation.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import os
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_locale_identifier, parse_locale
from babel.localedata import locale_identifiers
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, escape, normalize, read_po, unescape
from babel.util import TextWrapper

from . import numbers as nb
from .atomic import write_bytes
from .errors import Location, TranslationError

# The layout templates and the figure words are written in English.
TEMPLATE_LANGUAGE = "en"
PO_FLAGS = ("python-brace-format",)


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same edition: the same language, script and region, as
    CLDR's likely subtags complete them.  ``zh``, ``zh_CN`` and ``zh_Hans`` are one edition;
    ``zh_Hant`` (or ``zh_TW``) is another, so a Traditional catalog translates a Simplified
    report; ``en`` and ``en_US`` are one, ``en_GB`` another, as ``pt`` (Brazil) and
    ``pt_PT`` are: two catalogs of one language for two readerships never collide."""
    return _edition(a) == _edition(b)


def same_tongue(a: str, b: str) -> bool:
    """Whether two tags name one language, whatever the script or region: ``en``, ``en_GB``."""
    return _edition(a)[0] == _edition(b)[0]


@functools.cache
def _edition(tag: str) -> tuple[str, str | None, str | None]:
    from babel.core import get_global

    normal = tag.replace("-", "_")
    try:
        locale = Locale.parse(normal)
    except (UnknownLocaleError, ValueError):
        return normal.split("_")[0].lower(), None, None
    script, territory = locale.script, locale.territory
    if script is None or territory is None:
        likely = get_global("likely_subtags")
        full = (
            likely.get(f"{locale.language}_{script}" if script else "")
            or likely.get(f"{locale.language}_{territory}" if territory else "")
            or likely.get(locale.language)
        )
        parts = str(full).split("_") if full else []
        if script is None:
            script = parts[1] if len(parts) >= 3 else None
        if territory is None:
            territory = parts[-1] if len(parts) >= 2 else None
    return locale.language, script, territory


def source_date() -> datetime.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set, for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)


# --------------------------------------------------------------------------------------
# Reading


def read_catalog(
    path: Path, *, expect_language: str | None = None, template: bool = False
) -> Catalog:
    """Read a PO file; any syntax error is a TranslationError with its line.

    Babel's reader is lenient (an unterminated string passes, a duplicate entry is merged
    silently) and ignores the previous msgid (``#| msgid``), so the file is first checked
    line by line here, as GNU msgfmt would, and the previous msgids are kept.  A template
    (``.pot``) needs no Language header.
    """
    shown = Location.of(path).path
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TranslationError(f"cannot read: {exc.strerror}", Location(shown)) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise TranslationError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); PO files must be UTF-8",
            Location(shown, bad_line),
        ) from None
    cleaned, previous = _scan(text, shown)
    try:
        # one item per line as _scan split them (on "\n" only, as msgfmt does): Babel
        # must not split a line again at a character str.splitlines breaks at (U+2028…)
        catalog = read_po(cleaned, abort_invalid=True, charset="utf-8")
    except PoFileError as exc:
        lineno: int | None = getattr(exc, "lineno", None)
        message = str(exc).rsplit(" on ", 1)[0].strip() or "PO syntax error"
        raise TranslationError(
            f"PO syntax error: {message}",
            Location(shown, lineno + 1 if lineno is not None else None),
        ) from None
    except (ValueError, UnknownLocaleError) as exc:
        raise TranslationError(f"bad PO header: {exc}", Location(shown, 1)) from None
    for message in [*catalog, *catalog.obsolete.values()]:
        prev = previous.get(getattr(message, "lineno", 0) or 0)
        if prev:
            message.previous_id = prev
    header_language = str(catalog.locale) if catalog.locale is not None else None
    if header_language is None:
        if template:
            return catalog
        raise TranslationError(
            "the header has no Language field; add e.g. 'Language: en'", Location(shown, 1)
        )
    if expect_language and not same_language(header_language, expect_language):
        raise TranslationError(
            f"the file is named for {expect_language!r} but its header says "
            f"Language: {header_language}",
            Location(shown, 1),
        )
    return catalog


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


def _scan(text: str, shown: str) -> tuple[list[str], dict[int, list[str]]]:
    """Check the PO syntax line by line; returns the lines for Babel (the previous-msgid
    lines ``#|``, ``#~|``, which Babel cannot read, blanked; a string with an octal or hex
    escape, which Babel leaves as written, re-escaped) and those previous msgids by the
    line of the entry's msgid.

    Lines are split at "\n" only, as msgfmt does, so the line numbers are msgfmt's.

    States: ``start`` (between entries), ``ctx`` (after msgctxt), ``id`` (after msgid),
    ``plural`` (after msgid_plural), ``str`` (after msgstr: the entry is complete).
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        del lines[-1]
    state = "start"
    field = ""
    obsolete = False
    plural = False
    context: list[str] | None = None
    msgid: list[str] = []
    msgid_line = entry_line = 0
    pending: dict[str, list[str]] = {}
    pending_field = ""
    previous: dict[int, list[str]] = {}
    seen: dict[tuple[str | None, str, bool], int] = {}

    def fail(lineno: int, message: str, column: int | None = None) -> TranslationError:
        return TranslationError(f"PO syntax error: {message}", Location(shown, lineno, column))

    def string_of(lineno: int, raw: str) -> str:
        if not _STRING_RE.fullmatch(raw):
            if raw.startswith('"') and not _STRING_RE.match(raw):
                raise fail(lineno, "unterminated string (a line must end with its closing quote)")
            raise fail(lineno, f"expected one quoted string, got {raw[:40]!r}")
        # most strings have no backslash: nothing to unescape, check or rewrite
        value = raw[1:-1] if "\\" not in raw else _escaped_string(lineno, raw)
        if "\x00" in value:
            raise fail(lineno, "a NUL character (\\0) in a string; gettext would cut it there")
        if "\x04" in value:
            raise fail(lineno, "context separator <EOT> (\\x04) within string")
        return value

    def _escaped_string(lineno: int, raw: str) -> str:
        line = lines[lineno - 1]
        start = line.rindex(raw)  # the string ends the line (but for spaces)
        try:
            value = _po_unescape(raw)
        except _BadEscape as exc:
            if exc.offset < 0:
                raise fail(lineno, "the octal or hex escapes of the string are not UTF-8") from None
            column = _display_column(line[: start + 1 + exc.offset]) + 1
            raise fail(
                lineno,
                f"invalid control sequence '{exc.sequence}'; a backslash starts one of "
                r"\n \t \r \a \b \f \v \\ \" \NNN (octal) \xHH (hex): write \\ for a "
                "backslash itself",
                column,
            ) from None
        if unescape(raw) != value:  # Babel reads \NNN and \xHH as written
            lines[lineno - 1] = line[:start] + escape(value) + line[start + len(raw) :]
        return value

    def finish(lineno: int) -> None:
        nonlocal state
        if state in ("ctx", "id", "plural"):
            raise fail(msgid_line or entry_line, "this entry has no msgstr")
        if state == "str":
            key = ("".join(context) if context is not None else None, "".join(msgid), obsolete)
            if key in seen and not obsolete:
                raise fail(
                    msgid_line,
                    f"duplicate message definition (first at line {seen[key]}); "
                    "msgctxt and msgid must be unique",
                )
            seen.setdefault(key, msgid_line)
        state = "start"

    for number, raw_line in enumerate(lines, start=1):
        line = raw_line.strip(_PO_SPACE)
        if not line:
            continue
        if line.startswith(("#|", "#~|")):
            finish(number)
            body = (line[3:] if line.startswith("#~|") else line[2:]).strip(_PO_SPACE)
            match = _KEYWORD_RE.match(body)
            if match and match[1] in ("msgctxt", "msgid", "msgid_plural"):
                pending_field = match[1]
                pending[pending_field] = [string_of(number, match[2].strip(_PO_SPACE))]
            elif body.startswith('"') and pending_field:
                pending[pending_field].append(string_of(number, body))
            else:
                raise fail(number, f"cannot read the previous-msgid comment {line[:40]!r}")
            lines[number - 1] = ""
            continue
        line_obsolete = line.startswith("#~")
        if line.startswith("#") and not line_obsolete:
            finish(number)
            continue
        body = line[2:].strip(_PO_SPACE) if line_obsolete else line
        if not body:
            continue
        if body.startswith('"'):
            if state == "start":
                raise fail(number, "a string outside an entry (no msgid, msgctxt or msgstr)")
            if line_obsolete != obsolete:
                raise fail(number, "an entry mixes obsolete (#~) and live lines")
            value = string_of(number, body)
            if field == "msgctxt" and context is not None:
                context.append(value)
            elif field == "msgid":
                msgid.append(value)
            continue
        match = _KEYWORD_RE.match(body)
        if match is None:
            word = body.split()[0] if body.split() else body
            raise fail(number, f"unknown keyword {word!r}")
        keyword, argument = match[1], match[2].strip(_PO_SPACE)
        value = string_of(number, argument)
        if (keyword == "msgctxt" and state != "start") or (
            keyword == "msgid" and state not in ("start", "ctx")
        ):
            finish(number)
        if state == "start":
            obsolete = line_obsolete
            context = None
            msgid = []
            plural = False
            msgid_line = 0
            entry_line = number
        elif line_obsolete != obsolete:
            raise fail(number, "an entry mixes obsolete (#~) and live lines")
        if keyword == "msgctxt":
            context = [value]
            state = "ctx"
        elif keyword == "msgid":
            msgid = [value]
            msgid_line = number
            state = "id"
            if pending.get("msgid"):
                prev = ["".join(pending["msgid"])]
                if pending.get("msgid_plural"):
                    prev.append("".join(pending["msgid_plural"]))
                previous[number] = prev
            pending = {}
            pending_field = ""
        elif keyword == "msgid_plural":
            if state != "id":
                raise fail(number, "msgid_plural must follow msgid")
            plural = True
            state = "plural"
        elif keyword == "msgstr":
            if state != "id":
                hint = " (use msgstr[0])" if plural else ""
                raise fail(number, f"msgstr must follow msgid{hint}")
            state = "str"
        else:  # msgstr[N]
            if not (state == "plural" or (state == "str" and plural)):
                raise fail(number, f"{keyword} in an entry without msgid_plural")
            state = "str"
        field = keyword.split("[")[0]
    finish(len(lines) + 1)
    return lines, previous


def message_line(message: Message, path: Path | None = None) -> int | None:
    """The line of the entry's msgid; with the catalog's path, of its msgstr (where the
    translator writes, and where msgfmt reports a problem of the translation)."""
    found = getattr(message, "lineno", None)
    line = found if isinstance(found, int) else None
    if path is None or line is None:
        return line
    try:
        stat = path.stat()
    except OSError:
        return line
    lines = _lines(str(path), stat.st_mtime_ns, stat.st_size)
    for number in range(line, min(len(lines), line + 10_000) + 1):
        if lines[number - 1].startswith("msgstr"):
            return number
    return line


@functools.lru_cache(maxsize=8)
def _lines(path: str, _mtime: int, _size: int) -> list[str]:
    try:
        return Path(path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return []


def plural_index(catalog: Catalog, n: Decimal) -> int:
    """The gettext plural index for ``n``, also for fractions (1.2 points).

    gettext's Plural-Forms expression only sees integers; for a fraction CLDR gives the
    category and the smallest integer of the same category stands in for it.
    """
    import gettext

    expr = gettext.c2py(catalog.plural_expr)
    if n == n.to_integral_value() and int(n.as_tuple().exponent) >= 0:  # 1, not 1.0
        return int(expr(int(abs(n))))
    locale = catalog.locale if isinstance(catalog.locale, Locale) else nb.get_locale("en")
    category = locale.plural_form(abs(n))
    for k in range(0, 1000):
        if locale.plural_form(k) == category:
            return int(expr(k))
    return int(expr(int(abs(n))))


@dataclass
class Lookup:
    """Messages of one edition language: a catalog, or nothing for the source language.

    Records every string that fell back to its source (untranslated or fuzzy) so the
    build can say which and how many.
    """

    language: str
    catalog: Catalog | None
    source_language: str  # the language of the msgids this lookup serves
    path: Path | None = None
    fallbacks: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def is_source(self) -> bool:
        return same_language(self.language, self.source_language)

    def _message(self, context: str, msgid: str | tuple[str, str]) -> Message | None:
        if self.catalog is None:
            return None
        key = msgid[0] if isinstance(msgid, tuple) else msgid
        message = self.catalog.get(key, context=context)
        if message is None or message.fuzzy:
            return None
        return message

    def translated(self, context: str, msgid: str) -> bool:
        if self.is_source:
            return False
        message = self._message(context, msgid)
        if message is None:
            return False
        if isinstance(message.string, (tuple, list)):
            return all(message.string)  # every plural form
        return bool(message.string)

    def gettext(self, context: str, msgid: str) -> str:
        if self.is_source:
            return msgid
        message = self._message(context, msgid)
        if message is not None and isinstance(message.string, str) and message.string:
            return message.string
        self._fell_back(context, msgid)
        return msgid

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        if not self.is_source:
            message = self._message(context, singular)
            if (
                message is not None
                and self.catalog is not None
                and isinstance(message.string, tuple)
                and all(message.string)
            ):
                index = plural_index(self.catalog, n)
                if index < len(message.string):
                    return str(message.string[index])
            self._fell_back(context, singular)
        locale = nb.get_locale(self.source_language)
        return singular if locale.plural_form(abs(n)) == "one" else plural

    def _fell_back(self, context: str, msgid: str) -> None:
        if self.catalog is None:
            reason = "no catalog"
        else:
            message = self.catalog.get(msgid, context=context)
            reason = "fuzzy" if message is not None and message.fuzzy else "untranslated"
        self.fallbacks[(context, msgid)] = reason


@dataclass(frozen=True, slots=True)
class Catalogs:
    """Every catalog of the project, by language tag (the PO file's name)."""

    folder: Path
    by_language: dict[str, Catalog]

    def lookup(self, language: str, source_language: str) -> Lookup:
        for tag, catalog in self.by_language.items():
            if same_language(tag, language):
                return Lookup(language, catalog, source_language, self.folder / f"{tag}.po")
        return Lookup(language, None, source_language)

    def languages(self) -> list[str]:
        return sorted(self.by_language)


def catalog_paths(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.po") if not p.name.startswith("."))


def load_catalogs(folder: Path) -> Catalogs:
    from .errors import Collector

    problems = Collector()
    catalogs: dict[str, Catalog] = {}
    for path in catalog_paths(folder):
        try:
            catalogs[path.stem] = read_catalog(path, expect_language=path.stem)
        except TranslationError as exc:
            problems.add(exc)
    problems.raise_if_any()
    return Catalogs(folder, catalogs)


# --------------------------------------------------------------------------------------
# Writing


PO_WIDTH = 76
_BREAKABLE = re.compile(r"[\s-]")


def _normalize(value: str, prefix: str) -> str:
    """Babel's ``normalize`` (its PO string layout), without its word-splitting regex where
    there is nothing to split at: that regex backtracks badly on long Chinese lines, and
    such a line is written whole either way."""
    if _BREAKABLE.search(value) is None:
        return normalize(value, prefix=prefix, width=0)
    return normalize(value, prefix=prefix, width=PO_WIDTH)


def render_po(catalog: Catalog) -> bytes:
    """The PO file of ``catalog``: Babel's layout (``write_po``, width 76) for the header and
    the live entries, and gettext's for what Babel writes wrongly: the previous msgid
    (``#| msgid``, wrapped as a string, not as a comment) and obsolete entries, which keep
    their flags (a fuzzy translation stays fuzzy when it comes back) and previous msgid.
    """
    out: list[str] = []
    for message in catalog:
        if not message.id:
            lines: list[str] = []
            for line in catalog.header_comment.splitlines():
                lines += _HEADER_WRAPPER.wrap(line)
            out.append("\n".join(lines) + "\n")
        out += _comments(message.user_comments)
        out += _comments(message.auto_comments, ".")
        out += _comments([_locations(message)], ":")
        if message.flags:
            out.append("#" + ", ".join(["", *sorted(message.flags)]) + "\n")
        out += _previous(message, "#| ")
        out += _entry(catalog, message, "")
        out.append("\n")
    for message in catalog.obsolete.values():
        out += _comments(message.user_comments)
        if message.flags:
            out.append("#" + ", ".join(["", *sorted(message.flags)]) + "\n")
        out += _previous(message, "#~| ")
        out += _entry(catalog, message, "#~ ")
        out.append("\n")
    return "".join(out).encode(catalog.charset or "utf-8", "backslashreplace")


_COMMENT_WRAPPER = TextWrapper(width=PO_WIDTH, break_long_words=False)
_HEADER_WRAPPER = TextWrapper(width=PO_WIDTH, subsequent_indent="# ", break_long_words=False)


def _comments(comments: Iterable[str], prefix: str = "") -> list[str]:
    return [
        f"#{prefix} {line.strip()}\n"
        for comment in comments
        for line in _COMMENT_WRAPPER.wrap(comment)
    ]


def _locations(message: Message) -> str:
    try:
        locations = sorted(
            message.locations, key=lambda x: (x[0], x[1] if isinstance(x[1], int) else -1)
        )
    except TypeError:
        locations = list(message.locations)
    shown: dict[str, None] = {}
    for filename, lineno in locations:
        name = filename.replace(os.sep, "/")
        if " " in name or "\t" in name:
            name = "\u2068" + name.strip("\u2068\u2069") + "\u2069"
        shown[f"{name}:{lineno:d}" if lineno else name] = None
    return " ".join(shown)


def _previous(message: Message, prefix: str) -> list[str]:
    if not message.previous_id:
        return []
    out = [f"{prefix}msgid {_normalize(message.previous_id[0], prefix)}\n"]
    if len(message.previous_id) > 1:
        plural = _normalize(message.previous_id[1], prefix)
        out.append(f"{prefix}msgid_plural {plural}\n")
    return out


def _entry(catalog: Catalog, message: Message, prefix: str) -> list[str]:
    def field(keyword: str, value: str) -> str:
        return f"{prefix}{keyword} {_normalize(value, prefix)}\n"

    out = []
    if message.context:
        out.append(field("msgctxt", message.context))
    if isinstance(message.id, (list, tuple)):
        out.append(field("msgid", message.id[0]))
        out.append(field("msgid_plural", message.id[1]))
        strings = message.string if isinstance(message.string, (list, tuple)) else ()
        for index in range(catalog.num_plurals):
            value = strings[index] if index < len(strings) else ""
            out.append(field(f"msgstr[{index:d}]", value or ""))
    else:
        out.append(field("msgid", message.id))
        string = message.string
        out.append(field("msgstr", str(string or "") if not isinstance(string, tuple) else ""))
    return out


def save_catalog(path: Path, catalog: Catalog) -> bool:
    """Write atomically; returns whether the file changed."""
    data = render_po(catalog)
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes(path, data)
    return True


# Plural-Forms where Babel's table (CLDR's integer rules) adds a third form used only for
# exact millions ("1 000 000 de …"): translators and GNU gettext (msginit) use two forms.
GETTEXT_PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "pt": "nplurals=2; plural=(n > 1);",
    "pt_PT": "nplurals=2; plural=(n != 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "it": "nplurals=2; plural=(n != 1);",
    "ca": "nplurals=2; plural=(n != 1);",
}


class _TaggedLocale(Locale):
    """A CLDR locale named by the tag its user wrote: ``zh_TW`` stays ``zh_TW`` (the catalog's
    file name and Language header) where Babel would say ``zh_Hant_TW``; its data, script
    and plural rules are those of the CLDR locale."""

    tag: str | None = None  # unset while Locale.__init__ looks up the CLDR data

    def __init__(self, locale: Locale, tag: str) -> None:
        super().__init__(
            locale.language, locale.territory, locale.script, locale.variant, locale.modifier
        )
        self.tag = tag

    def __str__(self) -> str:
        return self.tag if self.tag is not None else super().__str__()


def parse_language(language: str) -> Locale:
    """The CLDR locale of a language tag (``fr``, ``pt-BR``, ``zh_TW``, ``zh_Hant_TW``,
    ``sr_Latn``): any tag Babel's ``Locale.parse`` knows, completed by CLDR's likely
    subtags (``zh_TW`` is Traditional Chinese), its ``str()`` the tag as written (``-``
    read as ``_``).  A tag CLDR does not know, or one it would silently replace by another
    (``und``, ``en_ZZ``, ``iw`` for ``he``), is refused with the close CLDR ids."""
    tag = language.replace("-", "_")
    try:
        parts = parse_locale(tag)
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        raise TranslationError(f"unknown language {language!r}{_suggest(tag)}") from None
    canonical = get_locale_identifier(parts)
    if canonical != tag:  # en_gb: the case of a subtag
        hint = f"; did you mean {canonical!r}?" if _known(canonical) else _suggest(tag)
        raise TranslationError(f"unknown language {language!r}{hint}")
    wanted = dict(zip(("language", "territory", "script", "variant"), parts, strict=False))
    kept = all(getattr(locale, key) == value for key, value in wanted.items() if value)
    if not kept or tag == "root":
        if wanted["language"] == "und":
            hint = " (CLDR's undetermined language); name one, such as 'en' or 'zh_TW'"
        elif locale.language != wanted["language"] and tag != "root":  # iw, tl: old codes
            hint = f"; CLDR calls it {locale.language!r}"
        else:
            hint = _suggest(tag)
        raise TranslationError(f"unknown language {language!r}{hint}")
    return locale if str(locale) == tag else _TaggedLocale(locale, tag)


def _known(tag: str) -> bool:
    try:
        parse_language(tag)
    except TranslationError:
        return False
    return True


def _suggest(tag: str) -> str:
    """``; did you mean 'zh_Hant_TW' or 'zh_Hans_SG'?``, from CLDR's locale ids and the
    English names of its languages (``French`` → ``fr``), or a pointer to them."""
    ids = sorted(i for i in locale_identifiers() if i != "root")
    names = {name.lower(): code for code, name in Locale("en").languages.items() if code in ids}
    close = difflib.get_close_matches(tag, ids, n=3, cutoff=0.7)
    if tag.lower() in names:
        close = [names[tag.lower()], *close]
    language = tag.split("_")[0].lower()
    if not close and language in ids:
        close = [i for i in ids if i.split("_")[0] == language][:3]
    if not close:
        return " (not a CLDR locale id such as 'fr', 'pt_BR', 'zh_TW' or 'sr_Latn')"
    shown = " or ".join(repr(c) for c in dict.fromkeys(close))
    return f"; did you mean {shown}?"


def new_catalog(language: str, *, template: Catalog | None = None) -> Catalog:
    """An empty catalog for ``language``, its header (Plural-Forms…) filled from CLDR."""
    locale = parse_language(language)
    now = source_date()
    catalog = Catalog(
        locale=locale,
        project="jbreport",
        version="1",
        copyright_holder=None,
        charset="utf-8",
        creation_date=template.creation_date if template else now,
        revision_date=now,
        fuzzy=False,
        msgid_bugs_address="",
    )
    catalog.header_comment = (
        f"# {locale.english_name} translations of this project's reports and layouts.\n"
        "# Translate each msgstr, keeping every {placeholder}; then run\n"
        "# `jbreport translations check`. `jbreport translations update` keeps\n"
        "# this file in line with content/."
    )
    catalog.language_team = f"{locale.english_name} <>"
    catalog.last_translator = "jbreport"
    forms = (
        GETTEXT_PLURAL_FORMS.get(str(locale))
        or GETTEXT_PLURAL_FORMS.get(f"{locale.language}_{locale.territory}")
        or GETTEXT_PLURAL_FORMS.get(locale.language)
    )
    if forms is not None:
        catalog.mime_headers = [("Plural-Forms", forms)]
    return catalog


@dataclass(frozen=True, slots=True)
class TemplateEntry:
    context: str
    msgid: str | tuple[str, str]
    locations: tuple[tuple[str, int], ...]
    source_language: str
    comments: tuple[str, ...] = ()


def entries_to_template(entries: Iterable[TemplateEntry], creation: datetime.datetime) -> Catalog:
    template = Catalog(
        msgid_bugs_address="",
        project="jbreport",
        version="1",
        charset="utf-8",
        fuzzy=False,
        creation_date=creation,
    )
    template.header_comment = (
        "# Translatable strings of jbreport's content and layouts.\n"
        "# Generated by `jbreport translations extract`; do not edit by hand."
    )
    for entry in entries:
        flags: tuple[str, ...] = ()
        text = entry.msgid if isinstance(entry.msgid, str) else entry.msgid[0]
        if "{" in text:
            flags = PO_FLAGS
        comments = [f"source language: {entry.source_language}", *entry.comments]
        existing = template.get(
            entry.msgid if isinstance(entry.msgid, str) else entry.msgid[0], entry.context
        )
        if existing is not None:
            existing.locations = [*existing.locations, *entry.locations]
            continue
        template.add(
            entry.msgid,
            context=entry.context,
            locations=list(entry.locations),
            flags=flags,
            auto_comments=comments,
        )
    return template
