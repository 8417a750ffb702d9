"""What the attacks share: a small valid project to spoil, and the CLI run in this process
with its exit code and the first line it printed."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from jbreport.cli import main

SKELETON = Path(__file__).parent / "skeleton"


def project(tmp_path: Path) -> Path:
    """A copy of the skeleton: a small report, its en and zh catalogs."""
    root = tmp_path / "proj"
    shutil.copytree(SKELETON, root)
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    """``jbreport -C root ARGS``: the exit code, the first line it printed (of the
    output when it succeeded or found problems, else of the errors), and all it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["-C", str(root), *args])
    text = out.getvalue() if code in (0, 1) and out.getvalue() else err.getvalue()
    first = text.split("\n", 1)[0]
    return code, first, out.getvalue() + err.getvalue()
