"""The merge's promise, as a property: whatever is edited, no translation is ever lost."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jbreport.po.io import read_catalog, save_catalog
from jbreport.translations.commands import init, update
from test_translations_commands import (
    catalog_of,
    mini_project,
    write_mini,
)

EDITS = ("edit", "insert", "delete", "move", "rename", "add_figure", "drop_figure", "copy")


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    sizes=st.lists(st.integers(1, 4), min_size=1, max_size=3),
    edits=st.lists(
        st.tuples(st.sampled_from(EDITS), st.integers(0, 50), st.integers(0, 50)),
        min_size=1,
        max_size=6,
    ),
    translate=st.lists(st.booleans(), min_size=6, max_size=6),
)
def test_no_translation_is_ever_lost(
    sizes: list[int], edits: list[tuple[str, int, int]], translate: list[bool]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        counter = iter(range(10_000))
        sections = [
            (f"s{i}", [f"段落{next(counter)}文字" for _ in range(size)])
            for i, size in enumerate(sizes)
        ]
        root = mini_project(Path(folder), sections)
        init(root, "en")
        path = root / "translations" / "en.po"
        written: set[str] = set()
        _translate_all(path, written)
        for step, (kind, a, b) in enumerate(edits):
            _apply(kind, a, b, sections, counter)
            write_mini(root, sections)
            update(root)
            catalog = read_catalog(path, expect_language="en")
            _check_catalog(catalog, written)
            if translate[step]:
                _translate_all(path, written)
        # a second update changes nothing
        before = path.read_bytes()
        assert update(root)[1] == (path, False)
        assert path.read_bytes() == before


def _translate_all(path: Path, written: set[str]) -> None:
    """The translator fills every untranslated entry (and changes no other)."""
    catalog = read_catalog(path, expect_language="en")
    for message in catalog:
        if message.id and not message.string:
            message.string = "EN:" + str(message.id)
            written.add(message.string)
    save_catalog(path, catalog)


def _check_catalog(catalog: Catalog, written: set[str]) -> None:
    live = {str(m.string) for m in catalog if m.id}
    obsolete = {str(m.string) for m in catalog.obsolete.values()}
    lost = written - live - obsolete
    assert not lost, f"translations lost: {sorted(lost)}"
    for message in catalog:
        if not message.id or not message.string:
            continue
        if message.fuzzy:
            # a fuzzy entry shows the text its translation was made for
            assert message.previous_id, message
            assert message.string == "EN:" + message.previous_id[0], message
        else:
            # a current translation is one of this very text
            assert message.string == "EN:" + message.id, message


def _apply(
    kind: str, a: int, b: int, sections: list[tuple[str, list[str]]], counter: Iterator[int]
) -> None:
    fresh = f"新段落{next(counter)}"
    section = sections[a % len(sections)]
    paragraphs = section[1]
    if kind == "insert" or not paragraphs:
        paragraphs.insert(b % (len(paragraphs) + 1), fresh)
        return
    i = b % len(paragraphs)
    if kind == "edit":
        paragraphs[i] = paragraphs[i] + "改"
    elif kind == "delete" and (len(paragraphs) > 1 or len(sections) > 1):
        del paragraphs[i]
        if not paragraphs:
            sections.remove(section)
    elif kind == "move":
        paragraphs.insert(a % len(paragraphs), paragraphs.pop(i))
    elif kind == "rename":
        sections[sections.index(section)] = (f"{section[0]}x", paragraphs)
    elif kind == "add_figure":
        paragraphs[i] = paragraphs[i] + "{n1}"
    elif kind == "drop_figure":
        paragraphs[i] = paragraphs[i].replace("{n1}", "", 1)
    elif kind == "copy":
        paragraphs.insert(a % (len(paragraphs) + 1), paragraphs[i])


def test_the_mini_project_builds_a_catalog(tmp_path: Path) -> None:
    root = mini_project(tmp_path, [("a", ["一{n1}", "二"]), ("b", ["三"])])
    init(root, "en")
    contexts = {m.context for m in catalog_of(root, "en") if m.id}
    assert contexts == {
        "mini/title",
        "mini/sections/a/heading",
        "mini/sections/a/1",
        "mini/sections/a/2",
        "mini/sections/b/heading",
        "mini/sections/b/1",
    }
