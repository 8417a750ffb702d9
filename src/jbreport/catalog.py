"""Translation catalogs: gettext PO files read and written with Babel's ``babel.messages``.

``translations/<lang>.po`` holds everything translated into ``<lang>``: the content of every
report written in another language (msgctxt ``<report>/<path>``) and the layout templates'
own words (msgctxt ``layout``, ``figure``, ``qualifier``, ``money``), whose source language is
English.  A catalog is read once per process; lookups never return a fuzzy translation.
"""

from __future__ import annotations

import datetime
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, read_po, write_po

from . import numbers as nb
from .atomic import write_bytes
from .errors import Location, TranslationError

# The layout templates and the figure words are written in English.
TEMPLATE_LANGUAGE = "en"
PO_FLAGS = ("python-brace-format",)


def same_language(a: str, b: str) -> bool:
    """``zh`` and ``zh_CN`` name the same language edition; ``en`` and ``fr`` do not."""
    return a.replace("-", "_").split("_")[0].lower() == b.replace("-", "_").split("_")[0].lower()


def source_date() -> datetime.datetime:
    """Now, or ``SOURCE_DATE_EPOCH`` when set, for reproducible files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.now(tz=datetime.UTC).replace(microsecond=0)


# --------------------------------------------------------------------------------------
# Reading


def read_catalog(path: Path, *, expect_language: str | None = None) -> Catalog:
    """Read a PO file; any syntax error is a TranslationError with its line."""
    shown = Location.of(path).path
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TranslationError(f"cannot read: {exc.strerror}", Location(shown)) from exc
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = data[: exc.start].count(b"\n") + 1
        raise TranslationError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x}); PO files must be UTF-8",
            Location(shown, bad_line),
        ) from None
    try:
        catalog = read_po(io.BytesIO(data), abort_invalid=True, charset="utf-8")
    except PoFileError as exc:
        line: int | None = getattr(exc, "lineno", None)
        message = str(exc).split(" on ")[0].strip() or "PO syntax error"
        raise TranslationError(f"PO syntax error: {message}", Location(shown, line)) from None
    except (ValueError, UnknownLocaleError) as exc:
        raise TranslationError(f"bad PO header: {exc}", Location(shown, 1)) from None
    header_language = str(catalog.locale) if catalog.locale is not None else None
    if header_language is None:
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


def message_line(message: Message) -> int | None:
    return getattr(message, "lineno", None)


def plural_index(catalog: Catalog, n: Decimal) -> int:
    """The gettext plural index for ``n``, also for fractions (1.2 points).

    gettext's Plural-Forms expression only sees integers; for a fraction CLDR gives the
    category and the smallest integer of the same category stands in for it.
    """
    import gettext

    expr = gettext.c2py(catalog.plural_expr)
    if n == n.to_integral_value():
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
        return message is not None and bool(message.string)

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


def render_po(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, include_previous=True, sort_output=False)
    return buffer.getvalue()


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


def new_catalog(language: str, *, template: Catalog | None = None) -> Catalog:
    """An empty catalog for ``language``, its header (Plural-Forms…) filled from CLDR."""
    try:
        locale = Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise TranslationError(f"unknown language {language!r}: {exc}") from None
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
    )
    catalog.language_team = f"{locale.english_name} <>"
    catalog.last_translator = "jbreport"
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
        project="jbreport", version="1", charset="utf-8", fuzzy=False, creation_date=creation
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
