"""Total-fit line breaking, through the line setter: widths from a plain function."""

from __future__ import annotations

from jbreport.render.typeset.setting import SetLine, Setting, Widths, set_paragraph


def char_width(ch: str) -> float:
    return 10.0 if ord(ch) > 0x2E80 else 5.0


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
        for _text, _x, cuts in lines(text, Setting(10, east_asian=True), width):
            assert all(spacing <= 1.0 + 1e-9 for _end, spacing in cuts or ())


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
