"""Localize on its own: a small hand-written report, a hand-built layout and two tiny
catalogs (tests/fixtures/localize/) become documents for one language and for a pair."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from jbreport.errors import Location, TemplateError, TranslationError
from jbreport.layout import Layout, Msg, Part
from jbreport.localize import Localized, localize
from jbreport.model import (
    Chart,
    Cover,
    Credits,
    Heading,
    KeyFigures,
    Paragraph,
    Photo,
    Texts,
)
from jbreport.po.lookup import Catalogs, load_catalogs
from jbreport.source.load import load_report
from jbreport.source.model import Report

FIXTURE = Path(__file__).parent / "fixtures" / "localize"
HERE = Location("layout.j2", 1)


def report() -> Report:
    return load_report(FIXTURE / "content" / "mini.yaml", FIXTURE)


def layout(*names: str, **args: dict[str, object]) -> Layout:
    parts = [Part(name, args.get(name, {}), HERE) for name in names]
    return Layout("test", Path("layout.j2"), parts, footer=Msg("Page {page} of {pages}", 1, ""))


ALL = layout("cover", "key_figures", "lead", "sections", "credits")


def catalogs(folder: Path = FIXTURE / "translations") -> Catalogs:
    return load_catalogs(folder)


def edition(*languages: str, with_layout: Layout = ALL) -> Localized:
    return localize(report(), with_layout, catalogs(), languages)


def said(texts: Texts | None) -> list[str]:
    assert texts is not None
    return [t.text for t in texts]


def test_the_source_language_is_the_report_with_its_figures_and_layout_words() -> None:
    blocks = edition("zh").document.blocks
    cover = blocks[0]
    assert isinstance(cover, Cover)
    assert said(cover.kicker) == ["江北区"] and said(cover.title) == ["小报告"]
    assert said(cover.date) == ["2023年5月"]
    assert said(cover.byline)[0].startswith("文/王彩艳")  # the catalog's byline pattern
    key_figures = blocks[1]
    assert isinstance(key_figures, KeyFigures)
    assert said(key_figures.title) == ["主要数据"]
    (row,) = key_figures.rows
    assert said(row.label) == ["总投资"] and said(row.value) == ["约3.5亿元"]
    lead = blocks[2]
    assert isinstance(lead, Paragraph) and lead.role == "lead"
    assert said(lead.text) == ["签约42个项目，总投资3.5亿元。"]
    # every figure is one span the line breaker keeps whole
    assert lead.text[0].keep == ((2, 7), (11, 16))


def test_sections_photos_and_credits_in_reading_order() -> None:
    blocks = edition("zh").document.blocks[3:]
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == [
        "Heading",
        "Paragraph",
        "Photo",
        "Heading",
        "Paragraph",
        "Paragraph",
        "Credits",
    ]
    heading, growth, photo = blocks[0], blocks[1], blocks[2]
    assert isinstance(heading, Heading) and heading.id == "one" and heading.level == 1
    assert isinstance(growth, Paragraph) and said(growth.text) == ["投资增长5.2%。"]
    assert isinstance(photo, Photo) and said(photo.credit) == ["摄/崔力"]
    credits = blocks[-1]
    assert isinstance(credits, Credits)
    assert [said(line) for line in credits.lines] == [["图片由江北区提供"], ["来源：江北区统计局"]]


def test_no_picture_credit_without_a_picture(tmp_path: Path) -> None:
    """A photo whose image is still to come: its photographer and the report's picture
    credit are not printed (no credit for a picture that is not there)."""
    shutil.copytree(FIXTURE, tmp_path / "proj")
    content = tmp_path / "proj" / "content" / "mini.yaml"
    text = content.read_text(encoding="utf-8")
    content.write_text(text.replace(", image: photo.png", ""), encoding="utf-8")
    pending = load_report(content, tmp_path / "proj")
    blocks = localize(pending, ALL, catalogs(), ("zh",)).document.blocks
    photo = next(b for b in blocks if isinstance(b, Photo))
    assert photo.image is None and photo.credit is None
    credits = blocks[-1]
    assert isinstance(credits, Credits)
    assert [said(line) for line in credits.lines] == [["来源：江北区统计局"]]


def test_a_translated_edition_and_its_fallbacks() -> None:
    localized = edition("en")
    document = localized.document
    assert said(document.header) == ["A small report"]
    assert document.metadata.title == "A small report"
    assert document.metadata.keywords == ("investment", "projects")
    lead = document.blocks[2]
    assert isinstance(lead, Paragraph)
    assert said(lead.text) == ["42 projects signed, with a total investment of CNY\xa0350 million."]
    # untranslated and fuzzy: written whole in the source language, figures included
    late, review = document.blocks[-3], document.blocks[-2]
    assert isinstance(late, Paragraph) and isinstance(review, Paragraph)
    assert [(t.lang, t.text) for t in late.text] == [("zh", "尚未翻译，总投资3.5亿元。")]
    assert [t.lang for t in review.text] == ["zh"]
    assert [lang.tag for lang in document.fallback_languages] == ["zh"]
    content = localized.lookups[0]
    assert set(content.fallbacks.values()) == {"untranslated", "fuzzy"}
    assert ("mini/sections/two/2", "译文待审。") in content.fallbacks


def test_a_pair_writes_every_string_in_both_languages() -> None:
    document = edition("zh", "en").document
    assert document.metadata.title == "小报告 / A small report"
    assert said(document.footer) == ["第 {page} 页 共 {pages} 页", "Page {page} of {pages}"]
    for block in document.blocks:
        if isinstance(block, (Paragraph, Heading)):
            assert len(block.text) == 2
    key_figures = document.blocks[1]
    assert isinstance(key_figures, KeyFigures)
    assert said(key_figures.rows[0].value) == ["约3.5亿元", "about CNY\xa0350 million"]
    # the source language is in the pair: nothing to say about falling back
    assert document.fallback_languages == ()


def test_one_section_by_id_and_a_missing_one() -> None:
    one = edition("zh", with_layout=layout("section", section={"id": "two"})).document
    assert [b.id for b in one.blocks if isinstance(b, Heading)] == ["two"]
    with pytest.raises(TemplateError, match=r"layout\.j2:1: part 'section': no section"):
        edition("zh", with_layout=layout("section", section={"id": "three"}))


def test_an_unknown_part_is_a_template_error() -> None:
    with pytest.raises(TemplateError, match="unknown part 'tables'"):
        edition("zh", with_layout=layout("tables"))


def test_a_part_without_content_is_left_out() -> None:
    no_chart = edition("zh", with_layout=layout("chart", "photos")).document
    # one amount cannot make a chart; the photo part gathers the report's photos
    assert [type(b).__name__ for b in no_chart.blocks] == ["Photo"]


def test_a_factsheet_summary_growth_chart_period_and_contact(tmp_path: Path) -> None:
    """The lead's first paragraph alone; a chart of growth rates titled with the growth word
    and the period; key figures titled with the period; the contact line before the source."""
    shutil.copytree(FIXTURE, tmp_path / "proj")
    content = tmp_path / "proj" / "content" / "mini.yaml"
    text = content.read_text(encoding="utf-8").replace(
        "key_figures:",
        '  fall: {kind: growth, value: -1.5}\n  year: {kind: date, value: "2022"}\n'
        "chart:\n  - {figure: rise, label: 投资}\n  - {figure: fall, label: 出口}\n"
        "period: year\ncontact: 江北区统计局\nkey_figures:",
    )
    second = "总投资{investment}。\n  - 第二段。\n"  # a lead of two paragraphs
    content.write_text(text.replace("总投资{investment}。\n", second, 1), encoding="utf-8")
    sheet = layout(
        "lead",
        "key_figures",
        "chart",
        "credits",
        lead={"paragraphs": 1},
        key_figures={"title": Msg("Key figures, {period}", 1, "")},
        chart={"growth": Msg("Growth, {period}", 1, "")},
        credits={"picture": False, "contact": True},
    )
    report = load_report(content, tmp_path / "proj")
    blocks = localize(report, sheet, catalogs(), ("en",)).document.blocks
    lead, figures, chart, credits = blocks
    assert isinstance(lead, Paragraph) and isinstance(figures, KeyFigures)
    assert said(figures.title) == ["Key figures, 2022"]
    assert isinstance(chart, Chart) and said(chart.title) == ["Growth, 2022"]
    assert [bar.value for bar in chart.bars] == [Decimal("5.2"), Decimal("-1.5")]
    assert isinstance(credits, Credits)
    (line,) = credits.lines  # the contact on the source's line
    assert said(line)[0].startswith("Contact: ") and " · Source: " in said(line)[0]


def test_a_translation_that_loses_a_figure_stops_at_its_po_line(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    shutil.copytree(FIXTURE / "translations", folder)
    po = folder / "en.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace("went {rise}.", "went up."), encoding="utf-8")
    line = next(n for n, s in enumerate(po.read_text().splitlines(), 1) if "went up." in s)
    with pytest.raises(TranslationError) as caught:
        localize(report(), ALL, catalogs(folder), ("en",))
    assert str(caught.value).endswith(
        f"en.po:{line}: the translation leaves out {{rise}} (msgctxt 'mini/sections/one/1')"
    )
