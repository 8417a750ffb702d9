"""Raw DrawingML and SpreadsheetML for a native Word chart (see :mod:`.oxml`): the chart part
(``c:chartSpace`` with one ``c:barChart``, its data cached in the XML), the workbook an
editor opens to change the data (a minimal ``.xlsx`` package, written by hand), both parts
and their relationships in the package, and the inline ``w:drawing`` that shows the chart.

Word draws a chart from its cached values and labels and opens the embedded workbook only
when the editor edits the data; LibreOffice draws it from the same caches.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.text.run import Run

C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = "Sheet1"
CAT_AXIS, VAL_AXIS = 500000001, 500000002


@dataclass(frozen=True, slots=True)
class BarChartXml:
    """What the chart part says: one series of horizontal bars, first bar on top."""

    series: str  # the series' name (the chart's title)
    categories: tuple[str, ...]  # a label per bar
    values: tuple[str, ...]  # a plain decimal number per bar
    axis_max: str  # the value axis' end: room at the bars' end for their figures
    labels: tuple[tuple[str, ...], ...]  # a bar's data label, a line per language
    lang: str  # BCP 47 tag of the text
    latin_font: str
    east_asian_font: str
    size: float  # of the text, in points
    ink: str  # hex colours
    bar: str
    rule: str
    gap: int  # between bars, in per cent of a bar's thickness


def _t(text: str) -> str:
    return escape(text)


def _pt(idx: int, value: str) -> str:
    return f'<c:pt idx="{idx}"><c:v>{_t(value)}</c:v></c:pt>'


def _cells(column: str, count: int) -> str:
    return f"{SHEET}!${column}$2:${column}${count + 1}"


def _text_props(chart: BarChartXml, *, body: str = "<a:bodyPr/>") -> str:
    """Text properties (``c:txPr``): size, ink and fonts."""
    return (
        f"<c:txPr>{body}<a:lstStyle/><a:p><a:pPr>"
        f'<a:defRPr sz="{round(chart.size * 100)}" b="0">'
        f'<a:solidFill><a:srgbClr val="{chart.ink}"/></a:solidFill>'
        f'<a:latin typeface="{_t(chart.latin_font)}"/>'
        f'<a:ea typeface="{_t(chart.east_asian_font)}"/>'
        f'</a:defRPr></a:pPr><a:endParaRPr lang="{chart.lang}"/></a:p></c:txPr>'
    )


_SHOW = (
    '<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>'
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/>'
)
_NO_LINE = "<a:ln><a:noFill/></a:ln>"
_ONE_LINE = '<a:bodyPr wrap="none"/>'  # a figure's line is never wrapped


def _data_labels(chart: BarChartXml) -> str:
    """Each bar's figure as written in the text (not the raw number), at the bar's end."""
    points = "".join(
        f'<c:dLbl><c:idx val="{i}"/><c:tx><c:rich>{_ONE_LINE}<a:lstStyle/>'
        + "".join(
            f'<a:p><a:r><a:rPr lang="{chart.lang}"/><a:t>{_t(line)}</a:t></a:r></a:p>'
            for line in lines
        )
        + f'</c:rich></c:tx><c:dLblPos val="outEnd"/>{_SHOW}</c:dLbl>'
        for i, lines in enumerate(chart.labels)
    )
    return (
        f"<c:dLbls>{points}<c:spPr><a:noFill/>{_NO_LINE}</c:spPr>"
        f"{_text_props(chart, body=_ONE_LINE)}"
        f'<c:dLblPos val="outEnd"/>{_SHOW}</c:dLbls>'
    )


def _series(chart: BarChartXml) -> str:
    count = len(chart.values)
    categories = "".join(_pt(i, c) for i, c in enumerate(chart.categories))
    values = "".join(_pt(i, v) for i, v in enumerate(chart.values))
    return (
        '<c:ser><c:idx val="0"/><c:order val="0"/>'
        f"<c:tx><c:strRef><c:f>{SHEET}!$B$1</c:f><c:strCache>"
        f'<c:ptCount val="1"/>{_pt(0, chart.series)}</c:strCache></c:strRef></c:tx>'
        f'<c:spPr><a:solidFill><a:srgbClr val="{chart.bar}"/></a:solidFill>{_NO_LINE}</c:spPr>'
        f'<c:invertIfNegative val="0"/>{_data_labels(chart)}'
        f"<c:cat><c:strRef><c:f>{_cells('A', count)}</c:f><c:strCache>"
        f'<c:ptCount val="{count}"/>{categories}</c:strCache></c:strRef></c:cat>'
        f"<c:val><c:numRef><c:f>{_cells('B', count)}</c:f><c:numCache>"
        f'<c:formatCode>General</c:formatCode><c:ptCount val="{count}"/>{values}'
        "</c:numCache></c:numRef></c:val></c:ser>"
    )


def _axes(chart: BarChartXml) -> str:
    """The category axis on the left, first bar on top (``maxMin``), a hairline rule; the
    value axis hidden (each bar carries its figure)."""
    return (
        f'<c:catAx><c:axId val="{CAT_AXIS}"/><c:scaling><c:orientation val="maxMin"/>'
        '</c:scaling><c:delete val="0"/><c:axPos val="l"/>'
        '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="{chart.rule}"/></a:solidFill>'
        f"</a:ln></c:spPr>{_text_props(chart)}"
        f'<c:crossAx val="{VAL_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/>'
        '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="1"/></c:catAx>'
        f'<c:valAx><c:axId val="{VAL_AXIS}"/><c:scaling><c:orientation val="minMax"/>'
        f'<c:max val="{chart.axis_max}"/><c:min val="0"/></c:scaling><c:delete val="1"/>'
        '<c:axPos val="t"/>'
        '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="none"/>'
        '<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>'
        f'<c:crossAx val="{CAT_AXIS}"/><c:crosses val="autoZero"/>'
        '<c:crossBetween val="between"/></c:valAx>'
    )


def chart_space(chart: BarChartXml) -> bytes:
    """The chart part: a clustered horizontal bar chart without title or legend (the
    heading above it is its title), its text in the document's fonts, linked to the
    embedded workbook (``c:externalData``, relationship rId1)."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<c:chartSpace xmlns:c="{C}" xmlns:a="{A}" xmlns:r="{R}">'
        f'<c:date1904 val="0"/><c:lang val="{chart.lang}"/><c:roundedCorners val="0"/>'
        '<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>'
        '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'
        f'<c:varyColors val="0"/>{_series(chart)}<c:gapWidth val="{chart.gap}"/>'
        f'<c:axId val="{CAT_AXIS}"/><c:axId val="{VAL_AXIS}"/></c:barChart>{_axes(chart)}'
        f"<c:spPr><a:noFill/>{_NO_LINE}</c:spPr></c:plotArea>"
        '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>'
        f"<c:spPr><a:noFill/>{_NO_LINE}</c:spPr>{_text_props(chart)}"
        '<c:externalData r:id="rId1"><c:autoUpdate val="0"/></c:externalData>'
        "</c:chartSpace>"
    )
    return xml.encode("utf-8")


# -- the workbook ---------------------------------------------------------------------------

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_PKG = "http://schemas.openxmlformats.org/package/2006"
_OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _workbook_parts(chart: BarChartXml) -> dict[str, str]:
    head = f'<row r="1"><c r="B1" t="inlineStr"><is><t>{_t(chart.series)}</t></is></c></row>'
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t xml:space="preserve">{_t(label)}</t>'
        f'</is></c><c r="B{n}"><v>{value}</v></c></row>'
        for n, (label, value) in enumerate(zip(chart.categories, chart.values, strict=True), 2)
    )
    return {
        "[Content_Types].xml": f'<Types xmlns="{_PKG}/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{_SML}.sheet.main+xml"/>'
        f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_SML}.worksheet+xml"/>'
        f'<Override PartName="/xl/styles.xml" ContentType="{_SML}.styles+xml"/></Types>',
        "_rels/.rels": f'<Relationships xmlns="{_PKG}/relationships"><Relationship Id="rId1" '
        f'Type="{_OFFICE_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns="{_MAIN}" xmlns:r="{_OFFICE_RELS}"><sheets>'
        f'<sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_PKG}/relationships">'
        f'<Relationship Id="rId1" Type="{_OFFICE_RELS}/worksheet" '
        'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
        f'Type="{_OFFICE_RELS}/styles" Target="styles.xml"/></Relationships>',
        "xl/styles.xml": f'<styleSheet xmlns="{_MAIN}"><fonts count="1"><font><sz val="11"/>'
        '<name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill '
        'patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
        '<cellXfs count="1"><xf xfId="0"/></cellXfs><cellStyles count="1">'
        '<cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
        "xl/worksheets/sheet1.xml": f'<worksheet xmlns="{_MAIN}"><cols><col min="1" max="1" '
        'width="40" customWidth="1"/><col min="2" max="2" width="18" customWidth="1"/></cols>'
        f"<sheetData>{head}{rows}</sheetData></worksheet>",
    }


def workbook(chart: BarChartXml, when: datetime.datetime) -> bytes:
    """The chart's data as an ``.xlsx`` package: labels in column A, values in column B
    under the series' name, as Word lays out a chart's sheet; the same bytes each time."""
    stamp = max(when.replace(tzinfo=None), datetime.datetime(1980, 1, 1))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as package:
        for name, xml in _workbook_parts(chart).items():
            entry = zipfile.ZipInfo(name, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            package.writestr(entry, _HEAD + xml)
    return out.getvalue()


# -- the package and the drawing -------------------------------------------------------------


def add_chart_part(document: Document, chart_xml: bytes, workbook_xlsx: bytes) -> str:
    """The chart part and its workbook in the package, related from the document; the
    relationship id the drawing names."""
    package = document.part.package
    chart_uri = package.next_partname("/word/charts/chart%d.xml")
    chart_part = Part(chart_uri, CONTENT_TYPE.DML_CHART, chart_xml, package)
    embedding = PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{chart_uri.idx}.xlsx")
    data_part = Part(embedding, CONTENT_TYPE.SML_SHEET, workbook_xlsx, package)
    chart_part.relate_to(data_part, RELATIONSHIP_TYPE.PACKAGE)  # rId1, as the chart says
    return document.part.relate_to(chart_part, RELATIONSHIP_TYPE.CHART)


def add_inline_chart(
    run: Run, rid: str, *, width: int, height: int, shape_id: int, title: str, description: str
) -> None:
    """The chart in the text, as an inline drawing (``width`` and ``height`` in EMU), with
    what a screen reader says for it (``wp:docPr`` title and descr)."""
    inline: Any = parse_xml(
        f'<wp:inline {nsdecls("wp", "a", "c", "r")} distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:docPr id="{shape_id}" name="Chart {shape_id}" title="{_attr(title)}" '
        f'descr="{_attr(description)}"/><wp:cNvGraphicFramePr/>'
        f'<a:graphic><a:graphicData uri="{C}"><c:chart r:id="{rid}"/></a:graphicData>'
        "</a:graphic></wp:inline>"
    )
    run._r.add_drawing(inline)


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;", "\n": "&#10;"})
