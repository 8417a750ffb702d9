"""The raw WordprocessingML python-docx has no API for, in one place.

Fields (PAGE, NUMPAGES, TOC), East Asian fonts (``w:rFonts w:eastAsia``), language tags
(``w:lang``), the theme font language, table cell shading and widths, keep-with-next, and
deterministic zip packaging.  Everything takes and returns lxml elements of python-docx.
"""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: Any, *, latin: str | None, east_asian: str | None, hint: bool = False) -> None:
    """Latin and East Asian fonts on a ``w:rPr`` (style or run)."""
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


def clear_character_spacing(rpr: Any) -> None:
    """Drop letter spacing (python-docx's Subtitle spreads its letters apart)."""
    spacing = rpr.find(qn("w:spacing"))
    if spacing is not None:
        rpr.remove(spacing)


def set_first_line_chars(ppr: Any, hundredths: int, twips_per_char: int = 220) -> None:
    """A first-line indent in characters (``w:firstLineChars``: 200 = two characters), with
    the same indent in twips for applications that ignore character units."""
    ind = _child(ppr, "w:ind")
    ind.set(qn("w:firstLineChars"), str(hundredths))
    ind.set(qn("w:firstLine"), str(hundredths * twips_per_char // 100))


def set_lang(rpr: Any, *, val: str, east_asian: str | None = None) -> None:
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), val)
    if east_asian:
        lang.set(qn("w:eastAsia"), east_asian)


def add_run(paragraph: Any, text: str) -> Any:
    """A run holding ``text``.  python-docx's text setter walks it a character at a time to
    turn tabs and line breaks into elements (a tenth of a long brief's time); text without
    them goes into one w:t, which is what the setter would write."""
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


def run_properties(run: Any) -> Any:
    return run._r.get_or_add_rPr()


def style_properties(style: Any) -> Any:
    return style.element.get_or_add_rPr()


def doc_defaults_rpr(styles_element: Any) -> Any:
    defaults = _child(styles_element, "w:docDefaults", first=True)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    return _child(rpr_default, "w:rPr")


def set_theme_font_lang(settings_element: Any, *, val: str, east_asian: str | None) -> None:
    """python-docx's template says ja-JP here, which makes Chinese show in a Japanese font."""
    element = settings_element.find(qn("w:themeFontLang"))
    if element is None:
        element = OxmlElement("w:themeFontLang")
        settings_element.append(element)
    element.set(qn("w:val"), val)
    if east_asian:
        element.set(qn("w:eastAsia"), east_asian)
    else:
        element.attrib.pop(qn("w:eastAsia"), None)


def add_field(paragraph: Any, instruction: str, placeholder: str = "1") -> None:
    """A complex field (begin / instrText / separate / result / end) at the paragraph end."""

    def run_with(child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    result = OxmlElement("w:t")
    result.text = placeholder
    run_with(result)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def styled_paragraph_texts(body: Any, levels: dict[str, int]) -> list[tuple[int, str]]:
    """(level, text) of each paragraph, tables included, whose style id is in ``levels``."""
    out = []
    for p in body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in levels:
            continue
        text = "".join(t.text or "" for t in p.iter(qn("w:t")))
        if text.strip():
            out.append((levels[style.get(qn("w:val"))], text))
    return out


def add_field_over(paragraphs: list[Any], instruction: str, results: list[str]) -> None:
    """A complex field whose result spans ``paragraphs``, one line of ``results`` in each
    (a TOC: begin and instruction in the first paragraph, end in the last)."""

    def run_with(paragraph: Any, child: Any) -> None:
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    def field_char(kind: str) -> Any:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        return char

    begin = field_char("begin")
    begin.set(qn("w:dirty"), "true")
    run_with(paragraphs[0], begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(paragraphs[0], instr)
    run_with(paragraphs[0], field_char("separate"))
    for paragraph, text in zip(paragraphs, results, strict=True):
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run_with(paragraph, t)
    run_with(paragraphs[-1], field_char("end"))


def set_update_fields(settings_element: Any) -> None:
    """Ask Word to refresh fields (the TOC) when the document opens."""
    element = settings_element.find(qn("w:updateFields"))
    if element is None:
        element = OxmlElement("w:updateFields")
        settings_element.append(element)
    element.set(qn("w:val"), "true")


def shade_cell(cell: Any, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shading = _child(tcpr, "w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)


def set_table_borders(
    style_element: Any, *, color: str, size: int = 4, inside_h: bool = True
) -> None:
    """Borders on a table style: a rule at top and bottom and between rows."""
    tblpr = _child(style_element, "w:tblPr")
    borders = _child(tblpr, "w:tblBorders")
    for edge in ("top", "bottom", *(("insideH",) if inside_h else ())):
        element = _child(borders, f"w:{edge}")
        element.set(qn("w:val"), "single")
        element.set(qn("w:sz"), str(size))
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), color)
    for edge in ("left", "right", "insideV", *(() if inside_h else ("insideH",))):
        element = _child(borders, f"w:{edge}")
        element.set(qn("w:val"), "nil")


def set_table_cell_margins(style_element: Any, *, left: int, right: int) -> None:
    tblpr = _child(style_element, "w:tblPr")
    margins = _child(tblpr, "w:tblCellMar")
    for side, value in (("left", left), ("right", right)):
        element = _child(margins, f"w:{side}")
        element.set(qn("w:w"), str(value))
        element.set(qn("w:type"), "dxa")


def set_outline_level(paragraph_format_element: Any, level: int) -> None:
    ppr = paragraph_format_element
    outline = _child(ppr, "w:outlineLvl")
    outline.set(qn("w:val"), str(level))


def mark_header_row(row: Any) -> None:
    """Repeat the row at the top of each page the table crosses."""
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:tblHeader")


def set_alt_text(inline_shape: Any, title: str, description: str) -> None:
    """What a screen reader says for a picture (wp:docPr title and descr)."""
    doc_pr = inline_shape._inline.docPr
    doc_pr.set("title", title)
    doc_pr.set("descr", description)


def keep_lines_apart(row: Any) -> None:
    """Let a bilingual row break across pages (Word's default, made explicit)."""
    trpr = row._tr.get_or_add_trPr()
    cant = trpr.find(qn("w:cantSplit"))
    if cant is not None:
        trpr.remove(cant)


_APP_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>{application}</Application><DocSecurity>0</DocSecurity></Properties>"
)


def drop_template_leftovers(document: Any, application: str) -> None:
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
