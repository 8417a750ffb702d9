"""Building the matrix of reports × editions × layouts × formats, and user layouts."""

from __future__ import annotations

import re
import shutil
import struct
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, copy_project, require, run, squash, without_images
from jbreport.build import Project, build
from jbreport.cli import main
from jbreport.source.load import find_reports

EXPECTED = {
    f"jiangbei-2023.{edition}{layout}.{fmt}"
    for edition in ("zh", "en", "zh+en")
    for layout in ("", ".factsheet")
    for fmt in ("docx", "pdf")
}


def make_project(
    tmp_path: Path, paragraph: str = "第一段，{count}个项目。", extra: str = ""
) -> Path:
    """A minimal project: one short Chinese report and the real zh catalog."""
    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True)
    (root / "translations").mkdir()
    shutil.copy(ROOT / "translations" / "zh.po", root / "translations" / "zh.po")
    quoted = paragraph.replace("\\", "\\\\").replace('"', '\\"')
    (root / "content" / "mini.yaml").write_text(
        textwrap.dedent(
            f"""\
            language: zh
            date: "2023-01"
            title: 小报告
            figures:
              count: {{kind: count, value: 42}}
              money: {{kind: money, value: 3.5亿, currency: CNY}}
            key_figures:
              - {{figure: money, label: 投资}}
            sections:
              - id: one
                heading: 第一部分
                blocks:
                  - "{quoted}"
            {extra}"""
        ),
        encoding="utf-8",
    )
    return root


def test_build_writes_the_whole_matrix(built: Path) -> None:
    assert {p.name for p in built.iterdir()} >= EXPECTED


def test_cli_build_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "-C",
            str(ROOT),
            "build",
            "--lang",
            "en",
            "--format",
            "pdf",
            "--layout",
            "factsheet",
            "-o",
            str(tmp_path),
            "-j",
            "1",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    assert "wrote" in out and "jiangbei-2023.en.factsheet.pdf" in out
    assert (tmp_path / "jiangbei-2023.en.factsheet.pdf").stat().st_size > 1000


@pytest.mark.slow
@pytest.mark.parametrize(
    "what",
    [
        {"layouts": ["factsheet"]},  # several outputs over two workers
        # one output: one worker loads the fonts while this process reads the content
        {"editions": [("zh", "en")], "layouts": ["brief"], "formats": ["pdf"]},
    ],
)
def test_jobs_give_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: dict[str, Any]
) -> None:
    from jbreport import workers

    one = build(Project(ROOT), out_dir=tmp_path / "one", jobs=1, **what)
    two = build(Project(ROOT), out_dir=tmp_path / "two", jobs=2, **what)
    monkeypatch.setattr(workers, "POOL_WORK", 1)  # the default, as for a large build
    auto = build(Project(ROOT), out_dir=tmp_path / "auto", jobs=None, **what)
    for other in (two, auto):
        assert [p.name for p in one.written] == [p.name for p in other.written]
        assert one.fallbacks == other.fallbacks and one.warnings == other.warnings
    for path in one.written:
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name
        assert path.read_bytes() == (tmp_path / "auto" / path.name).read_bytes(), path.name


def _hollow_font(path: Path) -> Path:
    """A TrueType header with empty tables: it passes the first check, not reportlab."""
    header = b"\x00\x01\x00\x00" + struct.pack(">HHHH", 3, 0, 0, 0)
    tables = b"".join(t + struct.pack(">III", 0, 0, 0) for t in (b"cmap", b"glyf", b"head"))
    path.write_bytes(header + tables)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_font_only_the_pdf_library_finds_broken_is_one_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    """reportlab, loading it (in the workers with -j 2), refuses it: said once for all
    outputs, without a traceback, before the output folder is made."""
    font = _hollow_font(tmp_path / "Hollow.ttf")
    out = tmp_path / "out"
    args = ["-C", str(ROOT), "build", "-f", "pdf", "-o", str(out), "--cjk-font", str(font)]
    assert main([*args, "-j", jobs]) == 4  # a rendering problem
    err = capsys.readouterr().err
    assert err.count("CJK font cannot be used") == 1, err
    assert "Hollow.ttf" in err and "Traceback" not in err
    assert not out.exists()
    # a truncated font file (its table directory whole) is refused the same way
    truncated = tmp_path / "Cut.ttf"
    truncated.write_bytes(
        (ROOT / "src/jbreport/fonts/LiberationSerif-Regular.ttf").read_bytes()[:3000]
    )
    args = ["-C", str(ROOT), "build", "-f", "pdf", "-o", str(out), "--latin-font", str(truncated)]
    assert main([*args, "-j", jobs]) == 4
    err = capsys.readouterr().err
    assert "Cut.ttf: Latin font cannot be used" in err and "Traceback" not in err


@pytest.mark.slow
def test_problems_are_said_in_the_same_order_with_any_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Content problems before a font's, and the outputs' problems in the order of the
    outputs, however many processes build them."""
    root = copy_project(tmp_path)
    po = root / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Jiangbeizui Central Business District"', 'msgstr ""'))
    bad_docx = tmp_path / "house.docx"
    bad_docx.write_text("not a Word file", encoding="utf-8")
    said = []
    for jobs in ("1", "2"):
        args = ["-C", str(root), "build", "--strict", "--reference-docx", str(bad_docx)]
        assert main([*args, "-o", str(tmp_path / jobs), "-j", jobs]) == 4
        said.append(capsys.readouterr().err)
    assert said[0] == said[1]
    assert "untranslated" in said[0] and "house.docx" in said[0]
    # broken content and a broken font: the content is read first, either way
    content = root / "content" / "jiangbei-2023.yaml"
    content.write_text(content.read_text(encoding="utf-8").replace("title:", "titel:", 1))
    font = _hollow_font(tmp_path / "Hollow.ttf")
    for jobs in ("1", "2"):
        args = ["-C", str(root), "build", "--cjk-font", str(font), "-j", jobs]
        assert main([*args, "-o", str(tmp_path / f"f{jobs}")]) == 3
        err = capsys.readouterr().err
        assert "unknown key 'titel'" in err and "font" not in err


@pytest.mark.slow
def test_empty_lists_mean_all(tmp_path: Path) -> None:
    """As the API has always read them: no reports or editions named, all of them."""
    result = build(
        Project(ROOT),
        reports=[],
        editions=[],
        layouts=["factsheet"],
        formats=["pdf"],
        out_dir=tmp_path,
        jobs=2,
    )
    assert len(result.written) == 3 * len(find_reports(ROOT / "content"))  # 3 per report


@pytest.mark.slow
def test_user_layout_without_a_part(tmp_path: Path) -> None:
    root = make_project(tmp_path)
    assert main(["-C", str(root), "layouts", "brief"]) == 0
    template = root / "templates" / "brief.j2"
    text = template.read_text(encoding="utf-8")
    assert 'part("key_figures"' in text
    template.write_text(
        "\n".join(line for line in text.splitlines() if "key_figures" not in line), encoding="utf-8"
    )
    build(Project(root), editions=[("zh",)], layouts=["brief"], out_dir=root / "output")
    pdf_text = run(require("pdftotext"), root / "output" / "mini.zh.pdf", "-")
    assert "第一部分" in pdf_text
    assert "主要数据" not in pdf_text and "3.5亿元" not in pdf_text
    # the built-in layout still has it
    build(Project(root), editions=[("zh",)], layouts=["factsheet"], out_dir=root / "output")
    assert "主要数据" in run(require("pdftotext"), root / "output" / "mini.zh.factsheet.pdf", "-")


def test_any_language_and_pair_with_a_catalog(tmp_path: Path) -> None:
    """A French catalog, started and half-done: fr and zh+fr build; figures are French."""
    root = copy_project(tmp_path, ("jiangbei-2023",))
    assert main(["-C", str(root), "translations", "init", "fr"]) == 0
    po = root / "translations" / "fr.po"
    text = po.read_text(encoding="utf-8").replace(
        'msgid "Key figures, {period}"\nmsgstr ""',
        'msgid "Key figures, {period}"\nmsgstr "Chiffres clés, {period}"',
    )
    po.write_text(text, encoding="utf-8")
    result = build(
        Project(root), editions=[("fr",), ("zh", "fr")], layouts=["factsheet"], formats=["pdf"]
    )
    assert len(result.written) == 2
    assert result.fallbacks["fr"]  # the untranslated strings are reported, not hidden
    pdf = run(require("pdftotext"), root / "output" / "jiangbei-2023.fr.factsheet.pdf", "-")
    assert "Chiffres clés, 2022" in pdf
    assert "30,25 milliards" in pdf  # CLDR's French: comma decimals, milliards


@pytest.mark.slow
def test_a_failed_build_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--strict with one fuzzy entry: one message per problem, and no output touched."""
    root = copy_project(tmp_path)
    (root / "output").mkdir()
    stale = root / "output" / "jiangbei-2023.zh.pdf"
    stale.write_bytes(b"last week")
    yaml_path = root / "content" / "jiangbei-2023.yaml"
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8").replace("新春的第一场大会", "新年的第一场大会"),
        encoding="utf-8",
    )
    assert main(["-C", str(root), "translations", "update"]) == 0
    capsys.readouterr()
    assert main(["-C", str(root), "build", "--strict", "-j", "2"]) == 3
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if "fuzzy in the en edition" in line]
    assert len(lines) == 1, err
    assert re.match(r"\S*translations/en\.po:\d+: fuzzy", lines[0]), lines[0]
    assert stale.read_bytes() == b"last week"
    assert sorted(p.name for p in (root / "output").iterdir()) == ["jiangbei-2023.zh.pdf"]


@pytest.mark.slow
def test_several_problems_cross_from_worker_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--strict -j 2 with two fuzzy entries: the list of problems comes back from the
    workers whole (it once broke the process pool with a traceback)."""
    root = copy_project(tmp_path)
    yaml_path = root / "content" / "jiangbei-2023.yaml"
    text = yaml_path.read_text(encoding="utf-8")
    for old, new in (("新春的第一场大会", "新年的第一场大会"), ("开门红", "开门大吉")):
        assert old in text
        text = text.replace(old, new)
    yaml_path.write_text(text, encoding="utf-8")
    assert main(["-C", str(root), "translations", "update"]) == 0
    capsys.readouterr()
    assert main(["-C", str(root), "build", "--strict", "-j", "2"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if "fuzzy in the en edition" in line]) == 2


@pytest.mark.slow
def test_untranslated_paragraph_falls_back_whole(tmp_path: Path) -> None:
    """The fallback is the source sentence with source figures, never a mixture."""
    root = copy_project(tmp_path)
    yaml_path = root / "content" / "jiangbei-2023.yaml"
    yaml_path.write_text(
        yaml_path.read_text(encoding="utf-8").replace("新春的第一场大会", "新年的第一场大会"),
        encoding="utf-8",
    )
    assert main(["-C", str(root), "translations", "update"]) == 0
    result = build(Project(root), editions=[("en",)], layouts=["brief"], formats=["pdf"])
    assert list(result.fallbacks["en"].values()) == ["fuzzy"]
    text = squash(run(require("pdftotext"), root / "output" / "jiangbei-2023.en.pdf", "-"))
    assert "2022年2月10日，江北区召开了新年的第一场大会" in text
    assert "615.6亿元" in text and "February10,2022，" not in text


def test_untranslated_noun_keeps_its_sentence_in_the_source_language(tmp_path: Path) -> None:
    """A fuzzy plural noun (42个重点项目) must not land inside an English sentence."""
    root = copy_project(tmp_path)
    po = root / "translations" / "en.po"
    text = po.read_text(encoding="utf-8")
    anchor = 'msgctxt "jiangbei-2023/figures/first_batch_projects/noun"'
    head, tail = text.split(anchor, 1)
    head = head[: head.rindex("#, python-brace-format")] + "#, fuzzy, python-brace-format\n"
    po.write_text(head + anchor + tail, encoding="utf-8")
    result = build(Project(root), editions=[("en",)], layouts=["brief"], formats=["pdf"])
    assert (
        "jiangbei-2023/figures/first_batch_projects/noun",
        "{count}个重点项目",
    ) in result.fallbacks["en"]
    pdf = squash(run(require("pdftotext"), root / "output" / "jiangbei-2023.en.pdf", "-"))
    assert "江北区2023年首批42个重点项目签约，投资总金额302.5亿元" in pdf
    assert "42个重点项目for" not in pdf and "of42个" not in pdf


def test_a_traditional_chinese_catalog_translates_the_simplified_report(tmp_path: Path) -> None:
    """zh_Hant is an edition of its own (another script), not the source language."""
    root = copy_project(tmp_path, ("jiangbei-2023",))
    assert main(["-C", str(root), "translations", "init", "zh_Hant"]) == 0
    po = (root / "translations" / "zh_Hant.po").read_text(encoding="utf-8")
    assert 'msgctxt "jiangbei-2023/title"' in po  # the content is there to translate
    po = po.replace(
        'msgid "江北 将“愿景画”转化为“实景图”"\nmsgstr ""',
        'msgid "江北 将“愿景画”转化为“实景图”"\nmsgstr "江北 將「願景畫」轉化為「實景圖」"',
    )
    (root / "translations" / "zh_Hant.po").write_text(po, encoding="utf-8")
    result = build(Project(root), editions=[("zh_Hant",)], layouts=["factsheet"], formats=["pdf"])
    assert [p.name for p in result.written] == ["jiangbei-2023.zh_Hant.factsheet.pdf"]
    text = run(require("pdftotext"), result.written[0], "-")
    assert "江北 將「願景畫」轉化為「實景圖」" in text


def _with_translation(tmp_path: Path, po: str, old: str, new: str) -> tuple[Path, Path]:
    """A copy of the sample whose catalog ``po`` has ``old`` rewritten as ``new``."""
    root = copy_project(tmp_path)
    path = root / "translations" / po
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return root, path


@pytest.mark.slow
@pytest.mark.parametrize(
    ("po", "old", "new", "message"),
    [
        # a layout word: the footer would print "共 {pages 页" on every page
        (
            "zh.po",
            'msgstr "第 {page} 页 共 {pages} 页"',
            'msgstr "第 {page} 页 共 {pages 页"',
            r"zh\.po:\d+: placeholder problem in 'Page \{page\} of \{pages\}'",
        ),
        (
            "zh.po",
            'msgstr "第 {page} 页 共 {pages} 页"',
            'msgstr "第 {page} 页"',
            r"zh\.po:\d+: placeholder problem in 'Page \{page\} of \{pages\}'.*\{pages\}",
        ),
        # a content string: the number 14 would vanish from the English brief
        (
            "en.po",
            '"{listed_companies} listed companies',
            '"listed companies',
            r"en\.po:\d+: the translation leaves out \{listed_companies\}",
        ),
    ],
)
def test_a_translation_that_loses_a_field_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], po: str, old: str, new: str, message: str
) -> None:
    root, path = _with_translation(tmp_path, po, old, new)
    assert main(["-C", str(root), "build", "-j", "1"]) == 3
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err
    # at the translation's own line, where the translator writes (and msgfmt reports)
    line = int(re.search(rf"{re.escape(po)}:(\d+):", err)[1])  # type: ignore[index]
    assert path.read_text(encoding="utf-8").split("\n")[line - 1].startswith("msgstr")
    assert not list((root / "output").glob("*")) if (root / "output").exists() else True


@pytest.mark.parametrize(
    ("po", "old", "new", "message"),
    [
        # a figure word: "增长{percent}" without the field dropped the 3%
        (
            "zh.po",
            'msgstr "增长{percent}"',
            'msgstr "增长"',
            r"zh\.po:\d+: placeholder problem in 'up \{percent\}'",
        ),
        # the byline's joiner: the second author vanished, or a lone brace crashed
        (
            "zh.po",
            'msgstr "{first} {second}"',
            'msgstr "{first}"',
            r"zh\.po:\d+: .*'\{first\} and \{second\}'",
        ),
        (
            "zh.po",
            'msgstr "{first} {second}"',
            'msgstr "{first}、{second"',
            r"zh\.po:\d+: .*'\{first\} and \{second\}'",
        ),
        # a counted noun: the 42 vanished ("signed its first batch of key projects")
        (
            "en.po",
            'msgstr[1] "{count} key projects"',
            'msgstr[1] "key projects"',
            r"en\.po:\d+: placeholder problem in '\{count\}",
        ),
    ],
)
def test_a_figure_word_that_loses_a_field_stops_the_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], po: str, old: str, new: str, message: str
) -> None:
    """Words figures are made with, and nouns counted by them, keep their fields."""
    root, _path = _with_translation(tmp_path, po, old, new)
    edition = "zh" if po == "zh.po" else "en"
    assert main(["-C", str(root), "build", "-j", "1", "-l", edition, "-f", "pdf"]) == 3
    err = capsys.readouterr().err
    assert re.search(message, err), err
    assert "Traceback" not in err


@pytest.mark.slow
def test_photos_without_an_image_are_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Photos with captions but no image files: the press office is told, once per report,
    with the first one's line, and finds a frame left for each in the brief."""
    out_args = ["-l", "zh", "-f", "pdf", "--layout", "factsheet", "-o"]
    root = without_images(copy_project(tmp_path / "proj"))
    assert main(["-C", str(root), "build", *out_args, str(tmp_path / "out")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "have no image" in line]
    assert len(notes) == 1
    assert re.match(r"warning: \S*content/jiangbei-2023\.yaml:\d+:\d+: 5 photo\(s\)", notes[0])
    assert "(cbd, signing, library, beibin-extension, guanyinqiao)" in notes[0]
    # a long report's are named up to eight, then counted
    content = root / "content" / "jiangbei-2023.yaml"
    text = content.read_text(encoding="utf-8")
    cbd = '  - photo: {id: cbd, caption: "江北嘴中央商务区"}\n'
    extra = "".join(f'  - photo: {{id: extra-{n}, caption: "图{n}"}}\n' for n in range(6))
    content.write_text(text.replace(cbd, cbd + extra), encoding="utf-8")
    assert main(["-C", str(root), "build", *out_args, str(tmp_path / "long-out")]) == 0
    (note,) = [line for line in capsys.readouterr().err.splitlines() if "have no image" in line]
    assert ": 11 photo(s) have no image (cbd, extra-0, extra-1, extra-2, extra-3, extra-4," in note
    assert "extra-5, signing and 3 more): a frame is left for each" in note


@pytest.mark.slow
def test_strict_refuses_a_photo_without_its_image(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--strict: each photo still without its image is an error at its line; nothing is
    written.  The sample as shipped (every photo with its image) builds."""
    root = copy_project(tmp_path / "proj", ("jiangbei-2023",))
    args = ["build", "-l", "zh", "-f", "pdf", "--layout", "factsheet", "--strict", "-o"]
    assert main(["-C", str(root), *args, str(tmp_path / "ok")]) == 0
    capsys.readouterr()
    content = root / "content" / "jiangbei-2023.yaml"
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace(", image: images/signing.jpg", ""), encoding="utf-8")
    assert main(["-C", str(root), *args, str(tmp_path / "out")]) == 3
    err = capsys.readouterr().err
    (line,) = [x for x in err.splitlines() if "has no image" in x]
    assert re.match(r"\S*content/jiangbei-2023\.yaml:\d+:\d+: photo 'signing' has no image", line)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


@pytest.mark.parametrize("when", ["renderer", "warnings"])  # warming up, or rendering
def test_a_worker_that_dies_is_one_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], when: str
) -> None:
    """A worker killed mid-build (the OOM killer, a stray kill): one line, nothing written."""
    import multiprocessing
    import os

    from jbreport import render

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the dying renderer reaches the worker only by fork")

    def dying(*_args: object) -> object:
        os._exit(9)

    monkeypatch.setattr(render, when, dying)  # the worker, forked, finds the dying one
    out = tmp_path / "out"
    args = ["-C", str(ROOT), "build", "-l", "zh", "-f", "pdf", "--layout", "brief"]
    assert main([*args, "-o", str(out), "-j", "2"]) == 4
    err = capsys.readouterr().err
    assert "a worker process stopped before its output was rendered" in err
    assert "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())


def test_a_stop_signal_ends_a_build_as_ctrl_c_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SIGTERM or SIGHUP (timeout, a closed terminal, a cancelled CI job) while reading: one
    line, the signal's exit code, the workers stopped, nothing written."""
    import signal

    from jbreport.errors import Stopped
    from jbreport.source import load

    def stopped(*_args: object, **_kwargs: object) -> object:
        raise Stopped(signal.SIGTERM)

    monkeypatch.setattr(load, "load_reports", stopped)
    out = tmp_path / "out"
    assert main(["-C", str(ROOT), "build", "-o", str(out), "-j", "2"]) == 128 + signal.SIGTERM
    err = capsys.readouterr().err
    assert err == "jbreport: stopped by SIGTERM; files already written are complete\n"
    assert not out.exists()
    # the handlers are the caller's again
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL


def test_workers_of_a_killed_build_stop(tmp_path: Path) -> None:
    """A main process killed outright (SIGKILL) cannot stop its workers: they notice and
    stop on their own instead of waiting forever (and holding its pipes open)."""
    import subprocess
    import sys
    import time

    if not Path("/proc").is_dir():
        pytest.skip("needs /proc to see whether the workers still run")
    script = textwrap.dedent(
        """
        import gc, multiprocessing, os
        from concurrent.futures import ProcessPoolExecutor
        from jbreport.render import RenderOptions
        from jbreport.workers import warm_up
        pool = ProcessPoolExecutor(2, initializer=warm_up,
                                   initargs=(gc.get_threshold(), set(), RenderOptions()))
        pool.submit(int, "1").result()
        import signal
        ignored = pool.submit(signal.getsignal, signal.SIGINT).result()
        assert ignored == signal.SIG_IGN, ignored  # Ctrl-C is the main process's to handle
        print(*[child.pid for child in multiprocessing.active_children()], flush=True)
        os._exit(0)  # as if killed: no shutdown of the pool
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    workers = [int(pid) for pid in result.stdout.split()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    """Running, not a zombie (an orphan's zombie is reaped by init, in its own time)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
