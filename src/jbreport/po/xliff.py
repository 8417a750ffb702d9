"""XLIFF for CAT tools (Trados, memoQ, Phrase, Crowdin): export a catalog, import it back.

Version 2.1 by default, 1.2 on request (``version="1.2"``): memoQ's and Trados' XLIFF
filters and most agency workflows still exchange 1.2, newer tools (Phrase, Crowdin, Okapi)
read 2.x.  Each live entry is a unit (see :mod:`.units`): its id is made from msgctxt and
msgid, its ``name`` (2.1) or ``resname`` (1.2) is the msgctxt.  ``{placeholders}`` are inline
codes: ``<ph canCopy="no" canDelete="no">`` in 2.1 (the CAT tool lets the translator move
one, not delete, retype or duplicate it), ``<x equiv-text="{name}"/>`` in 1.2.  Locations,
extracted comments and translator comments are notes.

Review state, both ways (2.1 ``<segment state>``; 1.2 ``<target state>`` and ``approved``):

=================  ===================================  =====================================
PO                 XLIFF 2.1                            XLIFF 1.2
=================  ===================================  =====================================
untranslated       ``initial``, no ``<target>``         no ``<target>``
fuzzy              ``initial`` with a ``<target>``      ``needs-review-translation``, ``no``
translated         ``translated``                       ``translated``, ``approved="yes"``
=================  ===================================  =====================================

Fuzzy is ``initial`` (a draft), not ``translated``: a CAT tool shows a ``translated``
segment as confirmed, and the translator would never look at it.  On import ``translated``,
``reviewed`` and ``final`` (1.2: ``translated``, ``signed-off``, ``final``) confirm a
translation (the fuzzy mark goes); ``initial`` with text (1.2: ``new``, ``needs-…``) is fuzzy.
An import changes only the translations (and fuzzy marks) that differ from the catalog; it
refuses the whole file when a unit's source is no longer in the catalog.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..errors import Location, TranslationError
from ..i18n.placeholders import raw_fields
from .units import Edit, Unit

NS2 = "urn:oasis:names:tc:xliff:document:2.0"
NS12 = "urn:oasis:names:tc:xliff:document:1.2"
VERSIONS = ("2.1", "1.2")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_CONFIRMED_2 = {"translated", "reviewed", "final"}
_CONFIRMED_12 = {"translated", "signed-off", "final"}


def xliff_bytes(
    units: Iterable[Unit], original: str, source: str, target: str, version: str = "2.1"
) -> bytes:
    """An XLIFF document of ``units``; ``original`` names the PO file (project-relative)."""
    if version == "1.2":
        return _export_12(units, original, source, target)
    root = etree.Element(f"{{{NS2}}}xliff", nsmap={None: NS2})  # type: ignore[dict-item]
    root.set("version", "2.1")
    root.set("srcLang", source.replace("_", "-"))
    root.set("trgLang", target.replace("_", "-"))
    file = etree.SubElement(root, f"{{{NS2}}}file", id="f1", original=original)
    file.set("canResegment", "no")
    file.set(_XML_SPACE, "preserve")
    for unit in units:
        _unit_2(file, unit)
    return _bytes(root)


def _unit_2(file: etree._Element, unit: Unit) -> None:
    element = etree.SubElement(file, f"{{{NS2}}}unit", id=unit.id)
    if unit.context is not None:
        element.set("name", unit.context)
    notes = [
        *(("location", text) for text in unit.locations),
        *(("developer", text) for text in unit.developer_notes),
        *(("translator", text) for text in unit.translator_notes),
        *(("previous-source", text) for text in ([unit.previous] if unit.previous else [])),
    ]
    if notes:
        holder = etree.SubElement(element, f"{{{NS2}}}notes")
        for category, text in notes:
            etree.SubElement(holder, f"{{{NS2}}}note", category=category).text = text
    segment = etree.SubElement(element, f"{{{NS2}}}segment", id="s1")
    segment.set("state", "initial" if unit.fuzzy or not unit.target else "translated")
    ids = _inline(etree.SubElement(segment, f"{{{NS2}}}source"), unit.source, {}, "2")
    if unit.target:
        _inline(etree.SubElement(segment, f"{{{NS2}}}target"), unit.target, ids, "2")


def _inline(
    element: etree._Element, text: str, source_ids: dict[str, list[str]], version: str
) -> dict[str, list[str]]:
    """Fill ``element`` with ``text``, each placeholder an inline code; in a source the
    codes are numbered (returned by name), in a target they take the source's ids, and a
    placeholder the source lacks (or has fewer times) stays text."""
    ids: dict[str, list[str]] = {}
    used: dict[str, int] = {}
    last: etree._Element | None = None
    for piece in raw_fields(text):
        if isinstance(piece, str):
            if last is None:
                element.text = (element.text or "") + piece
            else:
                last.tail = (last.tail or "") + piece
            continue
        name = piece[0]
        if source_ids:  # a target
            n = used.get(name, 0)
            if n >= len(source_ids.get(name, [])):
                if last is None:
                    element.text = (element.text or "") + "{" + name + "}"
                else:
                    last.tail = (last.tail or "") + "{" + name + "}"
                continue
            used[name] = n + 1
            code_id = source_ids[name][n]
        else:
            code_id = str(sum(len(v) for v in ids.values()) + 1)
            ids.setdefault(name, []).append(code_id)
        last = _code(element, code_id, "{" + name + "}", version)
    return ids


def _code(parent: etree._Element, code_id: str, text: str, version: str) -> etree._Element:
    if version == "1.2":
        code = etree.SubElement(parent, f"{{{NS12}}}x", id=code_id, ctype="x-placeholder")
        code.set("equiv-text", text)
        return code
    code = etree.SubElement(parent, f"{{{NS2}}}ph", id=code_id, equiv=text, disp=text)
    code.set("canCopy", "no")
    code.set("canDelete", "no")
    return code


def _export_12(units: Iterable[Unit], original: str, source: str, target: str) -> bytes:
    root = etree.Element(f"{{{NS12}}}xliff", nsmap={None: NS12})  # type: ignore[dict-item]
    root.set("version", "1.2")
    file = etree.SubElement(root, f"{{{NS12}}}file", original=original, datatype="po")
    file.set("source-language", source.replace("_", "-"))
    file.set("target-language", target.replace("_", "-"))
    body = etree.SubElement(file, f"{{{NS12}}}body")
    for unit in units:
        element = etree.SubElement(body, f"{{{NS12}}}trans-unit", id=unit.id)
        element.set(_XML_SPACE, "preserve")
        if unit.context is not None:
            element.set("resname", unit.context)
        ids = _inline(etree.SubElement(element, f"{{{NS12}}}source"), unit.source, {}, "1.2")
        if unit.target:
            element.set("approved", "no" if unit.fuzzy else "yes")
            tgt = etree.SubElement(element, f"{{{NS12}}}target")
            tgt.set("state", "needs-review-translation" if unit.fuzzy else "translated")
            _inline(tgt, unit.target, ids, "1.2")
        for origin, texts in (
            ("developer", unit.developer_notes),
            ("translator", unit.translator_notes),
        ):
            for text in texts:
                _note_12(element, origin, text)
        if unit.previous:
            _note_12(element, "previous-source", unit.previous)
        for location in unit.locations:
            group = etree.SubElement(element, f"{{{NS12}}}context-group", purpose="location")
            name, _, line = location.rpartition(":") if ":" in location else (location, "", "")
            ctx = etree.SubElement(group, f"{{{NS12}}}context")
            ctx.set("context-type", "sourcefile")
            ctx.text = name
            if line:
                number = etree.SubElement(group, f"{{{NS12}}}context")
                number.set("context-type", "linenumber")
                number.text = line
    return _bytes(root)


def _note_12(element: etree._Element, origin: str, text: str) -> None:
    note = etree.SubElement(element, f"{{{NS12}}}note")
    note.set("from", origin)
    note.text = text


def _line(element: etree._Element) -> int | None:
    line = element.sourceline
    return line if isinstance(line, int) else None


def _bytes(root: etree._Element) -> bytes:
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


# -- import -------------------------------------------------------------------------------


def read_xliff(path: Path) -> tuple[str, str, list[Edit]]:
    """The PO file an XLIFF document was exported from (its ``original``), its target
    language, and its units as edits; a malformed file is one TranslationError with its
    line."""
    shown = Location.of(path).path
    try:
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
    except OSError as exc:
        raise TranslationError(f"cannot read: {exc}", Location(shown)) from None
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        raise TranslationError(f"not well-formed XML: {exc.msg}", Location(shown, line)) from None
    root = tree.getroot()
    if root.tag not in (f"{{{NS2}}}xliff", f"{{{NS12}}}xliff"):
        raise TranslationError(
            f"not an XLIFF 2.x or 1.2 document (root {root.tag})", Location(shown, _line(root))
        )
    ns = NS2 if root.tag == f"{{{NS2}}}xliff" else NS12
    files = root.findall(f"{{{ns}}}file")
    if len(files) != 1:
        raise TranslationError("expected exactly one <file> element", Location(shown, 1))
    file = files[0]
    original = file.get("original")
    lang_attr = "trgLang" if ns == NS2 else "target-language"
    language = (root if ns == NS2 else file).get(lang_attr)
    if not original or not language:
        raise TranslationError(
            f"no 'original' or '{lang_attr}' attribute: not exported by jbreport",
            Location(shown, _line(file)),
        )
    if ns == NS2:
        edits = [_edit_2(u, shown) for u in file.iter(f"{{{NS2}}}unit")]
    else:
        edits = [_edit_12(u, shown) for u in file.iter(f"{{{NS12}}}trans-unit")]
    return original, language.replace("-", "_"), edits


def _edit_2(unit: etree._Element, shown: str) -> Edit:
    where = Location(shown, _line(unit))
    sources, targets, states = [], [], []
    for segment in unit.iter(f"{{{NS2}}}segment", f"{{{NS2}}}ignorable"):
        codes: dict[str, str] = {}
        source = segment.find(f"{{{NS2}}}source")
        if source is None:
            raise TranslationError("a segment without <source>", Location(shown, _line(segment)))
        sources.append(_text(source, codes, shown, define=True))
        target = segment.find(f"{{{NS2}}}target")
        targets.append(_text(target, codes, shown) if target is not None else "")
        if segment.tag == f"{{{NS2}}}segment":
            states.append(segment.get("state", "initial"))
    unit_id = unit.get("id", "")
    joined = "".join(targets)
    fuzzy = None if not joined else not all(s in _CONFIRMED_2 for s in states)
    return Edit(unit_id, "".join(sources), joined, fuzzy, where)


def _edit_12(unit: etree._Element, shown: str) -> Edit:
    where = Location(shown, _line(unit))
    codes: dict[str, str] = {}
    source = unit.find(f"{{{NS12}}}source")
    if source is None:
        raise TranslationError("a trans-unit without <source>", where)
    text = _text(source, codes, shown, define=True)
    target_element = unit.find(f"{{{NS12}}}target")
    target: str = _text(target_element, codes, shown) if target_element is not None else ""
    fuzzy: bool | None = None
    if target and target_element is not None:
        state = target_element.get("state")
        fuzzy = state not in _CONFIRMED_12 if state is not None else unit.get("approved") == "no"
    return Edit(unit.get("id", ""), text, target, fuzzy, where)


_MARKERS = {"mrk", "g"}  # annotations a CAT tool may add around text: their text stays
_EMPTY_MARKERS = {"sm", "em"}  # the start and end of an annotation: nothing to keep


def _text(
    element: etree._Element, codes: dict[str, str], shown: str, *, define: bool = False
) -> str:
    """The string of a <source> or <target>: its text, each placeholder code as ``{name}``
    (a target's codes as its source defined them)."""
    out = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):  # a comment or processing instruction
            out.append(child.tail or "")
            continue
        local = etree.QName(child).localname
        code_id = child.get("id", "")
        if local in ("ph", "x"):
            ref = child.get("copyOf") or code_id
            text = child.get("equiv") or child.get("equiv-text") or ""
            if define:
                codes[code_id] = text
            elif ref in codes:
                text = codes[ref]
            else:
                raise TranslationError(
                    f"inline code id {code_id!r} is not in the source",
                    Location(shown, _line(child)),
                )
            out.append(text)
        elif local in _MARKERS:
            out.append(_text(child, codes, shown, define=define))
        elif local not in _EMPTY_MARKERS:
            raise TranslationError(
                f"unexpected <{local}> in a translation: jbreport keeps text and placeholders only",
                Location(shown, _line(child)),
            )
        out.append(child.tail or "")
    return "".join(out)
