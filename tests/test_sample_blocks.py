"""The second sample report, built: its table, list and sign-off in every output as the
tools that read them see them (slow: the built sample)."""

from __future__ import annotations

from pathlib import Path

import docx

from conftest import require, run

REPORT = "nanan-2023-11"


def test_the_pdf_tags_the_table_and_the_list(built: Path) -> None:
    for edition in ("zh", "en", "zh+en"):
        tree = run(require("pdfinfo"), "-struct-text", built / f"{REPORT}.{edition}.pdf")
        for role in ("Table", "Caption", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"):
            assert f" {role}" in tree, (edition, role)
    zh = run(require("pdftotext"), "-layout", built / f"{REPORT}.zh.pdf", "-")
    assert "零售额（亿元）" in zh and "同比增长（%）" in zh and "重庆市南岸区统计局" in zh


def test_the_docx_holds_a_word_table_with_the_header_units(built: Path) -> None:
    word = docx.Document(str(built / f"{REPORT}.en.docx"))
    data = [t for t in word.tables if t.style is not None and t.style.name == "Data Table"]
    (table,) = data
    assert [c.text for c in table.rows[0].cells] == [
        "Sector",
        "Retail sales (CNY billion)",
        "Change on a year earlier (%)",
    ]
    # 112.40亿 as typed: its last digit (the millions) kept at the billions scale
    assert [c.text for c in table.rows[1].cells] == ["Wholesale", "11.240", "5.1"]


def test_libreoffice_reads_the_cells_in_order(lo_text: dict[str, str]) -> None:
    text = lo_text[f"{REPORT}.zh.docx"]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = lines.index("行业")
    assert lines[at : at + 6] == [
        "行业",
        "零售额（亿元）",
        "同比增长（%）",
        "批发业",
        "112.40",
        "5.1",
    ]
    assert any(
        line.startswith("• 线上消费") for line in lines
    )  # Word numbering, as LibreOffice shows it
