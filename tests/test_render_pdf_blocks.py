"""The PDF writer's tables, lists and sign-offs, from hand-built documents, read back with
pdftotext and pdfinfo -struct-text."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from conftest import require, run
from jbreport.model import Paragraph, Text
from model_blocks import SIGNOFF, bullets, cells, numbered, pair, table
from test_render_pdf_writer import EN, ZH, document, roles, text_of, written


def structure(path: Path) -> str:
    return run(require("pdfinfo"), "-struct-text", path)


def test_a_table_is_tagged_with_its_caption_header_scope_and_cells(tmp_path: Path) -> None:
    path = written(tmp_path, document((ZH,), table()))
    text = text_of(path)
    assert "表1 分行业零售额" in text.replace("\u3000", " ")
    assert "行业 零售额（亿元） 同比增长（%）" in text and "合计 482.6 8" in text
    tree = structure(path)
    assert roles(path) == ["Table", "P"]  # the table (caption inside), then its note
    for role in ("Caption", "TR", "TH", "TD"):
        assert re.search(rf"^\s+{role}\b", tree, re.M), role
    assert "/Scope /Column" in tree and "/Scope /Row" in tree
    assert tree.index('"行业"') < tree.index('"行业1"') < tree.index('"112.4"')


def test_a_long_table_repeats_its_header_on_each_page_and_reads_it_once(tmp_path: Path) -> None:
    path = written(tmp_path, document((ZH,), table(rows=90)))
    pages = run(require("pdftotext"), "-layout", path, "-").split("\f")
    filled = [p for p in pages if p.strip()]
    assert len(filled) >= 2 and all("零售额（亿元）" in p for p in filled)
    assert structure(path).count('"零售额（亿元）"') == 1  # repeated as an artifact


def test_a_numeric_column_aligns_on_the_decimal_point(tmp_path: Path) -> None:
    path = written(tmp_path, document((ZH,), table()))
    lines = run(require("pdftotext"), "-layout", path, "-").splitlines()
    points = {line.index(".") for line in lines if re.search(r"\d12\.4", line)}
    assert len(points) == 1  # 112.4, 212.4, 312.4: one column of decimal points


def test_a_bold_figure_in_chinese_is_set_in_the_latin_bold_face_never_stroked(
    tmp_path: Path,
) -> None:
    path = written(tmp_path, document((ZH,), table()))  # its total row is bold
    assert "LiberationSerif-Bold" in run(require("pdffonts"), path)
    plain = tmp_path / "plain.pdf"
    run(require("qpdf"), "--qdf", "--object-streams=disable", path, plain)
    assert not re.search(rb"\b[1-7] Tr\b", plain.read_bytes())  # no stroked (faked) bold


def test_lists_are_tagged_l_li_lbl_lbody(tmp_path: Path) -> None:
    path = written(tmp_path, document((ZH, EN), bullets(), numbered()))
    tree = structure(path)
    for role in ("L", "LI", "Lbl", "LBody"):
        assert re.search(rf"^\s+{role}\b", tree, re.M), role
    assert '"•"' in tree and '"–"' in tree and '"1."' in tree
    text = text_of(path)
    assert "• 第一项" in text and "1. item 1" in text


def test_a_list_item_has_no_first_line_indent(tmp_path: Path) -> None:
    path = written(tmp_path, document((ZH,), bullets()))
    lines = run(require("pdftotext"), "-layout", path, "-").splitlines()
    first = next(line for line in lines if "第一项" in line)
    second = next(line for line in lines if "第二项" in line)
    assert first.index("第一项") == second.index("第二项")
    nested = next(line for line in lines if "嵌套一" in line)
    assert nested.index("嵌套一") > first.index("第一项")  # the nested item further in


def test_a_signoff_is_right_aligned(tmp_path: Path) -> None:
    text = Paragraph((Text("zh", "南岸区经济运行总体平稳，稳中有进。" * 4),))
    path = written(tmp_path, document((ZH,), text, SIGNOFF))
    lines = [x for x in run(require("pdftotext"), "-layout", path, "-").splitlines() if x.strip()]
    office = next(x for x in lines if "统计局" in x)
    date = next(x for x in lines if "2023年" in x)
    assert office.startswith(" " * 10) and date.startswith(" " * 10)  # at the right margin


def test_a_bilingual_edition_prints_each_languages_table(tmp_path: Path) -> None:
    short = replace(table("zh"), header=(cells("zh", "行业", "亿元", "%"),))
    short_en = replace(table("en"), header=(cells("en", "Sector", "bn", "%"),))
    path = written(tmp_path, document((ZH, EN), pair(short, short_en)))
    assert roles(path) == ["Table", "P", "Table", "P"]  # each language's table, then its note
    lines = run(require("pdftotext"), "-layout", path, "-").splitlines()
    assert any(line.count("合计") == 2 for line in lines)  # narrow enough: side by side


def test_a_table_whose_labels_would_wrap_beside_its_translation_is_stacked(
    tmp_path: Path,
) -> None:
    """零售额（亿元） in half a page would break as 零售额（亿 | 元）: one table after the other."""
    path = written(tmp_path, document((ZH, EN), pair(table("zh"), table("en"))))
    assert roles(path) == ["Table", "P", "Table", "P"]
    text = run(require("pdftotext"), "-layout", path, "-")
    assert "零售额（亿元）" in text
    assert not any(line.count("合计") == 2 for line in text.splitlines())


def test_a_table_too_wide_for_half_the_page_is_stacked(tmp_path: Path) -> None:
    wide = table("zh")
    wide = replace(
        wide,
        rows=tuple(
            (row[0], (Text("zh", "12345678901234567890123456789012.5"),), row[2])
            for row in wide.rows
        ),
    )
    path = written(tmp_path, document((ZH, EN), pair(wide, table("en"))))
    lines = run(require("pdftotext"), "-layout", path, "-").splitlines()
    assert not any(line.count("合计") == 2 for line in lines)
