"""The PDF writer and the fonts it embeds; reportlab is imported only in this package.

:mod:`.writer` walks the document; :mod:`.styles` holds the look, :mod:`.flowables` the
things laid out on pages, :mod:`.textops` the text operators, :mod:`.fonts` the fonts,
:mod:`.tagging` the structure tree and :mod:`.canvas` the pages.
"""

from .fonts import font_set, missing_glyphs
from .writer import render

__all__ = ["font_set", "missing_glyphs", "render"]
