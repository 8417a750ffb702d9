"""What a build refuses before it renders: with ``--strict``, untranslated strings and photos
without an image; always, an edition in a script jbreport cannot yet lay out."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .errors import Collector, ContentError, Location, RenderError, TranslationError

if TYPE_CHECKING:
    from .po.lookup import Lookup
    from .source.model import Report


def refuse_fallbacks(lookups: list[Lookup]) -> None:
    """--strict: an untranslated or fuzzy string is an error."""
    problems = Collector()
    for lookup in lookups:
        for (context, msgid), reason in sorted(lookup.fallbacks.items()):
            line = None
            if lookup.catalog is not None:
                message = lookup.catalog.get(msgid, context=context)
                line = getattr(message, "lineno", None) if message is not None else None
            where = Location.of(lookup.path, line) if lookup.path else None
            hint = "" if line else "; run `jbreport translations update`"
            problems.add(
                TranslationError(
                    f"{reason} in the {lookup.language} edition: {msgid!r}"
                    f" (msgctxt {context!r}){hint}",
                    where,
                )
            )
    problems.raise_if_any()


def refuse_missing_images(reports: list[Report]) -> None:
    """--strict: a photo whose image is still to come is an error, each at its line."""
    problems = Collector()
    for report in reports:
        for photo in report.photos():
            if photo.image is None:
                problems.add(
                    ContentError(
                        f"photo {photo.id!r} has no image (--strict); give it an `image:`",
                        photo.caption.loc,
                    )
                )
    problems.raise_if_any()


def refuse_unsupported_scripts(editions: Iterable[tuple[str, ...]]) -> None:
    """An edition in a language written right to left fails, in one line: the writers set
    every line left to right until they lay such scripts out, and a reader would get each
    line's words in reverse order.  Wrong text is never printed."""
    from .i18n.script import direction

    languages = dict.fromkeys(tag for edition in editions for tag in edition)
    for tag in languages:
        if direction(tag) == "rtl":
            raise RenderError(
                f"{tag}: written right to left, which jbreport does not lay out yet (its"
                " words would print in the wrong order); build the other editions with -l"
            )
