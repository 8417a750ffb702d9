"""PO files read with Babel's reader and written as gettext tools write them: the header's
language, previous msgids (``#| msgid``) and obsolete entries that keep their flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from conftest import ROOT, require, run
from jbreport.errors import TranslationError
from jbreport.po.io import read_catalog, render_po, save_catalog
from jbreport.po.template import new_catalog

HEADER = """\
msgid ""
msgstr ""
"Language: en\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=utf-8\\n"

"""


def write_po(path: Path, body: str, header: str = HEADER) -> Path:
    path.write_text(header + body, encoding="utf-8")
    return path


# -- reading and writing the real catalogs -----------------------------------------------


@pytest.mark.parametrize("name", ["en.po", "zh.po", "messages.pot"])
def test_real_catalogs_are_written_back_byte_for_byte(name: str) -> None:
    path = ROOT / "translations" / name
    catalog = read_catalog(path, template=name.endswith(".pot"))
    assert render_po(catalog) == path.read_bytes()


def test_messages_carry_their_msgid_line() -> None:
    path = ROOT / "translations" / "en.po"
    lines = path.read_text(encoding="utf-8").splitlines()
    catalog = read_catalog(path)
    messages = [m for m in catalog if m.id]
    assert messages
    for message in messages:
        assert lines[message.lineno - 1].startswith("msgid "), message.context
        assert lines[message.lineno - 2] == f'msgctxt "{message.context}"'


def test_language_header_is_required_but_not_in_a_template(tmp_path: Path) -> None:
    path = write_po(tmp_path / "en.po", 'msgid "a"\nmsgstr ""\n', header='msgid ""\nmsgstr ""\n\n')
    with pytest.raises(TranslationError, match="no Language field"):
        read_catalog(path)
    assert read_catalog(path, template=True).get("a") is not None


# -- previous msgids and obsolete entries ---------------------------------------------------

LONG_EN = (
    "The quick brown fox jumped over the lazy dog, then ran all the way home to its den "
    "by the river, where it slept until the sun rose over the hills."
)
LONG_ZH = "江北区召开了新春的第一场大会——全区优化营商环境大会。" * 4


def _catalog_with_history() -> Catalog:
    catalog = new_catalog("zh")
    catalog.add(
        LONG_EN.replace("jumped", "jumps"),
        "狐狸",
        context="a/1",
        flags=["fuzzy"],
        previous_id=[LONG_EN],
    )
    catalog.add("短", "short", context="b/1", flags=["fuzzy"], previous_id=[LONG_ZH])
    catalog.add(("{n} day", "{n} days"), ("{n}天",), context="c/1", flags=["python-brace-format"])
    catalog.obsolete[("旧的", "d/1")] = Message(
        "旧的", "old", context="d/1", flags=["fuzzy"], previous_id=["更旧的"]
    )
    catalog.obsolete[("删掉的", "e/1")] = Message("删掉的", "removed", context="e/1")
    return catalog


def test_previous_msgid_and_obsolete_flags_survive_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "zh.po"
    save_catalog(path, _catalog_with_history())
    text = path.read_text(encoding="utf-8")
    assert "#| msgid " in text and '#~| msgid "更旧的"' in text
    back = read_catalog(path)
    assert back.get(LONG_EN.replace("jumped", "jumps"), "a/1").previous_id == [LONG_EN]
    assert back.get("短", "b/1").previous_id == [LONG_ZH]
    assert back.get("短", "b/1").user_comments == []
    old = back.obsolete[("旧的", "d/1")]
    assert old.fuzzy and old.previous_id == ["更旧的"] and old.string == "old"
    assert not back.obsolete[("删掉的", "e/1")].fuzzy
    assert render_po(back) == path.read_bytes()


def test_previous_msgid_is_lifted_from_the_translator_comments(tmp_path: Path) -> None:
    """Babel reads ``#| msgid`` as a translator comment; only those lines become the
    previous msgid, and every other comment and line number stays as written."""
    path = tmp_path / "zh.po"
    path.write_text(
        HEADER.replace("Language: en", "Language: zh")
        + "# | a translator's note, not a previous msgid\n"
        "#, fuzzy\n"
        '#| msgid "old "\n'
        '#| "text"\n'
        "# after it\n"
        'msgctxt "a/1"\n'
        'msgid "new text"\n'
        'msgstr "新"\n',
        encoding="utf-8",
    )
    message = read_catalog(path).get("new text", "a/1")
    assert message.previous_id == ["old text"]
    assert message.user_comments == ["| a translator's note, not a previous msgid", "after it"]
    assert message.lineno == 13


def test_gettext_reads_previous_msgids_and_obsolete_entries(tmp_path: Path) -> None:
    msgfmt = require("msgfmt")
    path = tmp_path / "zh.po"
    save_catalog(path, _catalog_with_history())
    run(msgfmt, "--check", "-o", tmp_path / "zh.mo", path)
    fuzzy = run(require("msgattrib"), "--only-fuzzy", "--no-obsolete", path)
    assert 'msgctxt "a/1"' in fuzzy and 'msgctxt "b/1"' in fuzzy
    assert 'msgctxt "c/1"' not in fuzzy
    assert "#| msgid" in fuzzy and "lazy dog" in fuzzy
    obsolete = run(require("msgattrib"), "--only-obsolete", path)
    assert '#~ msgctxt "d/1"' in obsolete and '#~ msgctxt "e/1"' in obsolete
    assert '#~| msgid "更旧的"' in obsolete
