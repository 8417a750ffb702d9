"""The Word writer, in three layers: :mod:`.writer` walks the document model, :mod:`.styles`
names the look (from :mod:`jbreport.render.theme`), and :mod:`.oxml`, the only module that
touches XML, writes what python-docx has no API for.  :mod:`.measure` sizes the key figures'
columns and :mod:`.chart` draws the key-figures chart as a picture.
"""

from __future__ import annotations

from .writer import render

__all__ = ["render"]
