"""Nothing half-written: a failure at any moment leaves the previous file as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jbreport import atomic, build, render
from jbreport.errors import OutputError, RenderError
from test_content import project


def test_write_replaces_whole_files(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    atomic.write_bytes(target, b"one")
    atomic.write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.pdf"]


@pytest.mark.parametrize("failure", [KeyboardInterrupt, OSError(28, "No space left on device")])
def test_interrupted_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    target = tmp_path / "brief.docx"
    target.write_bytes(b"the previous brief")

    def broken_fsync(fd: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", broken_fsync)
    expected = KeyboardInterrupt if failure is KeyboardInterrupt else OutputError
    with pytest.raises(expected):
        atomic.write_bytes(target, b"half of a new brief")
    assert target.read_bytes() == b"the previous brief"
    assert [p.name for p in tmp_path.iterdir()] == ["brief.docx"]


def test_failed_render_leaves_outputs_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = project(tmp_path)
    out = root / "output"
    out.mkdir()
    old = out / "mini.zh.pdf"
    old.write_bytes(b"last week's brief")

    def failing(document: object, options: object) -> bytes:
        raise RenderError("the renderer failed half-way")

    monkeypatch.setattr(render, "renderer", lambda fmt: failing)
    with pytest.raises(RenderError):
        build.build(build.Project(root), editions=[("zh",)], layouts=["brief"], out_dir=out, jobs=1)
    assert old.read_bytes() == b"last week's brief"
    assert sorted(p.name for p in out.iterdir()) == ["mini.zh.pdf"]


def test_interrupted_catalog_update_keeps_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jbreport.translations import commands as translations

    root = project(tmp_path)
    translations.init(root, "en")
    po = root / "translations" / "en.po"
    before = po.read_bytes()
    content = root / "content" / "mini.yaml"
    content.write_text(
        content.read_text(encoding="utf-8").replace("第一段", "改过的第一段"), encoding="utf-8"
    )

    def broken_fsync(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        translations.update(root)
    assert po.read_bytes() == before
    assert not [p for p in po.parent.iterdir() if p.name.endswith(".tmp")]


def test_several_files_are_replaced_all_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [tmp_path / f"{name}.pdf" for name in "abc"]
    for path in files:
        path.write_bytes(b"old")
    calls = 0
    real_fsync = os.fsync

    def fsync_fails_on_the_third(fd: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync_fails_on_the_third)
    with pytest.raises(OutputError):
        atomic.write_all([(path, b"new") for path in files])
    assert [path.read_bytes() for path in files] == [b"old"] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


def test_a_build_that_cannot_write_one_output_replaces_none(tmp_path: Path) -> None:
    root = project(tmp_path)
    out = root / "output"
    build.build(build.Project(root), editions=[("zh",)], layouts=["brief"], out_dir=out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    assert len(before) == 2  # the DOCX and the PDF
    (out / "mini.zh.pdf").unlink()
    (out / "mini.zh.pdf").mkdir()  # something in the way of one output
    del before["mini.zh.pdf"]
    (out / "mini.zh.docx").write_bytes(b"last week's brief")
    with pytest.raises(OutputError, match="folder"):
        build.build(build.Project(root), editions=[("zh",)], layouts=["brief"], out_dir=out)
    assert (out / "mini.zh.docx").read_bytes() == b"last week's brief"
    assert sorted(p.name for p in out.iterdir()) == ["mini.zh.docx", "mini.zh.pdf"]


def test_a_refused_rename_puts_back_the_files_already_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "a.pdf"
    old.write_bytes(b"old a")
    new = tmp_path / "b.pdf"  # did not exist before
    held = tmp_path / "c.pdf"
    held.write_bytes(b"old c")
    real_replace = os.replace

    def refuse_c(src: str, dst: str | Path) -> None:
        if Path(dst) == held and str(src).endswith(".tmp"):
            raise PermissionError(13, "Permission denied")  # open in a viewer on Windows
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_c)
    with pytest.raises(OutputError, match="Permission denied"):
        atomic.write_all([(old, b"new a"), (new, b"new b"), (held, b"new c")])
    assert old.read_bytes() == b"old a" and held.read_bytes() == b"old c"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "c.pdf"]
