"""YAML read with PyYAML's safe composer, every value kept with its file:line:column.

Values are not constructed by PyYAML (no tags that build Python objects, no floats): a
scalar stays the text the user typed, so figures become exact Decimals and every error can
point at the line it came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .. import limits
from ..errors import ContentError, Location
from ..i18n.script import CJK_RE
from ..text import utf8_text

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value: ``text`` for scalars, ``mapping`` or ``items`` for collections."""

    loc: Location
    text: str | None = None
    mapping: dict[str, Node] | None = None
    items: tuple[Node, ...] | None = None
    quoted: bool = False
    key_locs: dict[str, Location] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        if self.mapping is not None:
            return "mapping"
        if self.items is not None:
            return "list"
        return "text"

    @property
    def is_null(self) -> bool:
        return (
            self.text is not None
            and not self.quoted
            and self.text in ("", "~", "null", "Null", "NULL")
        )

    def get(self, key: str) -> Node | None:
        assert self.mapping is not None
        return self.mapping.get(key)

    def entries(self) -> Iterator[tuple[str, Node]]:
        assert self.mapping is not None
        yield from self.mapping.items()


# libyaml's composer when PyYAML was built with it (13× faster), else the pure-Python one;
# both are the safe loader and keep line marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Pasted invisible characters: controls YAML refuses, and the separators YAML would count as
# line breaks (so every later line number would be off by one) although editors do not.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]+")
_SEPARATORS = "\x0b\x0c\x85\u2028\u2029"


def clean_pasted(text: str, shown: str) -> tuple[str, list[str]]:
    """The text without pasted control characters, and a note for each (file:line:col).

    A separator (line or paragraph separator, form feed…) becomes a space between Latin
    words and nothing next to an ideograph; other controls are dropped.  Line breaks stay
    where they were, so every line number still matches the editor's."""
    notes: list[str] = []
    if _CONTROLS.search(text) is None:
        return text, notes
    # where each line starts: a file full of pasted controls is not rescanned for each one
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]

    def replace(match: re.Match[str]) -> str:
        run, start = match[0], match.start()
        for offset, ch in enumerate(run):
            at = start + offset
            line = bisect_right(line_starts, at)
            column = at - line_starts[line - 1] + 1
            notes.append(
                f"{Location(shown, line, column)}: removed the invisible character"
                f" U+{ord(ch):04X} pasted into the text"
            )
        if not any(ch in _SEPARATORS for ch in run):
            return ""
        # a run of separators is one gap: a space between Latin words, else nothing
        before = text[start - 1] if start else "\n"
        after = text[match.end()] if match.end() < len(text) else "\n"
        if before.isspace() or after.isspace():
            return ""
        if CJK_RE.match(before) or CJK_RE.match(after):
            return ""
        return " "

    return _CONTROLS.sub(replace, text), notes


def _loc(path: str, mark: Any) -> Location:  # a Mark of PyYAML's or of libyaml's
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


class _Builder:
    """Located nodes from PyYAML's event stream, built without recursion: a value nested
    :data:`limits.YAML_DEPTH` deep, an anchor or an alias is refused where it starts (an
    alias would let a few lines expand to billions of nodes)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.stack: list[_Open] = []
        self.root: Node | None = None
        self.documents = 0

    def event(self, event: yaml.Event) -> None:
        loc = _loc(self.path, event.start_mark)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise ContentError("a content file holds one YAML document (a second '---')", loc)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise ContentError(
                "YAML aliases and anchors (*name, &name) are not allowed: write the value out",
                loc,
            )
        if isinstance(event, yaml.CollectionStartEvent):
            self.start(event, loc)
        elif isinstance(event, yaml.CollectionEndEvent):
            self.add(self.stack.pop().node())
        elif isinstance(event, yaml.ScalarEvent):
            _check_tag(event.tag, "tag:yaml.org,2002:str", loc)
            quoted = event.style in ("'", '"', "|", ">")
            self.add(Node(loc, text=str(event.value), quoted=quoted))

    def start(self, event: yaml.CollectionStartEvent, loc: Location) -> None:
        mapping = isinstance(event, yaml.MappingStartEvent)
        _check_tag(event.tag, "tag:yaml.org,2002:" + ("map" if mapping else "seq"), loc)
        if self.stack and self.stack[-1].wants_key():
            raise ContentError("a key must be plain text", loc)
        if len(self.stack) >= limits.YAML_DEPTH:
            raise ContentError(
                f"nested deeper than {limits.YAML_DEPTH} levels (YAML nesting depth);"
                " a report is never this deep",
                loc,
            )
        self.stack.append(_Open(loc, {} if mapping else None))

    def add(self, node: Node) -> None:
        if not self.stack:
            self.root = node
            return
        self.stack[-1].add(node)


@dataclass
class _Open:
    """A mapping or list being built: its items, or its entries and the key read last."""

    loc: Location
    mapping: dict[str, Node] | None
    items: list[Node] = field(default_factory=list)
    key_locs: dict[str, Location] = field(default_factory=dict)
    key: str | None = None

    def wants_key(self) -> bool:
        return self.mapping is not None and self.key is None

    def add(self, node: Node) -> None:
        if self.mapping is None:
            self.items.append(node)
        elif self.key is None:
            self.take_key(node)
        else:
            self.mapping[self.key] = node
            self.key = None

    def take_key(self, node: Node) -> None:
        assert self.mapping is not None and node.text is not None
        key = node.text
        if key == "<<":
            raise ContentError("YAML merge keys (<<) are not supported", node.loc)
        if key in self.mapping:
            raise ContentError(
                f"duplicate key {key!r} (first at line {self.key_locs[key].line})", node.loc
            )
        self.key, self.key_locs[key] = key, node.loc

    def node(self) -> Node:
        if self.mapping is None:
            return Node(self.loc, items=tuple(self.items))
        return Node(self.loc, mapping=self.mapping, key_locs=self.key_locs)


def _check_tag(tag: str | None, default: str, loc: Location) -> None:
    """Only the standard tags: none that would build a Python object."""
    if tag is not None and tag != "!" and tag not in _STANDARD_TAGS:
        raise ContentError(f"YAML tag {tag!r} is not allowed here", loc)


def load_yaml(path: Path, notes: list[str] | None = None) -> Node:
    """Read a YAML file into located nodes; every failure is a ContentError with a line.
    What was cleaned from the text is told in ``notes`` (see :func:`clean_pasted`)."""
    shown = Location.of(path).path
    try:
        if path.stat().st_size > limits.CONTENT_BYTES:
            raise ContentError(
                f"larger than {limits.CONTENT_BYTES // 2**20} MB: not a report", Location(shown)
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"cannot read: {exc.strerror}", Location(shown)) from exc
    text = utf8_text(raw, shown, ContentError, "save the file as UTF-8")
    text, cleaned = clean_pasted(text.removeprefix("\ufeff"), shown)
    if notes is not None:
        notes += cleaned
    builder = _Builder(shown)
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            builder.event(event)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or "invalid YAML"
        context, problem_mark = exc.context_mark, exc.problem_mark
        if exc.context and context and problem_mark and context.line != problem_mark.line:
            problem += f" ({exc.context} started at line {context.line + 1})"
        hint = _tab_hint(text, mark) or _quote_hint(text, mark.line if mark else None)
        raise ContentError(f"YAML syntax error: {problem}{hint}", _loc(shown, mark)) from None
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise ContentError(f"YAML error: {exc.reason}", Location(shown, line)) from None
    except yaml.YAMLError as exc:
        raise ContentError(f"YAML error: {exc}", Location(shown)) from None
    if builder.root is None:
        raise ContentError("the file is empty", Location(shown, 1))
    return builder.root


def _tab_hint(text: str, mark: yaml.Mark | None) -> str:
    """A tab where YAML wants spaces: editors show it as spaces, YAML refuses it."""
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent or line[mark.column : mark.column + 1] == "\t":
        return " (a tab: YAML indents with spaces only; replace the tab with spaces)"
    return ""


def _quote_hint(text: str, problem_line: int | None) -> str:
    """The likely cause of many YAML errors an editor makes: a quote opened and not closed.
    Points at the nearest line at or before the error with an odd number of quotes."""
    if problem_line is None:
        return ""
    lines = text.splitlines()
    for number in range(min(problem_line, len(lines) - 1), -1, -1):
        line = lines[number].replace('\\"', "")
        if line.count('"') % 2 == 1:
            return f" (is a closing quote missing on line {number + 1}?)"
    return ""
