"""Photos as floats, a placeholder frame for a missing picture, and the pages around them, on
hand-built documents read back with poppler (positions from ``pdftotext -bbox``)."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

from PIL import Image

from conftest import require, run
from jbreport.model import Credits, KeyFigureRow, KeyFigures, Paragraph, Photo, Text
from jbreport.render.pdf.styles import MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAGE_H
from test_render_pdf_writer import EN, ZH, document, roles, texts, written

FILLER = "江北区上半年地区生产总值增长百分之六点一，工业和消费持续回暖。" * 12


def image(tmp_path: Path, width: int, height: int) -> Path:
    path = tmp_path / f"photo-{width}x{height}.png"
    Image.new("RGB", (width, height), "navy").save(path)
    return path


def words(path: Path) -> list[tuple[int, float, float, float, float, str]]:
    """Each word: (page, xMin, yMin, xMax, yMax, text), y from the top of the page."""
    out = run(require("pdftotext"), "-bbox", str(path), "-").replace("&amp;", "&")
    found = []
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        ):
            x0, y0, x1, y1 = (float(v) for v in m.groups()[:4])
            found.append((number, x0, y0, x1, y1, m[5]))
    return found


def where(path: Path, text: str) -> list[tuple[int, float, float, float, float, str]]:
    return [w for w in words(path) if text in w[5]]


def paragraphs(n: int) -> list[Paragraph]:
    return [Paragraph(texts(zh=f"{i}{FILLER}")) for i in range(n)]


def test_a_photo_that_fits_goes_to_the_foot_of_its_page(tmp_path: Path) -> None:
    """Mentioned high on page 1: placed at its foot, the text going on above it."""
    photo = Photo("cbd", texts(zh="江北嘴甲"), None, image(tmp_path, 300, 200))
    path = written(tmp_path, document((ZH,), *paragraphs(1), photo, *paragraphs(3)))
    (caption,) = where(path, "江北嘴甲")
    assert caption[0] == 1
    assert PAGE_H - MARGIN_BOTTOM - caption[4] < 20  # the caption is the page's last line
    text = [w for w in words(path) if w[0] == 1 and "地区生产总值" in w[5]]
    assert max(w[4] for w in text) < caption[2]  # every line of page 1 above the photo
    assert roles(path)[:3] == ["P", "Figure", "Caption"]  # read where it is mentioned


def test_a_photo_that_does_not_fit_goes_to_the_top_of_the_next_page(tmp_path: Path) -> None:
    """Mentioned low on page 1: page 1 is filled with text, the photo tops page 2."""
    photo = Photo("cbd", texts(zh="江北嘴乙"), None, image(tmp_path, 300, 200))
    path = written(tmp_path, document((ZH,), *paragraphs(3), photo, *paragraphs(3)))
    (caption,) = where(path, "江北嘴乙")
    assert caption[0] == 2
    page_one = [w for w in words(path) if w[0] == 1 and "地区生产总值" in w[5]]
    assert PAGE_H - MARGIN_BOTTOM - max(w[4] for w in page_one) < 20  # page 1 filled
    page_two = [w for w in words(path) if w[0] == 2 and "地区生产总值" in w[5]]
    assert min(w[2] for w in page_two) > caption[4]  # the text goes on under the photo
    assert caption[2] < MARGIN_TOP + 400  # near the top, under a 3:2 picture


def test_photos_still_waiting_come_before_the_credits(tmp_path: Path) -> None:
    """Mentioned at the end: under the text, before the credits (the last lines)."""
    photos = [Photo(f"p{i}", texts(zh=f"终图{i}"), None, image(tmp_path, 300, 200)) for i in "12"]
    credits = Credits(None, (texts(zh="来源：江北区统计局"),))
    path = written(tmp_path, document((ZH,), *paragraphs(2), *photos, credits))
    (source,) = where(path, "来源")
    for i in "12":
        (caption,) = where(path, f"终图{i}")
        assert (caption[0], caption[2]) < (source[0], source[2])  # before, page and line


def test_a_portrait_photo_is_at_most_half_the_page_and_its_caption_on_its_width(
    tmp_path: Path,
) -> None:
    long = "图书馆鸿恩寺新馆，市民沿着书山拾级而上，" * 4
    photo = Photo("library", texts(zh=long), None, image(tmp_path, 300, 600))
    path = written(tmp_path, document((ZH,), *paragraphs(1), photo))
    lines = [w for w in words(path) if "图书馆" in w[5] or "书山" in w[5]]
    width = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) * 0.5 / 2  # half the page high, 1:2
    assert all(abs(w[1] - MARGIN_X) < 1 for w in lines)  # the caption at the photo's left
    assert all(w[3] <= MARGIN_X + width + 1 for w in lines)  # and within its width
    assert len(lines) > 2


def test_a_missing_image_leaves_a_frame_with_the_caption_inside_and_below(
    tmp_path: Path,
) -> None:
    photo = Photo("cbd", texts(zh="江北嘴丙"), None, None)
    path = written(tmp_path, document((ZH,), *paragraphs(1), photo))
    assert len(where(path, "江北嘴丙")) == 2  # inside the frame, and under it
    assert roles(path) == ["P", "Caption"]  # read once: the frame and its words are artifacts
    stream = _page_stream(path)
    width = (PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) * 0.5 / (2 / 3)
    full = 595.2756 - 2 * MARGIN_X
    w = min(width, full)
    # the frame: a filled and stroked rectangle of the measure's width, 3:2
    assert re.search(rf"0 0 {w:.5g}\S* {w * 2 / 3:.5g}\S* re B", stream), stream[:2000]


def test_a_bilingual_photo_spans_both_columns_with_both_captions(tmp_path: Path) -> None:
    photo = Photo(
        "cbd", texts(zh="江北嘴中央商务区", en="Jiangbeizui CBD"), None, image(tmp_path, 300, 200)
    )
    body = Paragraph(texts(zh=FILLER, en="The economy grew. " * 60))
    path = written(tmp_path, document((ZH, EN), body, photo, body))
    (zh,) = where(path, "江北嘴中央商务区")
    en = where(path, "Jiangbeizui")[0]
    assert zh[0] == en[0] and abs(zh[2] - en[2]) < 2  # side by side, on one line
    assert abs(zh[1] - MARGIN_X) < 1 and en[1] > 595.2756 / 3  # in each language's column


def test_bilingual_key_figures_sit_on_the_body_columns(tmp_path: Path) -> None:
    """Each language's label starts where its paragraphs do; the Chinese column, for the
    shorter text, is the narrower, and no label leaves one character alone."""
    label = texts(zh="2023年首批重点项目签约投资", en="Signed investment, first 2023 projects")
    value = texts(zh="302.5亿元", en="CNY 30.25 billion")
    figures = KeyFigures(texts(zh="主要数据", en="Key figures"), (KeyFigureRow("i", label, value),))
    body = Paragraph(texts(zh=FILLER, en="The economy grew on the year. " * 50))
    path = written(tmp_path, document((ZH, EN), figures, body))
    en_label = where(path, "Signed")[0]
    en_body = where(path, "The")[0]
    assert abs(en_label[1] - 3 - en_body[1]) < 1.5  # the table's padding aside
    assert en_body[1] < 595.2756 / 2  # the Chinese column narrower than half
    zh_lines = [w for w in words(path) if "签约" in w[5] or w[5] == "资"]
    assert all(len(w[5]) > 1 for w in zh_lines)


def test_no_header_on_the_first_page_no_number_on_a_single_page(tmp_path: Path) -> None:
    one = written(tmp_path, document((EN,), Paragraph(texts(en="Short."))))
    text = run(require("pdftotext"), str(one), "-")
    assert "Header en" not in text and "Page 1 of 1" not in text
    long = [Paragraph((Text("zh", FILLER),)) for _ in range(8)]
    two = tmp_path / "two"
    two.mkdir()
    path = written(two, document((ZH,), *long))
    first = run(require("pdftotext"), "-f", "1", "-l", "1", str(path), "-")
    second = run(require("pdftotext"), "-f", "2", "-l", "2", str(path), "-")
    assert "Header zh" not in first and "Page 1 of 2" in first
    assert "Header zh" in second and "Page 2 of 2" in second


def _page_stream(path: Path) -> str:
    data = path.read_bytes()
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            out.append(zlib.decompress(m[1]).decode("latin-1"))
        except zlib.error:
            continue
    return "\n".join(out)
