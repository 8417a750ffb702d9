"""Reading and writing PO files: Babel's ``read_po`` after the syntax check, and a writer
with Babel's layout where Babel's own is right and gettext's where it is not."""

from __future__ import annotations

import datetime
import functools
import os
import re
from collections.abc import Iterable
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, normalize, read_po
from babel.util import TextWrapper

from ..atomic import write_bytes
from ..errors import Location, TranslationError
from ..i18n.locale import same_language
from ..text import utf8_text
from .header import check_bytes, check_header, check_messages, check_nplurals
from .lint import Previous, lint


def source_date() -> datetime.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set, for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)


# Reading


def read_catalog(
    path: Path, *, expect_language: str | None = None, template: bool = False
) -> Catalog:
    """Read a PO file; any syntax error is a TranslationError with its line.

    The file is checked first as GNU msgfmt would (:mod:`.lint`), then read by Babel's
    ``read_po``.  A template (``.pot``) needs no Language header.
    """
    shown = Location.of(path).path
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TranslationError(f"cannot read: {exc.strerror}", Location(shown)) from exc
    check_bytes(data, shown)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = utf8_text(data, shown, TranslationError, "PO files must be UTF-8")
    linted = lint(text, shown, echo=not path.is_symlink())
    check_nplurals(linted.lines, shown)
    try:
        # one item per line as lint split them (on "\n" only, as msgfmt does): Babel
        # must not split a line again at a character str.splitlines breaks at (U+2028…)
        catalog = read_po(linted.lines, abort_invalid=True, charset="utf-8")
    except PoFileError as exc:
        lineno: int | None = getattr(exc, "lineno", None)
        message = str(exc).rsplit(" on ", 1)[0].strip() or "PO syntax error"
        raise TranslationError(
            f"PO syntax error: {message}",
            Location(shown, lineno + 1 if lineno is not None else None),
        ) from None
    except (ValueError, UnknownLocaleError) as exc:
        field = "Plural-Forms: " if "int()" in str(exc) else ""
        raise TranslationError(f"bad PO header: {field}{exc}", Location(shown, 1)) from None
    check_header(catalog, linted.lines, shown)
    check_messages(catalog, shown)
    _lift_previous(catalog, linted.previous)
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


def _lift_previous(catalog: Catalog, previous: dict[int, Previous]) -> None:
    """Babel reads a previous msgid (``#| msgid "…"``) as a translator comment: take those
    comments out of each entry and make them its ``previous_id``."""
    if not previous:
        return
    for message in [*catalog, *catalog.obsolete.values()]:
        found = previous.get(getattr(message, "lineno", 0) or 0)
        if found is None:
            continue
        if found.ids:
            message.previous_id = list(found.ids)
        comments = list(message.user_comments)
        for comment in found.comments:
            if comment in comments:
                comments.remove(comment)
        message.user_comments = comments


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
    return "".join(out).encode("utf-8")  # whatever the header said (see header.check_header)


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
