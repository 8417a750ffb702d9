"""The command line: help, version, usage errors with their documented exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, copy_project
from jbreport import __version__, errors
from jbreport.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"jbreport {__version__}"


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jbreport", "--help"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "translations" in result.stdout


@pytest.mark.slow  # a whole brief of the sample, built in a new process
def test_the_command_flushes_its_output_and_keeps_its_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``jbreport`` leaves without Python's teardown (cli.entry): what it printed to a pipe
    still arrives, and its exit code is main's."""
    # buffered as usual (this test must not pass only because output goes out unbuffered)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    build = ["-C", str(ROOT), "build", "-l", "en", "-f", "pdf", "--layout", "factsheet"]
    ok = subprocess.run(
        [sys.executable, "-m", "jbreport", *build, "-o", str(tmp_path), "-j", "1"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert ok.returncode == 0
    assert "wrote" in ok.stdout and "jiangbei-2023.en.factsheet.pdf" in ok.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "jbreport", "-C", str(ROOT), "build", "-l", "de"],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert bad.returncode == main(["-C", str(ROOT), "build", "-l", "de"]) != 0
    assert "no catalog for 'de'" in bad.stderr == capsys.readouterr().err


def test_output_that_cannot_be_written_is_said_and_fails() -> None:
    """stdout on a full disk: one line on stderr and exit 120, as Python itself would."""
    if not Path("/dev/full").exists():
        pytest.skip("needs /dev/full to fill a disk")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "jbreport", "-C", str(ROOT), "layouts"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env=env,
        )
    assert result.returncode == 120
    assert result.stderr.strip() == "jbreport: cannot write the output: No space left on device"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["build", "-r", "jiangbei-2032"], "no report named 'jiangbei-2032'; did you mean"),
        (["build", "-l", "zh+zh"], "an edition is a language"),
        (["build", "-l", "de"], "no catalog for 'de': run `jbreport translations init de`"),
        (["build", "--layout", "breif"], "no layout named 'breif'; did you mean 'brief'"),
        (["build", "-j", "0"], "--jobs must be 1 or more"),
        (["build", "--reference-docx", "nope.docx"], "reference DOCX nope.docx not found"),
        (["translations", "check", "nope.po"], "no such PO file"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["-C", str(ROOT), *argv])
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert code == errors.EXIT_USAGE, err


def test_outside_a_project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(tmp_path), "build"]) == errors.EXIT_USAGE
    assert "no content folder" in capsys.readouterr().err
    assert main(["-C", str(tmp_path), "translations", "status"]) == errors.EXIT_USAGE
    assert "no catalog" in capsys.readouterr().err
    assert main(["-C", str(tmp_path / "missing"), "build"]) == errors.EXIT_USAGE


def test_status_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(ROOT), "translations", "status"]) == 0
    out = capsys.readouterr().out
    assert "en" in out and "jiangbei-2023" in out and "100.0%" in out


def test_layouts_lists_the_shipped_ones(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-C", str(ROOT), "layouts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in lines] == ["brief", "factsheet"]
    assert all(line.endswith("built in") for line in lines)


def test_layouts_says_which_the_project_overrides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "content").mkdir()
    assert main(["-C", str(tmp_path), "layouts", "brief"]) == 0
    capsys.readouterr()
    assert main(["-C", str(tmp_path), "layouts"]) == 0
    lines = dict(line.split(maxsplit=1) for line in capsys.readouterr().out.splitlines())
    assert lines["brief"].endswith("templates/brief.j2") and lines["factsheet"] == "built in"


@pytest.mark.slow  # the sample's factsheets built in four editions
def test_a_new_empty_catalog_is_not_a_default_edition(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:

    root = copy_project(tmp_path)
    assert main(["-C", str(root), "translations", "init", "zh_TW"]) == 0
    assert main(["-C", str(root), "build", "-f", "pdf", "--layout", "factsheet"]) == 0
    err = capsys.readouterr().err
    assert "zh_TW: not built, its catalog translates nothing of jiangbei-2023 yet" in err
    assert not list((root / "output").glob("*zh_TW*"))
    assert main(["-C", str(root), "build", "-l", "zh_TW", "-f", "pdf"]) == 0  # when asked
    assert list((root / "output").glob("*zh_TW*"))


@pytest.mark.slow  # a factsheet of the sample built
def test_the_project_folder_may_follow_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["-l", "zh", "-f", "pdf", "--layout", "factsheet", "-o", str(out)]
    assert main(["build", "-C", str(ROOT), *args]) == 0
    assert (out / "jiangbei-2023.zh.factsheet.pdf").exists()
    assert main(["translations", "-C", str(ROOT), "status"]) == 0
    assert "jiangbei-2023" in capsys.readouterr().out


def test_many_problems_are_cut_short(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same mistake made throughout a file: the first twenty, then a count."""
    from test_content import BASE, project

    paragraphs = "".join(f"      - 第{n}段，{{missing_{n}}}。\n" for n in range(40))
    root = project(tmp_path, BASE + paragraphs)
    assert main(["-C", str(root), "build", "-j", "1"]) == 3  # input
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 21
    assert all("is not a figure of this report" in line for line in err[:20])
    assert err[20] == "jbreport: … and 20 more problems (fix these first)"
