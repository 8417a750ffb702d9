"""reportlab's private hooks the PDF writer relies on, one test each.

reportlab has no public API for these; pyproject.toml pins it below its next major version,
and an upgrade that changes one of them fails here, by name, rather than somewhere in a
PDF's bytes.
"""

from __future__ import annotations

import inspect
import io

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFObjectReference, PDFPage, PDFStream
from reportlab.pdfgen.canvas import Canvas

from jbreport.render import RenderOptions
from jbreport.render.pdf import font_set


def _canvas() -> Canvas:
    return Canvas(io.BytesIO(), invariant=1)


def test_canvas_doc_is_the_document_fonts_subset_for() -> None:
    """textops: characters get their (subset, code) per document, from ``canvas._doc``."""
    canvas = _canvas()
    font = pdfmetrics.getFont(font_set(RenderOptions()).cjk)
    ((subset, codes),) = font.splitString("江", canvas._doc)
    assert isinstance(subset, int) and len(codes) == 1
    assert font.getSubsetInternalName(subset, canvas._doc).startswith("/F")


def test_the_document_time_stamp_dates_the_file() -> None:
    """canvas._date: the file's dates come from ``_doc._timeStamp``, whose fields it sets."""
    stamp = _canvas()._doc._timeStamp
    for name in ("t", "lt", "YMDhms", "dhh", "dmm", "tzname"):
        assert hasattr(stamp, name), name


def test_start_page_begins_a_page_without_writing_one() -> None:
    """NumberedCanvas.showPage keeps the page's state and calls ``_startPage``."""
    canvas = _canvas()
    assert callable(canvas._startPage)
    canvas.addLiteral("0 0 m")
    canvas._startPage()
    assert canvas._code == [] and canvas._doc.Pages.pages == []


def test_a_page_state_is_the_canvas_instance_dict() -> None:
    """NumberedCanvas saves ``__dict__`` per page and restores it at save: the page's
    operators live there (``_code``)."""
    canvas = _canvas()
    canvas.addLiteral("1 0 0 1 0 0 cm")
    assert canvas.__dict__["_code"] == ["1 0 0 1 0 0 cm"]


def test_set_annotations_receives_each_page_written() -> None:
    """NumberedCanvas._setAnnotations adds StructParents and Tabs to each page object; a
    page writes only the keys its ``__NoDefault__`` names."""
    assert "page" in inspect.signature(Canvas._setAnnotations).parameters
    assert isinstance(PDFPage.__NoDefault__, list)
    pages: list[PDFPage] = []

    class Spy(Canvas):  # type: ignore[misc]
        def _setAnnotations(self, page: PDFPage) -> None:
            super()._setAnnotations(page)
            pages.append(page)

    canvas = Spy(io.BytesIO(), invariant=1)
    canvas.showPage()
    assert len(pages) == 1 and canvas._doc.Pages.pages == pages


def test_written_pages_hold_their_stream_and_compression() -> None:
    """NumberedCanvas.save compresses ``Pages.pages[-1].stream`` itself (``Contents``)."""
    canvas = _canvas()
    canvas.addLiteral("0 0 m")
    canvas.showPage()
    page = canvas._doc.Pages.pages[-1]
    assert page.compression and "0 0 m" in page.stream
    assert hasattr(page, "Contents") or "Contents" in PDFPage.__NoDefault__


def test_a_stream_formats_its_content_and_dictionary() -> None:
    """DeflatedStream sets ``content`` at ``format`` time, with its own Filter."""
    stream = PDFStream()
    assert hasattr(stream, "dictionary") and hasattr(stream, "content")
    assert "document" in inspect.signature(PDFStream.format).parameters


def test_page_objects_are_named_by_number() -> None:
    """tagging.page_ref: the structure tree points at pages as reportlab names them."""
    canvas = _canvas()
    canvas.showPage()
    canvas.save()
    assert "Page1" in canvas._doc.idToObject
    assert PDFObjectReference("Page1").name == "Page1"


def test_fonts_expose_their_character_map() -> None:
    """fonts.coverage: a TrueType face's ``charToGlyph``."""
    face = pdfmetrics.getFont(font_set(RenderOptions()).latin).face
    assert ord("A") in face.charToGlyph
