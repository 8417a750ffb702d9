"""``translations status --words``: the counts a vendor quotes from.

Per catalog, report and section, the source words still to translate: **new** (no
translation at all), **fuzzy** (a draft to check: the source was edited, or the translation
memory offered it) and **untranslated** (both together, what a quote is for).  Words are
counted as CAT tools count them (memoQ, Trados): a run of Latin letters or digits is one
word; each Chinese, Japanese or Korean character is one word (they write no spaces, and
memoQ and Trados both count their characters); ``{placeholders}`` are not words
(:func:`jbreport.i18n.script.count_words`, as the plain ``status`` counts them).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..i18n.script import count_words
from ..po.io import read_catalog
from ..po.lookup import catalog_paths
from ..po.merge import singular


@dataclass
class WordCounts:
    words: int = 0
    new: int = 0
    fuzzy: int = 0

    @property
    def untranslated(self) -> int:
        return self.new + self.fuzzy


def _part(context: str | None) -> tuple[str, str]:
    """(report, section) of a msgctxt: ``r/sections/s1/p2`` is (r, s1), ``r/title`` (r,
    title); the layouts' and figures' words are (layout, their msgctxt)."""
    parts = (context or "").split("/")
    if len(parts) < 2:
        return "layout", context or "-"
    if len(parts) >= 3 and parts[1] == "sections":
        return parts[0], parts[2]
    if len(parts) >= 3 and parts[1] == "photos":
        return parts[0], f"photo {parts[2]}"
    return parts[0], parts[1]


def word_counts(root: Path) -> dict[str, dict[tuple[str, str], WordCounts]]:
    """Counts by catalog language, then by (report, section), in catalog order."""
    out: dict[str, dict[tuple[str, str], WordCounts]] = {}
    for path in catalog_paths(root / "translations"):
        catalog = read_catalog(path, expect_language=path.stem)
        parts = out.setdefault(path.stem, {})
        for message in catalog:
            if not message.id:
                continue
            n = count_words(singular(message))
            counts = parts.setdefault(_part(message.context), WordCounts())
            counts.words += n
            strings = (
                message.string if isinstance(message.string, (tuple, list)) else [message.string]
            )
            if message.fuzzy and any(strings):
                counts.fuzzy += n
            elif not all(strings):
                counts.new += n
    return out


def format_words(counts: dict[str, dict[tuple[str, str], WordCounts]]) -> str:
    rows: list[tuple[str, ...]] = [
        ("language", "report", "section", "words", "new", "fuzzy", "untranslated")
    ]
    for language, parts in counts.items():
        total = WordCounts()
        for (report, section), c in parts.items():
            rows.append(
                (language, report, section, *map(str, (c.words, c.new, c.fuzzy, c.untranslated)))
            )
            total.words += c.words
            total.new += c.new
            total.fuzzy += c.fuzzy
        rows.append(
            (
                language,
                "(all)",
                "",
                *map(str, (total.words, total.new, total.fuzzy, total.untranslated)),
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(
            cell.ljust(w) if i < 3 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    )
