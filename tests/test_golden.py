"""Golden files: readable text dumps of the sample outputs, compared line by line.

`python -m pytest tests/test_golden.py --update-golden` rewrites them after an intended
change; review the diff in git like any other change.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from conftest import require, run
from jbreport.build import Project, build
from jbreport.render.typeset import setting

GOLDEN = Path(__file__).parent / "golden"


def docx_dump(path: Path) -> str:
    """Each paragraph as `[Style] text`, table cells as `| … |`, header and footer first."""
    document = docx.Document(str(path))
    lines = []
    section = document.sections[0]
    for p in section.header.paragraphs:
        lines.append(f"header [{p.style.name}] {p.text}")
    for p in section.footer.paragraphs:
        lines.append(f"footer [{p.style.name}] {p.text}")
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = Paragraph(child, document)
            if paragraph.text.strip():
                lines.append(f"[{paragraph.style.name}] {paragraph.text}")
        elif tag == "tbl":
            table = Table(child, document)
            lines.append(f"table [{table.style.name if table.style else ''}]")
            for row in table.rows:
                cells = [
                    " / ".join(f"[{p.style.name}] {p.text}" for p in c.paragraphs)
                    for c in row.cells
                ]
                lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def pdf_dump(path: Path) -> str:
    pages = run(require("pdftotext"), "-layout", path, "-").split("\f")
    out = []
    for number, page in enumerate(pages, start=1):
        if page.strip():
            out.append(f"--- page {number}")
            out += [line.rstrip() for line in page.splitlines() if line.strip()]
    return "\n".join(out) + "\n"


REPORTS = ("jiangbei-2023", "nanan-2023-11")
EDITIONS = ("zh", "en", "zh+en")
LAYOUTS = ("", ".factsheet")  # the brief, and the factsheet
CASES = [
    (f"{report}.{edition}{layout}.{fmt}", docx_dump if fmt == "docx" else pdf_dump)
    for report in REPORTS
    for fmt in ("docx", "pdf")
    for edition in EDITIONS
    for layout in LAYOUTS
]


def compare(request: pytest.FixtureRequest, name: str, text: str) -> None:
    golden = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest with --update-golden"
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(("name", "dump"), CASES, ids=[c[0] for c in CASES])
def test_golden(built: Path, request: pytest.FixtureRequest, name: str, dump: object) -> None:
    compare(request, name, dump(built / name))  # type: ignore[operator]


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def lines_dump(calls: list[tuple[tuple[object, ...], list[setting.SetLine]]]) -> str:
    """Each paragraph set, once per measure: its setting and width, then each line as
    ``x |text| spacing changes``: what the PDF draws, read without poppler."""
    out = []
    seen = set()
    for (text, keep, how, _widths, width, first), lines in calls:
        key = (text, tuple(keep), how, width, first)  # type: ignore[arg-type]
        if key in seen:
            continue
        seen.add(key)
        size, indent, align, balance, east_asian, *_ = how  # type: ignore[misc]
        flags = " ".join(
            f
            for f, on in (("balance", balance), ("east-asian", east_asian), ("rest", not first))
            if on
        )
        out.append(
            f"¶ {_number(width)} pt, {_number(size)} pt, indent {_number(indent)} em,"
            f" {align} {flags}".rstrip()
        )
        for line, x, cuts in lines:
            spacing = " ".join(f"{end}:{_number(s)}" for end, s in cuts or ())
            out.append(f"  {_number(x)} |{line}| {spacing}".rstrip())
    return "\n".join(out) + "\n"


PDFS = [name for name, _dump in CASES if name.endswith(".pdf")]


@pytest.mark.parametrize("name", PDFS)
def test_set_lines(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    name: str,
) -> None:
    """The lines of every paragraph of each sample PDF, as the line setter returns them."""
    calls: list[tuple[tuple[object, ...], list[setting.SetLine]]] = []
    real = setting.set_paragraph

    def spy(*args: object) -> list[setting.SetLine]:
        lines = real(*args)  # type: ignore[arg-type]
        calls.append((args, lines))
        return lines

    monkeypatch.setattr(setting, "set_paragraph", spy)
    report, edition, *layout, _fmt = name.split(".")
    build(
        project,
        reports=[report],
        editions=[tuple(edition.split("+"))],
        layouts=layout or ["brief"],
        formats=["pdf"],
        out_dir=tmp_path,
        jobs=1,
    )
    assert calls
    compare(request, name.removesuffix(".pdf") + ".lines", lines_dump(calls))
