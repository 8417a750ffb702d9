"""The bilingual review copy: export a catalog to Word, edit it as a reviewer would (with
python-docx, and through LibreOffice), import exactly those edits back."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

from conftest import libreoffice
from jbreport.cli import main
from jbreport.errors import TranslationError
from jbreport.po.io import read_catalog, render_po
from jbreport.translations.commands import init
from jbreport.translations.exchange import import_file
from jbreport.translations.review import export_review

CONTENT = """\
language: zh
date: "2023-01"
title: 江北区经济发展回顾
figures:
  investment_total: {kind: money, value: 302.5亿, currency: CNY}
sections:
  - id: s1
    heading: 深化改革开放
    blocks:
      - "首批重点项目签约投资总金额{investment_total}。"
      - "江北区坚持以高质量发展为主题。"
"""


@pytest.fixture
def root(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    (root / "content").mkdir(parents=True)
    (root / "content" / "r.yaml").write_text(CONTENT, encoding="utf-8")
    path = init(root, "en")
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'msgid "首批重点项目签约投资总金额{investment_total}。"\nmsgstr ""',
        'msgid "首批重点项目签约投资总金额{investment_total}。"\n'
        'msgstr "The first key projects signed {investment_total}."',
    )
    path.write_text(text, encoding="utf-8")
    return root


def po(root: Path) -> bytes:
    return (root / "translations" / "en.po").read_bytes()


def rows(path: Path) -> dict[str, list[str]]:
    document = docx.Document(str(path))
    return {
        row.cells[1].paragraphs[0].text: [c.text for c in row.cells]
        for table in document.tables
        for row in table.rows[1:]
    }


def edit(path: Path, source: str, translation: str | None, comment: str = "") -> None:
    """A reviewer's edit in Word: retype a translation cell, write a comment."""
    document = docx.Document(str(path))
    for table in document.tables:
        for row in table.rows:
            if row.cells[1].paragraphs[0].text == source:
                if translation is not None:
                    cell = row.cells[2]
                    for paragraph in cell.paragraphs[1:]:
                        paragraph._p.getparent().remove(paragraph._p)
                    cell.paragraphs[0].text = translation
                if comment:
                    row.cells[3].paragraphs[0].text = comment
    document.save(str(path))


def test_the_copy_shows_source_translation_and_figures(root: Path) -> None:
    path = export_review(root, "en", root / "out")
    found = rows(path)
    row = found["首批重点项目签约投资总金额{investment_total}。"]
    assert row[2] == "The first key projects signed {investment_total}."
    # the zh money pattern ({amount}元) is zh.po's, which this project lacks: CLDR's
    assert "investment_total: 302.5亿元 → CNY\xa030.25 billion" in row[1]
    assert found["江北区坚持以高质量发展为主题。"][0].endswith("new")


def test_import_without_edits_changes_nothing(root: Path) -> None:
    before = po(root)
    path = export_review(root, "en", root / "out")
    assert import_file(root, path)[1] == []
    assert po(root) == before


def test_a_reviewers_edits_land_exactly(root: Path) -> None:
    path = export_review(root, "en", root / "out")
    edit(path, "江北区坚持以高质量发展为主题。", "Jiangbei puts quality first.", "new wording")
    _, changes = import_file(root, path)
    assert [c.split(": ", 2)[1:] for c in changes] == [
        ["r/sections/s1/2", "comment 'review: new wording'"],
        ["r/sections/s1/2", "(untranslated) → 'Jiangbei puts quality first.' (translated)"],
    ]
    expected = read_catalog(root / "translations" / "en.po", expect_language="en")
    assert expected.get("江北区坚持以高质量发展为主题。", "r/sections/s1/2").string == (
        "Jiangbei puts quality first."
    )


def test_a_changed_token_is_refused(root: Path) -> None:
    path = export_review(root, "en", root / "out")
    edit(path, "首批重点项目签约投资总金额{investment_total}。", "Signed {investment}.")
    before = po(root)
    with pytest.raises(TranslationError, match=r"table 1, row \d+.*tokens"):
        import_file(root, path)
    assert po(root) == before


def test_a_file_that_is_no_docx_is_one_error(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = root / "bad.docx"
    bad.write_bytes(b"not a zip")
    assert main(["-C", str(root), "translations", "import", str(bad)]) == 3
    err = capsys.readouterr().err
    assert "bad.docx: cannot read as a Word document" in err and "Traceback" not in err


@pytest.mark.slow
def test_an_edit_survives_a_libreoffice_round_trip(root: Path, tmp_path: Path) -> None:
    path = export_review(root, "en", root / "out")
    edit(path, "江北区坚持以高质量发展为主题。", "Jiangbei puts quality first.")
    odt_dir, back = tmp_path / "odt", tmp_path / "back"
    libreoffice(odt_dir, path, to="odt")
    libreoffice(back, odt_dir / "en.review.odt", to="docx")
    shutil.copy(back / "en.review.docx", tmp_path / "edited.docx")
    before = read_catalog(root / "translations" / "en.po", expect_language="en")
    _, changes = import_file(root, tmp_path / "edited.docx")
    assert len(changes) == 1 and "Jiangbei puts quality first." in changes[0]
    message = before.get("江北区坚持以高质量发展为主题。", "r/sections/s1/2")
    message.string = "Jiangbei puts quality first."
    assert po(root) == render_po(before)
