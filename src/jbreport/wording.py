"""How one language of an edition words a report.

Its content strings come from the report (its own language) or the content catalog, the
layout's and the figures' words from the layout catalog, each figure from
:mod:`jbreport.i18n.formatting`.  A string without a current translation is written whole in the
source language (and recorded); a translation that loses or adds a ``{field}`` is a
problem at its PO line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Collector, Location, TranslationError
from .i18n import figures as nb
from .i18n.formatting import format_figure, is_template_language
from .i18n.locale import same_language, same_tongue
from .i18n.placeholders import fill, fill_spans, placeholders
from .layout import Msg
from .model import Text
from .po.io import message_line
from .po.lookup import Lookup
from .source.model import Report, Src
from .text import clean_text

LAYOUT_CONTEXT = "layout"


@dataclass
class Wording:
    """One language of an edition: its lookups, its number style, what it fell back on."""

    tag: str
    content: Lookup
    words: Lookup
    style: nb.NumberStyle
    report: Report
    problems: Collector
    source: Wording | None = None  # writes strings that have no current translation

    def __post_init__(self) -> None:
        self._figures: dict[tuple[str, bool], str] = {}
        self._foreign: set[str] = set()  # figures written in the source language
        self.fell_back = False

    def figure(self, name: str, qualified: bool = False) -> str:
        key = (name, qualified)
        if key not in self._figures:
            src = self.report.figures[name]
            noun = src.figure
            if (
                self.source is not None
                and noun.noun is not None
                and noun.noun_context is not None
                and not self.content.translated(noun.noun_context, noun.noun)
            ):
                # no current translation of its noun: the figure stays in the source language
                self.content.gettext(noun.noun_context, noun.noun)
                self.fell_back = True
                self._figures[key] = self.source.figure(name, qualified)
                return self._figures[key]
            messages = _FigureMessages(self)
            text = format_figure(src.figure, self.tag, messages, self.style, qualified=qualified)
            if messages.missing and self.source is not None and not is_template_language(self.tag):
                # a word of it is not in this language: the figure stays in the source's
                self.fell_back = True
                self._foreign.add(name)
                text = self.source.figure(name, qualified)
            self._figures[key] = text
        return self._figures[key]

    def messages(self) -> _FigureMessages:
        """The figure words of this language, for :func:`numbers.format_figure`."""
        return _FigureMessages(self)

    def values(self) -> _FigureValues:
        return _FigureValues(self)

    def text(self, src: Src) -> str:
        return self.rich(src).text

    def rich(self, src: Src) -> Text:
        """The string in this language with the spans of its figures.

        A string with no current translation is written whole in the source language,
        figures included, so a reader never meets a sentence in one language with figures
        in another."""
        if self.source is not None and not self._current(src):
            self.content.gettext(src.context, src.text)  # records the fallback
            self.fell_back = True
            return self.source.rich(src)
        translated = clean_text(self.content.gettext(src.context, src.text))
        try:
            text, spans = fill_spans(translated, self.values())
            kept = set(placeholders(translated))
            missing = [n for n in dict.fromkeys(placeholders(src.text)) if n not in kept]
            if missing and translated != src.text:
                # the figure would silently vanish from this edition
                raise ValueError(
                    "the translation leaves out " + ", ".join(f"{{{name}}}" for name in missing)
                )
        except (KeyError, ValueError) as exc:
            self.problems.add(self._placeholder_error(src, translated, exc))
            text, spans = fill_spans(src.text, self.values())
        return Text(self.tag, text, spans)

    def _current(self, src: Src) -> bool:
        """Whether the string and the nouns of its figures all have current translations."""
        if not self.content.translated(src.context, src.text):
            return False
        for name in placeholders(src.text):
            figure = self.report.figures.get(name)
            if figure is not None and (self.figure(name) and name in self._foreign):
                return False  # never a figure in the source language inside this one
            if figure is not None and figure.noun is not None:
                noun = figure.figure
                assert noun.noun is not None and noun.noun_context is not None
                if not self.content.translated(noun.noun_context, noun.noun):
                    self.content.gettext(noun.noun_context, noun.noun)  # records the fallback
                    return False
        return True

    def _placeholder_error(self, src: Src, translated: str, exc: Exception) -> TranslationError:
        if translated == src.text or self.content.catalog is None:
            return TranslationError(f"placeholder problem: {exc}", src.loc)
        message = self.content.catalog.get(src.text, context=src.context)
        line = message_line(message, self.content.path) if message is not None else None
        path = self.content.path
        detail = str(exc)
        if isinstance(exc, KeyError):
            try:
                unknown = sorted(set(placeholders(translated)) - set(placeholders(src.text)))
            except ValueError:
                unknown = []
            fields = ", ".join(f"{{{name}}}" for name in unknown or [exc.args[0]])
            detail = f"the translation uses {fields}, which the source does not have"
        return TranslationError(
            f"{detail} (msgctxt {src.context!r})",
            Location.of(path, line) if path else src.loc,
        )

    def word(self, msg: Msg | str, **values: str) -> str:
        msgid = msg.msgid if isinstance(msg, Msg) else msg
        # a page footer that printed "共 {pages 页" on every page would pass unnoticed
        translated = self.keeping_fields(
            self.words, LAYOUT_CONTEXT, msgid, self.words.gettext(LAYOUT_CONTEXT, msgid)
        )
        if values or not placeholders(translated):
            # filled, or a word with no fields: {{ and }} are literal braces, as in content
            return clean_text(fill(translated, values))
        # fields the writer fills (a footer's {page} and {pages}): its escapes stay for it
        return clean_text(translated)

    def keeping_fields(self, lookup: Lookup, context: str, msgid: str, pattern: str) -> str:
        """The pattern, if it keeps the fields of its msgid, well formed; else the msgid,
        and the build stops at the PO line (a figure or a name would silently vanish:
        "增长" for "增长{percent}")."""
        if pattern == msgid:
            return pattern
        try:
            if set(placeholders(pattern)) == set(placeholders(msgid)):
                return pattern
            problem = (
                f"the translation has {_fields(placeholders(pattern))},"
                f" not {_fields(placeholders(msgid))}"
            )
        except ValueError as exc:
            problem = str(exc)
        # the catalog the pattern came from: the edition's own, a parent's or jbreport's
        message, path = lookup.where(context, msgid)
        where = None
        if path is not None:
            where = Location.of(path, message_line(message, path) if message else None)
        self.problems.add(
            TranslationError(
                f"placeholder problem in {msgid!r} (msgctxt {context!r}): {problem}", where
            )
        )
        return msgid


def _fields(names: list[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(set(names))) or "no fields"


class _FigureValues(Mapping[str, str]):
    def __init__(self, language: Wording) -> None:
        self.language = language

    def __getitem__(self, key: str) -> str:
        if key not in self.language.report.figures:
            raise KeyError(key)
        return self.language.figure(key)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.language.report.figures)

    def __len__(self) -> int:
        return len(self.language.report.figures)

    def __contains__(self, key: object) -> bool:
        return key in self.language.report.figures


class _FigureMessages:
    """Figure words: nouns from the content catalog, the rest from the layout catalog."""

    def __init__(self, language: Wording) -> None:
        self.language = language
        self.missing = False

    def _lookup(self, context: str) -> Lookup:
        return self.language.content if "/" in context else self.language.words

    def gettext(self, context: str, msgid: str) -> str:
        lookup = self._lookup(context)
        self._note(lookup, context, msgid)
        return self._checked(context, msgid, lookup.gettext(context, msgid))

    def _note(self, lookup: Lookup, context: str, msgid: str) -> None:
        """Remember a word this language lacks: its figure would print it in English."""
        if not lookup.is_source and not lookup.translated(context, msgid):
            self.missing = True

    def translated(self, context: str, msgid: str) -> bool:
        return self._lookup(context).translated(context, msgid)

    def ngettext(self, context: str, singular: str, plural: str, n: Any) -> str:
        lookup = self._lookup(context)
        self._note(lookup, context, singular)
        pattern = lookup.ngettext(context, singular, plural, n)
        if pattern != singular and lookup.drops_number(context, singular, n):
            # a form for one number alone may say it in words ("a project", Arabic's dual)
            try:
                if set(placeholders(pattern)) < set(placeholders(singular)):
                    return pattern
            except ValueError:
                pass
        return self._checked(context, singular, pattern)

    def _checked(self, context: str, msgid: str, pattern: str) -> str:
        return self.language.keeping_fields(self._lookup(context), context, msgid, pattern)


def style_for(report: Report, tag: str) -> nb.NumberStyle:
    """The content's house style for the edition: its own entry, else the language's (a
    style for ``en`` serves ``en_GB`` too)."""
    for match in (same_language, same_tongue):
        for key, style in report.styles.items():
            if key == tag or match(key, tag):
                return style
    return nb.NumberStyle()
