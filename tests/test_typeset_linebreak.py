"""Line breaking: atoms (what no line may split) and greedy lines that never overflow."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from jbreport.render.typeset.linebreak import (
    CLOSE,
    HANGING,
    OPEN,
    Atom,
    atoms,
    break_lines,
    inner_gaps,
)


def texts(text: str, keep: list[tuple[int, int]] | None = None) -> list[str]:
    (part,) = atoms(text, keep or [])
    return [a.text for a in part]


def width_of(text: str) -> float:
    """Ideographs one em (10), anything else half."""
    return sum(10.0 if ord(ch) > 0x2E80 else 5.0 for ch in text)


def test_each_ideograph_is_an_atom_and_punctuation_sticks_to_its_side() -> None:
    assert texts("江北区，《重庆》报道。") == ["江", "北", "区，", "《重", "庆》", "报", "道。"]


def test_dashes_and_ellipses_stay_whole() -> None:
    assert "——" in "".join(texts("发展——高质量")) and all(
        t not in ("—",) for t in texts("发展——高质量")
    )
    assert any("……" in t for t in texts("等等……还有"))


def test_a_figure_and_its_measure_word_are_one_atom() -> None:
    text = "增长1600亿元，同比"
    start = text.index("1600")
    # the figure "1600亿" is kept; the measure word 元 and the comma follow it
    assert "1600亿元，" in texts(text, [(start, start + 5)])
    # 余 after a figure takes the measure word after it too: 5万余人 never splits
    text = "吸引5万余人参加"
    start = text.index("5")
    assert "5万余人" in texts(text, [(start, start + 2)])


def test_a_figure_ending_in_its_unit_takes_no_measure_word() -> None:
    text = "总值1600亿元左右、增长3%左右"
    spans = [(2, 8), (text.index("3%"), text.index("3%") + 2)]
    assert texts(text, spans) == [
        "总",
        "值",
        "1600亿元",
        "左",
        "右、",
        "增",
        "长",
        "3%",
        "左",
        "右",
    ]
    # a bare number does: 14家, 3億人 (Japanese), 2만명 (Korean)
    assert "14家" in texts("共14家企业", [(1, 3)])
    assert "3億人" in texts("約3億人が", [(1, 3)])
    assert "2만명" in texts("약2만명이", [(1, 3)])


def test_a_figure_with_inner_spaces_is_one_atom() -> None:
    text = "deposits of CNY 1.9 trillion in total"
    start = text.index("CNY")
    end = start + len("CNY 1.9 trillion")
    assert texts(text, [(start, end)]) == ["deposits", "of", "CNY 1.9 trillion", "in", "total"]


def test_spaces_are_recorded_not_kept() -> None:
    (part,) = atoms("  two  words ")
    assert part == [Atom("two", False), Atom("words", True)]


def test_hard_breaks_start_new_parts_and_spans_follow_them() -> None:
    parts = atoms("甲乙\n1600亿元", [(3, 8)])
    assert [[a.text for a in p] for p in parts] == [["甲", "乙"], ["1600亿元"]]


def test_lines_fill_greedily_and_mark_the_last() -> None:
    lines = break_lines(atoms("一二三四五六七"), width_of, 30.0)
    assert ["".join(a.text for a in line.atoms) for line in lines] == ["一二三", "四五六", "七"]
    assert [line.last for line in lines] == [False, False, True]
    assert [line.width for line in lines] == [30.0, 30.0, 10.0]


def test_first_line_indent_narrows_only_the_first_line() -> None:
    lines = break_lines(atoms("一二三四五六七"), width_of, 30.0, first_indent=20.0)
    assert ["".join(a.text for a in line.atoms) for line in lines] == ["一", "二三四", "五六七"]


def test_a_word_wider_than_the_line_is_cut_not_overflowing() -> None:
    lines = break_lines(atoms("x" * 25 + " end"), width_of, 50.0)
    assert all(line.width <= 50.0 for line in lines)
    assert "".join(a.text for line in lines for a in line.atoms) == "x" * 25 + "end"


@settings(max_examples=200, derandomize=True, deadline=None)
@given(
    st.text(alphabet="江北区重庆发展，。《》“”（）——……abc xyz0123456789%", max_size=120),
    st.floats(min_value=10.0, max_value=200.0),
)
def test_no_line_overflows_or_breaks_kinsoku(text: str, width: float) -> None:
    parts = atoms(text)
    whole = {id(a) for part in parts for a in part}  # cut pieces are new atoms
    lines = break_lines(parts, width_of, width)
    for line in lines:
        last = line.atoms[-1].text[-1] if line.atoms and line.atoms[-1].text else ""
        # only the blank half of a full-width comma or stop may hang into the margin
        hang = width_of(last) / 2 if last in HANGING else 0.0
        assert line.width <= width + hang + 1e-6
    for before, after in pairwise(lines):
        if id(before.atoms[-1]) not in whole or id(after.atoms[0]) not in whole:
            continue  # a piece of an atom wider than the line: cut where it had to be
        assert after.atoms[0].text[0] not in CLOSE
        assert before.atoms[-1].text[-1] not in OPEN


def test_a_full_width_comma_hangs_rather_than_starting_a_line() -> None:
    # 3 ideographs and a comma in a line of 3.5 ems: the comma's blank half hangs
    lines = break_lines(atoms("一二三，四"), width_of, 35.0)
    assert ["".join(a.text for a in line.atoms) for line in lines] == ["一二三，", "四"]
    lines = break_lines(atoms("一二三四，"), width_of, 35.0)  # a whole em does not
    assert ["".join(a.text for a in line.atoms) for line in lines] == ["一二三", "四，"]


def test_an_apostrophe_after_a_space_begins_a_word() -> None:
    assert texts("the ’90s boom") == ["the", "’90s", "boom"]


def test_an_atom_opens_between_its_ideographs_and_where_scripts_meet_never_in_a_number() -> None:
    assert inner_gaps("86.35万平方米，") == (
        (4, True),
        (5, False),
        (6, False),
        (7, False),
    )
    assert inner_gaps("（见表1）。") == ((1, False), (2, True))
    assert inner_gaps("1300") == inner_gaps("billion") == ()
