"""SIGKILL at random moments of a build and of an update: every file is then the old one
or the new one, whole (qpdf --check, unzip -t), the next run finishes or sweeps what the
killed one left, and no translation is ever lost."""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cases import edit, po, set_content
from harness import project

from conftest import require
from jbreport import atomic
from jbreport.po.io import read_catalog

ROUNDS = 20
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
VERSIONS = ("译文待审。", "译文待审，改过一次。")


def _jbreport(root: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "jbreport", "-C", str(root), *args],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _files(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.startswith(".")
    }


def _version(root: Path, text: str) -> None:
    current = next(v for v in VERSIONS if f"- {v}" in (root / "content" / "mini.yaml").read_text())
    if current != text:
        set_content(root, f"- {current}", f"- {text}")


def _moments(seed: int, duration: float) -> list[float]:
    """Half the kills anywhere in the run, half near its end (where the files are written)."""
    rng = random.Random(seed)
    early = [rng.uniform(0, duration) for _ in range(ROUNDS // 2)]
    late = [rng.uniform(0.75 * duration, 1.1 * duration) for _ in range(ROUNDS - ROUNDS // 2)]
    return [m for pair in zip(early, late, strict=True) for m in pair]


def _timed(root: Path, *args: str) -> float:
    start = time.monotonic()
    assert _jbreport(root, *args).wait(timeout=120) == 0
    return time.monotonic() - start


def _kill_at(root: Path, moment: float, *args: str) -> None:
    process = _jbreport(root, *args)
    time.sleep(moment)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


@pytest.mark.slow
def test_sigkill_during_a_build(tmp_path: Path) -> None:
    qpdf, unzip = require("qpdf"), shutil.which("unzip")
    root = project(tmp_path)
    out = root / "out"
    args = ("build", "-o", str(out), "-l", "zh", "-l", "en", "-j", "1")
    expected = []
    for text in VERSIONS:  # each version's outputs, built whole
        _version(root, text)
        shutil.rmtree(out, ignore_errors=True)
        duration = _timed(root, *args)
        expected.append(_files(out))
    assert expected[0].keys() == expected[1].keys() and expected[0] != expected[1]
    for number, moment in enumerate(_moments(21, duration)):
        _version(root, VERSIONS[number % 2])
        _kill_at(root, moment, *args)
        atomic.recover(out)  # what the next run does first
        found = _files(out)
        assert found in expected, f"round {number}: a mix of old and new outputs"
        assert not [p for p in out.iterdir() if p.name.startswith(".")]
        for name in found:
            if name.endswith(".pdf"):
                subprocess.run([qpdf, "--check", str(out / name)], check=True, capture_output=True)
            elif unzip:
                subprocess.run([unzip, "-tq", str(out / name)], check=True, capture_output=True)


def _translations(folder: Path) -> set[tuple[str, str | None, str]]:
    """Every translation of the catalogs, live or obsolete, by catalog and msgctxt (an
    edited source keeps its translation under its new msgid, marked fuzzy)."""
    found = set()
    for path in folder.glob("*.po"):
        catalog = read_catalog(path)
        for message in [*catalog, *catalog.obsolete.values()]:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            for string in strings:
                if string and message.id:
                    found.add((path.name, message.context, string))
    return found


@pytest.mark.slow
def test_sigkill_during_an_update(tmp_path: Path) -> None:
    root = project(tmp_path)
    folder = root / "translations"
    edit(po(root), 'msgstr "Investment went {rise}."', 'msgstr "Investment rose {rise}."')
    translated = _translations(folder)
    duration = _timed(root, "translations", "update")
    for number, moment in enumerate(_moments(12, duration)):
        _version(root, VERSIONS[(number + 1) % 2])
        before = _files(folder)
        rehearsal = tmp_path / f"rehearsal{number}"
        shutil.copytree(root, rehearsal)
        assert _jbreport(rehearsal, "translations", "update").wait(timeout=120) == 0
        after = _files(rehearsal / "translations")
        shutil.rmtree(rehearsal)
        _kill_at(root, moment, "translations", "update")
        atomic.recover(folder)
        found = _files(folder)
        assert found in (before, after), f"round {number}: a mix of old and new catalogs"
        assert not [p for p in folder.iterdir() if p.name.startswith(".")]
        assert translated <= _translations(folder), f"round {number}: a translation lost"
