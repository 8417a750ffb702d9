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


@dataclass(frozen=True, slots=True)
class Photo:
    id: str
    caption: Texts
    credit: Texts | None
    image: Path | None


@dataclass(frozen=True, slots=True)
class Credits:
    title: Texts | None
    lines: tuple[Texts, ...]


@dataclass(frozen=True, slots=True)
class Toc:
    title: Texts


Block = Cover | KeyFigures | Chart | Heading | Paragraph | Photo | Credits | Toc


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
        match block:
            case Cover():
                for group in (block.kicker, block.title, block.date, block.byline):
                    yield from (t.text for t in group or ())
            case KeyFigures():
                yield from (t.text for t in block.title)
                for row in block.rows:
                    yield from (t.text for t in (*row.label, *row.value))
            case Chart():
                yield from (t.text for t in block.title)
                for bar in block.bars:
                    yield from (t.text for t in (*bar.label, *bar.display))
            case Heading() | Paragraph():
                yield from (t.text for t in block.text)
            case Photo():
                yield from (t.text for t in (*block.caption, *(block.credit or ())))
            case Credits():
                yield from (t.text for t in block.title or ())
                for line in block.lines:
                    yield from (t.text for t in line)
            case Toc():
                yield from (t.text for t in block.title)
            case _:
                assert_never(block)
