"""The Word file's look from hand-built documents: Word's current layout rules, justified
running text, the PDF's colours and heading spacing, and tables that claim no header row
they lack (read back with python-docx; pandoc, slow)."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table

from conftest import require, run
from jbreport.model import KeyFigureRow, KeyFigures, Paragraph
from jbreport.render import RenderOptions, theme
from test_render_docx import (
    COVER,
    EN,
    HEADING,
    KEY_FIGURES,
    PARAGRAPH,
    ZH,
    document,
    read,
    render,
    texts,
)


def test_word_opens_it_in_its_current_mode() -> None:
    settings = read(document(COVER, HEADING, PARAGRAPH)).settings.element
    modes = [
        s.get(qn("w:val"))
        for s in settings.iter(qn("w:compatSetting"))
        if s.get(qn("w:name")) == "compatibilityMode"
    ]
    assert modes == ["15"]  # Word 2013 and later, not the template's 14


def test_running_text_is_justified_and_the_rest_flush_left() -> None:
    word = read(document(COVER, HEADING, PARAGRAPH, languages=(ZH,)))
    alignment = {
        name: word.styles[name].paragraph_format.alignment
        for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "Table Text")
    }
    assert alignment.pop("Normal") == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert set(alignment.values()) == {WD_ALIGN_PARAGRAPH.LEFT}
    # the body styles inherit Normal's justification
    for name in ("Lead", "East Asian Body", "East Asian Lead"):
        assert word.styles[name].paragraph_format.alignment is None
    assert word.paragraphs[-1].style.name == "East Asian Body"


def test_headings_have_space_after_and_the_pdfs_colours() -> None:
    word = read(document(COVER, HEADING, PARAGRAPH))
    for name, pdf in (("Heading 1", "heading"), ("Heading 2", "subheading")):
        style = word.styles[name]
        assert style.paragraph_format.space_after == Pt(theme.BODY_STYLES[pdf].space_after)
        assert style.font.color.rgb is not None and str(style.font.color.rgb) == theme.ACCENT.hex
    rule = word.styles["Title"].element.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == theme.ACCENT.hex  # not the template's light blue
    assert rule.get(qn("w:themeColor")) is None  # which Word would take instead
    assert str(word.styles["Normal"].font.color.rgb) == theme.INK.hex


def _look(table: Table) -> dict[str, str]:
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    return {name: look.get(qn(f"w:{name}")) for name in ("val", "firstRow", "firstColumn")}


def test_key_figures_and_bilingual_rows_have_no_header_row() -> None:
    doc = document(
        KEY_FIGURES, Paragraph(texts(("zh", "正文。"), ("en", "Text."))), languages=(ZH, EN)
    )
    figures, rows = read(doc).tables
    # no first-row head (python-docx says 04A0: first row and column); labels head the rows
    assert _look(figures) == {"val": "0480", "firstRow": "0", "firstColumn": "1"}
    assert _look(rows) == {"val": "0400", "firstRow": "0", "firstColumn": "0"}
    assert not figures._tbl.xpath(".//w:tblHeader")


@pytest.mark.slow
def test_pandoc_reads_every_key_figure_as_data(tmp_path: Path) -> None:
    path = tmp_path / "figures.docx"
    chinese = KeyFigures(
        texts(("zh", "主要数据")),
        tuple(KeyFigureRow(r.name, r.label[:1], r.value[:1]) for r in KEY_FIGURES.rows),
    )
    path.write_bytes(render(document(COVER, chinese, PARAGRAPH), RenderOptions()))
    html = run(require("pandoc"), "-f", "docx", "-t", "html", path)
    assert "<thead>" not in html  # the GDP row is not the table's head
    body = html[html.index("<tbody>") :]
    assert "地区生产总值" in body and "工业总产值" in body
