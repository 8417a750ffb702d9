"""A catalog's entries as translation units: the model XLIFF and the review DOCX share.

A unit is one msgstr of one live entry (a plural entry gives one unit per form), keyed by
a stable id made from its msgctxt and msgid, so that an import finds its entry again, and
refuses a unit whose entry is gone because the source changed since the export.  Formats
show a text's ``{name}`` placeholders as protected codes
(:func:`jbreport.i18n.placeholders.raw_fields`); ``{{`` and ``}}`` (literal braces) stay text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message

from ..errors import Location, TranslationError

SOURCE_LANGUAGE_NOTE = "source language: "
REVIEW_NOTE = "review: "  # a reviewer's remark, imported from the review copy


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    context: str | None
    source: str
    target: str
    fuzzy: bool
    locations: tuple[str, ...]
    developer_notes: tuple[str, ...]
    translator_notes: tuple[str, ...]
    previous: str | None  # the source the fuzzy translation was made for


def unit_id(context: str | None, msgid: str, form: int | None = None) -> str:
    """``u`` and 16 hex digits of the SHA-1 of msgctxt and msgid (an XML NMTOKEN); a plural
    entry's units end in ``-<form>``."""
    digest = hashlib.sha1(f"{context or ''}\x04{msgid}".encode()).hexdigest()[:16]
    return f"u{digest}" if form is None else f"u{digest}-{form}"


def source_language(message: Message, default: str) -> str:
    for comment in message.auto_comments:
        if comment.startswith(SOURCE_LANGUAGE_NOTE):
            return comment[len(SOURCE_LANGUAGE_NOTE) :].strip()
    return default


def units_of(message: Message, num_plurals: int) -> list[Unit]:
    """The units of one live entry (one, or one per plural form)."""
    locations = tuple(f"{name}:{line}" if line else name for name, line in message.locations)
    notes = tuple(c for c in message.auto_comments if not c.startswith(SOURCE_LANGUAGE_NOTE))
    previous = message.previous_id[0] if message.fuzzy and message.previous_id else None
    common = (locations, notes, tuple(message.user_comments), previous)
    if not isinstance(message.id, (tuple, list)):
        target = str(message.string or "") if isinstance(message.string, str) else ""
        return [
            Unit(
                unit_id(message.context, message.id),
                message.context,
                message.id,
                target,
                message.fuzzy,
                *common,
            )
        ]
    strings = list(message.string) if isinstance(message.string, (tuple, list)) else []
    strings = (strings + [""] * num_plurals)[:num_plurals]
    return [
        Unit(
            unit_id(message.context, str(message.id[0]), form),
            message.context,
            str(message.id[0] if form == 0 else message.id[1]),
            str(strings[form] or ""),
            message.fuzzy,
            *common,
        )
        for form in range(num_plurals)
    ]


def catalog_units(catalog: Catalog, language: str) -> dict[str, list[Unit]]:
    """Every live entry's units, by the source language of the entry."""
    out: dict[str, list[Unit]] = {}
    for message in catalog:
        if message.id:
            lang = source_language(message, language)
            out.setdefault(lang, []).extend(units_of(message, catalog.num_plurals))
    return out


@dataclass(frozen=True, slots=True)
class Edit:
    """A translation read from an exchange file: a unit's target and review state."""

    id: str
    source: str
    target: str
    fuzzy: bool | None  # None: the file says nothing (kept if unchanged, else confirmed)
    where: Location
    comment: str | None = None  # a reviewer's remark (None: the format has none)
    loose: bool = False  # a word processor's text: compared without outer whitespace


@dataclass(frozen=True, slots=True)
class Change:
    message: Message
    what: str  # "translation" or "comment"
    before: str
    after: str


def _same(a: str, b: str, loose: bool) -> bool:
    return a == b or (loose and a.strip() == b.strip())


def apply_edits(catalog: Catalog, edits: list[Edit]) -> list[Change]:
    """Set the translations of ``edits`` in ``catalog``; only what differs changes.

    Every edit must name a unit of a live entry with the same source, else nothing is
    changed and one error lists each stale unit.  A translation confirmed (fuzzy to not)
    loses its previous msgid (``#|``), as a PO editor removing the fuzzy mark does.
    """
    index: dict[str, tuple[Message, int | None, Unit]] = {}
    for message in catalog:
        if message.id:
            plural = isinstance(message.id, (tuple, list))
            for form, unit in enumerate(units_of(message, catalog.num_plurals)):
                index[unit.id] = (message, form if plural else None, unit)
    stale = [
        e for e in edits if e.id not in index or not _same(index[e.id][2].source, e.source, e.loose)
    ]
    if stale:
        raise TranslationError(
            "\n".join(
                f"{e.where}: unit {e.id}: its source {_short(e.source)!r} is not in the "
                "catalog any more (the content changed since the export): export again "
                "and carry the translation over; nothing was imported"
                for e in stale
            )
        )
    changes: list[Change] = []
    for edit in edits:
        message, slot, unit = index[edit.id]
        changes += _comment(message, edit.comment)
        same_text = _same(edit.target, unit.target, edit.loose)
        fuzzy = edit.fuzzy if edit.fuzzy is not None else (unit.fuzzy if same_text else False)
        if not edit.target:
            fuzzy = unit.fuzzy if not unit.target else False
        if same_text and fuzzy == unit.fuzzy:
            continue
        target = unit.target if same_text else edit.target
        _set(message, slot, target, catalog.num_plurals)
        if fuzzy:
            message.flags.add("fuzzy")
        elif message.fuzzy:
            message.flags.discard("fuzzy")
            message.previous_id = []
        changes.append(Change(message, "translation", unit.target, target))
    return changes


def _comment(message: Message, comment: str | None) -> list[Change]:
    if comment is None:
        return []
    kept = [c for c in message.user_comments if not c.startswith(REVIEW_NOTE)]
    before = next((c for c in message.user_comments if c.startswith(REVIEW_NOTE)), "")
    after = f"{REVIEW_NOTE}{comment}" if comment else ""
    if before == after:
        return []
    message.user_comments = [*kept, after] if after else kept
    return [Change(message, "comment", before, after)]


def _set(message: Message, form: int | None, text: str, num_plurals: int) -> None:
    if form is None:
        message.string = text
        return
    strings = list(message.string) if isinstance(message.string, (tuple, list)) else []
    strings = ([str(s or "") for s in strings] + [""] * num_plurals)[:num_plurals]
    strings[form] = text
    message.string = tuple(strings)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
