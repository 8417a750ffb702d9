"""The Word writer's tables, lists and sign-offs, from hand-built documents, read back with
python-docx (and LibreOffice and pandoc, slow)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from conftest import libreoffice, require, run
from jbreport.render import RenderOptions
from model_blocks import SIGNOFF, bullets, numbered, pair, table
from test_render_docx import EN, ZH, document, read, render


def test_a_table_is_a_word_table_in_its_style_with_a_repeated_header() -> None:
    word = read(document(table()))
    (grid,) = word.tables
    assert grid.style is not None and grid.style.name == "Data Table"
    assert [c.text for c in grid.rows[0].cells] == ["行业", "零售额（亿元）", "同比增长（%）"]
    assert [c.text for c in grid.rows[-1].cells] == ["合计", "482.6", "8"]
    header = grid.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None
    assert grid.rows[1]._tr.trPr is None or grid.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None
    styles = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert styles[0] == ("Caption", "表1　分行业零售额")
    assert styles[-1] == ("Table Note", "注：说明。")
    assert grid.rows[-1].cells[0].paragraphs[0].style.name == "Table Total"


def test_a_bilingual_table_is_one_table_per_language() -> None:
    word = read(document(pair(table("zh"), table("en")), languages=(ZH, EN)))
    assert len(word.tables) == 2  # the table in each language, one after the other
    assert word.tables[1].rows[-1].cells[0].text == "合计"


def test_list_items_carry_real_numbering() -> None:
    word = read(document(bullets(), numbered("zh")))
    items = [p for p in word.paragraphs if p.text]
    assert [p.style.name for p in items] == [
        "List Bullet", "List Bullet", "List Bullet 2", "List Number", "List Number",
    ]  # fmt: skip
    assert not any(p.text.startswith(("•", "1.")) for p in items)  # never typed
    num_ids = []
    for p in items:
        numpr = p._p.pPr.numPr
        assert numpr is not None
        num_ids.append(numpr.numId.val)
        assert numpr.ilvl.val == (1 if p.text == "嵌套一" else 0)
    assert num_ids[0] == num_ids[2] != num_ids[3]  # a list of its own restarts at 1
    numbering = word.part.numbering_part.element
    formats = {lvl.get(qn("w:ilvl")): lvl.find(qn("w:numFmt")).get(qn("w:val"))
               for lvl in numbering.iter(qn("w:lvl"))}  # fmt: skip
    assert formats  # the definitions are in the numbering part
    texts = [t.get(qn("w:val")) for t in numbering.iter(qn("w:lvlText"))]
    assert "•" in texts and "–" in texts and "%1." in texts


def test_a_signoff_is_right_aligned_in_its_style() -> None:
    word = read(document(SIGNOFF))
    lines = [p for p in word.paragraphs if p.text]
    assert [(p.style.name, p.text) for p in lines] == [
        ("Signoff", "南岸区统计局"),
        ("Signoff", "2023年12月20日"),
    ]
    assert word.styles["Signoff"].paragraph_format.alignment == 2  # right


def test_a_document_without_them_gains_none_of_their_styles() -> None:
    word = read(document())
    assert "Data Table" not in word.styles and "Signoff" not in word.styles


@pytest.mark.slow
def test_libreoffice_and_pandoc_read_the_table_and_the_list(tmp_path: Path) -> None:
    path = tmp_path / "t.docx"
    path.write_bytes(render(document(table(), bullets()), RenderOptions()))
    libreoffice(tmp_path, path, to="txt:Text")
    text = (tmp_path / "t.txt").read_text(encoding="utf-8-sig")
    cells = ["行业", "零售额（亿元）", "同比增长（%）", "行业1", "112.4", "1.5"]
    assert [line.strip() for line in text.splitlines() if line.strip()][1:7] == cells
    markdown = run(require("pandoc"), "-f", "docx", "-t", "markdown", path)
    assert "-   第一项" in markdown and "行业1" in markdown and "-----" in markdown


def test_a_reference_docx_without_numbering_gains_the_part(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    source = zipfile.ZipFile(buffer)
    stripped = io.BytesIO()
    with zipfile.ZipFile(stripped, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/numbering.xml":
                continue
            if item.filename in ("word/_rels/document.xml.rels", "[Content_Types].xml"):
                data = re.sub(rb"<(Relationship|Override) [^>]*numbering[^>]*/>", b"", data)
            target.writestr(item, data)
    reference = tmp_path / "house.docx"
    reference.write_bytes(stripped.getvalue())
    word = read(document(bullets()), RenderOptions(reference_docx=reference))
    items = [p for p in word.paragraphs if p.text]
    assert all(p._p.pPr.numPr is not None for p in items)
    assert word.part.numbering_part.element.find(qn("w:abstractNum")) is not None
