"""Raw WordprocessingML, second part (see :mod:`.oxml`): fields (PAGE, NUMPAGES, TOC) and the
package itself (the template's leftovers dropped, the zip written deterministically)."""

from __future__ import annotations

import datetime
import io
import zipfile
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.settings import Settings
from docx.text.paragraph import Paragraph

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
