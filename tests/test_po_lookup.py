"""Looking up translations: never a fuzzy one, never a catalog of another language."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from jbreport.errors import JbreportError
from jbreport.po.lookup import Catalogs, Lookup, load_catalogs, single_number_form
from jbreport.po.template import new_catalog
from test_po_io import HEADER, write_po


def test_load_catalogs_refuses_a_catalog_named_for_another_language(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    write_po(
        folder / "zh.po", 'msgid "a"\nmsgstr "甲"\n', HEADER.replace("Language: en", "Language: zh")
    )
    write_po(
        folder / "fr.po", 'msgid "a"\nmsgstr "b"\n', HEADER.replace("Language: en", "Language: de")
    )
    with pytest.raises(JbreportError) as info:
        load_catalogs(folder)
    assert "fr.po:1: the file is named for 'fr' but its header says Language: de" in str(info.value)
    (folder / "fr.po").unlink()
    assert load_catalogs(folder).languages() == ["zh"]


def test_lookup_never_returns_a_fuzzy_translation() -> None:
    catalog = new_catalog("en")
    catalog.add("甲", "A", context="r/1")
    catalog.add("乙", "B", context="r/2", flags=["fuzzy"])
    catalog.add(("{count}个", "{count}个"), ("{count} item", "{count} items"), context="r/n")
    lookup = Lookup("en", catalog, "zh")
    assert lookup.gettext("r/1", "甲") == "A"
    assert lookup.gettext("r/2", "乙") == "乙"
    assert lookup.fallbacks == {("r/2", "乙"): "fuzzy"}
    assert lookup.ngettext("r/n", "{count}个", "{count}个", Decimal(3)) == "{count} items"
    assert lookup.ngettext("r/n", "{count}个", "{count}个", Decimal(1)) == "{count} item"


def _catalog(tag: str, entries: dict[str, str], context: str = "r/1") -> Catalog:
    catalog = new_catalog(tag)
    for msgid, string in entries.items():
        catalog.add(msgid, string, context=context)
    return catalog


@pytest.mark.parametrize(
    ("edition", "catalog", "found"),
    [
        ("en_GB", "en", True),  # en_GB → en_001 → en
        ("en_AU", "en", True),
        ("pt_PT", "pt", True),
        ("es_MX", "es", True),  # es_MX → es_419 → es
        ("fr_CA", "fr", True),
        ("zh_TW", "zh_Hant", True),  # one edition
        ("zh_TW", "zh", False),  # Traditional never falls back on Simplified
        ("zh_Hant", "zh", False),
        ("en", "en_GB", False),  # a parent never reads its child
    ],
)
def test_a_lookup_falls_back_along_cldr_parents(edition: str, catalog: str, found: bool) -> None:
    catalogs = Catalogs(Path("translations"), {catalog: _catalog(catalog, {"甲": "A"})})
    lookup = catalogs.lookup(edition, "zh")
    assert (lookup.gettext("r/1", "甲") == "A") is found
    assert lookup.translated("r/1", "甲") is found


def test_the_own_catalog_wins_and_a_fuzzy_entry_falls_through() -> None:
    own = _catalog("en_GB", {"甲": "colour"})
    own.add("乙", "B-fuzzy", context="r/1", flags=["fuzzy"])
    parent = _catalog("en", {"甲": "color", "乙": "B"})
    lookup = Catalogs(Path("t"), {"en_GB": own, "en": parent}).lookup("en_GB", "zh")
    assert lookup.gettext("r/1", "甲") == "colour"
    assert lookup.gettext("r/1", "乙") == "B"  # never the fuzzy one, the parent's whole
    message, path = lookup.where("r/1", "乙")
    assert message is not None and message.string == "B" and path == Path("t/en.po")


def test_the_project_overrides_the_shipped_words() -> None:
    shipped = {"fr": _catalog("fr", {"Key figures": "Chiffres clés"}, "layout")}
    project = {"fr": _catalog("fr", {"Key figures": "L’essentiel"}, "layout")}
    assert Catalogs(Path("t"), {}, shipped).lookup("fr", "en").gettext("layout", "Key figures") == (
        "Chiffres clés"
    )
    assert Catalogs(Path("t"), project, shipped).lookup("fr", "en").gettext(
        "layout", "Key figures"
    ) == ("L’essentiel")


@pytest.mark.parametrize(
    ("first", "second"), [("zh_Hant", "zh_TW"), ("zh", "zh_CN"), ("en", "en_US"), ("zh", "zh_Hans")]
)
def test_two_catalogs_of_one_edition_are_refused(tmp_path: Path, first: str, second: str) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    for tag in (first, second):
        write_po(
            folder / f"{tag}.po",
            'msgid "a"\nmsgstr "b"\n',
            HEADER.replace("Language: en", f"Language: {tag}"),
        )
    with pytest.raises(JbreportError) as info:
        load_catalogs(folder)
    a, b = sorted((first, second))
    assert f"{b}.po: translates the same edition as {a}.po" in str(info.value)


def test_a_plural_form_for_one_number_alone() -> None:
    arabic = new_catalog("ar")
    assert [single_number_form(arabic, i) for i in range(6)] == [
        True,
        True,
        True,
        False,
        False,
        False,
    ]
    assert [single_number_form(new_catalog("fr"), i) for i in range(2)] == [False, False]
    assert single_number_form(new_catalog("en"), 0)  # "one project"
