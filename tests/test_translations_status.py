"""``translations status``: strings, words and what is done, by language and part."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Message

from conftest import copy_project
from jbreport.cli import main
from jbreport.po.io import save_catalog
from jbreport.translations.commands import check, init
from jbreport.translations.status import Counts, status
from test_translations_commands import (
    EDITED,
    LIBRARY,
    REPORT,
    catalog_of,
    entry,
    mini_project,
    msgfmt_statistics,
)


def test_status_counts_fuzzy_and_untranslated_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    path = root / "translations" / "en.po"
    catalog = catalog_of(root, "en")
    entry(catalog, EDITED).flags.add("fuzzy")
    entry(catalog, LIBRARY).string = ""
    catalog.obsolete[("旧", f"{REPORT}/sections/x/1")] = Message(
        "旧", "Old", context=f"{REPORT}/sections/x/1"
    )
    save_catalog(path, catalog)
    strings = len([m for m in catalog if m.id])
    # GNU gettext's count, to compare with
    assert (
        f"{strings - 2} translated messages, 1 fuzzy translation, 1 untranslated message"
        in msgfmt_statistics(path)
    )
    results = {r.language: r for r in status(root)}
    assert sorted(results) == ["en", "zh"]
    en = results["en"]
    assert list(en.groups) == [REPORT, "nanan-2023-11"]  # each report of the sample
    counts = en.groups[REPORT]
    others = en.groups["nanan-2023-11"]
    assert others.translated == others.strings  # the edits were all in the first report
    strings -= others.strings
    assert counts.strings == strings
    assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (
        strings - 2,
        1,
        1,
        1,
    )
    assert en.obsolete == 1
    assert counts.percent == pytest.approx(100 * (strings - 2) / strings)
    assert counts.words > counts.translated_words > 0
    # half a plural is not a translation (gettext counts it; the build would not use it)
    noun = entry(catalog, f"{REPORT}/figures/first_batch_projects/noun")
    noun.string = (noun.string[0], "")
    save_catalog(path, catalog)
    results = {r.language: r for r in status(root)}
    counts = results["en"].groups[REPORT]
    assert (counts.translated, counts.fuzzy, counts.untranslated) == (strings - 3, 1, 2)
    zh = results["zh"]
    assert list(zh.groups) == ["layout"]
    layout = zh.groups["layout"]
    assert layout.translated == layout.strings > 10 and layout.percent_text == "100.0%"

    assert main(["-C", str(root), "translations", "status"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == [
        "language",
        "part",
        "strings",
        "words",
        "translated",
        "fuzzy",
        "untransl.",
        "obsolete",
        "done",
    ]
    row = next(line.split() for line in table if line.startswith("en "))
    assert row[:3] == ["en", REPORT, str(strings)]
    assert row[4:] == [str(strings - 3), "1", "2", "1", counts.percent_text]


def test_status_words_and_parts_of_a_small_project(tmp_path: Path) -> None:
    root = mini_project(tmp_path, [("one", ["第一段，{n1}个项目。", "Second paragraph, 2 items."])])
    init(root, "en")
    init(root, "fr")
    results = {r.language: r for r in status(root)}
    en = results["en"]
    assert list(en.groups) == ["mini"]
    # 小报告 3, 第一部分 4, 第一段个项目 6 ({n1} is no word), Second paragraph 2 items 4
    assert en.groups["mini"].words == 3 + 4 + 6 + 4
    assert (en.groups["mini"].strings, en.groups["mini"].untranslated) == (4, 4)
    assert en.groups["mini"].percent_text == "0.0%"
    fr = results["fr"]
    assert sorted(fr.groups) == ["layout", "mini"]
    assert fr.total.strings == fr.groups["layout"].strings + 4


@pytest.mark.parametrize(
    ("translated", "strings", "shown"),
    [(0, 5, "0.0%"), (1999, 2000, "99.9%"), (2, 3, "66.6%"), (1, 3000, "0.0%"), (7, 7, "100.0%")],
)
def test_status_per_cent_is_never_rounded_up(translated: int, strings: int, shown: str) -> None:
    assert Counts(strings=strings, translated=translated).percent_text == shown


def test_words_jbreport_ships_need_no_translation_in_the_project(tmp_path: Path) -> None:
    """A fresh French catalog: its layout and figure words are served by jbreport's fr.po."""
    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "fixtures" / "languages" / "report.yaml", root / "content")
    init(root, "fr")
    (result,) = status(root)
    assert result.groups["layout"].untranslated == 0
    assert result.groups["report"].untranslated == 10
    assert not [p for p in check(root) if "msgctxt 'layout'" in p or "'figure'" in p]
