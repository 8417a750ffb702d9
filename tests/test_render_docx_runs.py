"""Text into runs, figures kept whole: no-break spaces and word joiners inside each figure's
span, from hand-built documents; LibreOffice never splits a Western one (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import libreoffice, require, run
from jbreport.model import Paragraph, Text
from jbreport.render import RenderOptions
from test_render_docx import EN, ZH, document, read, render

WJ, NBSP, THIN = "\u2060", "\u00a0", "\u2009"


def kept(lang: str, text: str, *figures: str) -> Text:
    """A text whose ``figures`` are kept whole (each figure's first occurrence)."""
    spans = tuple((text.index(f), text.index(f) + len(f)) for f in figures)
    return Text(lang, text, keep=spans)


def written(text: Text) -> str:
    word = read(document(Paragraph((text,)), languages=(ZH if text.lang == "zh" else EN,)))
    return word.paragraphs[-1].text


def test_a_western_figure_has_no_break_spaces_and_a_joiner_after_a_dash() -> None:
    months = f"January{THIN}–{THIN}November"
    text = kept("en", f"In {months} output rose.", months)
    assert written(text) == f"In January{THIN}{WJ}–{WJ}{THIN}{WJ}November output rose."
    assert written(kept("en", "up to CNY 1.9 trillion", "CNY 1.9 trillion")) == (
        f"up to CNY{NBSP}1.9{NBSP}trillion"
    )
    assert written(Text("en", "no figure – here")) == "no figure – here"


def test_a_chinese_figure_gains_no_invisible_character() -> None:
    """LibreOffice honours no joiner in East Asian text, and a search for the figure would
    have to type every one: the text stays as written."""
    text = kept("zh", "1—11月，全区实现1600亿元，增长3.5%。", "1—11月", "1600亿元", "增长3.5%")
    assert written(text) == text.text


ZH_FIGURES = "全区实现地区生产总值1600亿元左右同比增长3.5%左右外贸进出口总额预计860亿元左右"
EN_FIGURES = f"From January{THIN}–{THIN}November output reached CNY 160 billion, up 3.5%."


def _narrow_columns(tmp_path: Path) -> list[str]:
    """The figures a character further along in each paragraph, so that some line of each
    column would end inside each figure, were it breakable: LibreOffice's lines of them."""
    months = f"January{THIN}–{THIN}November"
    paragraphs = [
        Paragraph(
            (
                kept("zh", "江" * k + ZH_FIGURES, "1600亿元", "增长3.5%", "预计860亿元"),
                kept("en", "So " * k + EN_FIGURES, months, "CNY 160 billion", "up 3.5%"),
            )
        )
        for k in range(24)
    ]
    path = tmp_path / "figures.docx"
    path.write_bytes(render(document(*paragraphs, languages=(ZH, EN)), RenderOptions()))
    libreoffice(tmp_path, path)
    text = run(require("pdftotext"), "-layout", tmp_path / "figures.pdf", "-")
    return ["".join(line.split()) for line in text.replace(WJ, "").splitlines()]


@pytest.mark.slow
def test_libreoffice_splits_no_western_figure_in_narrow_bilingual_columns(
    tmp_path: Path,
) -> None:
    lines = _narrow_columns(tmp_path)
    for whole in ("January–November", "CNY160billion", "up3.5%"):
        assert sum(line.count(whole) for line in lines) == 24, whole


@pytest.mark.slow
@pytest.mark.xfail(
    reason="LibreOffice 7.4 breaks East Asian text between any two characters its kinsoku "
    "lists allow, whatever joins them (U+2060, U+FEFF, U+200D tried)",
    strict=False,
)
def test_libreoffice_splits_no_chinese_figure(tmp_path: Path) -> None:
    lines = _narrow_columns(tmp_path)
    for whole in ("1600亿元", "增长3.5%", "预计860亿元"):
        assert sum(line.count(whole) for line in lines) == 24, whole
