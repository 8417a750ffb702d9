"""An edition's identity: CLDR's likely subtags complete a tag once, for the catalogs, the
fonts and the language tags documents carry."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import copy_project, require, run
from jbreport.build import Project, build, default_editions
from jbreport.errors import TranslationError
from jbreport.i18n.locale import (
    Identity,
    identity,
    parent_chain,
    parse_language,
    same_language,
    same_tongue,
)
from jbreport.po.lookup import load_catalogs
from jbreport.source.load import load_reports
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


# -- language tags as catalogs name them -------------------------------------------------


@pytest.mark.parametrize(
    ("tag", "language", "script", "territory"),
    [
        ("zh_TW", "zh", "Hant", "TW"),
        ("zh_CN", "zh", "Hans", "CN"),
        ("pt_BR", "pt", None, "BR"),
        ("pt-BR", "pt", None, "BR"),
        ("sr_Latn", "sr", "Latn", None),
        ("en_GB", "en", None, "GB"),
    ],
)
def test_parse_language_keeps_the_tag_written(
    tag: str, language: str, script: str | None, territory: str | None
) -> None:
    locale = parse_language(tag)
    assert str(locale) == tag.replace("-", "_")
    assert (locale.language, locale.script, locale.territory) == (language, script, territory)
    assert locale.english_name  # CLDR's data


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("zh_Hans_TW", "did you mean 'zh_Hant_TW'"),
        ("zh-hant-tw", "did you mean 'zh_Hant_TW'?"),
        ("en_ZZ", "did you mean 'en_"),
        ("Chinese", "did you mean 'zh'"),
        ("iw", "CLDR calls it 'he'"),
        ("xx", "not a CLDR locale id"),
    ],
)
def test_an_unknown_language_comes_with_a_hint(language: str, hint: str) -> None:
    with pytest.raises(TranslationError, match=f"unknown language {language!r}") as info:
        parse_language(language)
    assert hint in str(info.value)


def test_init_zh_TW_is_an_edition_of_its_own(tmp_path: Path) -> None:
    """zh_TW is Traditional Chinese (CLDR's zh_Hant_TW), so it translates the Simplified
    report; the file and its header keep the tag the translator wrote."""
    root = copy_project(tmp_path, ("jiangbei-2023",))
    path = init(root, "zh_TW")
    assert path == root / "translations" / "zh_TW.po"
    text = path.read_text(encoding="utf-8")
    assert '"Language: zh_TW\\n"' in text
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert "# Chinese (Traditional, Taiwan) translations" in text
    assert 'msgctxt "jiangbei-2023/title"' in text  # the Simplified content, to translate
    catalogs = load_catalogs(root / "translations")
    assert catalogs.languages() == ["en", "zh", "zh_TW"]
    assert not same_language("zh_TW", "zh") and same_language("zh_TW", "zh_Hant")
    assert same_language("zh_CN", "zh")
    lookup = catalogs.lookup("zh_TW", "zh")
    assert not lookup.is_source and lookup.path == path
    (report,) = load_reports(root / "content")
    assert report.language == "zh"
    # nothing translated yet: not a default edition (every sentence would be Simplified)
    assert ("zh_TW",) not in default_editions(report, catalogs)
    title = catalogs.by_language["zh_TW"].get(report.title.text, context=report.title.context)
    title.string = "江北 將「願景畫」轉化為「實景圖」"
    editions = default_editions(report, catalogs)
    assert ("zh_TW",) in editions and ("zh", "zh_TW") in editions
    with pytest.raises(TranslationError, match="already exists"):
        init(root, "zh_TW")
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        run(msgfmt, "--check", "-o", tmp_path / "zh_TW.mo", path)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("zh", "zh_CN", True),
        ("zh", "zh_Hans", True),
        ("zh", "zh_Hant", False),
        ("zh_TW", "zh_Hant", True),
        ("zh_HK", "zh_TW", False),
        ("en", "en_US", True),
        ("en", "en_GB", False),  # a British edition beside the American one
        ("pt", "pt_BR", True),
        ("pt", "pt_PT", False),
        ("sr", "sr_Cyrl", True),
        ("sr", "sr_Latn", False),
    ],
)
def test_an_edition_is_a_language_script_and_region(a: str, b: str, same: bool) -> None:
    assert same_language(a, b) is same


def test_two_regions_of_one_language_are_two_editions(tmp_path: Path) -> None:
    """en.po and en_GB.po beside each other: each edition reads its own catalog (they once
    collided, both being 'en')."""
    root = copy_project(tmp_path, ("jiangbei-2023",))
    text = (root / "translations" / "en.po").read_text(encoding="utf-8")
    title = "Jiangbei: Turning the “Blueprint” into “Reality”"
    assert text.count(f'msgstr "{title}"') == 1
    british = text.replace('"Language: en\\n"', '"Language: en_GB\\n"').replace(
        f'msgstr "{title}"', 'msgstr "Jiangbei: Turning the Blueprint into Reality, UK"'
    )
    (root / "translations" / "en_GB.po").write_text(british, encoding="utf-8")
    from jbreport.build import Project, build

    result = build(
        Project(root), editions=[("en",), ("en_GB",)], layouts=["factsheet"], formats=["pdf"]
    )
    assert len(result.written) == 2
    out = root / "output"
    american = run(require("pdftotext"), out / "jiangbei-2023.en.factsheet.pdf", "-")
    uk = run(require("pdftotext"), out / "jiangbei-2023.en_GB.factsheet.pdf", "-")
    assert "Reality, UK" in uk and "Reality, UK" not in american


@pytest.mark.parametrize(
    ("tag", "chain"),
    [
        ("en_GB", ("en_GB", "en_001", "en")),
        ("es_MX", ("es_MX", "es_419", "es")),
        ("pt_PT", ("pt_PT", "pt")),
        ("zh_TW", ("zh_TW",)),  # zh_Hant_TW → zh_Hant, one edition; its parent is root
        ("zh_HK", ("zh_HK", "zh_Hant")),
        ("zh_Hans_SG", ("zh_Hans_SG", "zh_Hans")),
        ("sr_Latn", ("sr_Latn",)),  # a script its language is not usually written in: root
        ("ar_EG", ("ar_EG",)),  # ar is ar_Arab_EG: one edition
        ("xx", ("xx",)),
    ],
)
def test_parent_chain_follows_cldr(tag: str, chain: tuple[str, ...]) -> None:
    assert parent_chain(tag) == chain
