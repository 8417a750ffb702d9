"""The key-figures chart as a native Word chart, from a hand-built document: its chart part
with the data cached, the embedded workbook, the inline drawing, read back with the zip and
python-docx; LibreOffice draws it as a chart (slow)."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.shape import WD_INLINE_SHAPE
from PIL import Image

from conftest import libreoffice, require, run
from jbreport.model import Bar, Chart
from jbreport.render import RenderOptions, theme
from test_render_docx import COVER, EN, ZH, document, figure, render, texts

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
CHART = Chart(
    texts(("zh", "主要金额"), ("en", "Main amounts")),
    (
        Bar(
            "gdp",
            texts(("zh", "地区生产总值"), ("en", "GDP")),
            Decimal("1.600E+11"),
            (figure("zh", "约1600亿元"), figure("en", "about CNY 160 billion")),
        ),
        Bar(
            "trade",
            texts(("zh", "外贸进出口总额"), ("en", "Foreign trade")),
            Decimal("8.6E+10"),
            (figure("zh", "预计860亿元"), figure("en", "estimated CNY 86 billion")),
        ),
    ),
)


def chart_docx() -> bytes:
    return render(document(COVER, CHART, languages=(ZH, EN)), RenderOptions())


def test_the_chart_is_a_chart_part_with_its_data() -> None:
    with zipfile.ZipFile(io.BytesIO(chart_docx())) as z:
        names = z.namelist()
        space = ET.fromstring(z.read("word/charts/chart1.xml"))
        rels = z.read("word/charts/_rels/chart1.xml.rels").decode()
        body = z.read("word/document.xml").decode()
    assert not [n for n in names if n.startswith("word/media/")]  # no picture of it
    assert "/relationships/package" in rels and "Microsoft_Excel_Worksheet1.xlsx" in rels
    assert 'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"' in body
    bars = space.find(f".//{C}barChart")
    assert bars is not None and bars.find(f"{C}barDir").get("val") == "bar"
    categories = [v.text for v in bars.iterfind(f".//{C}cat//{C}pt/{C}v")]
    values = [v.text for v in bars.iterfind(f".//{C}val//{C}pt/{C}v")]
    assert categories == ["地区生产总值\nGDP", "外贸进出口总额\nForeign trade"]
    assert values == ["160000000000", "86000000000"]  # the raw Decimals, not floats
    labels = [[t.text for t in d.iterfind(f".//{A}t")] for d in bars.iterfind(f".//{C}dLbl")]
    assert labels[0] == ["约1600亿元", "about CNY 160 billion"]  # as the text writes it
    fill = bars.find(f"{C}ser/{C}spPr/{A}solidFill/{A}srgbClr")
    assert fill is not None and fill.get("val") == theme.ACCENT.hex


def test_the_embedded_workbook_holds_the_same_data() -> None:
    with zipfile.ZipFile(io.BytesIO(chart_docx())) as z:
        xlsx = z.read("word/embeddings/Microsoft_Excel_Worksheet1.xlsx")
    with zipfile.ZipFile(io.BytesIO(xlsx)) as book:
        assert "xl/workbook.xml" in book.namelist()
        sheet = ET.fromstring(book.read("xl/worksheets/sheet1.xml"))
    # inline strings and values alike
    cells = {c.get("r"): "".join(c.itertext()) for c in sheet.iter(f"{S}c")}
    assert cells == {
        "B1": "主要金额 / Main amounts",
        "A2": "地区生产总值\nGDP",
        "B2": "160000000000",
        "A3": "外贸进出口总额\nForeign trade",
        "B3": "86000000000",
    }


def test_python_docx_opens_it_and_the_bytes_repeat() -> None:
    data = chart_docx()
    assert data == chart_docx()
    word = docx.Document(io.BytesIO(data))
    (shape,) = word.inline_shapes
    assert shape.type == WD_INLINE_SHAPE.CHART
    said = shape._inline.docPr.get("descr")
    assert "GDP: about CNY 160 billion" in said and "地区生产总值: 约1600亿元" in said


@pytest.mark.slow
def test_libreoffice_draws_it_as_a_chart(tmp_path: Path) -> None:
    path = tmp_path / "chart.docx"
    path.write_bytes(chart_docx())
    libreoffice(tmp_path, path)
    pdf = tmp_path / "chart.pdf"
    images = run(require("pdfimages"), "-list", pdf).splitlines()[2:]
    assert not images  # drawn, not a picture
    words = "".join(run(require("pdftotext"), pdf, "-").split())
    for text in (
        "外贸进出口总额",
        "ForeignTrade".replace("T", "t"),
        "预计860亿元",
        "CNY160billion",
    ):
        assert text in re.sub("[\u200d\u2060]", "", words), text
    run(require("pdftoppm"), "-png", "-r", "40", pdf, tmp_path / "page")
    (page,) = tmp_path.glob("page*.png")
    colours = Image.open(page).convert("RGB").getcolors(1 << 20)
    navy = sum(n for n, rgb in colours if rgb == tuple(theme.ACCENT))
    assert navy > 200  # the bars
