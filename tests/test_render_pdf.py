"""The PDF writer, read back with poppler and qpdf."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import require, run, seed_paragraphs, squash
from jbreport.build import Project, build
from jbreport.render import RenderOptions

PDFS = [
    "jiangbei-2023.zh.pdf",
    "jiangbei-2023.en.pdf",
    "jiangbei-2023.zh+en.pdf",
    "jiangbei-2023.zh.factsheet.pdf",
    "jiangbei-2023.en.factsheet.pdf",
    "jiangbei-2023.zh+en.factsheet.pdf",
]
# A4 in points; the running header sits above 55 pt from the top, the footer below 50 pt
# from the bottom: the body is what lies between.
BODY = ("-x", "0", "-y", "55", "-W", "596", "-H", "737")
# From the issue: no line begins with closing and no line ends with opening punctuation.
CLOSING = set("，。、；：？！）》」』”’…%")
OPENING = set("（《「『“‘")


def pdftotext(path: Path, *args: str) -> str:
    return run(require("pdftotext"), *args, path, "-")


def pages(path: Path) -> int:
    info = run(require("pdfinfo"), path)
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])  # type: ignore[index]


@pytest.mark.parametrize("name", PDFS)
def test_every_font_is_embedded_and_subset(built: Path, name: str) -> None:
    rows = run(require("pdffonts"), built / name).splitlines()[2:]
    assert rows, "no fonts listed"
    for row in rows:
        fields = row.split()
        emb, sub = fields[-5], fields[-4]
        assert (emb, sub) == ("yes", "yes"), row
        assert "Helvetica" not in row


@pytest.mark.parametrize("name", PDFS)
def test_qpdf_finds_no_problem(built: Path, name: str) -> None:
    out = run(require("qpdf"), "--check", built / name)
    assert "No syntax or stream encoding errors found" in out


# the sample's photo captions: a photo at the top of a page may stand inside a paragraph that
# goes on from the page before, its caption read between the paragraph's two parts
CAPTIONS = (
    "江北嘴中央商务区",
    "2023年江北区重点招商项目暨“满天星”行动集中签约仪式于1月9日在江北嘴隆重举行",
    "江北区图书馆鸿恩寺新馆，市民沿着“书山”拾级而上 摄/崔力",
    "北滨路东延伸段效果图",
    "观音桥商圈 摄/李昱彦",
)


def test_chinese_edition_holds_the_article_character_for_character(built: Path) -> None:
    path = built / "jiangbei-2023.zh.pdf"
    body = squash(pdftotext(path, *BODY))
    article = body  # its photos' captions aside
    for caption in CAPTIONS:
        assert squash(caption) in body, caption
        article = article.replace(squash(caption), "")
    missing = [
        p
        for p in seed_paragraphs()
        if squash(p) not in body and squash(p) not in article and p != "王彩艳 杨敏"
    ]
    assert not missing, f"{len(missing)} paragraphs not found, first: {missing[:1]}"
    for name in ("王彩艳", "杨敏"):
        assert name in body


def test_chinese_edition_breaks_lines_by_the_rules(built: Path) -> None:
    text = pdftotext(built / "jiangbei-2023.zh.pdf", "-layout", *BODY)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) > 60
    bad = [line for line in lines if line[0] in CLOSING or line[-1] in OPENING]
    assert bad == []
    # a figure never loses its unit across a line end
    for line in lines:
        assert not re.search(r"\d$", line) or not line.endswith(("5.5", "302.5")), line


def test_figures_stay_whole_in_chinese(built: Path) -> None:
    text = pdftotext(built / "jiangbei-2023.zh.pdf", "-layout", *BODY)
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        # a line starting with 万/亿/元/% right after a number would have torn a figure
        assert not re.match(r"^(万|亿|元|%|万人|亿元)", line), line


def test_outline_lists_the_sections(built: Path) -> None:
    data = json.loads(
        run(require("qpdf"), "--json", "--json-key=outlines", built / "jiangbei-2023.en.pdf")
    )
    titles = [o["title"] for o in data["outlines"]]
    assert len(titles) >= 5  # key figures, four sections, credits
    data = json.loads(
        run(require("qpdf"), "--json", "--json-key=outlines", built / "jiangbei-2023.zh.pdf")
    )
    titles = [o["title"] for o in data["outlines"]]
    assert "深化改革开放 迈出蹄疾步稳的新步伐" in titles
    assert "主要数据" in titles


@pytest.mark.parametrize("name", ["jiangbei-2023.zh.pdf", "jiangbei-2023.zh+en.pdf"])
def test_each_bookmark_opens_the_page_of_its_heading(built: Path, name: str) -> None:
    data = json.loads(run(require("qpdf"), "--json", "--json-key=outlines", built / name))
    pages = pdftotext(built / name).split("\f")
    targets = [(o["title"], o["destpageposfrom1"]) for o in data["outlines"]]
    assert len({page for _, page in targets}) > 1  # not all on one page
    for title, page in targets:
        first = title.split(" / ")[0]  # bilingual bookmarks carry both languages
        assert squash(first) in squash(pages[page - 1]), (title, page)
        assert all(squash(first) not in squash(p) for p in pages[: page - 1]), (title, page)


def test_document_info_and_language(built: Path) -> None:
    info = run(require("pdfinfo"), built / "jiangbei-2023.en.pdf")
    assert re.search(r"^Title:\s+\S", info, re.M)
    assert re.search(r"^Author:\s+Wang Caiyan", info, re.M)
    both = run(require("pdfinfo"), built / "jiangbei-2023.zh+en.pdf")
    assert re.search(r"^Author:\s+王彩艳, 杨敏 / Wang Caiyan, Yang Min$", both, re.M)
    assert re.search(r"^Keywords:\s+\S", info, re.M)
    assert re.search(r"^Subject:\s+\S", info, re.M)
    catalog = run(require("qpdf"), "--show-object=trailer", built / "jiangbei-2023.en.pdf")
    root = re.search(r"/Root (\d+) 0 R", catalog)[1]  # type: ignore[index]
    assert "/Lang (en-US)" in run(
        require("qpdf"), f"--show-object={root}", built / "jiangbei-2023.en.pdf"
    )
    root_zh = run(require("qpdf"), "--show-object=trailer", built / "jiangbei-2023.zh.pdf")
    root_zh_id = re.search(r"/Root (\d+) 0 R", root_zh)[1]  # type: ignore[index]
    assert "/Lang (zh-CN)" in run(
        require("qpdf"), f"--show-object={root_zh_id}", built / "jiangbei-2023.zh.pdf"
    )


def test_footer_says_page_n_of_total(built: Path) -> None:
    path = built / "jiangbei-2023.zh.pdf"
    total = pages(path)
    assert total >= 2
    last = pdftotext(path, "-f", str(total), "-l", str(total))
    assert f"第{total}页共{total}页" in squash(last)
    first_en = pdftotext(built / "jiangbei-2023.en.pdf", "-f", "1", "-l", "1")
    assert re.search(r"Page 1 of \d+", first_en)


@pytest.mark.parametrize("name", [p for p in PDFS if "factsheet" in p])
def test_factsheet_is_one_page(built: Path, name: str) -> None:
    assert pages(built / name) == 1


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path, project: Project) -> None:
    for run_dir in ("a", "b"):
        build(
            project,
            editions=[("zh",), ("zh", "en")],
            layouts=["brief"],
            formats=["pdf"],
            out_dir=tmp_path / run_dir,
        )
    for name in ("jiangbei-2023.zh.pdf", "jiangbei-2023.zh+en.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_source_date_epoch_is_the_creation_date(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build(project, editions=[("en",)], layouts=["factsheet"], formats=["pdf"], out_dir=tmp_path)
    info = run(require("pdfinfo"), "-isodates", tmp_path / "jiangbei-2023.en.factsheet.pdf")
    assert re.search(r"^CreationDate:\s+2023-11-14T22:13:20", info, re.M), info


def test_every_page_renders(built: Path, tmp_path: Path) -> None:
    for name in PDFS:
        run(require("pdftoppm"), "-png", "-r", "20", built / name, tmp_path / name)
    assert len(list(tmp_path.glob("*.png"))) >= len(PDFS)


def test_bilingual_pairs_start_on_the_same_page(built: Path, project: Project) -> None:
    from jbreport.layout import run_layout
    from jbreport.localize import localize
    from jbreport.model import Paragraph
    from jbreport.po.lookup import load_catalogs
    from jbreport.source.load import load_report

    report = load_report(project.content / "jiangbei-2023.yaml")
    layout = run_layout(
        "brief", project.root, {"sections": [{"id": s.id} for s in report.sections]}
    )
    doc = localize(report, layout, load_catalogs(project.translations), ("zh", "en")).document
    path = built / "jiangbei-2023.zh+en.pdf"
    page_texts = [
        squash(pdftotext(path, "-f", str(n), "-l", str(n))) for n in range(1, pages(path) + 1)
    ]

    def first_page(text: str) -> int:
        start = squash(text)[:12]
        return next(i for i, page in enumerate(page_texts) if start in page)

    checked = 0
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            zh, en = block.text
            assert first_page(zh.text) == first_page(en.text), zh.text[:20]
            checked += 1
    assert checked >= 15


def test_markup_in_content_is_printed_as_written(tmp_path: Path) -> None:
    from test_build import make_project

    root = make_project(tmp_path, paragraph="价格<b>上涨</b> & 5 > 3，<font name=x>。")
    build(
        Project(root),
        editions=[("zh",)],
        layouts=["brief"],
        formats=["pdf"],
        out_dir=root / "output",
    )
    text = pdftotext(root / "output" / "mini.zh.pdf")
    assert "价格<b>上涨</b> & 5 > 3，<font name=x>。" in text


def test_missing_font_is_named(tmp_path: Path, project: Project) -> None:
    from jbreport.errors import RenderError

    with pytest.raises(RenderError, match="CJK font not found"):
        build(
            project,
            editions=[("zh",)],
            layouts=["factsheet"],
            formats=["pdf"],
            out_dir=tmp_path,
            options=RenderOptions(cjk_font=str(tmp_path / "nope.ttf")),
        )


@pytest.mark.slow
def test_characters_no_font_has_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from jbreport.cli import main
    from test_build import make_project

    root = make_project(tmp_path, paragraph="好消息😀，{count}个项目。")
    assert (
        main(["-C", str(root), "build", "-l", "zh", "-f", "pdf", "--layout", "brief", "-j", "1"])
        == 0
    )
    err = capsys.readouterr().err
    assert "mini.zh.pdf: the PDF fonts have no glyph for 😀 (U+1F600)" in err
    # the sample itself is fully covered: no such warning
    out = tmp_path / "sample"
    assert (
        main(
            [
                "-C",
                str(Path(__file__).parent.parent),
                "build",
                "-f",
                "pdf",
                "-o",
                str(out),
                "-j",
                "1",
            ]
        )
        == 0
    )
    assert "no glyph" not in capsys.readouterr().err


def _heading_lines(text: str, lang_is_east_asian: bool, width: float) -> list[str]:
    from jbreport.model import Text
    from jbreport.render.pdf import font_set
    from jbreport.render.pdf.flowables import TextBlock
    from jbreport.render.pdf.styles import STYLES
    from jbreport.render.pdf.textops import Measure

    style = STYLES["heading"]
    measure = Measure(font_set(RenderOptions()), lang_is_east_asian, style.size, True)
    block = TextBlock(Text("zh", text), style, measure)
    return [text.rstrip(" ") for text, _x, _cuts in block.lines(width)]


def test_an_east_asian_heading_breaks_at_its_writers_space() -> None:
    # two lines either way; the space between the phrases is where the break belongs
    lines = _heading_lines("“两副担子一起担” 担出产业优化升级的新路子", True, 220.0)
    assert lines == ["“两副担子一起担”", "担出产业优化升级的新路子"]


def test_a_phrase_wider_than_the_line_still_breaks_between_characters() -> None:
    lines = _heading_lines("江北 将愿景画转化为实景图的二十五个重点项目全面开工", True, 120.0)
    assert len(lines) > 2 and all(lines)
    assert "".join(lines).replace(" ", "") == "江北将愿景画转化为实景图的二十五个重点项目全面开工"


def test_a_balanced_heading_never_cuts_a_word() -> None:
    lines = _heading_lines("Internationalization Responsibilities", False, 200.0)
    assert lines == ["Internationalization", "Responsibilities"]


def test_a_heading_word_wider_than_the_column_never_overflows() -> None:
    from jbreport.render.pdf import font_set
    from jbreport.render.pdf.styles import STYLES
    from jbreport.render.pdf.textops import Measure

    lines = _heading_lines("Neue Infrastrukturmodernisierungsprogramme im Bezirk", False, 226.0)
    style = STYLES["heading"]
    measure = Measure(font_set(RenderOptions()), False, style.size, True)
    assert all(measure.width(line) <= 226.0 + 1e-6 for line in lines), lines


def _elements(path: Path) -> list[tuple[str, str]]:
    """The structure elements under Document with their text, as poppler reads the tags
    (what a screen reader reads, in its order)."""
    out = run(require("pdfinfo"), "-struct-text", path)
    elements: list[list[str]] = []
    for line in out.splitlines():
        if m := re.fullmatch(r"  (\w+)(?: \(\w+\))?", line):
            elements.append([m[1], ""])
        elif line.startswith('    "') and elements:
            elements[-1][1] += line.strip()[1:-1]
    return [(role, text) for role, text in elements]


@pytest.mark.parametrize("name", PDFS)
def test_pdf_is_tagged_for_screen_readers(built: Path, name: str) -> None:
    info = run(require("pdfinfo"), built / name)
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    elements = _elements(built / name)
    roles = [role for role, _ in elements]
    # the headline, the section headings, paragraphs; nothing untagged in between
    assert roles.count("H1") == name.count("+") + 1 and "H2" in roles and "P" in roles
    title = re.search(r"^Title:\s+(.*)$", info, re.M)[1]  # type: ignore[index]
    assert [text for role, text in elements if role == "H1"] == title.split(" / ")
    if "factsheet" in name:
        assert "Figure" in roles  # the chart, read by its text alternative
    # the key figures: a table, a row per figure, its label heading the row's value
    assert "Table" in roles
    tree = run(require("pdfinfo"), "-struct", built / name)
    assert re.search(r"^  Table.*\n    TR\n      TH:\n +/Scope /Row\n      TD", tree, re.M), tree
    run(require("qpdf"), "--check", built / name)
    # the XMP metadata says what the Info dictionary says
    xmp = run(require("pdfinfo"), "-meta", built / name)
    packet = xmp[xmp.index("<x:xmpmeta") : xmp.rindex("</x:xmpmeta>") + len("</x:xmpmeta>")]
    namespaces = {
        "dc": "http://purl.org/dc/elements/1.1/",
        "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    }
    root = ElementTree.fromstring(packet)
    assert root.findtext(".//dc:title//rdf:li", namespaces=namespaces) == title
    languages = [li.text for li in root.findall(".//dc:language//rdf:li", namespaces)]
    assert (
        languages
        == {"zh": ["zh-CN"], "en": ["en-US"], "zh+en": ["zh-CN", "en-US"]}[name.split(".")[1]]
    )


def test_tags_read_the_article_in_order(built: Path) -> None:
    """The Chinese paragraphs in reading order; each English one whole, with the spaces its
    line breaks took (a word at a line end is not glued to the next line's first)."""
    chinese = [text for role, text in _elements(built / "jiangbei-2023.zh.pdf") if role == "P"]
    order = [chinese.index(p.replace("\u00a0", " ")) for p in _paragraphs(("zh",))]
    assert len(order) > 10 and order == sorted(order)
    english = {text for role, text in _elements(built / "jiangbei-2023.en.pdf") if role == "P"}
    paragraphs = [p.replace("\u00a0", " ") for p in _paragraphs(("en",))]
    assert len(paragraphs) > 10 and max(map(len, paragraphs)) > 500
    assert [p for p in paragraphs if p not in english] == []


def _paragraphs(edition: tuple[str, ...]) -> list[str]:
    """The body paragraphs of the sample's brief in an edition, as localized."""
    from jbreport.build import Job, localize_job
    from jbreport.model import Paragraph
    from jbreport.po.lookup import load_catalogs
    from jbreport.source.load import load_reports

    project = Project(Path(__file__).parent.parent)
    reports = {r.id: r for r in load_reports(project.content)}
    job = Job("jiangbei-2023", edition, "brief", "pdf")
    catalogs = load_catalogs(project.translations)
    document, _ = localize_job(project, job, reports, catalogs, RenderOptions())
    return [t.text for b in document.blocks if isinstance(b, Paragraph) for t in b.text]
