"""The canvas every page is drawn on: pages kept until the end (so each footer knows the
page count), marked content for the structure tree, bookmarks bound to their own page, the
document's own date, and page streams compressed in a thread.

This is where the writer leans on reportlab's internals; each one it uses has a test in
``tests/test_render_pdf_reportlab.py`` so that a reportlab upgrade that changes it fails there.
"""

from __future__ import annotations

import datetime
import time
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from ...model import Document
from .tagging import Tag, structure

# draws a page's running header and footer: (canvas, page number, page count)
Decorate = Callable[["NumberedCanvas", int, int], None]


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps each page until the end, so every footer can say how many pages there are."""

    def __init__(
        self,
        document: Document,
        decorate: Decorate,
        font: str,
        *args: Any,
        **kwargs: Any,
    ) -> None:
        kwargs["initialFontName"] = font  # no Helvetica reference anywhere
        super().__init__(*args, **kwargs)
        self._document = document
        self._decorate = decorate
        self._saved: list[dict[str, Any]] = []
        self._tags: list[Tag] = []  # every tagged element, in reading order
        self._registered: set[int] = set()  # id() of each of them
        self._marks: dict[int, list[Tag]] = {}  # page index -> the tag of each MCID
        self._page_index = 0
        # bookmarks by page index: set when that page is finally written (see save)
        self._bookmarks: dict[int, list[tuple[str, dict[str, Any]]]] = {}
        _date(self, document.metadata.created)

    def showPage(self) -> None:
        self._saved.append(dict(self.__dict__))
        self._startPage()

    # -- tagged PDF: marked content, and the structure tree built from it at save -------

    def begin_tag(self, tag: Tag) -> None:
        """Marked content of ``tag`` on this page, until :meth:`end_tag`."""
        page = len(self._saved)
        marks = self._marks.setdefault(page, [])
        if not tag.parts:
            # reading order: as first drawn; a table and its row before their first cell
            ancestors = []
            parent = tag.parent
            while parent is not None and id(parent) not in self._registered:
                ancestors.append(parent)
                parent = parent.parent
            for element in (*reversed(ancestors), tag):
                self._registered.add(id(element))
                self._tags.append(element)
        tag.parts.append((page, len(marks)))
        self.addLiteral(f"/{tag.role} <</MCID {len(marks)}>> BDC")
        marks.append(tag)

    def begin_artifact(self) -> None:
        """Drawing that is not content (rules, running header and footer)."""
        self.addLiteral("/Artifact BMC")

    def end_tag(self) -> None:
        self.addLiteral("EMC")

    def _setAnnotations(self, page: Any) -> None:
        super()._setAnnotations(page)
        # the page's marked content in the parent tree, and the tab order of its links
        # following the structure; PDFPage writes only the keys its class names
        page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
        if self._page_index in self._marks:
            page.StructParents = self._page_index
        page.Tabs = PDFName("S")

    def bookmarkPage(self, key: str, **kwargs: Any) -> None:
        # reportlab binds a bookmark to the page it is writing, which here is always the
        # first until save(): remember the page this one belongs to instead
        self._bookmarks.setdefault(len(self._saved), []).append((key, kwargs))

    def save(self) -> None:
        total = len(self._saved)
        bookmarks = self._bookmarks
        pages = self._doc.Pages.pages
        # each page's stream is compressed in a thread while the next pages are finished
        # and the rest of the file is written: zlib lets go of the interpreter lock, so on
        # a machine with a free core it costs nothing (the bytes are zlib's either way)
        with ThreadPoolExecutor(max_workers=1) as deflater:
            for number, state in enumerate(self._saved, start=1):
                self.__dict__.update(state)
                self._page_index = number - 1
                self.begin_artifact()
                self._decorate(self, number, total)
                self.end_tag()
                for key, kwargs in bookmarks.get(number - 1, []):
                    super().bookmarkPage(key, **kwargs)
                super().showPage()
                page = pages[-1]
                if page.compression and page.stream:
                    page.Contents = DeflatedStream(
                        deflater.submit(zlib.compress, page.stream.encode("utf-8"))
                    )
            self.showOutline()
            structure(self._doc, self._document, self._tags, self._marks)
            super().save()


def _date(canvas: Canvas, created: datetime.datetime) -> None:
    """reportlab dates the file from its document's time stamp (SOURCE_DATE_EPOCH or, in
    invariant mode, 2000-01-01): make it the document's own date (localize.document_date)."""
    stamp = canvas._doc._timeStamp
    t = created.timestamp()
    stamp.t = t
    stamp.lt = time.gmtime(t)
    stamp.YMDhms = tuple(stamp.lt)[:6]
    stamp.dhh = stamp.dmm = 0
    stamp.tzname = "UTC"
    canvas.setDateFormatter(None)


class DeflatedStream(PDFStream):  # type: ignore[misc]
    """A page stream whose compression runs elsewhere (see NumberedCanvas.save): written as
    reportlab writes a compressed page stream, once its bytes are ready."""

    def __init__(self, deflated: Future[bytes]) -> None:
        super().__init__()
        self.deflated = deflated
        self.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
        self.__Comment__ = "page stream"

    def format(self, document: Any) -> bytes:
        self.content = self.deflated.result()
        result: bytes = super().format(document)
        return result
