"""The Word files of the sample project, built whole and read back with LibreOffice, pandoc
and the XML itself (slow: each builds the sample or runs an external reader)."""

from __future__ import annotations

import re
import zipfile
from itertools import pairwise
from pathlib import Path

import docx
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from docx.shared import Pt, RGBColor

from conftest import copy_project, libreoffice, require, run, seed_paragraphs, squash
from jbreport.build import Project, build
from jbreport.render import RenderOptions

DOCXS = [
    "jiangbei-2023.zh.docx",
    "jiangbei-2023.en.docx",
    "jiangbei-2023.zh+en.docx",
    "jiangbei-2023.zh.factsheet.docx",
    "jiangbei-2023.en.factsheet.docx",
    "jiangbei-2023.zh+en.factsheet.docx",
]


def part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("name", DOCXS)
def test_libreoffice_opens_every_docx(lo_text: dict[str, str], name: str) -> None:
    assert len(lo_text[name]) > 200


@pytest.mark.slow
def test_chinese_docx_holds_the_article_character_for_character(lo_text: dict[str, str]) -> None:
    text = squash(lo_text["jiangbei-2023.zh.docx"])
    missing = [p for p in seed_paragraphs() if squash(p) not in text and p != "王彩艳 杨敏"]
    assert not missing, missing[:1]


@pytest.mark.slow
def test_bilingual_docx_holds_both_languages(lo_text: dict[str, str]) -> None:
    text = squash(lo_text["jiangbei-2023.zh+en.docx"])
    for paragraph in seed_paragraphs()[2:4]:
        assert squash(paragraph) in text
    assert "Jiangbeizui" in text


@pytest.mark.slow
def test_pandoc_reads_the_sections_as_headings(built: Path) -> None:
    markdown = run(
        require("pandoc"), "-f", "docx", "-t", "markdown", built / "jiangbei-2023.zh.docx"
    )
    headings = [line for line in markdown.splitlines() if line.startswith("# ")]
    assert len(headings) == 4
    assert any("深化改革开放" in h for h in headings)
    assert any("主要数据" in line for line in markdown.splitlines() if line.startswith("##"))


@pytest.mark.slow
def test_east_asian_fonts_and_language_tags(built: Path) -> None:
    path = built / "jiangbei-2023.zh.docx"
    styles = part(path, "word/styles.xml")
    settings = part(path, "word/settings.xml")
    document = part(path, "word/document.xml")
    assert 'w:eastAsia="SimSun"' in styles
    assert re.search(r'<w:lang [^>]*w:eastAsia="zh-CN"', styles)
    assert "ja-JP" not in settings and 'w:eastAsia="zh-CN"' in settings
    # Latin letters and digits in Chinese runs take the Western language, as Word writes
    # it: tagged zh-CN, LibreOffice broke lines inside numbers ("其中包括1 | 9个")
    assert re.search(r'<w:lang w:val="en-US" w:eastAsia="zh-CN"/>', document)
    assert 'w:hint="eastAsia"' in document
    english = part(built / "jiangbei-2023.en.docx", "word/document.xml")
    assert '<w:lang w:val="en-US"/>' in english


@pytest.mark.slow
def test_page_fields_in_the_footer(built: Path) -> None:
    path = built / "jiangbei-2023.zh.docx"
    footers = [n for n in zipfile.ZipFile(path).namelist() if re.match(r"word/footer\d*\.xml", n)]
    xml = "".join(part(path, n) for n in footers)
    assert " PAGE " in xml and " NUMPAGES " in xml
    assert "第 " in xml and " 页 共 " in xml
    en = "".join(part(built / "jiangbei-2023.en.docx", n) for n in footers)
    assert "Page " in en and " of " in en


@pytest.mark.slow
def test_libreoffice_computes_the_page_numbers(built: Path, tmp_path: Path) -> None:
    libreoffice(tmp_path, built / "jiangbei-2023.en.docx")
    pdf = tmp_path / "jiangbei-2023.en.pdf"
    info = run(require("pdfinfo"), pdf)
    total = int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])  # type: ignore[index]
    last = run(require("pdftotext"), "-f", str(total), "-l", str(total), pdf, "-")
    assert f"Page {total} of {total}" in last


@pytest.mark.slow
def test_core_properties(built: Path) -> None:
    props = docx.Document(str(built / "jiangbei-2023.en.docx")).core_properties
    assert props.title and props.subject and props.keywords
    assert props.author.startswith("Wang Caiyan")
    assert props.language == "en-US"
    assert props.created is not None and props.created.year == 2023


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path, project: Project) -> None:
    for name in ("a", "b"):
        build(
            project,
            editions=[("zh",), ("zh", "en")],
            layouts=["brief"],
            formats=["docx"],
            out_dir=tmp_path / name,
        )
    for name in ("jiangbei-2023.zh.docx", "jiangbei-2023.zh+en.docx"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.mark.slow
def test_styles_not_direct_formatting(built: Path) -> None:
    document = docx.Document(str(built / "jiangbei-2023.zh.docx"))
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Kicker", "Heading 1", "Heading 2", "Caption", "Credits"} <= used
    assert {"East Asian Body", "East Asian Lead"} <= used  # first line indented two characters
    english = docx.Document(str(built / "jiangbei-2023.en.docx"))
    assert {"Normal", "Lead"} <= {p.style.name for p in english.paragraphs}
    assert document.tables[0].style.name == "Key Figures"
    body = part(built / "jiangbei-2023.zh.docx", "word/document.xml")
    assert "<w:sz " not in body and "<w:color " not in body  # sizes and colours live in styles


@pytest.mark.slow
def test_reference_docx_styles_win(tmp_path: Path, project: Project) -> None:
    reference = docx.Document()
    heading = reference.styles["Heading 1"]
    heading.font.size = Pt(31)
    heading.font.color.rgb = RGBColor(0x12, 0x34, 0x56)
    section = reference.sections[0]
    section.page_width, section.page_height = section.page_height, section.page_width
    reference.save(str(tmp_path / "ref.docx"))
    build(
        project,
        editions=[("en",)],
        layouts=["brief"],
        formats=["docx"],
        out_dir=tmp_path,
        options=RenderOptions(reference_docx=tmp_path / "ref.docx"),
    )
    out = docx.Document(str(tmp_path / "jiangbei-2023.en.docx"))
    assert out.styles["Heading 1"].font.size == Pt(31)
    assert out.styles["Heading 1"].font.color.rgb == RGBColor(0x12, 0x34, 0x56)
    assert out.sections[0].page_width > out.sections[0].page_height
    assert any(p.style.name == "Heading 1" for p in out.paragraphs)


@pytest.mark.slow
def test_table_of_contents_field(tmp_path: Path, project: Project) -> None:
    build(
        project,
        editions=[("en",)],
        layouts=["brief"],
        formats=["docx"],
        out_dir=tmp_path,
        options=RenderOptions(toc=True),
    )
    xml = part(tmp_path / "jiangbei-2023.en.docx", "word/document.xml")
    assert 'TOC \\o "1-2"' in xml
    # after the cover, titled, and listing the sections even where fields are not updated
    libreoffice(tmp_path / "lo", tmp_path / "jiangbei-2023.en.docx", to="txt:Text (encoded):UTF8")
    text = (tmp_path / "lo" / "jiangbei-2023.en.txt").read_text(encoding="utf-8-sig")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    contents = lines.index("Contents")
    assert lines.index("By Wang Caiyan and Yang Min") < contents
    # the entries the field itself collects: Heading 1 and 2 paragraphs, in order
    assert lines[contents + 1] == "Key figures"
    assert lines[contents + 2].startswith("“Shouldering Two Responsibilities at Once”")


@pytest.mark.slow
def test_unsafe_text_is_written_safely(tmp_path: Path) -> None:
    from test_build import make_project

    root = make_project(tmp_path, paragraph="价格<b>上涨</b> & 5 > 3\x0b下一行\x01。" + "长" * 5000)
    build(
        Project(root),
        editions=[("zh",)],
        layouts=["brief"],
        formats=["docx"],
        out_dir=root / "output",
    )
    text = "".join(p.text for p in docx.Document(str(root / "output" / "mini.zh.docx")).paragraphs)
    assert "价格<b>上涨</b> & 5 > 3" in text and "下一行" in text and "\x01" not in text


@pytest.mark.slow
def test_factsheet_docx_is_one_page_in_libreoffice(built: Path, tmp_path: Path) -> None:
    names = [n for n in DOCXS if "factsheet" in n]
    libreoffice(tmp_path, *(built / n for n in names))
    for name in names:
        info = run(require("pdfinfo"), tmp_path / name.replace(".docx", ".pdf"))
        assert re.search(r"^Pages:\s+1$", info, re.M), name


@pytest.mark.slow
def test_chart_is_a_native_word_chart(built: Path) -> None:
    with zipfile.ZipFile(built / "jiangbei-2023.zh+en.factsheet.docx") as z:
        names = z.namelist()
        chart = z.read("word/charts/chart1.xml").decode("utf-8")
    assert not [n for n in names if n.startswith("word/media/")]  # no picture of it
    assert "word/embeddings/Microsoft_Excel_Worksheet1.xlsx" in names
    # the factsheet's chart: year-on-year growth the key figures do not show (issue 18)
    assert "<c:barChart>" in chart and "<c:v>26</c:v>" in chart and "<c:v>65.97</c:v>" in chart
    assert "Year-on-year growth, 2022 (%)" in chart
    document = docx.Document(str(built / "jiangbei-2023.zh+en.factsheet.docx"))
    assert [s.type for s in document.inline_shapes] == [WD_INLINE_SHAPE.CHART]


@pytest.mark.slow
def test_chart_has_alt_text_in_every_language(built: Path) -> None:
    xml = part(built / "jiangbei-2023.zh+en.factsheet.docx", "word/document.xml")
    descr = re.search(r'<wp:docPr [^>]*descr="([^"]*)"', xml)
    assert descr is not None, "the chart has no description for screen readers"
    said = descr[1].replace("\u00a0", " ")
    assert "工业总产值: 增长26%" in said and "Gross industrial output: up 26%" in said


@pytest.mark.slow
def test_key_figures_stay_whole_in_libreoffice(built: Path, tmp_path: Path) -> None:
    """In the narrow bilingual table each figure is set on one line: no-break spaces inside
    it, and a figure column as wide as the longest figure needs."""
    document = docx.Document(str(built / "jiangbei-2023.zh+en.docx"))
    table = next(t for t in document.tables if t.style.name == "Key Figures")
    figures = [row.cells[3].text.replace("\u00a0", " ") for row in table.rows]
    assert "more than CNY 1.9 trillion" in figures
    libreoffice(tmp_path, built / "jiangbei-2023.zh+en.docx")
    text = run(
        require("pdftotext"), "-layout", "-l", "1", tmp_path / "jiangbei-2023.zh+en.pdf", "-"
    )
    lines = [" ".join(line.split()) for line in text.replace("\u00a0", " ").splitlines()]
    for figure in figures:
        assert any(figure in line for line in lines), figure


@pytest.mark.slow
@pytest.mark.parametrize(
    ("language", "fonts"),
    [
        ("zh_Hant", ("PMingLiU", "Microsoft JhengHei")),
        ("ja", ("MS Mincho", "MS Gothic")),
        ("ko", ("Batang", "Malgun Gothic")),
    ],
)
@pytest.mark.slow
def test_east_asian_fonts_follow_the_script(
    tmp_path: Path, language: str, fonts: tuple[str, str]
) -> None:

    from jbreport.cli import main

    root = copy_project(tmp_path)
    assert main(["-C", str(root), "translations", "init", language]) == 0
    args = ["-l", language, "-f", "docx", "--layout", "factsheet", "-j", "1"]
    assert main(["-C", str(root), "build", *args]) == 0
    styles = part(root / "output" / f"jiangbei-2023.{language}.factsheet.docx", "word/styles.xml")
    body, heading = fonts
    assert f'w:eastAsia="{body}"' in styles and f'w:eastAsia="{heading}"' in styles
    assert 'w:eastAsia="SimSun"' not in styles


@pytest.mark.slow
def test_no_leftovers_of_the_default_template(built: Path) -> None:
    path = built / "jiangbei-2023.zh.docx"
    names = zipfile.ZipFile(path).namelist()
    assert not any("thumbnail" in n for n in names)  # python-docx's own empty page
    app = part(path, "docProps/app.xml")
    assert "<Application>jbreport</Application>" in app and "Macintosh" not in app
    assert "thumbnail" not in part(path, "_rels/.rels")


@pytest.mark.slow
def test_libreoffice_never_breaks_a_line_inside_a_number(built: Path, tmp_path: Path) -> None:
    libreoffice(tmp_path, built / "jiangbei-2023.zh.docx")
    text = run(require("pdftotext"), "-layout", tmp_path / "jiangbei-2023.zh.pdf", "-")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    torn = [(a, b) for a, b in pairwise(lines) if a[-1].isdigit() and b[0].isdigit()]
    assert not torn, torn  # with digits tagged zh-CN, LibreOffice set "其中包括1" | "9个"
