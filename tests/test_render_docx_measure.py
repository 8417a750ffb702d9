"""The key figures' column widths in the Word file: estimates never narrower than the fonts."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageFont

from jbreport.render.docx.measure import ASCII, column_shares, em_width
from jbreport.render.fonts import DEFAULT_LATIN_BOLD

FIGURES = [
    "more than CNY 130 billion",
    "estimated USD 295 million",
    "more than CNY 1.9 trillion",
    "about CNY 160 billion",
    "up about 3%",
    "up 0.8 percentage points",
    "USD 2.95 (+4.2%)",
    "CNY 1,200 million",
    "55,000",
    "Listed companies",
]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
# Times New Roman's metrics (Liberation Serif), and what LibreOffice on Linux sets it in
BOLD_FACES = [DEFAULT_LATIN_BOLD, DEJAVU / "DejaVuSerif-Bold.ttf", DEJAVU / "DejaVuSans-Bold.ttf"]


@pytest.mark.parametrize("face", BOLD_FACES, ids=[f.stem for f in BOLD_FACES])
def test_the_estimate_is_never_narrower_than_the_fonts(face: Path) -> None:
    if not face.exists():
        pytest.skip(f"{face} not installed (Debian package fonts-dejavu-core)")
    font = ImageFont.truetype(str(face), 1000)
    for text in FIGURES:
        assert em_width(text) >= font.getlength(text) / 1000, text


def test_ascii_is_measured_per_character() -> None:
    assert len(ASCII) == 0x7F - 0x20
    assert em_width("W") > em_width("n") > em_width("i")


def test_east_asian_characters_take_an_em() -> None:
    assert em_width("亿元") == 2
    assert em_width("约1600亿元") == pytest.approx(3 + 4 * 0.7)


WIDTH = 232.0  # points: one language's half of an A4 page between 2.3 cm margins
CHINESE = (["地区生产总值", "工业总产值"], ["约1600亿元", "超1300亿元"])
ENGLISH = (["GDP", "Gross industrial output"], ["more than CNY 130 billion", "55,000"])


def shares(
    *columns: tuple[list[str], list[str]], width: float = WIDTH
) -> list[tuple[float, float]]:
    return column_shares(list(columns), width=width, size=9.5, padding=4)


def by_length(*columns: tuple[list[str], list[str]]) -> list[tuple[float, float]]:
    """The shares on a page so wide that every figure fits."""
    return shares(*columns, width=1e6)


def test_figures_that_fit_keep_the_share_their_length_gives() -> None:
    ((label, figure),) = shares((["地区生产总值增速（预计）"], ["超1300亿元"]))
    assert figure == 10 / (10 + 0.5 * 24)  # in half-ems, labels counted half
    assert label == 1 - figure
    assert shares(CHINESE) == by_length(CHINESE)


def test_a_narrow_figure_column_widens_first_at_the_cost_of_a_wide_one() -> None:
    (zh_label, zh_figure), (en_label, en_figure) = shares(CHINESE, ENGLISH)
    assert en_figure * WIDTH >= em_width("more than CNY 130 billion") * 9.5 + 8
    (zh_length, zh_length_figure), (en_length, _) = by_length(CHINESE, ENGLISH)
    assert (zh_label, en_label) == (zh_length, en_length)  # the labels keep their width
    assert zh_figure < zh_length_figure  # the Chinese figures had room to give
    assert zh_figure * WIDTH >= em_width("约1600亿元") * 9.5 + 8
    assert zh_label + zh_figure + en_label + en_figure == pytest.approx(2)


def test_then_at_the_cost_of_the_labels() -> None:
    tight = (["工业"], ["超过一千三百亿元人民币的工业总产值"])  # no room to spare
    (zh_label, zh_figure), (en_label, en_figure) = shares(tight, ENGLISH)
    (zh_length, _), (en_length, _) = by_length(tight, ENGLISH)
    assert zh_figure == 0.7  # as wide as a figure column may be
    assert zh_label < zh_length and en_label < en_length
    assert zh_label / en_label == pytest.approx(zh_length / en_length)  # in proportion
    assert zh_label + zh_figure + en_label + en_figure == pytest.approx(2)


def test_a_figure_column_takes_at_most_seventy_percent() -> None:
    ((label, figure),) = shares((["x"], ["more than CNY 130 billion" * 3]))
    assert figure == 0.7 and label == pytest.approx(0.3)
