"""Tagged PDF: the structure tree (what a screen reader reads, in reading order), built from
the marked content the canvas recorded, and the XMP metadata packet."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any, Literal
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFObject,
    PDFObjectReference,
    PDFStream,
    PDFString,
)

from ...model import Document

# the standard structure types the writer uses (ISO 32000-1, 14.8.4)
StructureType = Literal[
    "P", "H1", "H2", "Caption", "Figure", "Table", "TR", "TH", "TD", "L", "LI", "Lbl", "LBody"
]


@dataclass
class Outline:
    """A heading's entry in the PDF outline (bookmarks)."""

    title: str
    key: str
    level: int


@dataclass(eq=False)
class Tag:
    """An element of the PDF's structure tree: a paragraph, heading, caption or figure, and
    the marked content it was drawn as, one (page index, MCID) per page it spans."""

    role: StructureType
    lang: str | None = None
    alt: str | None = None  # a figure's text alternative
    parent: Tag | None = None  # a table's row, a row's table; None: the document
    scope: Literal["Row", "Column"] = "Row"  # what a TH heads
    parts: list[tuple[int, int]] = field(default_factory=list)


class StructElem(PDFObject):  # type: ignore[misc]
    """A structure element, written directly: a long report has thousands, and reportlab's
    generic dictionaries took a tenth of a second to write them."""

    def __init__(self, tag: Tag, parent: PDFObjectReference, lang: str | None) -> None:
        self.tag, self.parent, self.lang = tag, parent, lang
        self.kids: list[PDFObjectReference] = []  # a table's rows, a row's cells

    def format(self, document: Any) -> bytes:
        tag = self.tag
        out = [f"<< /Type /StructElem /S /{tag.role} /P {self.parent.format(document).decode()}"]
        if tag.role == "TH":  # a key figure's label heads its row, a column label its column
            out.append(f" /A << /O /Table /Scope /{tag.scope} >>")
        if self.lang:
            out.append(f" /Lang ({self.lang})")
        if tag.alt:
            out.append(" /Alt " + PDFString(tag.alt).format(document).decode("latin-1"))
        out.append(self._kids(document))
        out.append(" >>")
        return "".join(out).encode("latin-1")

    def _kids(self, document: Any) -> str:
        tag = self.tag
        if self.kids:
            refs = " ".join(kid.format(document).decode() for kid in self.kids)
            return f" /K [{refs}]"
        if len({page for page, _mcid in tag.parts}) == 1:  # the page once, the content by number
            page = page_ref(tag.parts[0][0]).format(document).decode()
            mcids = " ".join(str(mcid) for _page, mcid in tag.parts)
            return f" /Pg {page} /K {mcids if len(tag.parts) == 1 else f'[{mcids}]'}"
        marked = " ".join(
            f"<< /Type /MCR /Pg {page_ref(page).format(document).decode()} /MCID {mcid} >>"
            for page, mcid in tag.parts
        )
        return f" /K [{marked}]"


def page_ref(index: int) -> PDFObjectReference:
    return PDFObjectReference(f"Page{index + 1}")  # reportlab's name of that page object


def structure(doc: Any, document: Document, tags: list[Tag], marks: dict[int, list[Tag]]) -> None:
    """The structure tree (ISO 32000-1, 14.7) in the PDF ``doc``: a Document element holding
    every tagged element in reading order (``tags``), each pointing at its marked content
    on its pages (``marks``: page index -> the tag of each MCID), and the XMP packet."""
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    root_ref = doc.Reference(root, "StructTreeRoot")
    top = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName("Document")})
    top["P"] = root_ref
    if document.metadata.language:
        top["Lang"] = PDFString(document.metadata.language)
    top_ref = doc.Reference(top, "StructDocument")
    languages = (*document.languages, *document.fallback_languages)
    bcp47 = {lang.tag: lang.bcp47 for lang in languages}
    refs: dict[int, PDFObjectReference] = {}
    elements: dict[int, StructElem] = {}
    for number, tag in enumerate(tags):
        lang = bcp47[tag.lang] if tag.lang else None
        parent = refs[id(tag.parent)] if tag.parent is not None else top_ref
        elements[id(tag)] = StructElem(tag, parent, lang)
        refs[id(tag)] = doc.Reference(elements[id(tag)], f"StructElem{number}")
        if tag.parent is not None:
            elements[id(tag.parent)].kids.append(refs[id(tag)])
    top["K"] = PDFArray([refs[id(tag)] for tag in tags if tag.parent is None])
    nums: list[Any] = []
    for page in sorted(marks):
        nums += [page, PDFArray([refs[id(tag)] for tag in marks[page]])]
    root["K"] = top_ref
    root["ParentTree"] = PDFDictionary({"Nums": PDFArray(nums)})
    root["ParentTreeNextKey"] = max(marks, default=-1) + 1
    catalog = doc.Catalog
    catalog.StructTreeRoot = root_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})
    metadata = PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")})
    catalog.Metadata = doc.Reference(PDFStream(metadata, xmp(document)), "XMPMetadata")


def xmp(document: Document) -> bytes:
    """The document's XMP metadata packet: what the Info dictionary says, readable by
    archives and accessibility checkers (which look for dc:title here)."""
    meta = document.metadata
    created = meta.created.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    languages = "".join(f"<rdf:li>{escape(lang.bcp47)}</rdf:li>" for lang in document.languages)
    authors = "".join(f"<rdf:li>{escape(name)}</rdf:li>" for name in meta.authors)

    def alternative(text: str) -> str:
        return f'<rdf:Alt><rdf:li xml:lang="x-default">{escape(text)}</rdf:li></rdf:Alt>'

    text = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
<dc:title>{alternative(meta.title)}</dc:title>
<dc:description>{alternative(meta.subject)}</dc:description>
<dc:creator><rdf:Seq>{authors}</rdf:Seq></dc:creator>
<dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>
<pdf:Keywords>{escape(", ".join(meta.keywords))}</pdf:Keywords>
<pdf:Producer>jbreport (reportlab)</pdf:Producer>
<xmp:CreatorTool>jbreport</xmp:CreatorTool>
<xmp:CreateDate>{created}</xmp:CreateDate>
<xmp:ModifyDate>{created}</xmp:ModifyDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>"""
    return text.encode("utf-8")
