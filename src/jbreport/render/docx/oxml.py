"""The raw WordprocessingML python-docx has no API for: the only modules that touch XML are
this one, :mod:`.oxml_package` (fields, and the zip package itself) and :mod:`.oxml_chart`
(the native chart).

Below the writer and the styles, as python-docx's own ``oxml`` sits below its objects: the
functions take python-docx's objects (a document, a style, a paragraph, a run) and reach
into their lxml elements here, so nothing above knows an element.  East Asian fonts
(``w:rFonts w:eastAsia``), language tags (``w:lang``), the theme font language, table
borders and cell margins, header rows, list numbering (``w:numPr`` and the numbering part's
definitions), and a paragraph's style by id and its place.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from docx.settings import Settings
from docx.shape import InlineShape
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


# -- fonts and languages ------------------------------------------------------------------


def _set_fonts(rpr: Any, *, latin: str | None, east_asian: str | None, hint: bool) -> None:
    fonts = _child(rpr, "w:rFonts", first=True)
    if latin:
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attr), latin)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    if east_asian:
        fonts.set(qn("w:eastAsia"), east_asian)
        fonts.attrib.pop(qn("w:eastAsiaTheme"), None)
    if hint:
        fonts.set(qn("w:hint"), "eastAsia")


def _set_lang(rpr: Any, *, val: str, east_asian: str | None) -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), val)
    if east_asian:
        lang.set(qn("w:eastAsia"), east_asian)


def _defaults_rpr(styles: Styles) -> Any:
    defaults = _child(styles.element, "w:docDefaults", first=True)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    return _child(rpr_default, "w:rPr")


def set_default_lang(styles: Styles, *, val: str, east_asian: str | None) -> None:
    """The document's default languages (``w:docDefaults``): Western, and East Asian."""
    _set_lang(_defaults_rpr(styles), val=val, east_asian=east_asian)


def set_default_fonts(styles: Styles, *, latin: str, east_asian: str) -> None:
    _set_fonts(_defaults_rpr(styles), latin=latin, east_asian=east_asian, hint=False)


def set_style_fonts(style: BaseStyle, *, latin: str, east_asian: str) -> None:
    """Latin and East Asian fonts of a style (python-docx sets the Latin ones only)."""
    _set_fonts(style.element.get_or_add_rPr(), latin=latin, east_asian=east_asian, hint=False)


def hint_east_asian(run: Run) -> None:
    """Characters both scripts share (quotes, digits) in the run's East Asian font."""
    _set_fonts(run._r.get_or_add_rPr(), latin=None, east_asian=None, hint=True)


def set_run_lang(run: Run, *, val: str, east_asian: str | None = None) -> None:
    _set_lang(run._r.get_or_add_rPr(), val=val, east_asian=east_asian)


def compress_punctuation(settings: Settings) -> None:
    """Word and LibreOffice squeeze adjacent full-width punctuation (clreq 3.1.6), as the
    PDF does; python-docx's template says ``doNotCompress``."""
    element = settings.element.find(qn("w:characterSpacingControl"))
    if element is None:  # its place in the schema's order: after w:defaultTabStop
        element = OxmlElement("w:characterSpacingControl")
        tab_stop = settings.element.find(qn("w:defaultTabStop"))
        if tab_stop is not None:
            tab_stop.addnext(element)
        else:
            settings.element.append(element)
    element.set(qn("w:val"), "compressPunctuation")


def set_compatibility_mode(settings: Settings, mode: int) -> None:
    """Word's layout rules of a version (``compatibilityMode``: 15 is Word 2013 and later,
    the current ones); python-docx's template says 14, which opens in compatibility mode."""
    compat = _child(settings.element, "w:compat")
    for setting in compat.iterchildren(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), str(mode))
            return
    setting = OxmlElement("w:compatSetting")
    for attr, value in (
        ("w:name", "compatibilityMode"),
        ("w:uri", "http://schemas.microsoft.com/office/word"),
        ("w:val", str(mode)),
    ):
        setting.set(qn(attr), value)
    compat.append(setting)


def set_theme_font_lang(settings: Settings, *, val: str, east_asian: str | None) -> None:
    """python-docx's template says ja-JP here, which makes Chinese show in a Japanese font."""
    element = settings.element.find(qn("w:themeFontLang"))
    if element is None:
        element = OxmlElement("w:themeFontLang")
        settings.element.append(element)
    element.set(qn("w:val"), val)
    if east_asian:
        element.set(qn("w:eastAsia"), east_asian)
    else:
        element.attrib.pop(qn("w:eastAsia"), None)


# -- styles -------------------------------------------------------------------------------


def clear_character_spacing(style: BaseStyle) -> None:
    """Drop letter spacing (python-docx's Subtitle spreads its letters apart)."""
    rpr = style.element.get_or_add_rPr()
    spacing = rpr.find(qn("w:spacing"))
    if spacing is not None:
        rpr.remove(spacing)


def set_bottom_rule(style: BaseStyle, *, color: str, size: int) -> None:
    """The rule under a paragraph style (the Title's), in a colour of its own rather than the
    template's theme colour; ``size`` in eighths of a point."""
    borders = _child(style.element.get_or_add_pPr(), "w:pBdr")
    bottom = _child(borders, "w:bottom")
    for attr, value in (("w:val", "single"), ("w:sz", str(size)), ("w:color", color)):
        bottom.set(qn(attr), value)
    if bottom.get(qn("w:space")) is None:
        bottom.set(qn("w:space"), "4")
    for attr in ("w:themeColor", "w:themeTint", "w:themeShade"):
        bottom.attrib.pop(qn(attr), None)


def set_first_line_chars(style: BaseStyle, hundredths: int, twips_per_char: int) -> None:
    """A first-line indent in characters (``w:firstLineChars``: 200 = two characters), with
    the same indent in twips for applications that ignore character units."""
    ind = _child(style.element.get_or_add_pPr(), "w:ind")
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(hundredths * twips_per_char // 100))


def set_table_borders(style: BaseStyle, *, color: str, size: int) -> None:
    """Borders on a table style: a rule at top and bottom and between rows (``size`` in
    eighths of a point), none at the sides or between columns."""
    borders = _child(_child(style.element, "w:tblPr"), "w:tblBorders")
    for edge in ("top", "bottom", "insideH"):
        element = _child(borders, f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), color)
    for edge in ("left", "right", "insideV"):
        _child(borders, f"w:{edge}").set(qn("w:val"), "nil")


def set_table_cell_margins(style: BaseStyle, *, left: int, right: int) -> None:
    """A table style's cell margins, in twips."""
    margins = _child(_child(style.element, "w:tblPr"), "w:tblCellMar")
    for side, value in (("left", left), ("right", right)):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")


# -- paragraphs and runs ------------------------------------------------------------------


def clear_body(document: Document) -> None:
    """Remove a reference document's content, keeping its section (page and margins)."""
    body = document.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def set_paragraph_style(paragraph: Paragraph, style_id: str) -> None:
    """A style by its id: python-docx's ``style =`` scans every style on each call."""
    paragraph._p.style = style_id


def add_run(paragraph: Paragraph, text: str) -> Run:
    """A run holding ``text``.  python-docx's text setter walks it a character at a time to
    turn tabs and line breaks into elements (a tenth of a long brief's time); text without
    them goes into one w:t, which is what the setter would write."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


def move_after(paragraph: Paragraph, anchor: Paragraph) -> None:
    anchor._p.addnext(paragraph._p)


def remove_paragraph(paragraph: Paragraph) -> None:
    """Take a paragraph out of its body or table cell."""
    parent = paragraph._p.getparent()
    assert parent is not None
    parent.remove(paragraph._p)


def styled_paragraph_texts(document: Document, levels: dict[str, int]) -> list[tuple[int, str]]:
    """(level, text) of each paragraph, tables included, whose style id is in ``levels``."""
    out = []
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in levels:
            continue
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            out.append((levels[style.get(qn("w:val"))], text))
    return out


def keep_lines_apart(row: _Row) -> None:
    """Let a bilingual row break across pages (Word's default, made explicit)."""
    trpr = row._tr.get_or_add_trPr()
    cant = trpr.find(qn("w:cantSplit"))
    if cant is not None:
        trpr.remove(cant)


# w:tblLook's bits (ECMA-376 17.7.6): the conditional formats of a table style in use
_LOOK_BITS = {
    "firstRow": 0x20,
    "lastRow": 0x40,
    "firstColumn": 0x80,
    "lastColumn": 0x100,
    "noHBand": 0x200,
    "noVBand": 0x400,
}


def set_table_look(table: Table, *, first_row: bool, first_column: bool) -> None:
    """Whether the table's first row is its head and its first column its row labels
    (``w:tblLook``).  python-docx says both: readers then take the first row for a header
    (pandoc makes it the table's head) though no row is marked a header (``w:tblHeader``)."""
    look = _child(table._tbl.tblPr, "w:tblLook")
    flags = {
        "firstRow": first_row,
        "lastRow": False,
        "firstColumn": first_column,
        "lastColumn": False,
        "noHBand": False,
        "noVBand": True,
    }
    bits = sum(_LOOK_BITS[name] for name, on in flags.items() if on)
    look.set(qn("w:val"), f"{bits:04X}")
    for name, on in flags.items():
        look.set(qn(f"w:{name}"), "1" if on else "0")


def set_header_row(row: _Row) -> None:
    """A table's header row: never split, repeated at the top of each page it continues on."""
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:cantSplit")
    _child(trpr, "w:tblHeader")  # after cantSplit, as the schema orders them


# -- lists ----------------------------------------------------------------------------------

# a list level: (w:numFmt, w:lvlText, left indent and hanging indent in twips)
Level = tuple[str, str, int, int]


def _numbering(document: Document) -> Any:
    """The numbering part's root, the part made if the template has none."""
    part = document.part
    try:
        numbering: Any = part.part_related_by(RELATIONSHIP_TYPE.NUMBERING)
        return numbering.element
    except KeyError:
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        uri = PackURI("/word/numbering.xml")
        numbering = NumberingPart(uri, CONTENT_TYPE.WML_NUMBERING, element, part.package)
        part.relate_to(numbering, RELATIONSHIP_TYPE.NUMBERING)
        return element


def add_list_definition(document: Document, levels: list[Level]) -> int:
    """An abstract numbering definition of ``levels`` (bullets or numbers) and one w:num
    using it, numbering from 1; its numId, for :func:`set_numbering`."""
    root = _numbering(document)
    abstract_id = 1 + max(
        (int(a.get(qn("w:abstractNumId"))) for a in _all(root, "abstractNum")), default=-1
    )
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{_attr(text)}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr></w:lvl>'
        for i, (fmt, text, left, hanging) in enumerate(levels)
    )
    kind = "singleLevel" if len(levels) == 1 else "hybridMultilevel"
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="{kind}"/>{lvls}</w:abstractNum>'
    )
    nums = _all(root, "num")
    if nums:
        nums[0].addprevious(abstract)  # every abstractNum before the first num
    else:
        root.append(abstract)
    num_id = 1 + max((int(n.get(qn("w:numId"))) for n in nums), default=0)
    root.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}">'
            f'<w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def _all(root: Any, tag: str) -> list[Any]:
    return list(root.iterchildren(qn(f"w:{tag}")))


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def set_numbering(paragraph: Paragraph, num_id: int, level: int) -> None:
    """The paragraph is an item of list ``num_id`` at ``level`` (w:numPr)."""
    ppr: Any = paragraph._p.get_or_add_pPr()  # python-docx types leave numPr out
    numpr = ppr.get_or_add_numPr()
    numpr.get_or_add_ilvl().val = level
    numpr.get_or_add_numId().val = num_id


def set_alt_text(inline_shape: InlineShape, title: str, description: str) -> None:
    """What a screen reader says for a picture (wp:docPr title and descr)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("title", title)
    doc_pr.set("descr", description)
