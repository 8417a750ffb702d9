"""The translation memory of `translations update`: exact matches first, then similar
sources above the threshold, placeholders mapped by name, always fuzzy, never over a
translation, and off with --no-memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from jbreport.cli import main
from jbreport.po import memory as tm
from jbreport.po.io import read_catalog, save_catalog
from jbreport.translations.commands import init, update

CONTENT = """\
language: zh
date: "2023-01"
title: 江北区经济发展回顾
figures:
  investment_total: {kind: money, value: 302.5亿, currency: CNY}
  investment_2024: {kind: money, value: 310亿, currency: CNY}
  new_jobs: {kind: count, value: 5.5万}
sections:
  - id: s1
    heading: 深化改革开放
    blocks:
      - "首批重点项目签约投资总金额{investment_total}，全年实现城镇新增就业{new_jobs}人。"
      - "江北区坚持以高质量发展为主题，推动经济社会发展取得新成效。"
"""
TRANSLATIONS = {
    "r/title": "A review of Jiangbei's economy",
    "r/sections/s1/heading": "Deepening reform and opening up",
    "r/sections/s1/1": "The first key projects signed {investment_total}; {new_jobs} new jobs.",
}


def project(tmp_path: Path) -> Path:
    """A one-report project whose English catalog translates all but one paragraph."""
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    (root / "content" / "r.yaml").write_text(CONTENT, encoding="utf-8")
    path = init(root, "en")
    catalog = read_catalog(path, expect_language="en")
    for message in catalog:
        if message.id and message.context in TRANSLATIONS:
            message.string = TRANSLATIONS[message.context]
    save_catalog(path, catalog)
    return root


def add_paragraph(root: Path, text: str) -> None:
    path = root / "content" / "r.yaml"
    path.write_text(path.read_text(encoding="utf-8") + f'      - "{text}"\n', encoding="utf-8")


def entry(root: Path, context: str):  # type: ignore[no-untyped-def]
    catalog = read_catalog(root / "translations" / "en.po", expect_language="en")
    return next(m for m in catalog if m.id and m.context == context)


def test_grams_are_cjk_trigrams_and_words() -> None:
    assert tm.grams("发展经济") == {"发展经", "展经济"}
    assert tm.grams("GDP grew {rate}") == {"gdp", "grew", "\ue000"}
    assert tm.grams("投资{a}元") == tm.grams("投资{b}元")  # a placeholder is one character


def test_placeholders_are_mapped_by_name() -> None:
    assert tm.map_placeholders("{a} and {b}", "{a}和{b}", "{a}和{c}") == "{a} and {c}"
    assert tm.map_placeholders("{x} up", "涨{x}", "涨{y}") == "{y} up"
    # a placeholder the new source has no partner for: no suggestion
    assert tm.map_placeholders("{a} and {b}", "{a}和{b}", "只有{a}") is None


def test_exact_source_wins_over_a_similar_one() -> None:
    sources = [
        tm.Source("江北区推动经济发展取得新成效。", "similar", "en.po, msgctxt 'a'"),
        tm.Source("江北区推动经济发展取得新成效", "exact", "en.po, msgctxt 'b'"),
    ]
    found = tm.suggest(["江北区推动经济发展取得新成效", "完全不同的一句话"], sources)
    assert found[0].translation == "exact" and found[0].score == 1.0
    assert 1 not in found  # nothing similar enough


def test_a_new_paragraph_gets_a_fuzzy_suggestion_with_its_origin(tmp_path: Path) -> None:
    root = project(tmp_path)
    add_paragraph(
        root, "首批重点项目签约投资总金额{investment_2024}，全年实现城镇新增就业{new_jobs}人次。"
    )
    update(root)
    new = entry(root, "r/sections/s1/3")
    assert new.fuzzy
    assert new.string == "The first key projects signed {investment_2024}; {new_jobs} new jobs."
    assert new.previous_id == [
        "首批重点项目签约投资总金额{investment_total}，全年实现城镇新增就业{new_jobs}人。"
    ]
    assert new.user_comments == [
        "translation memory: 97% match of en.po, msgctxt 'r/sections/s1/1'"
    ]
    # the untranslated paragraph found nothing to borrow, and a second run changes nothing
    assert entry(root, "r/sections/s1/2").string == ""
    before = (root / "translations" / "en.po").read_bytes()
    update(root)
    assert (root / "translations" / "en.po").read_bytes() == before


def test_never_over_a_translation_and_never_from_a_fuzzy_one(tmp_path: Path) -> None:
    root = project(tmp_path)
    path = root / "translations" / "en.po"
    catalog = read_catalog(path, expect_language="en")
    for message in catalog:
        if message.context == "r/sections/s1/1":
            message.flags.add("fuzzy")  # a draft is no source
    save_catalog(path, catalog)
    add_paragraph(
        root, "首批重点项目签约投资总金额{investment_total}，全年实现城镇新增就业{new_jobs}人次。"
    )
    update(root)
    assert entry(root, "r/sections/s1/3").string == ""
    assert entry(root, "r/title").string == TRANSLATIONS["r/title"]


def test_other_catalogs_of_the_language_help(tmp_path: Path) -> None:
    root = project(tmp_path)
    gb = root / "translations" / "en_GB.po"
    init(root, "en_GB")
    catalog = read_catalog(gb, expect_language="en_GB")
    for message in catalog:
        if message.context == "r/sections/s1/2":
            message.string = "Jiangbei put high-quality development first."
    save_catalog(gb, catalog)
    add_paragraph(root, "江北区坚持以高质量发展为主题，推动经济社会发展取得新成效！")
    update(root)
    new = entry(root, "r/sections/s1/3")
    assert new.fuzzy and new.string == "Jiangbei put high-quality development first."
    assert "en_GB.po" in new.user_comments[0]


@pytest.mark.parametrize("switch", [True, False])
def test_no_memory_turns_it_off(tmp_path: Path, switch: bool) -> None:
    root = project(tmp_path)
    add_paragraph(
        root, "首批重点项目签约投资总金额{investment_total}，全年实现城镇新增就业{new_jobs}人次。"
    )
    args = ["-C", str(root), "translations", "update", *(["--no-memory"] if switch else [])]
    assert main(args) == 0
    assert bool(entry(root, "r/sections/s1/3").string) is not switch


def test_the_search_scales_with_an_inverted_index() -> None:
    """5,000 sources and 100 new strings: the index, not a comparison of every pair."""
    import random
    import time

    rng = random.Random(7)
    alphabet = "发展经济投资项目建设城市改革开放创新产业服务民生就业质量"
    texts = ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(5000)]
    sources = [tm.Source(t, f"t{i}", "x") for i, t in enumerate(texts)]
    queries = [t[:-2] + "新增" for t in texts[:100]]
    start = time.perf_counter()
    found = tm.suggest(queries, sources)
    assert time.perf_counter() - start < 10  # a pairwise comparison takes minutes
    assert all(found[i].translation == f"t{i}" for i in range(100))
