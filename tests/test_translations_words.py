"""`translations status --words`: source words per report and section, as CAT tools count."""

from __future__ import annotations

from pathlib import Path

import pytest

from jbreport.cli import main
from jbreport.po.io import save_catalog
from jbreport.po.template import new_catalog
from jbreport.translations.words import word_counts


def test_counts_per_report_and_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "p"
    (root / "translations").mkdir(parents=True)
    cat = new_catalog("en")
    cat.add("江北区", "Jiangbei", context="r/title")
    cat.add("新增就业", "", context="r/sections/s1/1")
    cat.add("经济增长", "Growth", context="r/sections/s1/2", flags=["fuzzy"])
    cat.add("page {n}", "", context="layout")
    save_catalog(root / "translations" / "en.po", cat)
    counts = word_counts(root)["en"]
    section = counts[("r", "s1")]
    assert (section.words, section.new, section.fuzzy, section.untranslated) == (8, 4, 4, 8)
    assert counts[("r", "title")].untranslated == 0
    assert counts[("layout", "layout")].new == 1
    assert main(["-C", str(root), "translations", "status", "--words"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == [
        "language",
        "report",
        "section",
        "words",
        "new",
        "fuzzy",
        "untranslated",
    ]
    assert out[-1].split() == ["en", "(all)", "12", "5", "4", "9"]
