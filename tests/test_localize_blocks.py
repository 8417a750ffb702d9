"""Localize tables, lists and sign-offs (localize_blocks.py, i18n/cells.py): a small report
and two tiny catalogs (tests/fixtures/tables/) become blocks in one language and a pair."""

from __future__ import annotations

from pathlib import Path

from jbreport.errors import Location
from jbreport.layout import Layout, Part
from jbreport.localize import localize
from jbreport.model import Block, ListBlock, Signoff, Table, Texts
from jbreport.po.lookup import load_catalogs
from jbreport.source.load import load_report

FIXTURE = Path(__file__).parent / "fixtures" / "tables"
HERE = Location("layout.j2", 1)


def blocks(*languages: str, parts: tuple[Part, ...] = (Part("sections", {}, HERE),)) -> list[Block]:
    report = load_report(FIXTURE / "content" / "mini.yaml", FIXTURE)
    layout = Layout("test", Path("layout.j2"), [*parts, Part("closing", {}, HERE)])
    catalogs = load_catalogs(FIXTURE / "translations")
    return list(localize(report, layout, catalogs, languages).document.blocks)


def said(texts: Texts | None) -> list[str]:
    assert texts is not None
    return [t.text for t in texts]


def the(kind: type, found: list[Block]) -> list[Block]:
    return [b for b in found if isinstance(b, kind)]


def test_a_unit_in_the_header_and_bare_figures_at_one_scale() -> None:
    (table,) = the(Table, blocks("zh", "en"))
    assert isinstance(table, Table)
    labels = table.header[-1]
    assert [said(c) for c in labels] == [
        ["行业", "Sector"],
        ["零售额（亿元）", "零售额（亿元）"],  # untranslated label: the whole header in Chinese
        ["同比增长（%）", "Change (%)"],
        ["项目数", "项目数"],
    ]
    # 亿 in Chinese; in English the largest value (386.52 billion) chooses billion
    assert [said(row[1]) for row in table.rows] == [["112.4", "11.24"], ["21.9", "2.19"]]
    assert [said(row[2]) for row in table.rows] == [["5.1", "5.1"], ["-4.6", "-4.6"]]
    assert table.total is not None and said(table.total[1]) == ["3865.2", "386.52"]
    # a figure cell of a column without the option is the figure as written on its own
    assert said(table.rows[0][3]) == ["42", "42"]
    assert table.numeric == (False, True, True, True)
    assert said(table.decimal) == [".", "."]
    assert said(table.caption) == ["表1　分行业零售额", "表1　分行业零售额"]


def test_the_english_unit_is_what_cldr_writes_beside_the_digits() -> None:
    (table,) = the(Table, blocks("en"))
    assert isinstance(table, Table)
    assert said(table.header[-1][1]) == ["零售额（亿元）"]  # fell back whole: no mixed header
    assert said(table.header[-1][2]) == ["Change (%)"]


def test_lists_have_their_marks_and_nested_items() -> None:
    bulleted, numbered = the(ListBlock, blocks("zh", "en"))
    assert isinstance(bulleted, ListBlock) and isinstance(numbered, ListBlock)
    assert [said(i.label) for i in bulleted.items] == [["•", "•"], ["•", "•"]]
    nested = bulleted.items[1].children
    assert [said(i.label) for i in nested] == [["–", "–"], ["–", "–"]]
    assert said(nested[0].text) == ["甲；", "first;"]
    assert [said(i.label) for i in numbered.items] == [["1.", "1."], ["2.", "2."]]


def test_a_signoff_keeps_its_lines_and_writes_its_date_per_language() -> None:
    (signoff,) = the(Signoff, blocks("zh", "en"))
    assert isinstance(signoff, Signoff)
    assert [said(line) for line in signoff.lines] == [
        ["统计局", "Statistics Bureau"],
        ["2023年12月20日", "December 20, 2023"],
    ]


def test_a_layout_takes_a_table_as_a_part() -> None:
    found = blocks("zh", parts=(Part("table", {"id": "sectors"}, HERE),))
    assert isinstance(found[0], Table) and found[0].id == "sectors"
