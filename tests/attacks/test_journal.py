"""All or none under SIGKILL: the journal of atomic.write_all, finished or swept by the
next run (the kill itself is in test_kill_rounds, in the slow lane)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jbreport import atomic


def _killed_after_commit(folder: Path, renamed: int) -> None:
    """The state a kill leaves once the journal is written and ``renamed`` of the three
    renames are made."""
    staged = [
        (atomic._stage(folder / f"{n}.pdf", b"new " + n.encode()), folder / f"{n}.pdf")
        for n in "abc"
    ]
    atomic._write_journal(folder / atomic.JOURNAL, staged)
    for tmp, path in staged[:renamed]:
        os.replace(tmp, path)


@pytest.mark.parametrize("renamed", [0, 1, 2, 3])
def test_a_journal_is_finished_by_the_next_run(tmp_path: Path, renamed: int) -> None:
    for n in "abc":
        (tmp_path / f"{n}.pdf").write_bytes(b"old " + n.encode())
    _killed_after_commit(tmp_path, renamed)
    atomic.recover(tmp_path)
    assert [(tmp_path / f"{n}.pdf").read_bytes() for n in "abc"] == [b"new a", b"new b", b"new c"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf"]


def test_a_write_finishes_the_journal_before_its_own(tmp_path: Path) -> None:
    for n in "abc":
        (tmp_path / f"{n}.pdf").write_bytes(b"old")
    _killed_after_commit(tmp_path, 1)
    atomic.write_bytes(tmp_path / "d.pdf", b"d")
    assert (tmp_path / "c.pdf").read_bytes() == b"new c"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf", "b.pdf", "c.pdf", "d.pdf"]


def test_leftovers_of_a_run_killed_before_its_journal_are_swept(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    atomic._stage(target, b"half of the new")
    atomic._backup(target)
    (tmp_path / (atomic.JOURNAL + ".tmp")).write_text("[")
    (tmp_path / ".hidden-user-file").write_text("mine")
    assert len(list(tmp_path.iterdir())) == 5
    atomic.recover(tmp_path)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".hidden-user-file", "a.pdf"]


def test_a_symlinked_target_is_written_through_its_link(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "fr.po"
    shared.parent.mkdir()
    shared.write_bytes(b"old")
    link = tmp_path / "project" / "fr.po"
    link.parent.mkdir()
    link.symlink_to(shared)
    atomic.write_all([(link, b"new")])
    assert link.is_symlink() and shared.read_bytes() == b"new"
    assert [p.name for p in shared.parent.iterdir()] == ["fr.po"]
