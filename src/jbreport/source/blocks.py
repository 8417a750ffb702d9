"""Readers of ``sections:`` and of the blocks of the lead, each section and the closing.

A block is a paragraph (text, or a mapping with ``text``) or a mapping named by its kind
(``photo: {…}``, ``table: {…}``, ``list: […]``, ``signoff: […]``).  A new kind of block is a
dataclass in :mod:`jbreport.source.model` and one reader (here, or in :mod:`.tables` and
:mod:`.lists`), entered in :data:`BLOCK_KINDS` under the key that names it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import Location
from .lists import read_list, read_signoff
from .model import SrcBlock, SrcParagraph, SrcPhoto, SrcSection
from .reader import Reader
from .scope import ReportIds, Scope
from .tables import read_table
from .yaml import Node


def read_sections(r: Reader, node: Node | None, ids: ReportIds) -> tuple[SrcSection, ...]:
    out: list[SrcSection] = []
    section_ids: dict[str, Location] = {}
    for item in r.items(node, "sections"):
        if not r.mapping(item, "a section", {"id", "heading", "blocks"}):
            continue
        sid = r.ident(item.get("id"), "section id", section_ids)
        if sid is None:
            if item.get("id") is None:
                r.error("a section needs an 'id'", item.loc)
            continue
        heading = r.src(item.get("heading"), f"sections/{sid}/heading", "heading")
        if heading is None:
            r.error("a section needs a 'heading'", item.loc)
            continue
        blocks = read_blocks(r, item.get("blocks"), f"sections/{sid}", ids)
        out.append(SrcSection(sid, heading, blocks))
    return tuple(out)


def read_blocks(r: Reader, node: Node | None, where: str, ids: ReportIds) -> tuple[SrcBlock, ...]:
    scope = Scope(where, ids)
    out: list[SrcBlock] = []
    for item in r.items(node, where):
        if (block := _read_block(r, item, scope)) is not None:
            out.append(block)
    return tuple(out)


def _read_block(r: Reader, item: Node, scope: Scope) -> SrcBlock | None:
    if item.kind == "text":
        number = scope.next_paragraph()
        if (text := r.src(item, f"{scope.where}/{number}", "paragraph")) is None:
            return None
        return SrcParagraph(str(number), text)
    if item.mapping is None:
        r.error("a block is a paragraph (text) or a mapping", item.loc)
        return None
    for key, read in BLOCK_KINDS.items():
        if key in item.mapping:
            return read(r, item, scope)
    return _paragraph(r, item, scope)


def _paragraph(r: Reader, item: Node, scope: Scope) -> SrcParagraph | None:
    """A paragraph with its own id (``{id: …, text: …}``): a context that survives edits."""
    if not r.mapping(item, "a paragraph", {"id", "text"}):
        return None
    pid = r.ident(item.get("id"), "paragraph id", scope.local_ids)
    number = scope.next_paragraph()  # counted with an id too: the next one's number stays
    pid = pid or str(number)
    if (text := r.src(item.get("text"), f"{scope.where}/{pid}", "paragraph")) is None:
        return None
    return SrcParagraph(pid, text)


def _photo(r: Reader, item: Node, scope: Scope) -> SrcPhoto | None:
    if not r.mapping(item, "a photo block", {"photo"}):
        return None
    node = item.get("photo")
    assert node is not None
    if not r.mapping(node, "a photo", {"id", "caption", "photographer", "image"}):
        return None
    pid = r.ident(node.get("id"), "photo id", scope.ids.photos)
    if pid is None:
        if node.get("id") is None:
            r.error("a photo needs an 'id'", node.loc)
        return None
    caption = r.src(node.get("caption"), f"photos/{pid}/caption", "caption")
    if caption is None:
        r.error("a photo needs a 'caption'", node.loc)
        return None
    photographer = r.src(node.get("photographer"), f"photos/{pid}/photographer", "photographer")
    image = None
    if (img := node.get("image")) is not None and not img.is_null:
        image = _image(r, img)
    return SrcPhoto(pid, caption, photographer, image)


def _image(r: Reader, node: Node) -> Path | None:
    """The photo's file: relative to the content file, inside the project, a real image."""
    raw = r.text(node, "image")
    if raw is None:
        return None
    if Path(raw).is_absolute() or raw.startswith("~"):
        r.error(f"image {raw!r}: use a path relative to the content file", node.loc)
        return None
    path = r.path.parent / raw
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):
        r.error(f"image {raw!r} does not exist", node.loc)
        return None
    if not real.is_relative_to(r.root.resolve()):
        r.error(f"image {raw!r} is outside the project; refused", node.loc)
        return None
    if not real.is_file():
        r.error(f"image {raw!r} is not a file", node.loc)
        return None
    from .images import problem  # Pillow, only for content that has photos

    if (why := problem(real)) is not None:
        r.error(f"image {raw!r} {why}", node.loc)
        return None
    return real


BLOCK_KINDS: dict[str, Callable[[Reader, Node, Scope], SrcBlock | None]] = {
    "photo": _photo,
    "table": read_table,
    "list": read_list,
    "signoff": read_signoff,
}
