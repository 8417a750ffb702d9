"""One classifier of scripts: East Asian type, ideographic words, unspaced scripts, Han."""

from __future__ import annotations

import itertools

import pytest

from jbreport.i18n.script import (
    BLOCKS,
    CJK_RE,
    EAST_ASIAN_CLASS,
    IDEOGRAPHIC,
    UNSPACED,
    count_words,
    direction,
    has_han,
    is_east_asian,
    script_of,
)


@pytest.mark.parametrize(
    "char",
    [
        "中",
        "國",
        "々",
        "あ",
        "カ",
        "ー",
        "한",
        "ㄅ",
        "，",
        "。",
        "「",
        "Ａ",
        "\u3400",
        "\U00020000",
    ],
)
def test_east_asian_characters(char: str) -> None:
    assert is_east_asian(char)
    assert CJK_RE.fullmatch(char)


@pytest.mark.parametrize("char", ["a", "1", " ", "-", "é", "Я", "ก", "\u2014"])
def test_other_characters(char: str) -> None:
    assert not is_east_asian(char)


def test_words_and_unspaced_letters() -> None:
    assert IDEOGRAPHIC.findall("302.5亿元 and 億 and 원") == ["亿", "元", "億", "원"]
    assert not IDEOGRAPHIC.match("，")  # punctuation is no word
    assert UNSPACED.match("ก") and UNSPACED.match("元") and not UNSPACED.match("a")


def test_words_are_latin_words_and_cjk_characters() -> None:
    assert count_words("江北区GDP增长{rate}，好") == 7  # 江 北 区 GDP 增 长 好; no {rate}
    assert count_words("GDP grew 3.5% in 2023") == 5
    assert count_words("東京タワー") == 5


def test_han() -> None:
    assert has_han("江北嘴") and has_han("abc 億") and not has_han("かな 한글 abc")


def test_the_blocks_are_ordered_and_disjoint() -> None:
    for (_a, last, _k), (first, _b, _l) in itertools.pairwise(BLOCKS):
        assert last < first
    assert "[" not in EAST_ASIAN_CLASS and "]" not in EAST_ASIAN_CLASS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ar", "rtl"), ("he", "rtl"), ("fa", "rtl"), ("ur", "rtl"), ("ar_EG", "rtl"),
        ("en", "ltr"), ("zh_Hant", "ltr"), ("ja", "ltr"),
        ("مرحبا", "rtl"), ("שלום", "rtl"), ("3 مرحبا", "rtl"), ("hello", "ltr"), ("302.5亿", "ltr"),
    ],
)  # fmt: skip
def test_direction_of_a_run_or_a_tag(text: str, expected: str) -> None:
    assert direction(text) == expected


def test_script_of_a_letter() -> None:
    assert [script_of(c) for c in "aЖ中かם٣1、"] == [
        "Latn", "Zzzz", "Hani", "Kana", "Hebr", None, None, None
    ]  # fmt: skip
