"""Localize: a report, a layout and the catalogs become a document for one edition.

An edition is one language (``zh``) or a pair (``zh+en``).  For each language the content
comes from the report (its own language) or the catalog (a translation), the layout's words
from the catalog, and every figure from :mod:`jbreport.i18n.formatting`.  Untranslated and fuzzy
strings fall back to their source text and are recorded, so the build can report them.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .content import Report, Src, SrcBlock, SrcParagraph, SrcPhoto
from .errors import Collector, Location, TemplateError, TranslationError
from .i18n import figures as nb
from .i18n.formatting import format_figure, format_list
from .i18n.locale import identity, same_language, same_tongue
from .i18n.placeholders import fill, fill_spans, placeholders
from .layout import WORDS, Layout, Msg, Part
from .model import (
    Bar,
    Block,
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigureRow,
    KeyFigures,
    Language,
    Metadata,
    Paragraph,
    Photo,
    Text,
    Texts,
    Toc,
)
from .po.io import message_line
from .po.lookup import Catalogs, Lookup
from .text import clean_text

LAYOUT_CONTEXT = "layout"


def _language(tag: str) -> Language:
    edition = identity(tag)
    return Language(tag, edition.bcp47, edition.east_asian, edition.script)


def document_date(report: Report) -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set, else the report's own date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    if report.date is not None:
        return datetime.datetime.combine(report.date.date, datetime.time(), datetime.UTC)
    return datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass
class _Language:
    """Everything needed to write one language of an edition."""

    tag: str
    content: Lookup
    words: Lookup
    style: nb.NumberStyle
    report: Report
    problems: Collector
    source: _Language | None = None  # writes strings that have no current translation

    def __post_init__(self) -> None:
        self._figures: dict[tuple[str, bool], str] = {}
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
            self._figures[key] = format_figure(
                src.figure, self.tag, _FigureMessages(self), self.style, qualified=qualified
            )
        return self._figures[key]

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
        return clean_text(fill(translated, values)) if values else clean_text(translated)

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
        message = lookup.catalog.get(msgid, context=context) if lookup.catalog else None
        where = None
        if lookup.path is not None:
            where = Location.of(
                lookup.path, message_line(message, lookup.path) if message else None
            )
        self.problems.add(
            TranslationError(
                f"placeholder problem in {msgid!r} (msgctxt {context!r}): {problem}", where
            )
        )
        return msgid


def _fields(names: list[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(set(names))) or "no fields"


class _FigureValues(Mapping[str, str]):
    def __init__(self, language: _Language) -> None:
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

    def __init__(self, language: _Language) -> None:
        self.language = language

    def _lookup(self, context: str) -> Lookup:
        return self.language.content if "/" in context else self.language.words

    def gettext(self, context: str, msgid: str) -> str:
        return self._checked(context, msgid, self._lookup(context).gettext(context, msgid))

    def translated(self, context: str, msgid: str) -> bool:
        return self._lookup(context).translated(context, msgid)

    def ngettext(self, context: str, singular: str, plural: str, n: Any) -> str:
        pattern = self._lookup(context).ngettext(context, singular, plural, n)
        if n == 1 and pattern != singular:
            # gettext's idiom: the form for one may say the number in words ("a project")
            try:
                if set(placeholders(pattern)) < set(placeholders(singular)):
                    return pattern
            except ValueError:
                pass
        return self._checked(context, singular, pattern)

    def _checked(self, context: str, msgid: str, pattern: str) -> str:
        return self.language.keeping_fields(self._lookup(context), context, msgid, pattern)


def _style_for(report: Report, tag: str) -> nb.NumberStyle:
    """The content's house style for the edition: its own entry, else the language's (a
    style for ``en`` serves ``en_GB`` too)."""
    for match in (same_language, same_tongue):
        for key, style in report.styles.items():
            if key == tag or match(key, tag):
                return style
    return nb.NumberStyle()


@dataclass
class Localized:
    document: Document
    lookups: list[Lookup]


def localize(
    report: Report, layout: Layout, catalogs: Catalogs, languages: tuple[str, ...]
) -> Localized:
    problems = Collector()
    langs = [
        _Language(
            tag,
            catalogs.lookup(tag, report.language),
            catalogs.lookup(tag, nb.TEMPLATE_LANGUAGE),
            _style_for(report, tag),
            report,
            problems,
        )
        for tag in languages
    ]
    source_language = _Language(
        report.language,
        catalogs.lookup(report.language, report.language),
        catalogs.lookup(report.language, nb.TEMPLATE_LANGUAGE),
        _style_for(report, report.language),
        report,
        problems,
    )
    for lang in langs:
        if not lang.content.is_source:
            lang.source = source_language

    def texts(src: Src | None) -> Texts | None:
        if src is None:
            return None
        return tuple(lang.rich(src) for lang in langs)

    def must(src: Src) -> Texts:
        result = texts(src)
        assert result is not None
        return result

    def words(msg: Msg | None, key: str | None = None, **values: Any) -> Texts:
        """A layout word in every language; ``key`` names its default in WORDS."""
        chosen: Msg | str
        if msg is not None:
            chosen = msg
        else:
            assert key is not None
            chosen = layout.words.get(key, WORDS[key])
        out = []
        for lang in langs:
            vals = {k: (v(lang) if callable(v) else v) for k, v in values.items()}
            out.append(Text(lang.tag, lang.word(chosen, **vals)))
        return tuple(out)

    def block(src: SrcBlock, role: str) -> Block:
        if isinstance(src, SrcParagraph):
            return Paragraph(must(src.text), role)
        assert isinstance(src, SrcPhoto)
        credit = None
        if src.photographer is not None:
            photographer = src.photographer
            credit = words(None, "photo_credit", name=lambda lang: lang.text(photographer))
        return Photo(src.id, must(src.caption), credit, src.image)

    blocks: list[Block] = []
    for part in layout.parts:
        try:
            blocks += _part(part, report, langs, texts, must, words, block)
        except KeyError as exc:
            raise TemplateError(f"part {part.name!r}: {exc.args[0]}", part.loc) from None

    title = must(report.title)
    header = words(layout.header) if layout.header is not None else title
    footer = words(layout.footer) if layout.footer is not None else ()
    # the authors in each language of the edition, like the title: "王彩艳, 杨敏 / Wang
    # Caiyan, Yang Min" (a language's names are listed once when they read the same)
    authors = list(dict.fromkeys(", ".join(lang.text(a) for a in report.authors) for lang in langs))
    metadata = Metadata(
        title=" / ".join(t.text for t in title),
        subject=" / ".join(t.text for t in (texts(report.subject) or ())),
        author=" / ".join(a for a in authors if a),
        keywords=tuple(dict.fromkeys(lang.text(k) for lang in langs for k in report.keywords)),
        language=identity(languages[0]).bcp47,
        created=document_date(report),
    )
    problems.raise_if_any()
    document = Document(
        report_id=report.id,
        layout=layout.name,
        languages=tuple(_language(t) for t in languages),
        fallback_languages=tuple(
            _language(t)
            for t in ([report.language] if any(lang.fell_back for lang in langs) else [])
            if t not in languages
        ),
        metadata=metadata,
        header=header,
        footer=footer,
        blocks=tuple(blocks),
    )
    lookups = [lang.content for lang in langs] + [lang.words for lang in langs]
    return Localized(document, lookups)


def _part(
    part: Part,
    report: Report,
    langs: list[_Language],
    texts: Any,
    must: Any,
    words: Any,
    block: Any,
) -> list[Block]:
    args = part.args
    match part.name:
        case "cover":
            kicker = texts(report.kicker) if args.get("kicker", True) else None
            date = None
            if report.date is not None:
                figure = nb.Figure(nb.Kind.DATE, start=report.date)
                date = tuple(
                    Text(
                        lang.tag,
                        format_figure(figure, lang.tag, _FigureMessages(lang), lang.style),
                    )
                    for lang in langs
                )
            byline = None
            if report.authors:
                byline = words(
                    args.get("byline"),
                    "byline",
                    authors=lambda lang: format_list(
                        [lang.text(a) for a in report.authors], lang.tag, _FigureMessages(lang)
                    ),
                )
            return [Cover(kicker, must(report.title), date, byline)]
        case "toc":
            return [Toc(words(args.get("title"), "toc"))]
        case "key_figures":
            if not report.key_figures:
                return []
            rows = tuple(
                KeyFigureRow(
                    k.figure,
                    must(k.label),
                    tuple(
                        _whole(lang.tag, lang.figure(k.figure, qualified=True)) for lang in langs
                    ),
                )
                for k in report.key_figures
            )
            return [KeyFigures(words(args.get("title"), "key_figures"), rows)]
        case "chart":
            bars = _chart_bars(report, langs, must)
            if len(bars) < 2:
                return []
            return [Chart(words(args.get("title"), "chart"), bars)]
        case "lead":
            return [block(b, "lead") for b in report.lead]
        case "closing":
            return [block(b, "closing") for b in report.closing]
        case "section" | "sections":
            chosen = report.sections
            if part.name == "section":
                wanted = args.get("id")
                chosen = tuple(s for s in report.sections if s.id == wanted)
                if not chosen:
                    raise KeyError(f"no section with id {wanted!r}")
            out: list[Block] = []
            for section in chosen:
                out.append(Heading(1, must(section.heading), section.id))
                out += [block(b, "body") for b in section.blocks]
            return out
        case "photos":
            return [block(b, "body") for b in report.photos()]
        case "credits":
            lines: list[Texts] = []
            if report.picture_credit is not None and args.get("picture", True):
                lines.append(must(report.picture_credit))
            for source in report.sources:
                lines.append(
                    words(args.get("source"), "source", source=lambda lang, s=source: lang.text(s))
                )
            if not lines:
                return []
            title = words(args["title"], "credits") if "title" in args else None
            return [Credits(title, tuple(lines))]
    raise KeyError(f"unknown part {part.name!r}")


def _chart_bars(report: Report, langs: list[_Language], must: Any) -> tuple[Bar, ...]:
    """The report's chart figures, or else the key figures' amounts in their main currency."""
    labels = {k.figure: k.label for k in report.key_figures}
    names = list(report.chart)
    if not names:
        money = [
            k.figure
            for k in report.key_figures
            if report.figures[k.figure].figure.kind == nb.Kind.MONEY
        ]
        if not money:
            return ()
        currencies = Counter(report.figures[n].figure.currency for n in money)
        currency = currencies.most_common(1)[0][0]
        names = [n for n in money if report.figures[n].figure.currency == currency]
    bars = []
    for name in names:
        figure = report.figures[name].figure
        if figure.value is None or name not in labels:
            continue
        bars.append(
            Bar(
                name,
                must(labels[name]),
                figure.value,
                tuple(_whole(lang.tag, lang.figure(name, qualified=True)) for lang in langs),
            )
        )
    return tuple(bars)


def _whole(tag: str, text: str) -> Text:
    return Text(tag, text, ((0, len(text)),))
