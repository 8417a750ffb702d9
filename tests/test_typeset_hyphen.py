"""Hyphenation points from the edition's dictionary (Pyphen)."""

from __future__ import annotations

from jbreport.render.typeset.hyphen import hyphenated
from jbreport.render.typeset.linebreak import Atom


def pieces(words: str, lang: str) -> list[str]:
    atoms = [Atom(w, i > 0) for i, w in enumerate(words.split())]
    out, after = hyphenated(atoms, lang)
    return [("-" if i in after else " ") + a.text for i, a in enumerate(out)]


def test_american_and_british_dictionaries_differ() -> None:
    assert pieces("progress made", "en-US") == [" progress", " made"]
    assert pieces("progress made", "en-GB") == [" pro", "-gress", " made"]


def test_a_word_is_cut_at_each_point_its_punctuation_kept_on_the_last_piece() -> None:
    assert pieces("development, too", "en-US") == [" de", "-vel", "-op", "-ment,", " too"]


def test_names_figures_short_words_and_the_last_word_stay_whole() -> None:
    assert pieces("Chongqing 1,234,567 tiny", "en-US") == [" Chongqing", " 1,234,567", " tiny"]
    assert pieces("the infrastructure", "en-US") == [" the", " infrastructure"]


def test_a_language_without_a_dictionary_is_left_alone() -> None:
    assert pieces("development here", "zh") == [" development", " here"]
