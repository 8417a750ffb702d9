"""An edition's locale: its Babel locale, and its identity from CLDR's likely subtags.

Every use of CLDR's likely subtags goes through :func:`identity`: which catalogs are one
edition (``zh``, ``zh_CN`` and ``zh_Hans``), the script an edition is written in (its fonts
and line breaking) and the BCP 47 tag documents carry (``zh-CN``, ``zh-TW``, ``sr-Latn-RS``).
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global, get_locale_identifier, parse_locale
from babel.localedata import locale_identifiers

from ..errors import TranslationError
from .figures import FigureValueError
from .script import EAST_ASIAN_SCRIPTS


@functools.cache
def get_locale(tag: str) -> Locale:
    """A Babel locale for a tag such as ``zh``, ``en_GB`` or ``pt-BR``."""
    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError) as exc:
        raise FigureValueError(f"unknown locale {tag!r}") from exc


@dataclass(frozen=True, slots=True)
class Identity:
    """A language tag completed by CLDR's likely subtags: ``zh`` is Chinese in Han
    Simplified as written in China, ``zh_Hant`` Chinese in Han Traditional of Taiwan."""

    language: str
    script: str | None
    region: str | None

    @property
    def bcp47(self) -> str:
        """The tag documents carry: language and region, and the script where it is not
        the one CLDR expects there (``zh-CN``, ``zh-TW``, ``en-US``, ``sr-Latn-RS``)."""
        if self.region is None:
            return "-".join(p for p in (self.language, self.script) if p)
        expected = _maximize(self.language, None, self.region)[1]
        if self.script is not None and self.script != expected:
            return f"{self.language}-{self.script}-{self.region}"
        return f"{self.language}-{self.region}"

    @property
    def east_asian(self) -> bool:
        """Written in Han, kana or Hangul: East Asian fonts and line breaking."""
        return self.script in EAST_ASIAN_SCRIPTS


def _maximize(
    language: str, script: str | None, region: str | None
) -> tuple[str, str | None, str | None]:
    """CLDR's "add likely subtags": the first entry of the table that matches the most
    specific combination of what is known fills in what is not."""
    if script is not None and region is not None:
        return language, script, region
    likely = get_global("likely_subtags")
    keys = [
        f"{language}_{script}_{region}" if script and region else "",
        f"{language}_{region}" if region else "",
        f"{language}_{script}" if script else "",
        language,
        f"und_{script}" if script else "",
    ]
    for key in keys:
        found = likely.get(key) if key else None
        if found:
            parts = str(found).split("_")
            full_script = parts[1] if len(parts) >= 3 else None
            return (
                language,
                script or full_script,
                region or (parts[-1] if len(parts) >= 2 else None),
            )
    return language, script, region


@functools.cache
def identity(tag: str) -> Identity:
    """The identity of a tag such as ``zh``, ``zh_TW``, ``zh-Hant`` or ``sr_Latn``.  A tag
    CLDR does not know keeps its language alone."""
    normal = tag.replace("-", "_")
    try:
        locale = Locale.parse(normal)
    except (UnknownLocaleError, ValueError):
        return Identity(normal.split("_")[0].lower(), None, None)
    return Identity(*_maximize(locale.language, locale.script, locale.territory))


def same_language(a: str, b: str) -> bool:
    """Whether two tags name the same edition: the same language, script and region, as
    CLDR's likely subtags complete them.  ``zh``, ``zh_CN`` and ``zh_Hans`` are one edition;
    ``zh_Hant`` (or ``zh_TW``) is another, so a Traditional catalog translates a Simplified
    report; ``en`` and ``en_US`` are one, ``en_GB`` another, as ``pt`` (Brazil) and
    ``pt_PT`` are: two catalogs of one language for two readerships never collide."""
    return identity(a) == identity(b)


def same_tongue(a: str, b: str) -> bool:
    """Whether two tags name one language, whatever the script or region: ``en``, ``en_GB``."""
    return identity(a).language == identity(b).language


@functools.cache
def parent_chain(tag: str) -> tuple[str, ...]:
    """``tag`` and its CLDR parent locales, nearest first, root left out: where an edition
    looks for a string its own catalog lacks.  ``en_GB`` → ``en_001`` → ``en``; ``es_MX`` →
    ``es_419`` → ``es``; ``pt_PT`` → ``pt``; ``zh_TW`` → ``zh_Hant`` and no further (a
    locale in a script its language is not usually written in has root as parent, so
    Traditional never falls back on Simplified).  A tag CLDR does not know is alone."""
    try:
        current = str(Locale.parse(tag.replace("-", "_")))
    except (UnknownLocaleError, ValueError):
        return (tag,)
    chain = [tag]
    exceptions = get_global("parent_exceptions")
    while current != "root":
        if current in exceptions:
            current = exceptions[current]
        elif "_" not in current:
            break
        else:
            parts = current.split("_")
            language, script = parts[0], parts[1] if len(parts[1]) == 4 else None
            if (
                len(parts) == 2
                and script is not None
                and script != _maximize(language, None, None)[1]
            ):
                break  # zh_Hant, sr_Latn: root
            current = "_".join(parts[:-1])
        if current != "root":
            chain.append(current)
    unique: dict[Identity, str] = {}
    for step in chain:
        unique.setdefault(identity(step), step)
    return tuple(unique.values())


class _TaggedLocale(Locale):
    """A CLDR locale named by the tag its user wrote: ``zh_TW`` stays ``zh_TW`` (the catalog's
    file name and Language header) where Babel would say ``zh_Hant_TW``; its data, script
    and plural rules are those of the CLDR locale."""

    tag: str | None = None  # unset while Locale.__init__ looks up the CLDR data

    def __init__(self, locale: Locale, tag: str) -> None:
        super().__init__(
            locale.language, locale.territory, locale.script, locale.variant, locale.modifier
        )
        self.tag = tag

    def __str__(self) -> str:
        return self.tag if self.tag is not None else super().__str__()


def parse_language(language: str) -> Locale:
    """The CLDR locale of a language tag (``fr``, ``pt-BR``, ``zh_TW``, ``zh_Hant_TW``,
    ``sr_Latn``): any tag Babel's ``Locale.parse`` knows, completed by CLDR's likely
    subtags (``zh_TW`` is Traditional Chinese), its ``str()`` the tag as written (``-``
    read as ``_``).  A tag CLDR does not know, or one it would silently replace by another
    (``und``, ``en_ZZ``, ``iw`` for ``he``), is refused with the close CLDR ids."""
    tag = language.replace("-", "_")
    try:
        parts = parse_locale(tag)
        locale = Locale.parse(tag)
    except (UnknownLocaleError, ValueError):
        raise TranslationError(f"unknown language {language!r}{_suggest(tag)}") from None
    canonical = get_locale_identifier(parts)
    if canonical != tag:  # en_gb: the case of a subtag
        hint = f"; did you mean {canonical!r}?" if _known(canonical) else _suggest(tag)
        raise TranslationError(f"unknown language {language!r}{hint}")
    wanted = dict(zip(("language", "territory", "script", "variant"), parts, strict=False))
    kept = all(getattr(locale, key) == value for key, value in wanted.items() if value)
    if not kept or tag == "root":
        if wanted["language"] == "und":
            hint = " (CLDR's undetermined language); name one, such as 'en' or 'zh_TW'"
        elif locale.language != wanted["language"] and tag != "root":  # iw, tl: old codes
            hint = f"; CLDR calls it {locale.language!r}"
        else:
            hint = _suggest(tag)
        raise TranslationError(f"unknown language {language!r}{hint}")
    return locale if str(locale) == tag else _TaggedLocale(locale, tag)


def _known(tag: str) -> bool:
    try:
        parse_language(tag)
    except TranslationError:
        return False
    return True


def _suggest(tag: str) -> str:
    """``; did you mean 'zh_Hant_TW' or 'zh_Hans_SG'?``, from CLDR's locale ids and the
    English names of its languages (``French`` → ``fr``), or a pointer to them."""
    ids = sorted(i for i in locale_identifiers() if i != "root")
    names = {name.lower(): code for code, name in Locale("en").languages.items() if code in ids}
    close = difflib.get_close_matches(tag, ids, n=3, cutoff=0.7)
    if tag.lower() in names:
        close = [names[tag.lower()], *close]
    language = tag.split("_")[0].lower()
    if not close and language in ids:
        close = [i for i in ids if i.split("_")[0] == language][:3]
    if not close:
        return " (not a CLDR locale id such as 'fr', 'pt_BR', 'zh_TW' or 'sr_Latn')"
    shown = " or ".join(repr(c) for c in dict.fromkeys(close))
    return f"; did you mean {shown}?"
