"""An edition's identity: CLDR's likely subtags complete a tag once, for the catalogs, the
fonts and the language tags documents carry."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from jbreport.build import Project, build
from jbreport.i18n.locale import Identity, identity, same_language, same_tongue
from jbreport.translations.commands import init
from test_content import project


@pytest.mark.parametrize(
    ("tag", "language", "script", "region", "bcp47"),
    [
        ("zh", "zh", "Hans", "CN", "zh-CN"),
        ("zh_CN", "zh", "Hans", "CN", "zh-CN"),
        ("zh_Hans", "zh", "Hans", "CN", "zh-CN"),
        ("zh_Hant", "zh", "Hant", "TW", "zh-TW"),  # never zh-CN
        ("zh-Hant", "zh", "Hant", "TW", "zh-TW"),
        ("zh_TW", "zh", "Hant", "TW", "zh-TW"),
        ("zh_HK", "zh", "Hant", "HK", "zh-HK"),
        ("zh_Hans_HK", "zh", "Hans", "HK", "zh-Hans-HK"),  # not the script CLDR expects there
        ("sr", "sr", "Cyrl", "RS", "sr-RS"),
        ("sr_Latn", "sr", "Latn", "RS", "sr-Latn-RS"),
        ("en", "en", "Latn", "US", "en-US"),
        ("en_GB", "en", "Latn", "GB", "en-GB"),
        ("pt_PT", "pt", "Latn", "PT", "pt-PT"),
        ("ja", "ja", "Jpan", "JP", "ja-JP"),
        ("uz_Arab", "uz", "Arab", "AF", "uz-AF"),
    ],
)
def test_identity_and_language_tag(
    tag: str, language: str, script: str, region: str, bcp47: str
) -> None:
    found = identity(tag)
    assert found == Identity(language, script, region)
    assert found.bcp47 == bcp47


def test_a_tag_cldr_does_not_know_keeps_its_language() -> None:
    assert identity("xx_YY") == Identity("xx", None, None)
    assert identity("xx_YY").bcp47 == "xx"


@pytest.mark.parametrize(
    ("tag", "east_asian"),
    [("zh", True), ("zh_Hant", True), ("ja", True), ("ko", True), ("en", False), ("sr", False)],
)
def test_east_asian_editions(tag: str, east_asian: bool) -> None:
    assert identity(tag).east_asian is east_asian


def test_one_language_in_two_editions() -> None:
    assert same_language("zh", "zh_Hans_CN") and not same_language("zh", "zh_Hant")
    assert same_tongue("zh", "zh_Hant") and not same_tongue("zh", "ja")


@pytest.mark.parametrize(("edition", "tag"), [("zh_Hant", "zh-TW"), ("sr_Latn", "sr-Latn-RS")])
def test_an_edition_carries_its_own_language_tag(tmp_path: Path, edition: str, tag: str) -> None:
    """The PDF's /Lang and XMP, and the DOCX's language (w:eastAsia for East Asian text)."""
    root = project(tmp_path)
    init(root, edition)
    out = root / "output"
    build(Project(root), editions=[(edition,)], layouts=["brief"], out_dir=out, jobs=1)
    pdf = (out / f"mini.{edition}.pdf").read_bytes()
    assert f"/Lang ({tag})".encode() in pdf
    assert f"<rdf:li>{tag}</rdf:li>".encode() in pdf
    with zipfile.ZipFile(out / f"mini.{edition}.docx") as docx:
        styles = docx.read("word/styles.xml").decode()
    if identity(edition).east_asian:
        assert re.search(rf'<w:lang [^>]*w:eastAsia="{tag}"', styles)
        assert "zh-CN" not in styles
    else:  # its untranslated strings fall back to the Chinese source, tagged zh-CN
        assert re.search(rf'<w:lang [^>]*w:val="{tag}"', styles)
