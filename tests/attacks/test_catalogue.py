"""The catalogue of attacks (tests/attacks/cases.py): each ends with its exit code and its
one first line, never a traceback, a hang or a corrupted file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from cases import CASES, Case, edit, po, set_content
from harness import SKELETON, project, run

from jbreport import layout
from jbreport.errors import EXIT_INTERNAL

# the attacks that take seconds, not milliseconds: in the slow lane
SLOW = {"too_many_blocks", "too_many_figures", "too_many_sections", "cli_jobs_huge"}
SLOW |= {"eight_thousand_problems", "layout_many_parts", "pasted_controls"}


@pytest.mark.parametrize(
    "attack",
    [pytest.param(c, id=c.name, marks=[pytest.mark.slow] if c.name in SLOW else []) for c in CASES],
)
def test_attack(attack: Case, tmp_path: Path) -> None:
    root = project(tmp_path)
    code, first, said = run(root, *attack.setup(root))
    assert (code, attack.first in first) == (attack.code, True), said[-3000:]
    assert "Traceback" not in said


def test_the_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


def test_a_bug_is_exit_70_with_its_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(layout, "run_layout", broken)
    root = project(tmp_path)
    code, first, said = run(root, "build", "-o", str(tmp_path / "out"), "-l", "zh")
    assert code == EXIT_INTERNAL == 70
    assert first.startswith("Traceback") and "RuntimeError: a bug" in said
    assert said.rstrip().endswith("please report it with the traceback above")


def test_a_symlinked_catalog_is_updated_through_its_link(tmp_path: Path) -> None:
    root = project(tmp_path)
    shared = tmp_path / "shared.po"
    po(root).rename(shared)
    os.symlink(shared, po(root))
    set_content(root, "译文待审。", "译文待审，新句。")
    code, _first, said = run(root, "translations", "update")
    assert code == 0, said
    assert po(root).is_symlink() and os.readlink(po(root)) == str(shared)
    assert 'msgid "译文待审，新句。"' in shared.read_text(encoding="utf-8")


def test_a_charset_header_never_reencodes_the_catalog(tmp_path: Path) -> None:
    """The reported corruption: CJK written as \\u escapes under charset=ISO-8859-1.  Such
    a file is refused, and is left byte for byte as it was."""
    root = project(tmp_path)
    edit(po(root), "charset=utf-8", "charset=ISO-8859-1")
    before = po(root).read_bytes()
    code, first, _said = run(root, "translations", "update")
    assert code == 3 and "charset=iso-8859-1" in first
    assert po(root).read_bytes() == before


def test_no_translation_lost_to_an_obsolete_duplicate(tmp_path: Path) -> None:
    root = project(tmp_path)
    with po(root).open("a", encoding="utf-8") as handle:
        handle.write('\n#~ msgctxt "mini/title"\n#~ msgid "小报告"\n#~ msgstr "Old title"\n')
    before = po(root).read_bytes()
    code, first, _said = run(root, "translations", "update")
    assert code == 3 and "duplicate message definition (first at line 15)" in first
    assert po(root).read_bytes() == before


@pytest.mark.slow  # a process of its own
def test_closed_standard_output(tmp_path: Path) -> None:
    """``jbreport build >&-``: built, and nothing written where standard output was."""
    root = project(tmp_path)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "jbreport", "-C", str(root), "build", "-o", str(out)]
    args += ["-l", "zh", "-f", "pdf", "--layout", "brief"]
    result = subprocess.run(
        " ".join(f"'{a}'" for a in args) + " >&-",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (out / "mini.zh.pdf").read_bytes().startswith(b"%PDF")


def test_the_skeleton_builds_cleanly(tmp_path: Path) -> None:
    assert (SKELETON / "content" / "mini.yaml").is_file()
    code, first, said = run(project(tmp_path), "build", "-o", str(tmp_path / "out"), "-f", "pdf")
    assert code == 0 and first.startswith("wrote"), said


def test_jobs_are_capped() -> None:
    from jbreport import limits, workers

    assert 1 <= workers.most_jobs() <= min(limits.JOBS, 2 * (os.cpu_count() or 1))


@pytest.mark.parametrize(
    ("context", "most"),
    [
        ("mini/title", 255),
        ("mini/authors/2", 255),
        ("mini/sections/one/heading", 1_000),
        ("mini/sections/title/1", 200_000),  # a section named "title": its paragraphs
        ("mini/lead/1", 200_000),
        ("mini/photos/site/caption", 1_000),
        ("mini/figures/projects/noun", 1_000),
        ("layout", 1_000),
        ("figure", 1_000),
    ],
)
def test_each_field_has_its_length(context: str, most: int) -> None:
    from jbreport.limits import chars_for

    assert chars_for(context) == most
