"""The code's own bar: ruff (lint, format, complexity) and mypy --strict, run as part of
the suite; each third-party library in its own room; modules and functions short."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "src" / "jbreport"

# Where each third-party library may be imported: folders end with "/", files are named.
# The target of the redesign (issue 15); other branches are moving the modules now.
ROOMS = {
    "reportlab": ("render/pdf/",),
    "docx": ("render/docx/",),
    "lxml": ("render/docx/", "po/xliff.py"),  # XLIFF is XML: its own format's reader
    "babel": ("i18n/", "po/"),
    "jinja2": ("layout.py",),
    "yaml": ("source/yaml.py",),
    "PIL": ("source/images.py",),  # where images are read
    "pyphen": ("render/typeset/hyphen.py",),
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_ruff_check() -> None:
    result = _run("ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = _run("mypy")
    assert result.returncode == 0, result.stdout + result.stderr


def _modules() -> list[tuple[str, ast.Module, int]]:
    """Every module of the package: its path under src/jbreport, its tree, its lines."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        out.append((path.relative_to(PACKAGE).as_posix(), ast.parse(text), len(text.splitlines())))
    return out


def _imported(tree: ast.Module) -> set[str]:
    """The top-level packages a module imports, at its top or inside a function."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _in_room(module: str, rooms: tuple[str, ...]) -> bool:
    return any(module.startswith(room) if room.endswith("/") else module == room for room in rooms)


def test_the_import_finder_sees_every_kind_of_import() -> None:
    tree = ast.parse(
        "import yaml\nfrom PIL import Image\nimport docx.shared as s\nfrom . import x\n"
        "def f():\n    from babel.numbers import format_decimal\n"
    )
    assert _imported(tree) == {"yaml", "PIL", "docx", "babel"}
    assert _in_room("render/pdf/fonts.py", ("render/pdf/",))
    assert not _in_room("render/pdf.py", ("render/pdf/",))


def test_each_library_is_imported_only_in_its_room() -> None:
    strays = [
        f"{module} imports {library} (its room: {', '.join(ROOMS[library])})"
        for module, tree, _lines in _modules()
        for library in sorted(_imported(tree) & set(ROOMS))
        if not _in_room(module, ROOMS[library])
    ]
    assert not strays, "\n".join(strays)


def test_no_module_or_function_is_too_long() -> None:
    long: list[str] = []
    for module, tree, lines in _modules():
        if lines > MAX_MODULE_LINES:
            long.append(f"{module}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{module}:{node.lineno}: {node.name}() is {length} lines")
    assert not long, "\n".join(long)
