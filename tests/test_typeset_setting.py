"""Setting a paragraph's lines, on its own: no fonts, widths from a plain function."""

from __future__ import annotations

from jbreport.render.typeset import punct
from jbreport.render.typeset.setting import SetLine, Setting, Widths, set_paragraph


def char_width(ch: str) -> float:
    """Ideographs and full-width punctuation one em (10 pt), anything else half."""
    return 10.0 if ord(ch) > 0x2E80 else 5.0


def lines(text: str, setting: Setting, width: float, first: bool = True) -> list[SetLine]:
    return set_paragraph(text, (), setting, Widths(char_width), width, first)


def drawn_width(line: SetLine) -> float:
    """How far a set line's ink reaches: its start, its glyphs and the spacing after each
    glyph but the last (spacing past the last glyph draws nothing); a closing mark that ends
    the line reaches half its em, the blank half stands past the measure (clreq 3.1.5)."""
    text, x, cuts = line
    shown = text.rstrip(" ")
    spacing = [0.0] * len(text)
    start = 0
    for end, after in cuts or ():
        spacing[start:end] = [after] * (end - start)
        start = end
    blank = char_width(shown[-1]) / 2 if shown[-1:] in punct.LINE_END else 0.0
    return x + sum(map(char_width, shown)) + sum(spacing[: len(shown) - 1]) - blank


def test_widths_sum_characters_once_per_text() -> None:
    calls: list[str] = []

    def counted(ch: str) -> float:
        calls.append(ch)
        return char_width(ch)

    widths = Widths(counted)
    assert widths["ab江"] == 20.0
    assert widths["ab江"] == 20.0
    assert calls == ["a", "b", "江"]


def test_left_aligned_lines_start_at_the_margin_and_are_not_spaced() -> None:
    set_lines = lines("one two three four five six", Setting(10, align="left"), 50.0)
    assert len(set_lines) > 1
    assert all(x == 0.0 and cuts is None for _text, x, cuts in set_lines)
    # each line but the last ends in the space it broke at, so copied text keeps its words
    assert all(text.endswith(" ") for text, _x, _cuts in set_lines[:-1])
    assert "".join(text for text, _x, _cuts in set_lines) == "one two three four five six"


def test_centred_and_right_aligned_lines_share_out_what_is_left() -> None:
    ((_text, centred, _cuts),) = lines("abcd", Setting(10, align="center"), 100.0)
    ((_text, right, _cuts),) = lines("abcd", Setting(10, align="right"), 100.0)
    assert (centred, right) == (40.0, 80.0)


def test_justified_western_lines_stretch_their_spaces_to_the_measure() -> None:
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    set_lines = lines(text, Setting(10), 120.0)
    *full, last = set_lines
    for line in full:
        assert line[2] is not None  # spaced
        assert abs(drawn_width(line) - 120.0) < 1e-6
    assert last[2] is None  # the last line is set as it comes


def test_justified_ideographs_are_spaced_evenly_and_the_first_line_indented() -> None:
    text = "江北区坚持以高质量发展统揽全局奋力谱写新篇章"
    set_lines = lines(text, Setting(10, indent=2.0, east_asian=True), 95.0)
    first, second, *_ = set_lines
    assert first[1] == 20.0 and second[1] == 0.0  # two ems, on the first line only
    assert second[2] == ((len(second[0]), second[2][0][1]),)  # one spacing, every glyph
    assert abs(drawn_width(second) - 95.0) < 1e-6
    # a paragraph's later part (after a page break) is not indented again
    assert lines(text, Setting(10, indent=2.0, east_asian=True), 95.0, first=False)[0][1] == 0.0


def test_no_line_is_wider_than_the_measure() -> None:
    text = "增长1600亿元，同比增长7.2%，高于全市平均水平 and some English words too"
    for width in (40.0, 63.0, 100.0, 151.0):
        for line in lines(text, Setting(10, east_asian=True), width):
            assert drawn_width(line) <= width + 1e-6


def test_a_balanced_heading_breaks_near_its_middle() -> None:
    text = "one two three four five six seven"
    greedy = lines(text, Setting(10, align="left"), 150.0)
    balanced = lines(text, Setting(10, align="left", balance=True), 150.0)
    assert len(greedy) == len(balanced) == 2
    lengths = [len(t.strip()) for t, _x, _c in balanced]
    assert abs(lengths[0] - lengths[1]) < abs(len(greedy[0][0].strip()) - len(greedy[1][0].strip()))


def test_the_same_text_and_widths_give_the_same_lines() -> None:
    text = "江北区坚持以高质量发展统揽全局 and English"
    setting = Setting(10.5, 2.0, "justify", False, True)
    assert lines(text, setting, 101.3) == lines(text, setting, 101.3)


def test_a_house_style_may_space_han_from_latin_letters_and_digits() -> None:
    # off by default, as in the source article; a quarter em where a style wants it
    plain = Setting(10, align="left", east_asian=True)
    assert lines("共有42个项目", plain, 200.0) == [("共有42个项目", 0.0, None)]
    spaced = Setting(10, align="left", east_asian=True, han_latin=0.25)
    text, _x, cuts = lines("共有42个项目", spaced, 200.0)[0]
    assert text == "共有42个项目"  # the text is unchanged: the space is spacing, not a character
    assert cuts == ((1, 0.0), (2, 2.5), (3, 0.0), (4, 2.5), (7, 0.0))
    assert drawn_width(lines("共有42个项目", spaced, 200.0)[0]) == 65.0


def test_a_space_beside_a_full_width_mark_takes_no_width_in_chinese() -> None:
    # the closing quote's blank half is the space already: no em-wide hole, same text
    east_asian = Setting(10, align="left", east_asian=True)
    assert lines("实验区” 经验", east_asian, 300.0) == [
        ("实验区” 经验", 0.0, ((4, 0.0), (5, -5.0), (7, 0.0)))
    ]
    assert lines("实验区” 经验", Setting(10, align="left"), 300.0)[0][2] is None
