"""Renderers: one writer per output format (``docx``, the ``pdf`` package), each
``render(document, options) -> bytes``; ``typeset`` holds the font-free line setting."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..i18n.placeholders import Field, parse
from ..model import Document


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a user can set about the look of the output."""

    # PDF: TrueType files (path or fontconfig name); None = the fonts shipped with jbreport
    latin_font: str | None = None
    latin_bold_font: str | None = None
    cjk_font: str | None = None
    # DOCX: font names the editor's Word or LibreOffice resolves
    docx_latin_font: str = "Times New Roman"
    docx_heading_font: str = "Arial"
    # None: the usual fonts of the edition's East Asian script (see EAST_ASIAN_FONTS)
    docx_east_asian_font: str | None = None
    docx_east_asian_heading_font: str | None = None
    reference_docx: Path | None = None
    toc: bool = False


Renderer = Callable[[Document, RenderOptions], bytes]

# The fonts Word and LibreOffice users have for each East Asian script (body, headings):
# Chinese set in a Japanese font (or the reverse) shows the other country's glyph shapes.
EAST_ASIAN_FONTS = {
    "Hans": ("SimSun", "SimHei"),
    "Hant": ("PMingLiU", "Microsoft JhengHei"),
    "Jpan": ("MS Mincho", "MS Gothic"),
    "Kore": ("Batang", "Malgun Gothic"),
}


def renderer(fmt: str) -> Renderer:
    """The writer of a format, imported on first use: a DOCX-only build never loads reportlab."""
    if fmt == "docx":
        from . import docx

        return docx.render
    from . import pdf

    return pdf.render


FORMATS = ("docx", "pdf")


def warnings(fmt: str, document: Document, options: RenderOptions) -> list[str]:
    """What the reader of this output would miss, said before it is written."""
    if fmt != "pdf":
        return []
    from . import pdf

    missing = pdf.missing_glyphs(document, options)
    if not missing:
        return []
    shown = ", ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:8])
    more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
    return [
        f"the PDF fonts have no glyph for {shown}{more}: they print as blanks"
        " (choose fonts that have them with --latin-font / --cjk-font)"
    ]


def prepare(formats: set[str], options: RenderOptions) -> None:
    """Load what the formats need once, before any output: a bad font fails here, once."""
    if "pdf" in formats:
        from . import pdf

        pdf.font_set(options)


def render_one(fmt: str, document: Document, options: RenderOptions) -> tuple[bytes, list[str]]:
    """One output in memory, and what its reader would miss: a pure function of its
    arguments, so a worker process can run it (see :mod:`jbreport.workers`)."""
    return renderer(fmt)(document, options), warnings(fmt, document, options)


def page_fields(pattern: str) -> list[tuple[str, str | None]]:
    """``"Page {page} of {pages}"`` → [("Page ", "page"), (" of ", "pages"), ("", None)]."""
    out: list[tuple[str, str | None]] = []
    literal = ""
    for part in parse(pattern):
        if isinstance(part, Field) and part.name in ("page", "pages"):
            out.append((literal, part.name))
            literal = ""
        else:
            literal += part if isinstance(part, str) else "{" + part.name + "}"
    out.append((literal, None))
    return out
