"""Looking up translations: the catalogs of a project, and the messages of one edition."""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message

from ..atomic import recover
from ..errors import Collector, TranslationError
from ..i18n.locale import get_locale, same_language
from .io import read_catalog


def plural_index(catalog: Catalog, n: Decimal) -> int:
    """The gettext plural index for ``n``, also for fractions (1.2 points).

    gettext's Plural-Forms expression only sees integers; for a fraction CLDR gives the
    category and the smallest integer of the same category stands in for it.
    """
    expr = gettext.c2py(catalog.plural_expr)
    if n == n.to_integral_value() and int(n.as_tuple().exponent) >= 0:  # 1, not 1.0
        return int(expr(int(abs(n))))
    locale = catalog.locale if isinstance(catalog.locale, Locale) else get_locale("en")
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
        locale = get_locale(self.source_language)
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
    """The catalogs of a folder, once an update killed there is finished (see
    :func:`jbreport.atomic.recover`)."""
    if not folder.is_dir():
        return []
    recover(folder)
    return sorted(p for p in folder.glob("*.po") if not p.name.startswith("."))


def load_catalogs(folder: Path) -> Catalogs:
    problems = Collector()
    catalogs: dict[str, Catalog] = {}
    for path in catalog_paths(folder):
        try:
            catalogs[path.stem] = read_catalog(path, expect_language=path.stem)
        except TranslationError as exc:
            problems.add(exc)
    problems.raise_if_any()
    return Catalogs(folder, catalogs)
