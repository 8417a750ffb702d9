"""The one table of scale words: what formatting writes is what the readers know."""

from __future__ import annotations

from decimal import Decimal

from jbreport.i18n.scales import scale_words, scales


def test_running_text_starts_at_the_first_word_beyond_thousands() -> None:
    assert [(s.magnitude, s.divisor, s.pattern("other")) for s in scales("zh")][:3] == [
        (4, 4, "0万"),
        (5, 4, "00万"),
        (6, 4, "000万"),
    ]
    assert scales("en")[0].pattern("one") == "0 million"
    assert scales("en")[0].least == Decimal(10) ** 6
    assert scales("hi")[0].pattern("other") == "0 लाख"


def test_reading_knows_the_long_and_the_short_words() -> None:
    words = scale_words("de")
    assert words.long["milliarden"] == 9 and words.short["Mrd."] == 9 and words.short["Mrd"] == 9
    assert scale_words("es").long["mil millones"] == 9  # "00 mil millones" is 10^10


def test_where_long_and_short_disagree_the_written_one_wins() -> None:
    # CLDR's ne writes करोड for 10^6 in its long forms and 10^7 in its short ones
    assert scale_words("ne").long["करोड"] == 6
    assert "करोड" not in scale_words("ne").short


def test_words_on_both_sides_of_the_digits() -> None:
    assert scale_words("my").around[("ကုဋေ", "သန်း")] == 13
