"""The Word writer, pandoc style: documents built by hand, three blocks or so, rendered and
read back with python-docx and pandoc.  The sample project's Word files are read back in
test_render_docx_sample.py."""

from __future__ import annotations

import datetime
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor, Twips
from docx.text.run import Run
from PIL import Image

from conftest import require, run
from jbreport.model import (
    Bar,
    Block,
    Chart,
    Cover,
    Credits,
    Document,
    Heading,
    KeyFigureRow,
    KeyFigures,
    Language,
    Metadata,
    Paragraph,
    Photo,
    Text,
    Toc,
)
from jbreport.render import RenderOptions
from jbreport.render.docx import render
from jbreport.render.docx.measure import em_width

ZH = Language("zh", "zh-CN", east_asian=True, script="Hans")
EN = Language("en", "en-US", east_asian=False, script="Latn")
CREATED = datetime.datetime(2023, 1, 15, 9, 30, tzinfo=datetime.UTC)


def metadata(language: Language) -> Metadata:
    return Metadata(
        title="江北", subject="brief", authors=("王彩艳",), keywords=("江北", "GDP"),
        language=language.bcp47, created=CREATED,
    )  # fmt: skip


def document(*blocks: Block, languages: tuple[Language, ...] = (ZH,)) -> Document:
    """A document of ``blocks``, its header and footer in the first language."""
    lang = languages[0].tag
    return Document(
        report_id="t",
        layout="brief",
        languages=languages,
        metadata=metadata(languages[0]),
        header=(Text(lang, "江北"),),
        footer=(Text(lang, "第 {page} 页 共 {pages} 页"),),
        blocks=blocks,
    )


def texts(*pairs: tuple[str, str]) -> tuple[Text, ...]:
    return tuple(Text(lang, text) for lang, text in pairs)


def figure(lang: str, text: str) -> Text:
    """A figure: kept whole from its first character to its last."""
    return Text(lang, text, keep=((0, len(text)),))


def read(doc: Document, options: RenderOptions | None = None) -> WordDocument:
    return docx.Document(io.BytesIO(render(doc, options or RenderOptions())))


def styled(word: WordDocument) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in word.paragraphs if p.text]


def lang_tags(run: Run) -> tuple[str | None, str | None]:
    lang = run._r.rPr.find(qn("w:lang"))
    return lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))


COVER = Cover(
    kicker=texts(("zh", "聚焦")),
    title=texts(("zh", "江北 将“愿景画”转化为“实景图”")),
    date=texts(("zh", "2023年1月")),
    byline=texts(("zh", "文/王彩艳 杨敏")),
)
HEADING = Heading(1, texts(("zh", "一、深化改革开放")), id="reform")
PARAGRAPH = Paragraph(texts(("zh", "江北区地区生产总值预计约1600亿元。")))


def test_cover_heading_and_paragraph_in_their_styles() -> None:
    word = read(document(COVER, HEADING, PARAGRAPH))
    assert styled(word) == [
        ("Kicker", "聚焦"),
        ("Title", "江北 将“愿景画”转化为“实景图”"),
        ("Subtitle", "2023年1月"),
        ("Byline", "文/王彩艳 杨敏"),
        ("Heading 1", "一、深化改革开放"),
        ("East Asian Body", "江北区地区生产总值预计约1600亿元。"),
    ]
    body = word.styles["East Asian Body"]
    assert body.paragraph_format.first_line_indent == Pt(22)  # two characters
    assert word.styles["Title"].font.color.rgb == RGBColor(0x1F, 0x3A, 0x5F)  # the navy
    assert word.styles["Normal"].font.size == Pt(11)


def test_east_asian_runs_tag_both_languages() -> None:
    word = read(document(COVER, HEADING, PARAGRAPH))
    run = word.paragraphs[-1].runs[0]
    # Latin letters and digits in Chinese take the Western language, as Word writes it
    assert lang_tags(run) == ("en-US", "zh-CN")
    assert run._r.rPr.rFonts.get(qn("w:hint")) == "eastAsia"
    styles = word.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert default.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    fonts = word.styles["Normal"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "SimSun"
    assert fonts.get(qn("w:ascii")) == "Times New Roman"
    theme_lang = word.settings.element.find(qn("w:themeFontLang"))
    assert theme_lang.get(qn("w:eastAsia")) == "zh-CN"  # not the template's ja-JP
    # adjacent full-width punctuation squeezed, as in the PDF (the template says doNotCompress)
    spacing = word.settings.element.find(qn("w:characterSpacingControl"))
    assert spacing.get(qn("w:val")) == "compressPunctuation"


def test_western_runs_tag_one_language() -> None:
    doc = document(
        Cover(None, texts(("en", "Jiangbei")), None, texts(("en", "By Wang Caiyan"))),
        Heading(2, texts(("en", "Key figures")), id="kf"),
        Paragraph(texts(("en", "Output rose.")), role="lead"),
        languages=(EN,),
    )
    word = read(doc)
    assert styled(word) == [
        ("Title", "Jiangbei"),
        ("Byline", "By Wang Caiyan"),
        ("Heading 2", "Key figures"),
        ("Lead", "Output rose."),
    ]
    assert all(lang_tags(r) == ("en-US", None) for p in word.paragraphs for r in p.runs)
    assert word.core_properties.language == "en-US"


@pytest.mark.parametrize(
    ("language", "fonts"),
    [
        (Language("zh_Hant", "zh-TW", True, "Hant"), ("PMingLiU", "Microsoft JhengHei")),
        (Language("ja", "ja-JP", True, "Jpan"), ("MS Mincho", "MS Gothic")),
        (Language("ko", "ko-KR", True, "Kore"), ("Batang", "Malgun Gothic")),
    ],
)
def test_fonts_follow_the_east_asian_script(language: Language, fonts: tuple[str, str]) -> None:
    blocks = (Heading(1, texts((language.tag, "標題")), id="h"),)
    word = read(document(*blocks, languages=(language,)))
    body, heading = (
        word.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
        for name in ("Normal", "Heading 1")
    )
    assert (body, heading) == fonts
    assert lang_tags(word.paragraphs[0].runs[0]) == ("en-US", language.bcp47)


def test_bilingual_blocks_pair_in_rows() -> None:
    doc = document(
        Heading(1, texts(("zh", "一、改革"), ("en", "I. Reform")), id="r"),
        Paragraph(texts(("zh", "导语。"), ("en", "The lead.")), role="lead"),
        Paragraph(texts(("zh", "正文。"), ("en", "The body."))),
        languages=(ZH, EN),
    )
    word = read(doc)
    (table,) = word.tables
    assert table.style.name == "Parallel Text"
    rows = [[(c.paragraphs[0].style.name, c.text) for c in row.cells] for row in table.rows]
    assert rows == [
        [("Heading 1", "一、改革"), ("Heading 1", "I. Reform")],
        [("East Asian Lead", "导语。"), ("Lead", "The lead.")],
        [("East Asian Body", "正文。"), ("Normal", "The body.")],
    ]
    zh, en = (row_cell.paragraphs[0].runs[0] for row_cell in table.rows[2].cells)
    assert lang_tags(zh) == ("en-US", "zh-CN") and lang_tags(en) == ("en-US", None)


KEY_FIGURES = KeyFigures(
    title=texts(("zh", "主要数据"), ("en", "Key figures")),
    rows=(
        KeyFigureRow(
            "gdp",
            texts(("zh", "地区生产总值"), ("en", "GDP")),
            (figure("zh", "约1600亿元"), figure("en", "about CNY 160 billion")),
        ),
        KeyFigureRow(
            "output",
            texts(("zh", "工业总产值"), ("en", "Gross industrial output")),
            (figure("zh", "超1300亿元"), figure("en", "more than CNY 130 billion")),
        ),
    ),
)


CREDIT = texts(("zh", "摄/崔力"), ("en", "(Photo: Cui Li)"))


def test_key_figures_and_photos(tmp_path: Path) -> None:
    image = tmp_path / "cbd.png"
    Image.new("RGB", (400, 300), "navy").save(image)
    doc = document(
        KEY_FIGURES,
        Photo("cbd", texts(("zh", "江北嘴"), ("en", "Jiangbeizui")), None, image),
        Photo("gone", texts(("zh", "观音桥"), ("en", "Guanyinqiao")), CREDIT, None),
        languages=(ZH, EN),
    )
    word = read(doc)
    figures, photos = word.tables
    assert figures.style.name == "Key Figures"
    cells = [[(p.style.name, p.text) for c in r.cells for p in c.paragraphs] for r in figures.rows]
    assert cells[1] == [
        ("Table Text", "工业总产值"),
        ("Figure Value", "超1300亿元"),
        ("Table Text", "Gross industrial output"),
        ("Figure Value", "more\u00a0than\u00a0CNY\u00a0130\u00a0billion"),  # kept whole
    ]
    assert photos.style.name == "Parallel Text"
    with_image, without = ([c.paragraphs for c in r.cells] for r in photos.rows)
    assert [p.style.name for p in with_image[0]] == ["Normal", "Caption"]  # picture, caption
    assert with_image[1][-1].text == "Jiangbeizui"
    assert [p.text for p in without[1]] == ["Guanyinqiao  (Photo: Cui Li)"]  # no picture
    # the photo in each language's column, as wide as it, described by its caption
    zh, en = word.inline_shapes
    assert zh.width == en.width == Cm(7.5)
    assert [s._inline.docPr.get("descr") for s in (zh, en)] == ["江北嘴", "Jiangbeizui"]


def test_a_figure_column_fits_its_widest_figure() -> None:
    word = read(document(KEY_FIGURES, languages=(ZH, EN)))
    table = word.tables[0]
    widest = max(em_width(r.value[1].text) for r in KEY_FIGURES.rows)
    english = table.columns[3].width
    # 9.5 pt, cell padding at either side (read back in whole twips)
    assert english >= Pt(widest * 9.5 + 2 * 4) - Twips(1)
    section = word.sections[0]
    usable = section.page_width - section.left_margin - section.right_margin
    assert sum(c.width for c in table.columns) <= usable + Pt(1)  # read back in whole twips


def test_header_footer_and_page_fields() -> None:
    word = read(document(COVER, HEADING, PARAGRAPH))
    section = word.sections[0]
    assert section.header.paragraphs[0].text == "江北"
    assert section.header.paragraphs[0].style.name == "Header"
    footer = section.footer.paragraphs[0]
    xml = footer._p.xml
    assert " PAGE " in xml and " NUMPAGES " in xml
    assert footer.text.startswith("第 ") and " 页 共 " in footer.text
    assert round(section.page_width.cm, 2) == 21  # A4


def test_contents_credits_and_chart() -> None:
    chart = Chart(
        texts(("zh", "主要金额")),
        (Bar("gdp", texts(("zh", "地区生产总值")), Decimal(1600), (figure("zh", "约1600亿元"),)),),
    )
    doc = document(
        Toc(texts(("zh", "目录"))),
        HEADING,
        chart,
        Credits(texts(("zh", "来源")), (texts(("zh", "江北区委宣传部")),)),
    )
    word = read(doc)
    names = styled(word)
    assert names[0] == ("TOC Heading", "目录")
    assert ("toc 1", "一、深化改革开放") in names  # the field's result lists the headings
    assert ("Heading 2", "主要金额") in names and ("Credits", "江北区委宣传部") in names
    assert "TOC \\o" in word.element.body.xml
    (shape,) = word.inline_shapes
    assert "地区生产总值: 约1600亿元" in shape._inline.docPr.get("descr")


def test_core_properties_and_same_bytes_twice() -> None:
    doc = document(COVER, HEADING, PARAGRAPH)
    assert render(doc, RenderOptions()) == render(doc, RenderOptions())
    props = read(doc).core_properties
    assert (props.title, props.author, props.keywords) == ("江北", "王彩艳", "江北, GDP")
    assert props.created == CREATED
    with zipfile.ZipFile(io.BytesIO(render(doc, RenderOptions()))) as z:
        assert {i.date_time[:3] for i in z.infolist()} == {(2023, 1, 15)}


def test_text_that_is_markup_stays_text() -> None:
    unsafe = Paragraph(texts(("zh", "价格<b>上涨</b> & 5 > 3\n下一行")))
    word = read(document(COVER, HEADING, unsafe))
    assert word.paragraphs[-1].text == "价格<b>上涨</b> & 5 > 3\n下一行"


def test_a_reference_docx_keeps_its_look(tmp_path: Path) -> None:
    reference = docx.Document()
    reference.styles["Heading 1"].font.size = Pt(31)
    reference.add_paragraph("left over")
    reference.save(str(tmp_path / "ref.docx"))
    word = read(
        document(COVER, HEADING, PARAGRAPH), RenderOptions(reference_docx=tmp_path / "ref.docx")
    )
    assert word.styles["Heading 1"].font.size == Pt(31)
    assert word.styles["Normal"].font.size is None  # not jbreport's 11 pt
    assert "left over" not in [p.text for p in word.paragraphs]
    assert ("East Asian Body", PARAGRAPH.text[0].text) in styled(word)  # styles it lacked


@pytest.mark.slow
def test_pandoc_reads_a_hand_built_document(tmp_path: Path) -> None:
    path = tmp_path / "three.docx"
    path.write_bytes(render(document(COVER, HEADING, PARAGRAPH), RenderOptions()))
    plain = run(require("pandoc"), "-f", "docx", "-t", "plain", path)
    lines = [line for line in plain.splitlines() if line.strip()]
    assert lines == [
        "聚焦",
        "江北 将“愿景画”转化为“实景图”",
        "2023年1月",
        "文/王彩艳 杨敏",
        "一、深化改革开放",
        "江北区地区生产总值预计约1600亿元。",
    ]
    markdown = run(require("pandoc"), "-f", "docx", "-t", "markdown", path)
    assert "# 一、深化改革开放" in markdown


@pytest.mark.slow
def test_pandoc_reads_key_figures_as_a_table(tmp_path: Path) -> None:
    path = tmp_path / "figures.docx"
    chinese = KeyFigures(
        texts(("zh", "主要数据")),
        tuple(KeyFigureRow(r.name, r.label[:1], r.value[:1]) for r in KEY_FIGURES.rows),
    )
    path.write_bytes(render(document(COVER, chinese, PARAGRAPH), RenderOptions()))
    plain = run(require("pandoc"), "-f", "docx", "-t", "plain", path)
    assert "主要数据" in plain and "超1300亿元" in plain
