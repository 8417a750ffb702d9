"""What is to be translated: the entries of the template (``translations/messages.pot``).

The template holds every translatable string: each report's content (its source language
is the report's), the layouts' words and the figure words (English).  A catalog
``translations/<lang>.po`` holds the strings whose source is not ``<lang>``.
"""

from __future__ import annotations

from pathlib import Path

from ..i18n import figures as nb
from ..i18n.locale import same_language
from ..i18n.phrases import SHIPPED_CURRENCIES, phrases
from ..layout import WORDS, check_syntax, template_dirs
from ..po.template import TemplateEntry, template_messages
from ..source.load import load_reports
from ..source.model import Report

POT_NAME = "messages.pot"


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return path.name


# -- extract ------------------------------------------------------------------------------


def content_entries(report: Report, root: Path) -> list[TemplateEntry]:
    ref = _rel(report.path, root)
    entries = []
    for src in report.strings():
        msgid: str | tuple[str, str] = src.text
        if src.context.endswith("/noun"):
            msgid = (src.text, src.text)
        entries.append(
            TemplateEntry(src.context, msgid, ((ref, src.loc.line or 0),), report.language)
        )
    return entries


def layout_entries(root: Path | None) -> list[TemplateEntry]:
    """Words of every layout (the user's, unless ``root`` is None, and the built-in ones)."""
    seen: dict[str, Path] = {}
    for folder in template_dirs(root):
        for path in sorted(folder.glob("*.j2")):
            seen.setdefault(path.name, path)
    entries = []
    for name in sorted(seen):
        path = seen[name]
        ref = f"templates/{name}"
        check_syntax(path)  # Babel's Jinja2 extractor would silently skip a broken one
        for lineno, message in template_messages(path):
            entries.append(TemplateEntry("layout", message, ((ref, lineno),), nb.TEMPLATE_LANGUAGE))
    # the words a part uses when its layout names none (the title of part("toc"), …)
    marked = {entry.msgid for entry in entries}
    defaults = (("src/jbreport/layout.py", 0),)
    for word in WORDS.values():
        if word not in marked:
            entries.append(TemplateEntry("layout", word, defaults, nb.TEMPLATE_LANGUAGE))
    return entries


def figure_entries(reports: list[Report]) -> list[TemplateEntry]:
    """The words CLDR lacks, and the money phrases of each currency the content uses."""
    currencies = sorted(
        {
            f.figure.currency
            for r in reports
            for f in r.figures.values()
            if f.figure.currency is not None
        }
    )
    return phrase_entries(tuple(currencies))


def phrase_entries(currencies: tuple[str, ...]) -> list[TemplateEntry]:
    """The figure messages (:mod:`jbreport.i18n.phrases`) as template entries."""
    ref = (("src/jbreport/i18n/phrases.py", 0),)
    return [
        TemplateEntry(
            phrase.context,
            (phrase.msgid, phrase.plural) if phrase.plural else phrase.msgid,
            ref,
            nb.TEMPLATE_LANGUAGE,
            (phrase.comment,) if phrase.comment else (),
        )
        for phrase in phrases(currencies)
    ]


def shipped_entries() -> list[TemplateEntry]:
    """What jbreport's own catalogs (``src/jbreport/locale/<lang>.po``) translate: the
    built-in layouts' words and the figure words, with the money phrases of
    :data:`~jbreport.i18n.phrases.SHIPPED_CURRENCIES`."""
    return layout_entries(None) + phrase_entries(SHIPPED_CURRENCIES)


def all_entries(root: Path, reports: list[Report] | None = None) -> list[TemplateEntry]:
    reports = reports if reports is not None else load_reports(root / "content")
    entries: list[TemplateEntry] = []
    for report in reports:
        entries += content_entries(report, root)
    entries += layout_entries(root)
    entries += figure_entries(reports)
    return entries


def entries_for(language: str, entries: list[TemplateEntry]) -> list[TemplateEntry]:
    """What a catalog of ``language`` translates: strings whose source is another language."""
    return [e for e in entries if not same_language(e.source_language, language)]
