"""The raw WordprocessingML python-docx has no API for, and the only module that touches XML.

Below the writer and the styles, as python-docx's own ``oxml`` sits below its objects: the
functions take python-docx's objects (a document, a style, a paragraph, a run) and reach
into their lxml elements here, so nothing above knows an element.  Fields (PAGE, NUMPAGES,
TOC), East Asian fonts (``w:rFonts w:eastAsia``), language tags (``w:lang``), the theme font
language, table borders and cell margins, a paragraph's style by id and its place, and
deterministic zip packaging.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.settings import Settings
from docx.shape import InlineShape
from docx.styles.style import BaseStyle
from docx.styles.styles import Styles
from docx.table import _Row
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


def set_alt_text(inline_shape: InlineShape, title: str, description: str) -> None:
    """What a screen reader says for a picture (wp:docPr title and descr)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("title", title)
    doc_pr.set("descr", description)


# -- fields -------------------------------------------------------------------------------


def _append_run(paragraph: Paragraph, child: Any) -> None:
    r = OxmlElement("w:r")
    r.append(child)
    paragraph._p.append(r)


def _field_char(kind: str, *, dirty: bool = False) -> Any:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if dirty:
        char.set(qn("w:dirty"), "true")
    return char


def _instruction(instruction: str) -> Any:
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    return instr


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "1") -> None:
    """A complex field (begin / instrText / separate / result / end) at the paragraph end."""
    _append_run(paragraph, _field_char("begin", dirty=True))
    _append_run(paragraph, _instruction(instruction))
    _append_run(paragraph, _field_char("separate"))
    result = OxmlElement("w:t")
    result.text = placeholder
    _append_run(paragraph, result)
    _append_run(paragraph, _field_char("end"))


def add_field_over(paragraphs: list[Paragraph], instruction: str, results: list[str]) -> None:
    """A complex field whose result spans ``paragraphs``, one line of ``results`` in each
    (a TOC: begin and instruction in the first paragraph, end in the last)."""
    _append_run(paragraphs[0], _field_char("begin", dirty=True))
    _append_run(paragraphs[0], _instruction(instruction))
    _append_run(paragraphs[0], _field_char("separate"))
    for paragraph, text in zip(paragraphs, results, strict=True):
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        _append_run(paragraph, t)
    _append_run(paragraphs[-1], _field_char("end"))


def set_update_fields(settings: Settings) -> None:
    """Ask Word to refresh fields (the TOC) when the document opens."""
    element = settings.element.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        settings.element.append(element)
    element.set(qn("w:val"), "true")


# -- the package --------------------------------------------------------------------------

_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def drop_template_leftovers(document: Document, application: str) -> None:
    """Remove what python-docx's default template says about itself: a thumbnail of its
    own empty page (file managers show it as the brief's preview) and extended properties
    naming "Microsoft Macintosh Word" with one page and no words."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype.endswith("/metadata/thumbnail"):
            package.rels.pop(rid)
        elif rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = _APP_XML.format(application=application).encode("utf-8")


def deterministic_zip(data: bytes, when: datetime.datetime) -> bytes:
    """Rewrite a DOCX zip with fixed timestamps and attributes, so equal input gives equal bytes."""
    stamp = max(when, datetime.datetime(1980, 1, 1, tzinfo=when.tzinfo))
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            entry.create_system = 3
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
