"""Content loading, and the catalogue of bad inputs: one clear message each, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from jbreport import errors
from jbreport.cli import main
from jbreport.source.load import load_report, load_reports

BASE = """\
language: zh
date: "2023-01"
title: 小报告
authors: [王彩艳]
figures:
  count: {kind: count, value: 42}
  money: {kind: money, value: 3.5亿, currency: CNY}
key_figures:
  - {figure: money, label: 投资}
sections:
  - id: one
    heading: 第一部分
    blocks:
      - 第一段，{count}个项目，投资{money}。
"""


def project(tmp_path: Path, text: str | bytes = BASE, name: str = "mini.yaml") -> Path:
    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "translations").mkdir(exist_ok=True)
    shutil.copy(ROOT / "translations" / "zh.po", root / "translations" / "zh.po")
    path = root / "content" / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return root


def build_cli(root: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["-C", str(root), "build", "-l", "zh", "-j", "1", *extra])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, captured.err


def test_the_sample_report_loads_whole() -> None:
    report = load_report(ROOT / "content" / "jiangbei-2023.yaml")
    assert len(report.sections) == 4
    assert sum(1 for s in report.sections for _ in s.blocks) >= 13
    assert report.figures["investment_total"].figure.value == 30250000000
    photos = [b for s in report.sections for b in s.blocks if hasattr(b, "caption")]
    photos += [b for b in (*report.lead, *report.closing) if hasattr(b, "caption")]
    assert len(photos) == 5
    # every string keeps its file:line
    assert all(s.loc.line for s in report.strings())
    title = report.title
    assert title.loc.path.endswith("jiangbei-2023.yaml") and title.loc.line == 5


# (change to BASE, expected message regex, expected line or None)
BAD = [
    pytest.param(
        ("title: 小报告", "title: [unclosed"),
        r"YAML syntax error: .*\(while parsing a flow sequence started at line 3\)",
        4,
        id="malformed-yaml",
    ),
    pytest.param(
        ("title: 小报告", "title: [a, b]"), r"title must be text, not a list", 3, id="wrong-type"
    ),
    pytest.param(
        ("  money: {kind", "\tmoney: {kind"),
        r"YAML syntax error: .*\(a tab: YAML indents with spaces only",
        7,
        id="tab-indent",
    ),
    pytest.param(
        ("title: 小报告", "titel: 小报告"),
        r"unknown key 'titel' in the report; did you mean 'title'\?",
        3,
        id="unknown-key",
    ),
    pytest.param(
        ("  money: {kind", "  count: {kind: count, value: 1}\n  money: {kind"),
        r"duplicate key 'count' \(first at line 6\)",
        7,
        id="duplicate-figure",
    ),
    pytest.param(
        ("{count}个项目", "{cuont}个项目"),
        r"\{cuont\} is not a figure of this report; did you mean 'count'\?",
        14,
        id="undefined-figure",
    ),
    pytest.param(
        ("value: 42}", "value: 4x2}"),
        r"figure 'count': unknown scale word 'x2' in '4x2'",
        6,
        id="bad-number",
    ),
    pytest.param(
        ("currency: CNY", "currency: XYZ"), r"unknown currency 'XYZ'", 7, id="bad-currency"
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: quantity, value: 4, unit: length-furlongs}"),
        r"unknown unit 'length-furlongs'",
        6,
        id="bad-unit",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: count, value: -42}"),
        r"a count cannot be negative",
        6,
        id="negative-count",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: date, value: 2022-02-30}"),
        r"impossible date '2022-02-30'",
        6,
        id="impossible-date",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: cuont, value: 42}"),
        r"unknown kind 'cuont'; did you mean 'count'\?",
        6,
        id="unknown-kind",
    ),
    pytest.param(
        ("{figure: money, label: 投资}", "{figure: mony, label: 投资}"),
        r"key figure 'mony' is not defined under figures; did you mean 'money'\?",
        9,
        id="key-figure-undefined",
    ),
    pytest.param(
        ("  - id: one", "  - id: one\n    heading: 重复\n  - id: one"),
        r"duplicate section id 'one'",
        None,
        id="duplicate-section",
    ),
    pytest.param(
        ("title: 小报告", "title: !!python/object/apply:os.system [echo hi]"),
        r"YAML tag .* is not allowed",
        3,
        id="python-tag",
    ),
    pytest.param(("第一段", "第一段{"), r"write a literal brace as \{\{", 14, id="lone-brace"),
    pytest.param(
        ('date: "2023-01"\n', ""),
        r"missing required key 'date': the publication date",
        1,
        id="no-date",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: count, value: 2,150万}"),
        r"unknown key '150万' in figure 'count'; a comma inside \{…\} ends an entry: quote",
        6,
        id="unquoted-comma",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: count, value: 42, wording: bare}"),
        r"'wording' does not apply to a count figure",
        6,
        id="bare-count",
    ),
    pytest.param(
        ("{kind: count, value: 42}", "{kind: growth, value: 4, wording: verbless}"),
        r"unknown wording 'verbless'",
        6,
        id="unknown-wording",
    ),
    pytest.param(
        ("key_figures:", "period: when\nkey_figures:"),
        r"period 'when' is not defined under figures",
        8,
        id="period-unknown",
    ),
    pytest.param(
        ("key_figures:", "period: count\nkey_figures:"),
        r"period 'count' is a count, not a date",
        8,
        id="period-not-a-date",
    ),
    pytest.param(
        ("key_figures:", "chart: [count]\nkey_figures:"),
        r"chart figure 'count' needs a label \(or to be a key figure\)",
        8,
        id="chart-bar-without-label",
    ),
    pytest.param(
        ("key_figures:", "chart: [{figure: count, label: 项目, colour: red}]\nkey_figures:"),
        r"unknown key 'colour' in a chart bar",
        8,
        id="chart-bar-unknown-key",
    ),
    pytest.param(
        ("language: zh", "language: zh\nstyle: {zh: {range_dash: to}}"),
        r"range_dash is the mark between the ends of a range",
        2,
        id="range-dash-word",
    ),
]


@pytest.mark.parametrize(("change", "message", "line"), BAD)
def test_bad_content(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    change: tuple[str, str],
    message: str,
    line: int | None,
) -> None:
    old, new = change
    assert old in BASE
    root = project(tmp_path, BASE.replace(old, new, 1))
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_INPUT
    assert re.search(message, err), err
    first = err.splitlines()[0]
    assert first.startswith("content/mini.yaml:") or "mini.yaml:" in first, err
    if line is not None:
        assert re.search(rf"mini\.yaml:{line}(:\d+)?: ", err), err
    assert not (root / "output").exists() or not any((root / "output").iterdir())


def test_a_chart_of_growth_rates_with_its_own_labels_the_period_and_the_contact(
    tmp_path: Path,
) -> None:
    """A bar is a key figure's name (its label reused) or a figure with its own label; the
    report names the period its figures cover and whom to ask."""
    text = BASE.replace(
        "key_figures:",
        "  growth: {kind: growth, value: 5.2}\n  fall: {kind: growth, value: -1.5}\n"
        '  year: {kind: date, value: "2022"}\n'
        "chart:\n  - {figure: growth, label: 投资增速}\n  - {figure: fall, label: 出口}\n"
        "period: year\ncontact: 江北区统计局\nkey_figures:",
    )
    root = project(tmp_path, text)
    report = load_report(root / "content" / "mini.yaml", root)
    assert [(bar.figure, bar.label.text) for bar in report.chart] == [
        ("growth", "投资增速"),
        ("fall", "出口"),
    ]
    assert report.chart[0].label.context.endswith("chart/growth/label")
    assert report.period == "year"
    assert report.contact is not None and report.contact.text == "江北区统计局"
    assert {"投资增速", "出口", "江北区统计局"} <= {s.text for s in report.strings()}


def test_figures_keep_the_digits_they_were_typed_with(tmp_path: Path) -> None:
    """8.0 stays 8.0 and 48.60亿 keeps its zero (issue 16); 302.5亿 and 1600亿 carry no
    precision of their own, so they print as before."""
    figures = """\
  count: {kind: count, value: 42}
  money: {kind: money, value: 48.60亿, currency: CNY}
  rate: {kind: percent, value: 8.0}
  round: {kind: money, value: 1600亿, currency: CNY}
  exact: {kind: money, value: 302.5亿, currency: CNY}
  ratio: {kind: ratio, value: "0.6:31.4:68.0"}
  rise: {kind: growth, value: 12.5, wording: bare}
"""
    text = BASE.replace(
        "  count: {kind: count, value: 42}\n  money: {kind: money, value: 3.5亿, currency: CNY}\n",
        figures,
    )
    report = load_report(project(tmp_path, text) / "content" / "mini.yaml")
    precision = {name: f.figure.precision for name, f in report.figures.items()}
    assert precision == {
        "count": None, "money": 6, "rate": -1, "round": None, "exact": None, "ratio": None,
        "rise": None,
    }  # fmt: skip
    assert report.figures["rise"].figure.wording == "bare"
    assert [str(p) for p in report.figures["ratio"].figure.parts] == ["0.6", "31.4", "68.0"]


def test_every_problem_is_reported_at_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        BASE.replace("title: 小报告", "titel: 小报告")
        .replace("CNY", "XYZ")
        .replace("{count}", "{nope}")
    )
    code, err = build_cli(project(tmp_path, text), capsys)
    assert code == errors.EXIT_INPUT
    lines = [line for line in err.splitlines() if "mini.yaml:" in line]
    # titel (and so no title), the currency, the placeholder: no cascade from the bad figure
    assert len(lines) == 4, err


def test_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project(tmp_path, BASE.encode("gbk"))
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_INPUT
    assert re.search(r"mini\.yaml:\d+: not UTF-8", err), err


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = build_cli(project(tmp_path, ""), capsys)
    assert code == errors.EXIT_INPUT and "the file is empty" in err


def test_empty_and_missing_content_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    (root / "content" / "mini.yaml").unlink()
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_INPUT and "no report (*.yaml) in the content folder" in err
    (root / "content").rmdir()
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_USAGE and "no content folder" in err and "-C DIR" in err


def _with_photo(image: str) -> str:
    return BASE + f"      - photo: {{id: p, caption: 图, image: {image!r}}}\n"


@pytest.mark.parametrize(
    ("image", "message"),
    [
        ("missing.jpg", r"image 'missing.jpg' does not exist"),
        ("../../../../../../etc/passwd", r"is outside the project; refused"),
        ("/etc/passwd", r"use a path relative to the content file"),
        ("notes.txt", r"is not a PNG, JPEG or GIF image"),
        ("escape.png", r"is outside the project; refused"),
        ("truncated.png", r"image 'truncated.png' cannot be read: .*truncated"),
        ("fake.jpg", r"image 'fake.jpg' (is not a PNG|cannot be read)"),
        ("picture.bmp", r"image 'picture.bmp' is not a PNG, JPEG or GIF image"),
    ],
)
def test_bad_images(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], image: str, message: str
) -> None:
    from PIL import Image

    root = project(tmp_path, _with_photo(image))
    content = root / "content"
    (content / "notes.txt").write_text("not an image", encoding="utf-8")
    Image.effect_noise((200, 200), 60).convert("RGB").save(content / "whole.png")
    (content / "truncated.png").write_bytes((content / "whole.png").read_bytes()[:2000])
    (content / "fake.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)
    Image.new("RGB", (4, 4)).save(content / "picture.bmp")
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 32)
    os.symlink(outside, root / "content" / "escape.png")
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_INPUT
    assert re.search(message, err), err
    assert re.search(r"mini\.yaml:15:", err), err


@pytest.mark.parametrize("name", ["p.png", "p.jpg", "camera.jpg"])
def test_a_real_image_is_placed(tmp_path: Path, name: str) -> None:
    from PIL import Image

    root = project(tmp_path, _with_photo(f"images/{name}"))
    (root / "content" / "images").mkdir()
    picture = Image.new("RGB", (40, 30), "red")
    if name == "camera.jpg":  # a phone's multi-picture JPEG: Pillow calls it MPO
        picture.save(
            root / "content" / "images" / name,
            "MPO",
            save_all=True,
            append_images=[Image.new("RGB", (40, 30), "blue")],
        )
    else:
        picture.save(root / "content" / "images" / name)
    assert main(["-C", str(root), "build", "-l", "zh", "-j", "1", "--layout", "brief"]) == 0
    assert (root / "output" / "mini.zh.pdf").stat().st_size > 0


def test_huge_paragraph_is_refused_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = BASE.replace("第一段", "长" * 2_000_000, 1)
    code, err = build_cli(project(tmp_path, text), capsys)
    assert code == errors.EXIT_INPUT
    assert "has 2,000,0" in err and "split it" in err


def test_very_long_word_builds(tmp_path: Path) -> None:
    text = BASE.replace("第一段", "第一段" + "x" * 50_000, 1)
    root = project(tmp_path, text)
    assert main(["-C", str(root), "build", "-l", "zh", "-j", "1", "--layout", "brief"]) == 0
    assert (root / "output" / "mini.zh.pdf").stat().st_size > 0


def test_output_folder_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where a folder should be", encoding="utf-8")
    code, err = build_cli(root, capsys, "-o", str(blocker / "out"))
    assert code == errors.EXIT_OUTPUT
    assert "cannot write" in err and "blocker" in err


def test_translation_with_other_placeholders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = project(tmp_path)
    assert main(["-C", str(root), "translations", "init", "en"]) == 0
    po = root / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "第一段，{count}个项目，投资{money}。"\nmsgstr ""',
        'msgid "第一段，{count}个项目，投资{money}。"\n'
        'msgstr "First, {count} projects worth {monney}."',
    )
    po.write_text(text, encoding="utf-8")
    capsys.readouterr()
    code = main(["-C", str(root), "build", "-l", "en", "-j", "1"])
    err = capsys.readouterr().err
    assert code == errors.EXIT_INPUT
    assert re.search(r"translations/en\.po:\d+: the translation uses \{monney\}", err), err


def test_load_reports_names_an_unknown_report() -> None:
    with pytest.raises(errors.UsageError, match="no report named 'jiangbei-2032'; did you mean"):
        load_reports(ROOT / "content", ["jiangbei-2032"])


def test_a_tall_image_fits_the_page(tmp_path: Path) -> None:
    from PIL import Image

    root = project(tmp_path, _with_photo("images/tall.png"))
    (root / "content" / "images").mkdir()
    Image.new("RGB", (100, 2000), "blue").save(root / "content" / "images" / "tall.png")
    assert main(["-C", str(root), "build", "-l", "zh", "-j", "1", "--layout", "brief"]) == 0


def test_pasted_invisible_characters_are_removed_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Controls and separators pasted from other programs: removed with a note naming
    file:line:col; a separator is a space between Latin words, nothing next to Chinese;
    and the lines after them keep their numbers (YAML counts U+2028 as a line break)."""
    text = BASE.replace("title: 小报告", "title: 小\u2028报\x01告").replace(
        "authors: [王彩艳]", 'authors: [王彩艳, "Wang\u2029Caiyan\x1b"]'
    )
    text = text.replace("{money}。", "{money}。{nope}")  # an error on a later line
    root = project(tmp_path, text)
    code, err = build_cli(root, capsys)
    assert code == errors.EXIT_INPUT
    lines = text.split("\n")  # as editors count: str.splitlines() would split at U+2028
    line = lines.index(next(t for t in lines if "{nope}" in t)) + 1
    assert re.search(rf"mini\.yaml:{line}:\d+: \{{nope\}} is not a figure", err), err
    report_text = text.replace("{nope}", "")
    root = project(tmp_path, report_text)
    code, err = build_cli(root, capsys)
    assert code == 0, err
    notes = [n for n in err.splitlines() if "invisible character" in n]
    places = [re.search(r"mini\.yaml:\d+:\d+", n) for n in notes]
    assert [m[0] for m in places if m] == [
        "mini.yaml:3:9",
        "mini.yaml:3:11",
        "mini.yaml:4:21",
        "mini.yaml:4:28",
    ], err
    report = load_report(root / "content" / "mini.yaml")
    assert report.title.text == "小报告"
    assert [a.text for a in report.authors] == ["王彩艳", "Wang Caiyan"]
    assert len(report.notes) == 4
