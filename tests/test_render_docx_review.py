"""The review copy's Word file on its own: rows written, read back as text; tokens shaded."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX

from jbreport.errors import TranslationError
from jbreport.render.docx.review import (
    COLUMNS,
    ReviewRow,
    ReviewTable,
    read_review_docx,
    review_docx,
)

ROW = ReviewRow(
    "u0123456789abcdef",
    "fuzzy",
    (("总额", False), ("{total}", True), ("。", False)),
    "total: 302.5亿元 → CNY 30.25 billion",
    (("The total is ", False), ("{total}", True), (".", False)),
)


def test_rows_are_written_and_read_back(tmp_path: Path) -> None:
    data = review_docx(
        "Review copy", ["Catalog: translations/en.po · Language: en"], [ReviewTable("r", (ROW,))]
    )
    path = tmp_path / "en.review.docx"
    path.write_bytes(data)
    copy = read_review_docx(path)
    assert copy.paragraphs[:2] == ("Review copy", "Catalog: translations/en.po · Language: en")
    assert copy.tables[0][0] == COLUMNS
    assert copy.tables[0][1] == (
        "u0123456789abcdef\nfuzzy",
        "总额{total}。\ntotal: 302.5亿元 → CNY 30.25 billion",
        "The total is {total}.",
        "",
    )
    runs = docx.Document(io.BytesIO(data)).tables[0].rows[1].cells[2].paragraphs[0].runs
    shaded = [r.text for r in runs if r.font.highlight_color == WD_COLOR_INDEX.GRAY_25]
    assert shaded == ["{total}"]


def test_a_file_that_is_no_docx_is_one_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(TranslationError, match=r"bad\.docx: cannot read as a Word document"):
        read_review_docx(bad)
