"""Localize: a report, a layout and the catalogs become a document for one edition.

An edition is one language (``zh``) or a pair (``zh+en``).  Each language words the report
as :class:`jbreport.wording.Wording` says; here the layout's parts become the document's
blocks, one function per part (:data:`PARTS`), every string in every language of the
edition.  Untranslated and fuzzy strings fall back to their source text and are recorded,
so the build can report them.
"""

from __future__ import annotations

import datetime
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, assert_never

from .errors import Collector, TemplateError
from .i18n import figures as nb
from .i18n.formatting import format_figure, format_list
from .i18n.locale import identity
from .layout import WORDS, Layout, Msg, Part
from .localize_blocks import localize_list, localize_signoff, localize_table
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
    PhotoWidth,
    Role,
    Text,
    Texts,
    Toc,
)
from .po.lookup import Catalogs, Lookup
from .source.model import (
    Report,
    Src,
    SrcBlock,
    SrcList,
    SrcParagraph,
    SrcPhoto,
    SrcSignoff,
    SrcTable,
)
from .wording import Wording, style_for


def _language(tag: str) -> Language:
    edition = identity(tag)
    return Language(tag, edition.bcp47, edition.east_asian, edition.script)


def document_date(report: Report) -> datetime.datetime:
    """SOURCE_DATE_EPOCH when set, else the report's own date: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC)
    return datetime.datetime.combine(report.date.date, datetime.time(), datetime.UTC)


@dataclass
class Localized:
    document: Document
    lookups: list[Lookup]


def localize(
    report: Report, layout: Layout, catalogs: Catalogs, languages: tuple[str, ...]
) -> Localized:
    problems = Collector()
    langs = [_wording(report, catalogs, tag, problems) for tag in languages]
    source_language = _wording(report, catalogs, report.language, problems)
    for lang in langs:
        if not lang.content.is_source:
            lang.source = source_language
    edition = _Edition(report, layout, langs)
    blocks: list[Block] = []
    for part in layout.parts:
        try:
            if (write := PARTS.get(part.name)) is None:
                raise KeyError(f"unknown part {part.name!r}")
            blocks += write(edition, part)
        except KeyError as exc:
            raise TemplateError(f"part {part.name!r}: {exc.args[0]}", part.loc) from None

    title = edition.must(report.title)
    header = edition.words(layout.header) if layout.header is not None else title
    footer = edition.words(layout.footer) if layout.footer is not None else ()
    metadata = _metadata(edition, title, languages)
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


def _wording(report: Report, catalogs: Catalogs, tag: str, problems: Collector) -> Wording:
    return Wording(
        tag,
        catalogs.lookup(tag, report.language),
        catalogs.lookup(tag, nb.TEMPLATE_LANGUAGE),
        style_for(report, tag),
        report,
        problems,
    )


def _metadata(edition: _Edition, title: Texts, languages: tuple[str, ...]) -> Metadata:
    report, langs = edition.report, edition.langs
    # the authors in each language of the edition, like the title: "王彩艳, 杨敏 / Wang
    # Caiyan, Yang Min" (a language's names are listed once when they read the same)
    authors = list(dict.fromkeys(", ".join(lang.text(a) for a in report.authors) for lang in langs))
    return Metadata(
        title=" / ".join(t.text for t in title),
        subject=" / ".join(t.text for t in (edition.texts(report.subject) or ())),
        authors=tuple(a for a in authors if a),
        keywords=tuple(dict.fromkeys(lang.text(k) for lang in langs for k in report.keywords)),
        language=identity(languages[0]).bcp47,
        created=document_date(report),
    )


class _Edition:
    """The languages of one edition: a report's strings and the layout's words in each."""

    def __init__(self, report: Report, layout: Layout, langs: list[Wording]) -> None:
        self.report = report
        self.layout = layout
        self.langs = langs

    def texts(self, src: Src | None) -> Texts | None:
        if src is None:
            return None
        return tuple(lang.rich(src) for lang in self.langs)

    def must(self, src: Src) -> Texts:
        return tuple(lang.rich(src) for lang in self.langs)

    def words(self, msg: Msg | None, key: str | None = None, **values: Any) -> Texts:
        """A layout word in every language; ``key`` names its default in WORDS.  A value
        may be a function of the language (a name written in it)."""
        chosen: Msg | str
        if msg is not None:
            chosen = msg
        else:
            assert key is not None
            chosen = self.layout.words.get(key, WORDS[key])
        out = []
        for lang in self.langs:
            vals = {k: (v(lang) if callable(v) else v) for k, v in values.items()}
            out.append(Text(lang.tag, lang.word(chosen, **vals)))
        return tuple(out)

    def figure(self, name: str) -> Texts:
        """A figure as a key figure or a bar says it: qualified, and whole (one span)."""
        return tuple(_whole(lang.tag, lang.figure(name, qualified=True)) for lang in self.langs)

    def block(self, src: SrcBlock, role: Role) -> Block:
        match src:
            case SrcParagraph():
                return Paragraph(self.must(src.text), role)
            case SrcPhoto():
                credit = None
                if src.photographer is not None and src.image is not None:
                    photographer = src.photographer
                    credit = self.words(
                        None, "photo_credit", name=lambda lang: lang.text(photographer)
                    )
                width: PhotoWidth = "column" if self.layout.photo_width == "column" else "full"
                return Photo(
                    src.id,
                    self.must(src.caption),
                    credit,
                    src.image,
                    width,
                    self.layout.photo_height,
                )
            case SrcTable():
                return localize_table(self.langs, {**WORDS, **self.layout.words}, src)
            case SrcList():
                return localize_list(self.langs, {**WORDS, **self.layout.words}, src)
            case SrcSignoff():
                return localize_signoff(self.langs, src)
            case _:
                assert_never(src)


def _cover(ed: _Edition, part: Part) -> list[Block]:
    report, args = ed.report, part.args
    kicker = ed.texts(report.kicker) if args.get("kicker", True) else None
    figure = nb.Figure(nb.Kind.DATE, start=report.date)
    date = tuple(
        Text(lang.tag, format_figure(figure, lang.tag, lang.messages(), lang.style))
        for lang in ed.langs
    )
    byline = None
    if report.authors:
        byline = ed.words(
            args.get("byline"),
            "byline",
            authors=lambda lang: format_list(
                [lang.text(a) for a in report.authors], lang.tag, lang.messages()
            ),
        )
    return [Cover(kicker, ed.must(report.title), date, byline)]


def _toc(ed: _Edition, part: Part) -> list[Block]:
    return [Toc(ed.words(part.args.get("title"), "toc"))]


def _key_figures(ed: _Edition, part: Part) -> list[Block]:
    if not ed.report.key_figures:
        return []
    rows = tuple(
        KeyFigureRow(k.figure, ed.must(k.label), ed.figure(k.figure)) for k in ed.report.key_figures
    )
    title = ed.words(part.args.get("title"), "key_figures", period=_period(ed))
    return [KeyFigures(title, rows)]


def _chart(ed: _Edition, part: Part) -> list[Block]:
    """The chart, titled as what it shows: growth rates (``growth=``, with the period they
    cover) or amounts (``title=``)."""
    bars = _chart_bars(ed)
    if len(bars) < 2:
        return []
    kind = ed.report.figures[bars[0].name].figure.kind
    if kind == nb.Kind.GROWTH:
        title = ed.words(part.args.get("growth"), "chart_growth", period=_period(ed))
    else:
        title = ed.words(part.args.get("title"), "chart", period=_period(ed))
    return [Chart(title, bars)]


def _period(ed: _Edition) -> Callable[[Wording], str]:
    """The time the figures cover, as each language writes it: the report's ``period``
    figure, or else its date."""
    name = ed.report.period

    def written(lang: Wording) -> str:
        if name is not None:
            return lang.figure(name)
        figure = nb.Figure(nb.Kind.DATE, start=ed.report.date)
        return format_figure(figure, lang.tag, lang.messages(), lang.style)

    return written


def _lead(ed: _Edition, part: Part) -> list[Block]:
    """The lead; ``paragraphs=N``: its first N paragraphs only, without its photos."""
    blocks: list[SrcBlock] = list(ed.report.lead)
    if (count := part.args.get("paragraphs")) is not None:
        if not isinstance(count, int) or isinstance(count, bool) or count < 1:
            raise KeyError(f"paragraphs={count!r}: a number from 1")
        blocks = [b for b in blocks if isinstance(b, SrcParagraph)]
        blocks = blocks[:count]
    return [ed.block(b, "lead") for b in blocks]


def _closing(ed: _Edition, part: Part) -> list[Block]:
    return [ed.block(b, "closing") for b in ed.report.closing]


def _sections(ed: _Edition, part: Part) -> list[Block]:
    """``sections``: every section; ``section``: the one its ``id`` names."""
    chosen = ed.report.sections
    if part.name == "section":
        wanted = part.args.get("id")
        chosen = tuple(s for s in ed.report.sections if s.id == wanted)
        if not chosen:
            raise KeyError(f"no section with id {wanted!r}")
    out: list[Block] = []
    for section in chosen:
        out.append(Heading(1, ed.must(section.heading), section.id))
        out += [ed.block(b, "body") for b in section.blocks]
    return out


def _table(ed: _Edition, part: Part) -> list[Block]:
    """``table``: the table its ``id`` names, wherever the report has it."""
    wanted = part.args.get("id")
    for table in ed.report.tables():
        if table.id == wanted:
            return [ed.block(table, "body")]
    raise KeyError(f"no table with id {wanted!r}")


def _photos(ed: _Edition, part: Part) -> list[Block]:
    return [ed.block(b, "body") for b in ed.report.photos()]


def _credits(ed: _Edition, part: Part) -> list[Block]:
    report, args = ed.report, part.args
    lines: list[Texts] = []
    pictured = any(photo.image is not None for photo in report.photos())
    if report.picture_credit is not None and args.get("picture", True) and pictured:
        lines.append(ed.must(report.picture_credit))
    sources = [
        ed.words(args.get("source"), "source", source=lambda lang, s=source: lang.text(s))
        for source in report.sources
    ]
    # contact=True, or the words to say it with: the report's contact, on the first
    # source's line ("联系：江北区委宣传部 · 来源：江北区委宣传部")
    if report.contact is not None and (wording := args.get("contact")):
        contact = report.contact
        chosen = wording if isinstance(wording, Msg) else None
        said = ed.words(chosen, "contact", contact=lambda lang: lang.text(contact))
        if sources:
            pairs = zip(said, sources[0], strict=True)
            said = tuple(Text(c.lang, f"{c.text} · {s.text}") for c, s in pairs)
            sources = sources[1:]
        lines.append(said)
    lines += sources
    if not lines:
        return []
    title = ed.words(args["title"], "credits") if "title" in args else None
    return [Credits(title, tuple(lines))]


PARTS: dict[str, Callable[[_Edition, Part], list[Block]]] = {
    "cover": _cover,
    "toc": _toc,
    "key_figures": _key_figures,
    "chart": _chart,
    "lead": _lead,
    "closing": _closing,
    "section": _sections,
    "sections": _sections,
    "photos": _photos,
    "credits": _credits,
    "table": _table,
}


def _chart_bars(ed: _Edition) -> tuple[Bar, ...]:
    """The report's chart bars, or else the key figures' amounts in their main currency."""
    report = ed.report
    bars = list(report.chart)
    if not bars:
        money = [
            k for k in report.key_figures if report.figures[k.figure].figure.kind == nb.Kind.MONEY
        ]
        if not money:
            return ()
        currencies = Counter(report.figures[k.figure].figure.currency for k in money)
        currency = currencies.most_common(1)[0][0]
        bars = [k for k in money if report.figures[k.figure].figure.currency == currency]
    out = []
    for bar in bars:
        figure = report.figures[bar.figure].figure
        if figure.value is None:
            continue
        out.append(Bar(bar.figure, ed.must(bar.label), figure.value, ed.figure(bar.figure)))
    return tuple(out)


def _whole(tag: str, text: str) -> Text:
    return Text(tag, text, ((0, len(text)),))
