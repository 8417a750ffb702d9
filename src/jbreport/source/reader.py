"""What every reader of a content file shares: its place, its problems, and the primitives
that read one value (text, a translatable string, a list, a mapping, an id, a number).

A primitive that finds a problem records it and returns None, so one pass over a file
reports every problem in it.
"""

from __future__ import annotations

import re
from pathlib import Path

from .. import limits
from ..errors import Collector, ContentError, Location, did_you_mean
from ..i18n.placeholders import check_plain
from ..text import clean_text
from .model import Src, check_placeholders
from .yaml import Node

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


def _at_most(most: int) -> str:
    if most == limits.TEXT_CHARS:
        return f"a block holds at most {most:,}: split it into paragraphs"
    if most == limits.METADATA_CHARS:
        return f"at most {most:,} (what a DOCX's document properties hold)"
    return f"at most {most:,}"


class Reader:
    """Validates one content file, collecting problems."""

    def __init__(self, path: Path, project_root: Path) -> None:
        self.path = path
        self.root = project_root
        self.report_id = path.stem
        self.problems = Collector()
        self.used_placeholders: list[tuple[str, Location]] = []
        self.broken_figures: set[str] = set()  # reported once, not again at each use

    def error(self, message: str, loc: Location) -> None:
        self.problems.add(ContentError(message, loc))

    def text(self, node: Node | None, what: str) -> str | None:
        if node is None:
            return None
        if node.kind != "text":
            self.error(f"{what} must be text, not a {node.kind}", node.loc)
            return None
        assert node.text is not None
        return node.text

    def src(
        self, node: Node | None, context: str, what: str, *, figures: bool = True
    ) -> Src | None:
        """A translatable string; with ``figures``, its placeholders must name figures."""
        raw = self.text(node, what)
        if raw is None or node is None:
            return None
        text = clean_text(raw)
        if not text.strip():
            self.error(f"{what} is empty", node.loc)
            return None
        context = f"{self.report_id}/{context}"
        if len(text) > (most := limits.chars_for(context)):
            self.error(f"{what} has {len(text):,} characters; {_at_most(most)}", node.loc)
            return None
        try:
            names = check_placeholders(text)
        except ValueError as exc:
            self.error(f"{what}: {exc} (write a literal brace as {{{{ or }}}})", node.loc)
            return None
        try:
            check_plain(text)
        except ValueError as exc:
            self.error(f"{what}: {exc}", node.loc)
            return None
        if figures:
            self.used_placeholders += [(name, node.loc) for name in names]
        return Src(text, context, node.loc)

    def src_list(self, node: Node | None, key: str) -> tuple[Src, ...]:
        out = []
        for i, item in enumerate(self.items(node, key), start=1):
            if (s := self.src(item, f"{key}/{i}", f"{key} item")) is not None:
                out.append(s)
        return tuple(out)

    def items(self, node: Node | None, what: str) -> tuple[Node, ...]:
        if node is None or node.is_null:
            return ()
        if node.items is None:
            self.error(f"{what} must be a list", node.loc)
            return ()
        return node.items

    def mapping(self, node: Node, what: str, allowed: set[str]) -> bool:
        if node.mapping is None:
            self.error(f"{what} must be a mapping (key: value)", node.loc)
            return False
        for key, value in node.mapping.items():
            if key not in allowed:
                self.error(
                    f"unknown key {key!r} in {what}{_unknown_key_hint(key, value, allowed)}",
                    node.key_locs[key],
                )
        return True

    def ident(self, node: Node | None, what: str, seen: dict[str, Location]) -> str | None:
        value = self.text(node, what)
        if value is None or node is None:
            return None
        if not ID_RE.fullmatch(value):
            self.error(f"{what} {value!r} must be ASCII letters, digits, - or _", node.loc)
            return None
        if value in seen:
            self.error(f"duplicate {what} {value!r} (first at line {seen[value].line})", node.loc)
            return None
        seen[value] = node.loc
        return value

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        raw = self.text(node, what)
        if raw is None:
            return None
        if not re.fullmatch(r"-?\d+", raw.strip()) or not low <= int(raw) <= high:
            self.error(f"{what} must be a whole number from {low} to {high}, not {raw!r}", node.loc)
            return None
        return int(raw)


def _unknown_key_hint(key: str, value: Node, allowed: set[str]) -> str:
    """What the user probably meant: a near key, or, for a key that is digits with no
    value, a number whose comma YAML read as the end of an entry ({value: 2,150万})."""
    if key[:1].isdigit() and value.is_null:
        return (
            "; a comma inside {…} ends an entry: quote a number written with a comma"
            f' (value: "…,{key}")'
        )
    return did_you_mean(key, sorted(allowed))
