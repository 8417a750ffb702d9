"""The document model: what every renderer receives.

Frozen dataclasses, all strings final (translated, figures formatted).  A text is a tuple of
:class:`Text`, one per language of the edition: one for a single-language brief, two for a
bilingual one, so every renderer handles both with the same code.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Literal, assert_never


@dataclass(frozen=True, slots=True)
class Text:
    lang: str  # edition language tag, e.g. "zh", "en"
    text: str
    keep: tuple[tuple[int, int], ...] = ()  # spans never broken across lines (figures)


Texts = tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Cover:
    kicker: Texts | None
    title: Texts
    date: Texts | None
    byline: Texts | None


@dataclass(frozen=True, slots=True)
class KeyFigureRow:
    name: str
    label: Texts
    value: Texts


@dataclass(frozen=True, slots=True)
class KeyFigures:
    title: Texts
    rows: tuple[KeyFigureRow, ...]


@dataclass(frozen=True, slots=True)
class Bar:
    name: str
    label: Texts
    value: Decimal
    display: Texts


@dataclass(frozen=True, slots=True)
class Chart:
    title: Texts
    bars: tuple[Bar, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: Texts
    id: str


# what a paragraph is to the report: its body, the lead under the title, the closing lines
Role = Literal["body", "lead", "closing"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Texts
    role: Role = "body"


# how wide a photo may be: the whole measure, or one column of a bilingual page
PhotoWidth = Literal["full", "column"]


@dataclass(frozen=True, slots=True)
class Photo:
    """A photo and its caption; ``image`` None when its file is still to come (a renderer
    leaves a frame for it).  The layout sets its limits: ``width``, and ``height`` as a
    percentage of the page's text area (50 at most)."""

    id: str
    caption: Texts
    credit: Texts | None  # the photographer's, printed only under a picture
    image: Path | None
    width: PhotoWidth = "full"
    height: int = 50


@dataclass(frozen=True, slots=True)
class Credits:
    title: Texts | None
    lines: tuple[Texts, ...]


@dataclass(frozen=True, slots=True)
class Toc:
    title: Texts


Row = tuple[Texts, ...]  # a table row: a cell per column, each in every language


@dataclass(frozen=True, slots=True)
class Table:
    """A table of the report: the header rows (the last holds the column labels, each with
    its unit when the column's figures print bare), body rows (the first cell labels the
    row), an optional total row and note.  ``numeric`` says which columns hold figures,
    aligned on the decimal point."""

    id: str
    caption: Texts | None
    header: tuple[Row, ...]
    rows: tuple[Row, ...]
    total: Row | None
    note: Texts | None
    numeric: tuple[bool, ...]
    decimal: Texts  # each language's decimal mark, which numeric columns align on


@dataclass(frozen=True, slots=True)
class ListItem:
    label: Texts  # the bullet or the number, as each language prints it ("•", "1.")
    text: Texts
    children: tuple[ListItem, ...] = ()


@dataclass(frozen=True, slots=True)
class ListBlock:
    numbered: bool
    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Signoff:
    """Closing lines (the issuing office, the date), printed right-aligned as written."""

    lines: tuple[Texts, ...]


Block = (
    Cover
    | KeyFigures
    | Chart
    | Heading
    | Paragraph
    | Photo
    | Credits
    | Toc
    | Table
    | ListBlock
    | Signoff
)


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str
    subject: str
    authors: tuple[str, ...]  # one entry per language whose names read differently
    keywords: tuple[str, ...]
    language: str  # the first edition language, as a BCP 47 tag
    created: datetime.datetime


@dataclass(frozen=True, slots=True)
class Language:
    """What a renderer must know of an edition language."""

    tag: str  # as the edition names it: "zh"
    bcp47: str  # as documents tag it: "zh-CN"
    east_asian: bool  # written in Han, kana or Hangul: East Asian fonts and line breaking
    script: str | None = None  # ISO 15924, as written or CLDR's likely one: Hans, Jpan…


@dataclass(frozen=True, slots=True)
class Document:
    report_id: str
    layout: str
    languages: tuple[Language, ...]
    metadata: Metadata
    header: Texts  # running header
    footer: Texts  # patterns holding {page} and {pages}
    blocks: tuple[Block, ...]
    # languages of strings printed untranslated (in the source language)
    fallback_languages: tuple[Language, ...] = ()

    def language(self, tag: str) -> Language:
        for language in (*self.languages, *self.fallback_languages):
            if language.tag == tag:
                return language
        raise KeyError(tag)

    @property
    def bilingual(self) -> bool:
        return len(self.languages) > 1


def all_text(document: Document) -> Iterator[str]:
    """Every string a reader of the document sees, for checks over the whole document."""
    yield from (t.text for t in (*document.header, *document.footer))
    for block in document.blocks:
        for group in block_texts(block):
            yield from (t.text for t in group)


def block_texts(block: Block) -> list[Texts]:
    """Every text of one block, each in the languages of the edition."""
    match block:
        case Cover():
            groups = [block.kicker, block.title, block.date, block.byline]
            return [g for g in groups if g is not None]
        case KeyFigures():
            return [block.title, *(t for row in block.rows for t in (row.label, row.value))]
        case Chart():
            return [block.title, *(t for bar in block.bars for t in (bar.label, bar.display))]
        case Heading() | Paragraph():
            return [block.text]
        case Toc():
            return [block.title]
        case Photo():
            return [block.caption, *([block.credit] if block.credit else [])]
        case Credits():
            return [*([block.title] if block.title else []), *block.lines]
        case Table():
            rows = (*block.header, *block.rows, *([block.total] if block.total else []))
            cells = [cell for row in rows for cell in row]
            return [g for g in (block.caption, *cells, block.note) if g is not None]
        case ListBlock():
            items = [e for item in block.items for e in (item, *item.children)]
            return [t for e in items for t in (e.label, e.text)]
        case Signoff():
            return list(block.lines)
        case _:
            assert_never(block)
