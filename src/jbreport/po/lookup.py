"""Looking up translations: the catalogs of a project, and the messages of one edition."""

from __future__ import annotations

import functools
import gettext
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog, Message

from ..atomic import recover
from ..errors import Collector, Location, TranslationError
from ..i18n.locale import get_locale, identity, parent_chain, same_language
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


# A catalog a lookup reads, and its file (for the line of a problem)
Level = tuple[Catalog, Path | None]

SHIPPED = Path(__file__).resolve().parent.parent / "locale"


def single_number_form(catalog: Catalog, index: int) -> bool:
    """Whether plural form ``index`` of the catalog serves one integer alone (Arabic's forms
    for one and two): such a form may say its number in words and leave the field out, as
    GNU msgfmt accepts."""
    expr = gettext.c2py(catalog.plural_expr)
    return sum(1 for k in range(0, 1000) if expr(k) == index) == 1


@dataclass
class Lookup:
    """Messages of one edition language: its catalog, then its CLDR parents' and the ones
    jbreport ships (:attr:`parents`), or nothing for the source language.

    Each string is taken whole from the first catalog that translates it (a string is
    never assembled from two).  Records every string that fell back to its source
    (untranslated or fuzzy) so the build can say which and how many.
    """

    language: str
    catalog: Catalog | None
    source_language: str  # the language of the msgids this lookup serves
    path: Path | None = None
    fallbacks: dict[tuple[str, str], str] = field(default_factory=dict)
    parents: tuple[Level, ...] = ()

    @property
    def is_source(self) -> bool:
        return same_language(self.language, self.source_language)

    def levels(self) -> list[Level]:
        own: list[Level] = [(self.catalog, self.path)] if self.catalog is not None else []
        return [*own, *self.parents]

    def found(self, context: str, msgid: str) -> tuple[Message, Level] | None:
        """The current translation of ``msgid`` (every plural form filled) and the catalog
        it comes from, nearest first; never a fuzzy one."""
        if self.is_source:
            return None
        for level in self.levels():
            message = level[0].get(msgid, context=context)
            if message is None or message.fuzzy:
                continue
            strings = (
                message.string if isinstance(message.string, (tuple, list)) else [message.string]
            )
            if strings and all(strings):
                return message, level
        return None

    def translated(self, context: str, msgid: str) -> bool:
        return self.found(context, msgid) is not None

    def gettext(self, context: str, msgid: str) -> str:
        if self.is_source:
            return msgid
        hit = self.found(context, msgid)
        if hit is not None and isinstance(hit[0].string, str):
            return hit[0].string
        self._fell_back(context, msgid)
        return msgid

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        """The plural form for ``n``; a translation without plural forms serves every n."""
        if not self.is_source:
            hit = self.found(context, singular)
            if hit is not None:
                (message, (catalog, _path)) = hit
                if not isinstance(message.string, (tuple, list)):
                    return str(message.string)
                index = plural_index(catalog, n)
                if index < len(message.string):
                    return str(message.string[index])
            self._fell_back(context, singular)
        locale = get_locale(self.source_language)
        return singular if locale.plural_form(abs(n)) == "one" else plural

    def drops_number(self, context: str, msgid: str, n: Decimal) -> bool:
        """Whether the form the catalog gives ``n`` is one that serves that number alone
        (gettext's idiom: "one project", Arabic's dual), so it may leave the number out."""
        hit = self.found(context, msgid)
        if hit is None or n != n.to_integral_value() or not isinstance(hit[0].string, tuple):
            return False
        catalog = hit[1][0]
        return single_number_form(catalog, plural_index(catalog, n))

    def where(self, context: str, msgid: str) -> tuple[Message | None, Path | None]:
        """The entry that serves ``msgid`` and its file (for a problem's line)."""
        hit = self.found(context, msgid)
        if hit is not None:
            return hit[0], hit[1][1]
        message = self.catalog.get(msgid, context=context) if self.catalog else None
        return message, self.path

    def _fell_back(self, context: str, msgid: str) -> None:
        if self.catalog is None:
            reason = "no catalog"
        else:
            message = self.catalog.get(msgid, context=context)
            reason = "fuzzy" if message is not None and message.fuzzy else "untranslated"
        self.fallbacks[(context, msgid)] = reason


@functools.cache
def shipped_catalogs() -> dict[str, Catalog]:
    """jbreport's own words in each language it ships (``src/jbreport/locale/*.po``)."""
    return {
        path.stem: read_catalog(path, expect_language=path.stem) for path in catalog_paths(SHIPPED)
    }


@dataclass(frozen=True, slots=True)
class Catalogs:
    """Every catalog of the project, by language tag (the PO file's name)."""

    folder: Path
    by_language: dict[str, Catalog]
    shipped: dict[str, Catalog] = field(default_factory=dict)

    def lookup(self, language: str, source_language: str) -> Lookup:
        """The lookup of ``language``: its own catalog, then, for it and each CLDR parent
        (:func:`parent_chain`), the project's catalog before the shipped one."""
        levels = self.levels(language)
        own = self.own(language)
        parents = tuple(level for level in levels if own is None or level[0] is not own[1])
        if own is None:
            return Lookup(language, None, source_language, parents=parents)
        return Lookup(
            language, own[1], source_language, self.folder / f"{own[0]}.po", parents=parents
        )

    def levels(self, language: str) -> list[Level]:
        """The catalogs ``language`` reads, nearest first: for it and each CLDR parent
        (:func:`parent_chain`), the project's catalog, then the shipped one."""
        levels: list[Level] = []
        for step in parent_chain(language):
            for catalogs, folder in ((self.by_language, self.folder), (self.shipped, SHIPPED)):
                for tag, catalog in catalogs.items():
                    if same_language(tag, step):
                        levels.append((catalog, folder / f"{tag}.po"))
        return levels

    def served_elsewhere(self, language: str, catalog: Catalog) -> set[tuple[str, str]]:
        """The (msgctxt, msgid) that a catalog ``language`` reads other than ``catalog``
        translates (its CLDR parents', jbreport's own): what ``catalog`` may leave empty."""
        out = set()
        for other, _path in self.levels(language):
            if other is catalog:
                continue
            for message in other:
                strings = message.string if isinstance(message.string, tuple) else (message.string,)
                if message.id and not message.fuzzy and all(strings):
                    key = message.id[0] if isinstance(message.id, tuple) else message.id
                    out.add((str(message.context), str(key)))
        return out

    def own(self, language: str) -> tuple[str, Catalog] | None:
        """The project's catalog of exactly this edition, and its tag."""
        for tag, catalog in self.by_language.items():
            if same_language(tag, language):
                return tag, catalog
        return None

    def languages(self) -> list[str]:
        return sorted(self.by_language)


def catalog_paths(folder: Path) -> list[Path]:
    """The catalogs of a folder, once an update killed there is finished (see
    :func:`jbreport.atomic.recover`)."""
    if not folder.is_dir():
        return []
    recover(folder)
    return sorted(p for p in folder.glob("*.po") if not p.name.startswith("."))


def same_edition(tag: str, others: list[str]) -> str | None:
    """The first of ``others`` that names the edition ``tag`` names (zh_TW and zh_Hant,
    zh_CN and zh, en_US and en), if any."""
    return next((other for other in others if same_language(tag, other)), None)


def load_catalogs(folder: Path, *, shipped: bool = True) -> Catalogs:
    """The project's catalogs, one per edition (a second file for an edition another
    already serves is refused, naming both), and the shipped ones."""
    problems = Collector()
    catalogs: dict[str, Catalog] = {}
    for path in catalog_paths(folder):
        twin = same_edition(path.stem, list(catalogs))
        if twin is not None:
            problems.add(
                TranslationError(
                    f"translates the same edition as {twin}.po ({identity(twin).bcp47});"
                    f" keep one catalog per edition: merge {path.name} into {twin}.po",
                    Location.of(path),
                )
            )
            continue
        try:
            catalogs[path.stem] = read_catalog(path, expect_language=path.stem)
        except TranslationError as exc:
            problems.add(exc)
    problems.raise_if_any()
    return Catalogs(folder, catalogs, shipped_catalogs() if shipped else {})
