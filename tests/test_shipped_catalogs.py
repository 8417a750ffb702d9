"""jbreport's own words, shipped in src/jbreport/locale/<lang>.po: the built-in layouts' and
the figure words, every one translated (the byline's join may be left to CLDR), every
field kept, as msgfmt checks them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from conftest import require
from jbreport.i18n.phrases import LIST_PAIR
from jbreport.po.lookup import SHIPPED, shipped_catalogs
from jbreport.translations.checks import check_catalog
from jbreport.translations.entries import shipped_entries

LANGUAGES = ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "pt", "ru", "zh", "zh_Hant"]


def test_the_listed_languages_ship() -> None:
    assert sorted(shipped_catalogs()) == LANGUAGES


@pytest.mark.parametrize("tag", LANGUAGES)
def test_a_shipped_catalog_holds_the_words_and_translates_them(tag: str) -> None:
    catalog = shipped_catalogs()[tag]
    expected = {
        (e.context, e.msgid if isinstance(e.msgid, str) else e.msgid[0]) for e in shipped_entries()
    }
    held = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id}
    assert held == expected, "update it: the layouts' or figure words changed"
    problems = [
        p.message
        for p in check_catalog(catalog, [], SHIPPED / f"{tag}.po")
        if "untranslated" not in p.message or LIST_PAIR not in p.message
    ]
    untranslated = [m.id for m in catalog if m.id and not all(_forms(m.string))]
    assert set(untranslated) <= {LIST_PAIR}, untranslated
    assert [
        p
        for p in problems
        if not p.startswith(("untranslated", "0 untranslated", "1 untranslated"))
    ] == []


def _forms(string: object) -> tuple[object, ...]:
    return string if isinstance(string, tuple) else (string,)


@pytest.mark.parametrize("tag", LANGUAGES)
def test_msgfmt_accepts_a_shipped_catalog(tag: str) -> None:
    result = subprocess.run(
        [require("msgfmt"), "--check", "-o", "/dev/null", str(SHIPPED / f"{tag}.po")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_shipped_catalogs_are_package_data() -> None:
    assert Path(SHIPPED).name == "locale" and (SHIPPED.parent / "py.typed").exists()
