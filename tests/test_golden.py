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


CASES = [
    ("jiangbei-2023.zh.docx", docx_dump),
    ("jiangbei-2023.en.docx", docx_dump),
    ("jiangbei-2023.zh+en.factsheet.docx", docx_dump),
    ("jiangbei-2023.zh.pdf", pdf_dump),
    ("jiangbei-2023.en.pdf", pdf_dump),
    ("jiangbei-2023.zh+en.factsheet.pdf", pdf_dump),
]


@pytest.mark.parametrize(("name", "dump"), CASES, ids=[c[0] for c in CASES])
def test_golden(built: Path, request: pytest.FixtureRequest, name: str, dump: object) -> None:
    text = dump(built / name)  # type: ignore[operator]
    golden = GOLDEN / f"{name}.txt"
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), f"{golden} missing: run pytest with --update-golden"
    assert text == golden.read_text(encoding="utf-8")
