"""The source model: a report as written, before any language but its own is involved.

Source-language strings (each with its catalog context and file:line), figures as exact
values, blocks in order.  A block kind is one dataclass here, joining :data:`SrcBlock`, and
one reader in :mod:`jbreport.source.blocks`; each block says which strings it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Location
from ..i18n import figures as nb
from ..i18n.placeholders import placeholders

NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Src:
    """A translatable string of the source language."""

    text: str
    context: str  # msgctxt: a stable path to where the string lives
    loc: Location


@dataclass(frozen=True, slots=True)
class SrcParagraph:
    id: str
    text: Src

    def strings(self) -> list[Src]:
        return [self.text]


@dataclass(frozen=True, slots=True)
class SrcPhoto:
    id: str
    caption: Src
    photographer: Src | None
    image: Path | None

    def strings(self) -> list[Src]:
        return [self.caption] if self.photographer is None else [self.caption, self.photographer]


@dataclass(frozen=True, slots=True)
class SrcColumn:
    label: Src
    unit_in_header: bool  # ``unit: header``: its figures print bare, their unit in the label


@dataclass(frozen=True, slots=True)
class SrcFigureRef:
    """A table cell or closing line that is one ``{figure}`` and nothing else: the figure,
    written for each edition, with nothing to translate (no catalog entry)."""

    name: str
    loc: Location


Cell = Src | SrcFigureRef | None  # None: an empty cell
Cells = tuple[Cell, ...]


def _texts(cells: tuple[Cell, ...]) -> list[Src]:
    return [c for c in cells if isinstance(c, Src)]


@dataclass(frozen=True, slots=True)
class SrcTable:
    id: str
    caption: Src | None
    columns: tuple[SrcColumn, ...]
    header: tuple[Cells, ...]  # extra header rows above the column labels
    rows: tuple[Cells, ...]
    total: Cells | None
    note: Src | None
    loc: Location

    def strings(self) -> list[Src]:
        out = [] if self.caption is None else [self.caption]
        cells = [*(c for row in self.header for c in row), *(c.label for c in self.columns)]
        cells += [c for row in (*self.rows, *([self.total] if self.total else [])) for c in row]
        out += _texts(tuple(cells))
        return out + ([] if self.note is None else [self.note])


@dataclass(frozen=True, slots=True)
class SrcListItem:
    text: Src
    children: tuple[SrcListItem, ...] = ()


@dataclass(frozen=True, slots=True)
class SrcList:
    numbered: bool
    items: tuple[SrcListItem, ...]

    def strings(self) -> list[Src]:
        return [s for item in self.items for s in (item.text, *(c.text for c in item.children))]


@dataclass(frozen=True, slots=True)
class SrcSignoff:
    lines: tuple[Src | SrcFigureRef, ...]

    def strings(self) -> list[Src]:
        return _texts(self.lines)


SrcBlock = SrcParagraph | SrcPhoto | SrcTable | SrcList | SrcSignoff


@dataclass(frozen=True, slots=True)
class SrcSection:
    id: str
    heading: Src
    blocks: tuple[SrcBlock, ...]


@dataclass(frozen=True, slots=True)
class SrcFigure:
    name: str
    figure: nb.Figure
    loc: Location
    noun: Src | None


@dataclass(frozen=True, slots=True)
class SrcKeyFigure:
    figure: str
    label: Src


@dataclass(frozen=True, slots=True)
class Report:
    id: str
    path: Path
    language: str
    date: nb.PartialDate
    title: Src
    kicker: Src | None
    subject: Src | None
    keywords: tuple[Src, ...]
    authors: tuple[Src, ...]
    picture_credit: Src | None
    sources: tuple[Src, ...]
    styles: dict[str, nb.NumberStyle]
    figures: dict[str, SrcFigure]
    key_figures: tuple[SrcKeyFigure, ...]
    chart: tuple[SrcKeyFigure, ...]  # the chart's bars; empty: the key figures' amounts
    lead: tuple[SrcBlock, ...]
    sections: tuple[SrcSection, ...]
    closing: tuple[SrcBlock, ...]
    notes: tuple[str, ...] = ()  # what was cleaned from the file, each with file:line:col
    period: str | None = None  # the figure naming the time the report's figures cover
    contact: Src | None = None  # whom a reader asks about the figures

    def photos(self) -> list[SrcPhoto]:
        """Every photo of the report, in reading order."""
        return [b for b in self.blocks() if isinstance(b, SrcPhoto)]

    def blocks(self) -> list[SrcBlock]:
        """Every block of the report, in reading order."""
        return [*self.lead, *(b for s in self.sections for b in s.blocks), *self.closing]

    def tables(self) -> list[SrcTable]:
        return [b for b in self.blocks() if isinstance(b, SrcTable)]

    def strings(self) -> list[Src]:
        """Every translatable string, in reading order."""
        out = [s for s in (self.kicker, self.title, self.subject) if s is not None]
        out += [*self.authors, *self.keywords]
        out += [k.label for k in self.key_figures]
        keys = {id(k.label) for k in self.key_figures}
        out += [bar.label for bar in self.chart if id(bar.label) not in keys]  # its own
        out += [f.noun for f in self.figures.values() if f.noun is not None]
        out += [s for block in self.lead for s in block.strings()]
        for section in self.sections:
            out.append(section.heading)
            out += [s for block in section.blocks for s in block.strings()]
        out += [s for block in self.closing for s in block.strings()]
        if self.picture_credit is not None:
            out.append(self.picture_credit)
        out += self.sources
        if self.contact is not None:
            out.append(self.contact)
        return out


def check_placeholders(text: str) -> list[str]:
    """Placeholders of ``text``; ValueError on a malformed one (a lone brace)."""
    names = placeholders(text)
    for name in names:
        if not NAME_RE.fullmatch(name):
            raise ValueError(f"placeholder {{{name}}} is not a figure name")
    return names
