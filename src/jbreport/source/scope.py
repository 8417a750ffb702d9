"""Where a list of blocks is read: the start of its strings' msgctxt, the ids already used."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..errors import Location


@dataclass
class ReportIds:
    """Ids unique in the whole report, one namespace per kind of block that has them."""

    photos: dict[str, Location] = field(default_factory=dict)
    tables: dict[str, Location] = field(default_factory=dict)


@dataclass
class Scope:
    """Where a list of blocks is read: its context path and the ids already used."""

    where: str  # "lead", "sections/one": the start of each block's msgctxt
    ids: ReportIds
    local_ids: dict[str, Location] = field(default_factory=dict)  # paragraphs of this list
    paragraphs: int = 0  # paragraphs read so far: a paragraph without an id is its number
    counts: Counter[str] = field(default_factory=Counter)  # lists and sign-offs read so far

    def next_paragraph(self) -> int:
        self.paragraphs += 1
        return self.paragraphs

    def next(self, kind: str) -> int:
        """The number of the next block of ``kind`` (``list``, ``signoff``) in this list."""
        self.counts[kind] += 1
        return self.counts[kind]
