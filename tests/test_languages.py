"""Every language jbreport ships its words for, from a fresh project: a content file,
`translations init <lang>` and the report's own strings translated (a fixture), and no
catalog of the sample.  Each edition prints its layout and figure words in its language,
never an English word inside a sentence of another; en_GB falls back on en whole."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import require, run
from jbreport.build import Project, build
from jbreport.errors import RenderError
from jbreport.po.io import read_catalog, save_catalog
from jbreport.po.lookup import shipped_catalogs
from jbreport.translations.commands import init

FIXTURE = Path(__file__).parent / "fixtures" / "languages"
TRANSLATIONS: dict[str, dict[str, str]] = yaml.safe_load(
    (FIXTURE / "translations.yaml").read_text(encoding="utf-8")
)
LANGUAGES = sorted(set(TRANSLATIONS) - {"en"})
# English words of the layouts and the figures, as they would leak into another language
ENGLISH = re.compile(
    r"\b(Key figures|Main amounts|Page \d+ of|By|up|down|about|more than|less than|"
    r"estimated|unchanged|percentage points?|Credits|Photo:|and)\b"
)


def _project(tmp_path: Path, languages: list[str]) -> Path:
    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True)
    shutil.copy(FIXTURE / "report.yaml", root / "content" / "report.yaml")
    for tag in languages:
        path = init(root, tag)
        catalog = read_catalog(path, expect_language=tag)
        words = TRANSLATIONS.get(tag) or TRANSLATIONS[tag.split("_")[0]]
        for message in catalog:
            if message.id and not isinstance(message.id, tuple) and message.id in words:
                message.string = words[message.id]
        save_catalog(path, catalog)
    return root


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    # runs of a paragraph joined as they are, paragraphs by a line; a figure's no-break
    # spaces read as spaces
    paragraphs = re.findall(r"<w:p[ >].*?</w:p>", xml)
    text = "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p)) for p in paragraphs)
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def _texts(root: Path, edition: str) -> dict[str, str]:
    out = root / "output"
    pdf = run(require("pdftotext"), out / f"report.{edition}.pdf", "-")
    return {"pdf": pdf, "docx": _docx_text(out / f"report.{edition}.docx")}


def _word(tag: str, msgid: str, context: str = "layout") -> str:
    message = shipped_catalogs()["zh_Hant" if tag == "zh_Hant" else tag].get(msgid, context)
    assert message is not None
    return str(message.string if isinstance(message.string, str) else message.string[0])


@pytest.mark.slow
def test_every_shipped_language_builds_in_its_own_words(tmp_path: Path) -> None:
    root = _project(tmp_path, LANGUAGES)
    laid_out = [tag for tag in LANGUAGES if tag != "ar"]  # right to left: refused, below
    result = build(
        Project(root),
        editions=[(tag,) for tag in laid_out],
        layouts=["brief"],
        formats=["pdf", "docx"],
    )
    for tag in laid_out:
        assert not result.fallbacks.get(tag), (tag, result.fallbacks.get(tag))
        docx = _texts(root, tag)["docx"]
        leaked = ENGLISH.findall(docx)
        assert not leaked, (tag, leaked, docx)
        assert _word(tag, "Key figures") in docx, tag
        pdf = " ".join(_texts(root, tag)["pdf"].split())
        assert not ENGLISH.findall(pdf), (tag, ENGLISH.findall(pdf))
        assert "".join(_word(tag, "Key figures").split()) in "".join(pdf.split()), tag


def test_a_right_to_left_edition_is_refused_not_printed_wrong(tmp_path: Path) -> None:
    """Until the writers lay out right-to-left text, an Arabic edition fails in one line
    and nothing is written (issue 19: never print wrong text)."""
    root = _project(tmp_path, ["ar"])
    with pytest.raises(RenderError, match="ar: written right to left"):
        build(Project(root), editions=[("ar",)], layouts=["brief"], formats=["pdf"])
    assert not (root / "output").exists() or not any((root / "output").iterdir())


def test_french_words_its_figures_as_whole_phrases(tmp_path: Path) -> None:
    root = _project(tmp_path, ["fr"])
    build(Project(root), editions=[("fr",)], layouts=["brief"], formats=["docx"])
    text = _docx_text(root / "output" / "report.fr.docx")
    assert "Les investissements atteignent 30,25 milliards de yuans" in text
    assert "le PIB est en hausse de 3 %" in text
    assert "en hausse d’environ 3 %" in text  # the key figure
    assert "en baisse de 7,5 %" in text
    assert "2 points de pourcentage" in text
    assert "Par Wang Caiyan et Yang Min" in text  # CLDR's list pattern


def test_en_gb_falls_back_on_en_whole(tmp_path: Path) -> None:
    root = _project(tmp_path, ["en", "en_GB"])
    result = build(Project(root), editions=[("en_GB",)], layouts=["brief"], formats=["docx"])
    text = _docx_text(root / "output" / "report.en_GB.docx")
    assert "By Wang Caiyan and Yang Min" in text
    assert "Total investment reached CNY 30.25 billion, with GDP up 3%." in text
    assert not re.search(r"[\u4e00-\u9fff]", text), text
    assert not result.fallbacks.get("en_GB")


def test_the_source_language_takes_the_shipped_words_without_a_catalog(tmp_path: Path) -> None:
    """A Chinese edition of a project with no zh.po: 主要数据 and 增长3%, never "up"."""
    root = _project(tmp_path, [])
    result = build(Project(root), editions=[("zh",)], layouts=["brief"], formats=["docx"])
    text = _docx_text(root / "output" / "report.zh.docx")
    assert "主要数据" in text and "增长约3%" in text and "下降7.5%" in text
    assert "投资总金额302.5亿元，地区生产总值增长3%。" in text
    assert "2个百分点" in text and not ENGLISH.findall(text)
    assert not result.fallbacks.get("zh")
