"""The figure words of each language a check reads, from the catalogs it can see.

A language's words are its figure phrases as its catalogs translate them: the project's
catalog of the language, its CLDR parents' and the one jbreport ships, nearest first (as a
build looks them up); for English, the language of the msgids, the msgids too.  The signs
of the content's growth figures say which way each ``{field}`` goes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..i18n.figures import FIGURE_CONTEXT, TEMPLATE_LANGUAGE, Kind
from ..i18n.locale import same_tongue
from ..i18n.phrases import MONEY_CONTEXT, QUALIFIER_CONTEXT, Direction, phrases
from ..i18n.statements import Translations, Vocabulary, Words, figure_sign, vocabulary
from ..po import Catalog
from ..po.lookup import Catalogs
from ..source.model import Report

_CONTEXTS = (FIGURE_CONTEXT, QUALIFIER_CONTEXT, MONEY_CONTEXT)


def translations_of(language: str, catalogs: Iterable[Catalog]) -> Translations:
    """The figure phrases of ``language`` in ``catalogs`` (nearest first; a fuzzy or
    untranslated entry does not count), and the msgids when it is English."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for catalog in catalogs:
        for message in catalog:
            if not message.id or message.fuzzy or message.context not in _CONTEXTS:
                continue
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            if all(strings):
                key = message.id[0] if isinstance(message.id, tuple) else message.id
                out.setdefault((str(message.context), str(key)), tuple(map(str, strings)))
    if same_tongue(language, TEMPLATE_LANGUAGE):
        for phrase in phrases():
            forms = (phrase.msgid, phrase.plural) if phrase.plural else (phrase.msgid,)
            out.setdefault((phrase.context, phrase.msgid), forms)
    return out


def growth_signs(reports: Iterable[Report]) -> dict[str, Direction]:
    """The direction of each growth figure of the content, by its name."""
    signs = {}
    for report in reports:
        for name, src in report.figures.items():
            sign = figure_sign(src.figure.value) if src.figure.kind == Kind.GROWTH else None
            if sign is not None:
                signs[name] = sign
    return signs


@dataclass
class Vocabularies:
    """The words of each language a check meets, built once per language."""

    catalogs: Catalogs
    signs: dict[str, Direction] = field(default_factory=dict)
    _built: dict[str, Vocabulary] = field(default_factory=dict)

    def of(self, language: str, nearest: Catalog | None = None) -> Vocabulary:
        if nearest is not None:  # a file being checked speaks for its language first
            levels = [nearest, *(c for c, _p in self.catalogs.levels(language))]
            return vocabulary(language, translations_of(language, levels))
        if language not in self._built:
            levels = [c for c, _p in self.catalogs.levels(language)]
            self._built[language] = vocabulary(language, translations_of(language, levels))
        return self._built[language]

    def words(self, source_language: str, language: str, catalog: Catalog) -> Words:
        return Words(self.of(source_language), self.of(language, catalog), self.signs)
