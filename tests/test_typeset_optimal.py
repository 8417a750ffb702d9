"""Total-fit line breaking, through the line setter: widths from a plain function."""

from __future__ import annotations

from functools import partial

from jbreport.render.typeset import justify
from jbreport.render.typeset.linebreak import Atom
from jbreport.render.typeset.setting import SetLine, Setting, Widths, set_paragraph


def char_width(ch: str) -> float:
    return 10.0 if ord(ch) > 0x2E80 else 5.0


WIDTHS = partial(Widths, char_width)


def lines(text: str, setting: Setting, width: float) -> list[SetLine]:
    return set_paragraph(text, (), setting, Widths(char_width), width)


def test_no_chinese_paragraph_ends_with_one_ideograph_alone() -> None:
    text = "江北区坚持以高质量发展统揽全局" * 2 + "推进经济社会发展取得新成效" + "带。"
    set_lines = lines(text, Setting(10, east_asian=True), 200.0)
    assert len(set_lines[-1][0].strip()) > 2
    assert "".join(t for t, _x, _c in set_lines) == text


def test_gaps_between_ideographs_open_at_most_a_tenth_of_an_em() -> None:
    # a figure too wide for what is left of a line goes to the next; the line before it is
    # spaced, never past 0.10 em between ideographs, else the paragraph breaks otherwise
    text = "全年实现地区生产总值预计约1600亿元左右同比增长3%左右总量居全市第三位"
    for width in (150.0, 173.0, 201.0, 230.0):
        for line in lines(text, Setting(10, east_asian=True), width):
            assert all(spacing <= 1.0 + 1e-9 for spacing in _han_gaps(line))
            # where Han meets Latin (约|1600, 0|亿) a quarter em at most
            assert all(spacing <= 2.5 + 1e-9 for _end, spacing in line[2] or ())


def test_justified_english_is_hyphenated_never_three_lines_in_a_row() -> None:
    words = "international infrastructure development collaboration " * 12
    setting = Setting(10, align="justify", hyphenate="en-US")
    set_lines = lines(words.strip(), setting, 160.0)
    # a hyphenated line ends in a soft hyphen (drawn as a hyphen; extracted text joins it)
    ends = [t.rstrip().endswith("\u00ad") for t, _x, _c in set_lines]
    assert any(ends)
    assert not any(all(ends[i : i + 3]) for i in range(len(ends) - 2))
    assert not set_lines[-1][0].rstrip().endswith("\u00ad")


def test_justified_english_gaps_stay_under_three_spaces() -> None:
    text = "The district signed its first batch of key projects for the year " * 8
    setting = Setting(10, align="justify", hyphenate="en-US")
    for line, _x, cuts in lines(text.strip(), setting, 230.0)[:-1]:
        for _end, spacing in cuts or ():
            assert spacing <= 2 * char_width(" ") + 1e-9, line


def _spacing(text: str, cuts: tuple[tuple[int, float], ...] | None) -> list[float]:
    """The spacing after each character of a set line."""
    out, start = [0.0] * len(text), 0
    for end, spacing in cuts or ():
        out[start:end] = [spacing] * (end - start)
        start = end
    return out


def _han_gaps(line: SetLine) -> list[float]:
    text, _x, cuts = line
    spacing = _spacing(text, cuts)
    return [spacing[i] for i in range(len(text) - 1) if min(text[i], text[i + 1]) > "\u2e80"]


def test_a_line_before_an_unbreakable_figure_is_set_short_not_letter_spaced() -> None:
    # 482.60亿元 (kept whole) does not fit after the 13 ideographs and nothing can be
    # pulled back: the line opens a tenth of an em at most and stops short of the edge
    text = "全区实现社会消费品零售总额482.60亿元，增长很快"
    set_lines = set_paragraph(text, [(13, 21)], Setting(10, east_asian=True), WIDTHS(), 180.0)
    line, _x, cuts = set_lines[0]
    assert line == "全区实现社会消费品零售总额"
    assert max(_han_gaps(set_lines[0])) <= 0.95 + 1e-9
    assert sum(map(char_width, line)) + sum(_spacing(line, cuts)[:-1]) < 180.0


def test_a_tight_line_closes_up_a_comma_to_keep_a_figure() -> None:
    # the figure is 3 pt too wide for the first line: the comma gives up its blank half
    # rather than leave the line short
    text = "甲乙丙丁，戊己庚12345亿元增长较快较快较快较快"
    set_lines = set_paragraph(text, [(8, 15)], Setting(10, east_asian=True), WIDTHS(), 122.0)
    line, _x, cuts = set_lines[0]
    assert line == "甲乙丙丁，戊己庚12345亿元"
    assert _spacing(line, cuts)[4] == -3.0  # after the comma


def test_han_and_latin_meet_with_slack_before_ideographs_open() -> None:
    # 6 gaps: 贷|款|余|额 4120亿元 opens at 额|4, 0|亿 and 亿|元, none between its digits;
    # 额|4 and 0|亿 take a quarter em each before the four others open at all
    atoms = [Atom(ch, False) for ch in "贷款余额"] + [Atom("4120亿元", False)]
    assert justify.stretch(atoms, 10.0, True, 4.0, 0) == (0.0, 0.0, 2.0)
    assert justify.stretch(atoms, 10.0, True, 6.0, 0) == (0.25, 0.25, 2.5)
    gap, _mark, latin = justify.stretch(atoms, 10.0, True, 20.0, 0)
    assert (gap, latin) == (0.95, 2.5)  # the rest is left at the line's end


def test_a_ragged_caption_does_not_end_with_one_ideograph() -> None:
    text = "2023年首批重点项目签约投资"
    setting = Setting(10, align="left", east_asian=True)
    set_lines = set_paragraph(text, [(0, 5)], setting, WIDTHS(), 127.0)
    assert len(set_lines[-1][0]) > 2


def test_a_figures_unit_opens_like_the_ideographs_around_it_its_digits_never() -> None:
    text = "商品房销售面积86.35万平方米下降较多较多较多较多较多"
    set_lines = set_paragraph(text, [(7, 16)], Setting(10, east_asian=True), WIDTHS(), 143.0)
    line, _x, cuts = set_lines[0]
    assert line == "商品房销售面积86.35万平方米"
    spacing = _spacing(line, cuts)
    assert spacing[7:11] == [0.0] * 4  # 86.35
    assert spacing[6] == spacing[11] == 2.5  # 积|8, 5|万: a quarter em, first
    assert spacing[12] == spacing[13] == spacing[0] > 0  # 万|平|方 as 商|品
