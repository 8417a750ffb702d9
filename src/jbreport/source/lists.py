"""The readers of ``list:`` and ``signoff:`` blocks.

    - list: [item, item, [nested, nested]]        # bulleted; a nested list belongs to
    - list: {numbered: true, items: […]}          #   the item before it (one level)
    - signoff: [重庆市南岸区统计局, "{release_date}"]  # closing lines, right-aligned

An item's msgctxt is ``<report>/<where>/list-<n>/<i>`` (``…/<i>.<j>`` nested), ``list-<n>``
counting the lists of its block list, or ``<where>/<id>/<i>`` for a list given an ``id``; a
sign-off line's ``<where>/signoff-<n>/<i>``.  A line that is one ``{figure}`` has no entry.
"""

from __future__ import annotations

from .model import Src, SrcFigureRef, SrcList, SrcListItem, SrcSignoff
from .reader import Reader
from .scope import Scope
from .tables import read_cell
from .yaml import Node

LIST_KEYS = {"id", "numbered", "items"}


def read_list(r: Reader, item: Node, scope: Scope) -> SrcList | None:
    if not r.mapping(item, "a list block", {"list"}):
        return None
    node = item.get("list")
    assert node is not None
    number = scope.next("list")
    where = f"{scope.where}/list-{number}"
    numbered = False
    if node.mapping is not None:
        if not r.mapping(node, "a list", LIST_KEYS):
            return None
        if (lid := r.ident(node.get("id"), "list id", scope.local_ids)) is not None:
            where = f"{scope.where}/{lid}"
        numbered = _flag(r, node.get("numbered"), "numbered")
        node = node.get("items")
        if node is None:
            r.error("a list needs 'items'", item.loc)
            return None
    items = _items(r, node, where)
    if not items:
        if node.items == ():
            r.error("a list needs at least one item", node.loc)
        return None
    return SrcList(numbered, items)


def _items(r: Reader, node: Node, where: str) -> tuple[SrcListItem, ...]:
    """The items; a nested list is the children of the item before it."""
    out: list[SrcListItem] = []
    for entry in r.items(node, "a list"):
        if entry.items is not None:
            if not out:
                r.error("a nested list belongs to the item before it: this one has none", entry.loc)
                continue
            parent = out[-1]
            children = _children(r, entry, f"{where}/{len(out)}")
            out[-1] = SrcListItem(parent.text, parent.children + children)
            continue
        text = r.src(entry, f"{where}/{len(out) + 1}", "list item")
        if text is not None:
            out.append(SrcListItem(text))
    return tuple(out)


def _children(r: Reader, node: Node, where: str) -> tuple[SrcListItem, ...]:
    out = []
    assert node.items is not None
    for j, entry in enumerate(node.items, start=1):
        if entry.items is not None:
            r.error("a list nests one level deep: this list is inside a nested one", entry.loc)
            continue
        if (text := r.src(entry, f"{where}.{j}", "list item")) is not None:
            out.append(SrcListItem(text))
    return tuple(out)


def _flag(r: Reader, node: Node | None, what: str) -> bool:
    if node is None:
        return False
    value = r.text(node, what)
    if value is None:
        return False
    if value.lower() not in ("true", "false"):
        r.error(f"{what} is true or false, not {value!r}", node.loc)
        return False
    return value.lower() == "true"


def read_signoff(r: Reader, item: Node, scope: Scope) -> SrcSignoff | None:
    if not r.mapping(item, "a signoff block", {"signoff"}):
        return None
    node = item.get("signoff")
    assert node is not None
    where = f"{scope.where}/signoff-{scope.next('signoff')}"
    if node.kind == "text":
        node_items: tuple[Node, ...] = (node,)  # one line
    else:
        node_items = r.items(node, "signoff")
    lines: list[Src | SrcFigureRef] = []
    for i, entry in enumerate(node_items, start=1):
        line = read_cell(r, entry, f"{where}/{i}", "signoff line", empty=False)
        if line is not None:
            lines.append(line)
    if not lines:
        if not node_items:
            r.error("a signoff needs at least one line", node.loc)
        return None
    return SrcSignoff(tuple(lines))
