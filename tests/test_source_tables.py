"""The readers of table, list and signoff blocks (source/tables.py, source/lists.py): what
they make of good YAML, and one message with file:line for each kind of bad one."""

from __future__ import annotations

from pathlib import Path

import pytest

from jbreport.errors import JbreportError
from jbreport.source.load import load_report
from jbreport.source.model import SrcFigureRef, SrcList, SrcSignoff, SrcTable

HEAD = """\
language: zh
date: "2023-12"
title: 小报告
figures:
  a: {kind: money, value: 112.40亿, currency: CNY}
  a_growth: {kind: growth, value: 5.1}
  b: {kind: money, value: 21.90亿, currency: CNY}
  b_growth: {kind: growth, value: -4.6}
  day: {kind: date, value: "2023-12-20"}
  share: {kind: percent, value: 21.6}
sections:
  - id: one
    heading: 第一部分
    blocks:
"""

TABLE = """\
      - table:
          id: sectors
          caption: 表1　分行业零售额
          columns:
            - 行业
            - {label: 零售额, unit: header}
            - {label: 同比增长, unit: header}
          header:
            - [行业, 本期, 本期]
          rows:
            - [批发业, "{a}", "{a_growth}"]
            - [住宿业, "{b}", ""]
          total: [合计, "{a}", ~]
          note: 注：说明。
"""


def load(tmp_path: Path, blocks: str, closing: str = "") -> object:
    path = tmp_path / "content" / "mini.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEAD + blocks + closing, encoding="utf-8")
    return load_report(path, tmp_path)


def problems(tmp_path: Path, blocks: str) -> str:
    with pytest.raises(JbreportError) as info:
        load(tmp_path, blocks)
    return str(info.value)


def test_a_table_its_cells_and_their_contexts(tmp_path: Path) -> None:
    report = load(tmp_path, TABLE)
    (table,) = report.tables()  # type: ignore[attr-defined]
    assert isinstance(table, SrcTable)
    assert [c.unit_in_header for c in table.columns] == [False, True, True]
    assert table.rows[0][1] == SrcFigureRef("a", table.rows[0][1].loc)  # type: ignore[union-attr]
    assert table.rows[1][2] is None and table.total is not None and table.total[2] is None
    contexts = [s.context for s in table.strings()]
    assert contexts == [
        "mini/sections/one/sectors/caption",
        "mini/sections/one/sectors/header/1/1",
        "mini/sections/one/sectors/header/1/2",
        "mini/sections/one/sectors/header/1/3",
        "mini/sections/one/sectors/columns/1",
        "mini/sections/one/sectors/columns/2",
        "mini/sections/one/sectors/columns/3",
        "mini/sections/one/sectors/rows/1/1",
        "mini/sections/one/sectors/rows/2/1",
        "mini/sections/one/sectors/total/1",
        "mini/sections/one/sectors/note",
    ]
    # a figure cell is no catalog entry: nothing to translate
    assert all("{" not in s.text for s in table.strings())


@pytest.mark.parametrize(
    ("blocks", "line", "message"),
    [
        (
            TABLE.replace('[住宿业, "{b}", ""]', '[住宿业, "{b}"]'),
            26,
            "row 2 has 2 cells; the table has 3 columns",
        ),
        (
            TABLE.replace(
                "unit: header}\n            - {label: 同比",
                "units: header}\n            - {label: 同比",
            ),
            20,
            "unknown key 'units' in a column",
        ),
        (
            TABLE.replace("{label: 零售额, unit: header}", "{label: 零售额, unit: cell}"),
            20,
            "unit: 'cell' is not a place for a column's unit",
        ),
        (TABLE.replace("          id: sectors\n", ""), 16, "a table needs an 'id'"),
        (TABLE[: TABLE.index("          rows:")], 16, "a table needs 'rows'"),
        (
            TABLE.replace("          note:", "          notes:"),
            28,
            "unknown key 'notes' in a table",
        ),
        (
            TABLE.replace('"{a_growth}"', "增长"),
            25,
            "column '同比增长' prints its unit in the header",
        ),
        (TABLE.replace('"{a_growth}"', '"{day}"'), 25, "a date figure has no unit for a header"),
        (TABLE.replace('"{b}"', '"{share}"'), 26, "{share} is not of the kind of the column's"),
        (TABLE.replace('"{b}"', '"{nope}"'), 26, "{nope} is not a figure of this report"),
    ],
)
def test_bad_tables(tmp_path: Path, blocks: str, line: int, message: str) -> None:
    text = problems(tmp_path, blocks)
    assert f"mini.yaml:{line}:" in text and message in text, text


LIST = """\
      - list:
          - 第一项{share}。
          - 第二项：
          - - 甲；
            - 乙。
      - list: {numbered: true, items: [一, 二]}
      - list: {id: named, items: [丙]}
"""


def test_lists_and_their_nested_items(tmp_path: Path) -> None:
    report = load(tmp_path, LIST)
    lists = [b for b in report.sections[0].blocks if isinstance(b, SrcList)]  # type: ignore[attr-defined]
    first, numbered, named = lists
    assert not first.numbered and numbered.numbered
    assert [i.text.text for i in first.items] == ["第一项{share}。", "第二项："]
    assert [c.text.context for c in first.items[1].children] == [
        "mini/sections/one/list-1/2.1",
        "mini/sections/one/list-1/2.2",
    ]
    assert numbered.items[1].text.context == "mini/sections/one/list-2/2"
    assert named.items[0].text.context == "mini/sections/one/named/1"


@pytest.mark.parametrize(
    ("blocks", "line", "message"),
    [
        (
            "      - list:\n          - 一\n          - - 甲\n            - - 太深\n",
            18,
            "a list nests one level deep",
        ),
        ("      - list:\n          - - 甲\n", 16, "a nested list belongs to the item before it"),
        ("      - list: {numbered: yes please, items: [一]}\n", 15, "numbered is true or false"),
        ("      - list: {items: []}\n", 15, "a list needs at least one item"),
        ("      - list: {numbred: true, items: [一]}\n", 15, "unknown key 'numbred' in a list"),
    ],
)
def test_bad_lists(tmp_path: Path, blocks: str, line: int, message: str) -> None:
    text = problems(tmp_path, blocks)
    assert f"mini.yaml:{line}:" in text and message in text, text


def test_a_signoff_line_that_is_a_figure_is_no_catalog_entry(tmp_path: Path) -> None:
    report = load(tmp_path, "      - 正文。\n", 'closing:\n  - signoff: [南岸区统计局, "{day}"]\n')
    (signoff,) = report.closing  # type: ignore[attr-defined]
    assert isinstance(signoff, SrcSignoff)
    assert [s.context for s in signoff.strings()] == ["mini/closing/signoff-1/1"]
    assert isinstance(signoff.lines[1], SrcFigureRef)


def test_an_empty_signoff_is_refused(tmp_path: Path) -> None:
    text = problems(tmp_path, "      - signoff: []\n")
    assert "mini.yaml:15:" in text and "a signoff needs at least one line" in text
