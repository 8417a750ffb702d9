"""The PDF writer on hand-built documents (as pandoc's writer tests do): a few blocks, read
back with poppler for their text and their structure tags."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from conftest import require, run
from jbreport.model import (
    Document,
    Heading,
    KeyFigureRow,
    KeyFigures,
    Language,
    Metadata,
    Paragraph,
    Photo,
    Text,
)
from jbreport.render import RenderOptions
from jbreport.render.pdf import render

ZH = Language("zh", "zh-CN", True, "Hans")
EN = Language("en", "en-US", False, "Latn")


def document(languages: tuple[Language, ...], *blocks: object) -> Document:
    tags = [lang.tag for lang in languages]
    return Document(
        report_id="test",
        layout="brief",
        languages=languages,
        metadata=Metadata(
            title=" / ".join(f"Title {t}" for t in tags),
            subject="A subject",
            authors=("王彩艳, 杨敏", "Wang Caiyan, Yang Min"),
            keywords=("one", "two"),
            language=languages[0].bcp47,
            created=datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC),
        ),
        header=tuple(Text(t, f"Header {t}") for t in tags),
        footer=tuple(Text(t, "Page {page} of {pages}") for t in tags[:1]),
        blocks=blocks,  # type: ignore[arg-type]
    )


def texts(**by_lang: str) -> tuple[Text, ...]:
    return tuple(Text(lang, text) for lang, text in by_lang.items())


def written(tmp_path: Path, doc: Document) -> Path:
    path = tmp_path / "out.pdf"
    path.write_bytes(render(doc, RenderOptions()))
    return path


def text_of(path: Path) -> str:
    return " ".join(run(require("pdftotext"), path, "-").split())


def roles(path: Path) -> list[str]:
    out = run(require("pdfinfo"), "-struct-text", path)
    return [m[1] for m in re.finditer(r"^  (\w+)", out, re.M)]


def test_a_heading_a_paragraph_and_key_figures(tmp_path: Path) -> None:
    doc = document(
        (EN,),
        Heading(1, texts(en="The economy grew"), "economy"),
        Paragraph(texts(en="Output rose by 6.1 percent in the first half of the year.")),
        KeyFigures(
            texts(en="Key figures"),
            (KeyFigureRow("gdp", texts(en="GDP"), texts(en="CNY 130 billion")),),
        ),
    )
    path = written(tmp_path, doc)
    text = text_of(path)
    for expected in (
        "The economy grew",
        "Output rose by 6.1 percent in the first half of the year.",
        "Key figures",
        "GDP",
        "CNY 130 billion",
    ):
        assert expected in text, expected
    # a single page: no running header above its headline, no page number
    assert "Header en" not in text and "Page 1 of 1" not in text
    assert roles(path) == ["H2", "P", "H2", "Table"]
    info = run(require("pdfinfo"), path)
    assert re.search(r"^Author:\s+王彩艳, 杨敏 / Wang Caiyan, Yang Min$", info, re.M), info
    meta = run(require("pdfinfo"), "-meta", path)
    assert "<rdf:li>王彩艳, 杨敏</rdf:li><rdf:li>Wang Caiyan, Yang Min</rdf:li>" in meta


def test_a_chinese_lead_and_a_photo_caption(tmp_path: Path) -> None:
    doc = document(
        (ZH,),
        Heading(1, texts(zh="一、经济稳步增长"), "economy"),
        Paragraph(texts(zh="江北区上半年地区生产总值增长百分之六点一。"), role="lead"),
        Photo("cbd", texts(zh="江北嘴中央商务区"), texts(zh="摄/崔力"), None),
    )
    path = written(tmp_path, doc)
    text = text_of(path).replace(" ", "")
    assert "一、经济稳步增长" in text
    assert "江北区上半年地区生产总值增长百分之六点一。" in text
    assert "江北嘴中央商务区摄/崔力" in text
    assert roles(path) == ["H2", "P", "Caption"]


def test_a_bilingual_paragraph_is_set_side_by_side(tmp_path: Path) -> None:
    doc = document(
        (ZH, EN),
        Heading(1, texts(zh="一、经济", en="1. The economy"), "economy"),
        Paragraph(texts(zh="经济增长。", en="The economy grew.")),
        Paragraph(texts(zh="就业稳定。", en="Jobs held steady."), role="closing"),
    )
    path = written(tmp_path, doc)
    layout = run(require("pdftotext"), "-layout", path, "-")
    # each paragraph on one line beside its translation
    assert re.search(r"经济增长。\s+The economy grew\.", layout), layout
    assert re.search(r"就业稳定。\s+Jobs held steady\.", layout), layout
    assert roles(path) == ["H2", "H2", "P", "P", "P", "P"]


def test_the_same_document_gives_the_same_bytes(tmp_path: Path) -> None:
    doc = document((EN,), Paragraph(texts(en="Once.")))
    assert render(doc, RenderOptions()) == render(doc, RenderOptions())
