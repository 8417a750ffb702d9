"""Looking up translations: never a fuzzy one, never a catalog of another language."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jbreport.errors import JbreportError
from jbreport.po.lookup import Lookup, load_catalogs
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
