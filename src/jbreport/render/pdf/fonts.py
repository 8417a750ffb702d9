"""The PDF's fonts: the user's choice resolved and vetted (:mod:`..fonts`), registered with
reportlab once per process, and what they cover."""

from __future__ import annotations

import struct
import unicodedata
from dataclasses import dataclass
from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from ...errors import Location, RenderError
from ...model import Document, all_text
from .. import RenderOptions, fonts


@dataclass(frozen=True, slots=True)
class FontSet:
    """The registered names of the four faces every PDF uses."""

    latin: str
    latin_bold: str
    cjk: str  # body text (Song)
    cjk_heading: str  # headings and bold text (Hei): Chinese has no bold Song here


@cache
def _register(key: str, path: str, index: int, what: str) -> str:
    name = f"JB{abs(hash(key)) % 10**8}"
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except (TTFError, OSError, ValueError, KeyError, IndexError, struct.error) as exc:
        raise RenderError(f"{what} cannot be used: {exc}", Location.of(path)) from None
    return name


@cache
def coverage(name: str) -> frozenset[int]:
    """The code points a registered font has glyphs for."""
    face = pdfmetrics.getFont(name).face
    return frozenset(face.charToGlyph)


def font_set(options: RenderOptions) -> FontSet:
    """Fonts resolved, vetted and registered once per process."""
    latin = fonts.resolve(options.latin_font, fonts.DEFAULT_LATIN, "Latin font")
    bold = fonts.resolve(options.latin_bold_font, fonts.DEFAULT_LATIN_BOLD, "Latin bold font")
    cjk = fonts.resolve(options.cjk_font, fonts.DEFAULT_CJK, "CJK font")
    # a font the user names serves body and headings alike
    heading = fonts.resolve(options.cjk_font, fonts.DEFAULT_CJK_HEADING, "CJK font")
    return FontSet(
        _register(latin.key, str(latin.path), latin.index, "Latin font"),
        _register(bold.key, str(bold.path), bold.index, "Latin bold font"),
        _register(cjk.key, str(cjk.path), cjk.index, "CJK font"),
        _register(heading.key, str(heading.path), heading.index, "CJK font"),
    )


def missing_glyphs(document: Document, options: RenderOptions) -> list[str]:
    """Characters of the document no PDF font can draw: they would print as blanks."""
    fontset = font_set(options)
    covered = coverage(fontset.latin) | coverage(fontset.latin_bold) | coverage(fontset.cjk)
    covered |= coverage(fontset.cjk_heading)
    seen = {ch for text in all_text(document) for ch in text}
    return sorted(
        ch
        for ch in seen
        if ord(ch) not in covered and not ch.isspace() and unicodedata.category(ch) != "Cf"
    )
