"""The Word writer, in layers: :mod:`.writer` walks the document model, one clause per
block kind; :mod:`.page` sets up the file around it (template, page, header and footer,
properties), :mod:`.runs` writes text as language-tagged runs, :mod:`.styles` names the
look (from :mod:`jbreport.render.theme`), :mod:`.measure` sizes the key figures' columns
and :mod:`.chart` makes the chart a native Word chart.  Below them all, :mod:`.oxml`,
:mod:`.oxml_package` and :mod:`.oxml_chart` are the only modules that touch XML: what
python-docx has no API for.
"""

from __future__ import annotations

from .writer import render

__all__ = ["render"]
