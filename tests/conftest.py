"""Shared fixtures: the sample project, the built outputs, and the external tools.

A test that reads the built sample (``built``, ``lo_text``) is in the slow lane by that
alone; one that runs LibreOffice or pandoc, or builds the whole sample itself, is marked
``@pytest.mark.slow``.  The fast lane is ``python -m pytest -m "not slow"``.

External readers (poppler, qpdf, LibreOffice, pandoc, GNU gettext) skip a test on a
newcomer's machine with the reason; with ``JBREPORT_REQUIRE_TOOLS=1`` (set by ``.ci/run``)
a missing tool fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from jbreport.build import Project, build

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seed" / "jiangbei-2023.zh.txt"

TOOLS = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    "qpdf": "qpdf",
    "soffice": "libreoffice-writer-nogui",
    "pandoc": "pandoc",
    "msgfmt": "gettext",
    "msgmerge": "gettext",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden/* from the outputs"
    )


SLOW_FIXTURES = {"built", "lo_text"}  # the whole sample, built (and read by LibreOffice)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


def require(tool: str) -> str:
    """The path of an external tool, or skip (fail in CI) when it is missing."""
    path = shutil.which(tool)
    if path is None:
        message = f"{tool} not installed (Debian package {TOOLS.get(tool, tool)})"
        if os.environ.get("JBREPORT_REQUIRE_TOOLS") == "1":
            pytest.fail(message + "; JBREPORT_REQUIRE_TOOLS=1 makes this an error")
        pytest.skip(message)
    return path


def run(*args: str | Path, timeout: float = 180) -> str:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{args[0]} failed: {result.stderr}"
    return result.stdout


def copy_project(tmp_path: Path, reports: tuple[str, ...] | None = None) -> Path:
    """The sample's content and catalogs, copied: the test edits them.  ``reports``: only
    these reports' content (the catalogs still hold every report's entries)."""
    root = tmp_path / "proj"
    (root / "content").mkdir(parents=True)
    for path in sorted((ROOT / "content").glob("*.yaml")):
        if reports is None or path.stem in reports:
            shutil.copy(path, root / "content")
    shutil.copytree(ROOT / "content" / "images", root / "content" / "images")
    shutil.copytree(ROOT / "translations", root / "translations")
    return root


def without_images(root: Path) -> Path:
    """The copied sample's photos with their images still to come (no `image:`)."""
    content = root / "content" / "jiangbei-2023.yaml"
    text = content.read_text(encoding="utf-8")
    content.write_text(re.sub(r", image: images/[\w-]+\.jpg", "", text), encoding="utf-8")
    return root


def libreoffice(out: Path, *documents: Path, to: str = "pdf") -> None:
    """Convert with LibreOffice headless into ``out``, with its own profile there."""
    run(
        require("soffice"),
        "--headless",
        f"-env:UserInstallation=file://{out}/profile",
        "--convert-to",
        to,
        "--outdir",
        out,
        *documents,
    )


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, project: Project) -> Path:
    """Every layout × edition × format of the sample, built once for the session."""
    out = tmp_path_factory.mktemp("output")
    build(project, out_dir=out, layouts=["brief", "factsheet"], jobs=1)
    return out


@pytest.fixture(scope="session")
def lo_text(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Each DOCX as LibreOffice reads it (converted to plain text), converted on demand."""
    cache: dict[str, str] = {}
    folder = tmp_path_factory.mktemp("lo")

    class Reader(dict[str, str]):
        def __missing__(self, name: str) -> str:
            libreoffice(folder, built / name, to="txt:Text (encoded):UTF8")
            text = (folder / name).with_suffix(".txt").read_text(encoding="utf-8-sig")
            self[name] = text
            return text

    yield Reader(cache)


def seed_paragraphs() -> list[str]:
    """The seed article's paragraphs, print page breaks joined (as the issue describes)."""
    if not SEED.exists():
        message = f"the seed article {SEED} is not beside this clone (../shared/seed/)"
        if os.environ.get("JBREPORT_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    text = SEED.read_text(encoding="utf-8")
    text = re.sub(r"(启动全市|社区公|以优化营商环境为基础，)\s*\n\s*", r"\1", text)
    out = []
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            out.append(line)
    return out


def squash(text: str) -> str:
    """Text without any whitespace: layout-neutral, for character-for-character checks."""
    return "".join(text.split())
