"""The key-figures bar chart as a native Word chart, which Word and LibreOffice draw and an
editor restyles (bars, fonts, colours) or re-plots from its data.

One horizontal bar per figure, first on top, labelled with the figure's label and, at the
bar's end, the figure as the text writes it, a line per language; its data (labels and raw
values) both cached in the chart part and in the embedded workbook Word opens to edit them.
The PDF draws the same chart as vectors (``render/pdf/flowables.py``).  The XML is written
by :mod:`.oxml_chart`.
"""

from __future__ import annotations

from decimal import Decimal

from docx.document import Document as WordDocument
from docx.shared import Pt
from docx.text.paragraph import Paragraph as WordParagraph

from ...model import Chart, Metadata
from .. import theme
from . import oxml_chart
from .measure import em_width
from .styles import Fonts

GAP = 60  # between bars, in per cent of a bar's thickness
PADDING = 6.0  # points, around a figure at a bar's end and right of the labels
LABELS_AT_MOST = 0.42  # of the chart's width, for the bars' labels
BARS_AT_LEAST = 0.3  # of the plot's width, for the longest bar
ROW_GAP = 5.0  # points between two bars' rows of labels


def chart_xml(chart: Chart, lang: str, fonts: Fonts) -> oxml_chart.BarChartXml:
    """The chart part's content: labels and figures joined line by line, one per language."""
    return oxml_chart.BarChartXml(
        series=" / ".join(t.text for t in chart.title),
        categories=tuple("\n".join(t.text for t in bar.label) for bar in chart.bars),
        values=tuple(format(bar.value, "f") for bar in chart.bars),
        axis_max=format(axis_max(chart), "f"),
        labels=tuple(tuple(t.text for t in bar.display) for bar in chart.bars),
        lang=lang,
        latin_font=fonts.latin,
        east_asian_font=fonts.east_asian,
        size=theme.DOCX_CHART_SIZE,
        ink=theme.INK.hex,
        bar=theme.ACCENT.hex,
        rule=theme.LIGHT_RULE.hex,
        gap=GAP,
    )


def axis_max(chart: Chart) -> Decimal:
    """The value axis' end, beyond the longest bar by as much as the widest figure needs at
    its end: the bars take the width the labels and figures leave, as in the PDF."""
    size, width = theme.DOCX_CHART_SIZE, theme.DOCX_CHART_WIDTH
    labels = max(em_width(t.text) for bar in chart.bars for t in bar.label) * size
    figures = max(em_width(t.text) for bar in chart.bars for t in bar.display) * size
    plot = width - min(labels + PADDING, width * LABELS_AT_MOST)
    bars = max(plot - figures - 2 * PADDING, plot * BARS_AT_LEAST)
    top = max((bar.value for bar in chart.bars), default=Decimal(1)) or Decimal(1)
    return (top * Decimal(f"{plot / bars:.3f}")).normalize()


def description(chart: Chart) -> tuple[str, str]:
    """The chart's title and words for a screen reader, in every language of the edition."""
    title = " / ".join(t.text for t in chart.title)
    lines = [
        "; ".join(
            f"{label.text}: {value.text}"
            for label, value in zip(bar.label, bar.display, strict=True)
        )
        for bar in chart.bars
    ]
    return title, "\n".join([title, *lines])


def add_chart(
    doc: WordDocument,
    paragraph: WordParagraph,
    chart: Chart,
    *,
    meta: Metadata,
    fonts: Fonts,
    languages: int,
) -> None:
    """The chart, as wide as the theme says and a row of ``languages`` lines per bar high."""
    content = chart_xml(chart, meta.language, fonts)
    rid = oxml_chart.add_chart_part(
        doc, oxml_chart.chart_space(content), oxml_chart.workbook(content, meta.created)
    )
    row = theme.DOCX_CHART_LINE * languages + ROW_GAP
    height = row * len(chart.bars) + 2 * ROW_GAP
    title, said = description(chart)
    oxml_chart.add_inline_chart(
        paragraph.add_run(),
        rid,
        width=int(Pt(theme.DOCX_CHART_WIDTH)),
        height=int(Pt(height)),
        shape_id=doc.part.next_id,
        title=title,
        description=said,
    )
