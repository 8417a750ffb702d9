"""``translations status``: how much of each catalog is translated, by part."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..i18n.figures import FIGURE_CONTEXT
from ..i18n.phrases import LIST_PAIR
from ..i18n.script import count_words
from ..po import Message
from ..po.io import read_catalog
from ..po.lookup import Catalogs, catalog_paths, shipped_catalogs
from ..po.merge import singular


@dataclass
class Counts:
    """One language's strings of one part (a report, or ``layout``: the layouts' and
    figures' words).  A fuzzy string is not translated; obsolete ones are not strings."""

    strings: int = 0
    words: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    translated_words: int = 0
    obsolete: int = 0

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.strings if self.strings else 100.0

    @property
    def percent_text(self) -> str:
        """Rounded down: 100% means every string is translated, 0% that none is."""
        if not self.strings:
            return "-"
        tenths = self.translated * 1000 // self.strings
        return f"{tenths // 10}.{tenths % 10}%"


@dataclass
class LanguageStatus:
    language: str
    path: Path
    groups: dict[str, Counts] = field(default_factory=dict)
    obsolete: int = 0

    @property
    def total(self) -> Counts:
        total = Counts()
        for counts in self.groups.values():
            for name in vars(counts):
                setattr(total, name, getattr(total, name) + getattr(counts, name))
        return total


def _translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, (tuple, list)):
        return all(message.string)
    return bool(message.string)


def _group(message: Message) -> str:
    context = message.context or ""
    return context.split("/")[0] if "/" in context else "layout"


def status(root: Path) -> list[LanguageStatus]:
    folder = root / "translations"
    out = []
    read = {path: read_catalog(path, expect_language=path.stem) for path in catalog_paths(folder)}
    catalogs = Catalogs(folder, {path.stem: c for path, c in read.items()}, shipped_catalogs())
    for path, catalog in read.items():
        result = LanguageStatus(path.stem, path, obsolete=len(catalog.obsolete))
        # a word jbreport's own catalog (or a parent's) translates needs no translation
        # here, nor the byline's join (CLDR's list pattern)
        served = catalogs.served_elsewhere(path.stem, catalog) | {(FIGURE_CONTEXT, LIST_PAIR)}
        for message in catalog:
            if not message.id:
                continue
            counts = result.groups.setdefault(_group(message), Counts())
            words = count_words(singular(message))
            counts.strings += 1
            counts.words += words
            if _translated(message) or (
                not message.fuzzy and (str(message.context), singular(message)) in served
            ):
                counts.translated += 1
                counts.translated_words += words
            elif message.fuzzy:
                counts.fuzzy += 1
            else:
                counts.untranslated += 1
        for message in catalog.obsolete.values():
            result.groups.setdefault(_group(message), Counts()).obsolete += 1
        out.append(result)
    return out


def format_status(results: list[LanguageStatus]) -> str:
    rows = [
        (
            "language",
            "part",
            "strings",
            "words",
            "translated",
            "fuzzy",
            "untransl.",
            "obsolete",
            "done",
        )
    ]
    for result in results:
        parts = sorted(result.groups.items())
        if len(parts) > 1:
            parts.append(("(all)", result.total))
        for group, c in parts:
            rows.append(
                (
                    result.language,
                    group,
                    str(c.strings),
                    str(c.words),
                    str(c.translated),
                    str(c.fuzzy),
                    str(c.untranslated),
                    str(c.obsolete),
                    c.percent_text,
                )
            )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        lines.append(
            "  ".join(
                cell.ljust(w) if i < 2 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            ).rstrip()
        )
    return "\n".join(lines)
