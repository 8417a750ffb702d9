"""What a catalog's header must say for jbreport to read and write it: UTF-8, a
Plural-Forms gettext can evaluate, a Language CLDR knows; and the limits of a catalog
(see :mod:`jbreport.limits`)."""

from __future__ import annotations

import gettext
import re

from babel.messages.catalog import Catalog

from .. import limits
from ..errors import Location, TranslationError
from ..i18n.placeholders import LoneBrace, check_plain

_UTF8 = {"utf-8", "utf8", "charset"}  # "charset=CHARSET": gettext's template placeholder


def check_bytes(data: bytes, shown: str) -> None:
    """Refuse a file too large to be a catalog, or one whose lines end in CR alone."""
    if len(data) > limits.PO_BYTES:
        raise TranslationError(
            f"larger than {limits.PO_BYTES // 2**20} MB: not a catalog jbreport reads",
            Location(shown),
        )
    if b"\r" in data and b"\n" not in data:
        raise TranslationError(
            "the lines end in CR alone (classic Mac OS); save the file with LF line ends",
            Location(shown, 1),
        )


_NPLURALS_RE = re.compile(r"nplurals\s*=\s*(\d+)")


def check_nplurals(lines: list[str], shown: str) -> None:
    """Refuse a huge ``nplurals`` before Babel reads the file: it makes a list of that
    many translations for each plural entry."""
    for number, line in enumerate(lines[:200], start=1):
        found = _NPLURALS_RE.search(line) if "Plural-Forms:" in line else None
        if found and int(found[1]) > limits.NPLURALS:
            raise TranslationError(
                f"Plural-Forms: nplurals={found[1]}; a language has 1 to {limits.NPLURALS}",
                Location(shown, number),
            )


def check_header(catalog: Catalog, lines: list[str], shown: str) -> None:
    """The charset, the plural forms and the language of the header, each refused with
    the line it is on."""
    charset = (catalog.charset or "utf-8").lower()
    if charset not in _UTF8:
        raise TranslationError(
            f"the header says charset={catalog.charset}: jbreport reads and writes PO files"
            " in UTF-8 only; convert the file (msgconv --to-code=UTF-8) and say charset=UTF-8",
            Location(shown, _line(lines, "Content-Type:")),
        )
    catalog.charset = "utf-8"
    _check_plurals(catalog, Location(shown, _line(lines, "Plural-Forms:")))
    identifier = getattr(catalog, "locale_identifier", None)
    if catalog.locale is None and identifier:
        raise TranslationError(
            f"unknown language {identifier.replace('_', '-')!r} in the Language field"
            " (CLDR does not know it); write e.g. 'Language: en'",
            Location(shown, _line(lines, "Language:")),
        )


def _check_plurals(catalog: Catalog, where: Location) -> None:
    count = catalog.num_plurals
    if not 1 <= count <= limits.NPLURALS:
        raise TranslationError(
            f"Plural-Forms: nplurals={count}; a language has 1 to {limits.NPLURALS}", where
        )
    expression = catalog.plural_expr
    try:
        plural = gettext.c2py(expression)
        forms = {plural(n) for n in range(1000)}
    except (ValueError, SyntaxError, RecursionError, ZeroDivisionError, OverflowError):
        raise TranslationError(
            f"Plural-Forms: plural={expression[:60]!r} is not an expression gettext reads",
            where,
        ) from None
    if not forms <= set(range(count)):
        raise TranslationError(
            f"Plural-Forms: plural= gives form {max(forms)}, but nplurals={count}", where
        )


def check_messages(catalog: Catalog, shown: str) -> None:
    """Each translation within the characters its field may have (a title: 255), and its
    fields plain ``{name}``s: a format or conversion would fail where it is filled."""
    for message in catalog:
        if not message.id or not message.string:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        where = Location(shown, message.lineno)
        most = limits.chars_for(message.context or "")
        longest = max(len(s or "") for s in strings)
        if longest > most:
            raise TranslationError(
                f"the translation has {longest:,} characters; at most {most:,} for"
                f" msgctxt {message.context!r}",
                where,
            )
        for text in strings:
            try:
                check_plain(str(text or ""))
            except LoneBrace:
                continue  # a lone brace: `check` says so, a build prints the source
            except ValueError as exc:
                raise TranslationError(f"{exc} (msgctxt {message.context!r})", where) from None


def _line(lines: list[str], name: str) -> int:
    """The line of a header field (1 when not found)."""
    for number, line in enumerate(lines[:200], start=1):
        if name.lower() in line.lower():
            return number
    return 1
