"""Punctuation squeezing (clreq 3.1.6) on its own: widths from a plain function."""

from __future__ import annotations

from jbreport.render.typeset import punct


def full(ch: str) -> float:
    """Ideographs and full-width marks one em (10 pt), anything else half."""
    return 10.0 if ord(ch) > 0x2E80 or ch in "“”‘’" else 5.0


def latin(ch: str) -> float:
    """A Latin font: its curly quotes are narrow."""
    return 10.0 if ord(ch) > 0x2E80 else 4.0


def test_of_two_adjacent_marks_the_first_gives_up_half_an_em() -> None:
    assert punct.squeezes("担”。“两", full) == (1, 2)  # ”。 and 。“
    assert punct.squeezed_width("担”。“两", full) == 40.0  # not 50
    assert punct.squeezed_width("一起担", full) == 30.0


def test_narrow_quotes_of_a_latin_font_are_never_squeezed() -> None:
    assert punct.squeezes("”。“", latin) == ()


def test_an_opening_mark_starts_a_line_half_an_em_early_a_closing_one_may_end_past_it() -> None:
    assert punct.start_trim("“两副", full) == 5.0
    assert punct.start_trim("两副", full) == 0.0
    assert punct.end_trim("担子，", full) == 5.0
    assert punct.end_trim("担子“", full) == 0.0


def test_adjacent_marks_are_found_in_a_paragraph() -> None:
    assert punct.ADJACENT.search("一起担”。“两") is not None
    assert punct.ADJACENT.search("一起，担。") is None
