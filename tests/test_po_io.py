"""PO files as gettext tools write and read them: syntax errors with their line, the header's
language, previous msgids (``#| msgid``) and obsolete entries that keep their flags."""

from __future__ import annotations

import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from conftest import ROOT, copy_project, require, run
from jbreport.build import default_editions
from jbreport.cli import main
from jbreport.content import load_reports
from jbreport.errors import JbreportError, TranslationError
from jbreport.i18n.locale import parse_language, same_language
from jbreport.po.io import read_catalog, render_po, save_catalog
from jbreport.po.lookup import Lookup, load_catalogs
from jbreport.po.template import new_catalog
from jbreport.translations.commands import init

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


# -- syntax errors -------------------------------------------------------------------------

BROKEN = {
    # name: (body after the 6-line header, line of the error, words of the message)
    "unterminated string": ('msgid "one\nmsgstr "eins"\n', 7, "unterminated"),
    "unknown keyword": ('msgid "one"\nmsgstr "eins"\n\nmsgstx "zwei"\n', 10, "msgstx"),
    "missing msgstr": ('msgid "one"\n\nmsgid "two"\nmsgstr "zwei"\n', 7, "no msgstr"),
    "text outside an entry": ('msgid "one"\nmsgstr "eins"\n\nhello world\n', 10, "hello"),
    "duplicate entry": (
        'msgctxt "a"\nmsgid "one"\nmsgstr "x"\n\nmsgctxt "a"\nmsgid "one"\nmsgstr "y"\n',
        12,
        "duplicate",
    ),
    "msgstr[2] with two plural forms": (
        'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "Tag"\nmsgstr[1] "Tage"\nmsgstr[2] "x"\n',
        7,
        "num_plurals",
    ),
    "comment inside an entry": ('msgid "one"\n# note\nmsgstr "eins"\n', 7, "no msgstr"),
    "invalid escape": ('msgid "one"\nmsgstr "Yang \\q Min"\n', 8, "invalid control sequence"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_syntax_error_names_file_and_line(tmp_path: Path, case: str) -> None:
    body, line, words = BROKEN[case]
    path = write_po(tmp_path / "en.po", body)
    with pytest.raises(TranslationError) as info:
        read_catalog(path)
    error = info.value
    assert error.location is not None
    assert error.location.path.endswith("en.po")
    assert error.location.line == line, str(error)
    assert words in str(error)
    column = f"{error.location.column}:" if error.location.column is not None else ""
    assert str(error).startswith(f"{error.location.path}:{line}:{column} ")


def test_gettext_agrees_these_files_are_broken(tmp_path: Path) -> None:
    msgfmt = require("msgfmt")
    for case, (body, line, _words) in sorted(BROKEN.items()):
        path = write_po(tmp_path / "en.po", body)
        result = subprocess.run(
            [msgfmt, "--check", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0, case
        if "plural" not in case:  # msgfmt names the header's Plural-Forms line there
            # msgfmt counts the end of an unterminated string on the next line
            near = (f"en.po:{line}:", f"en.po:{line + 1}:" if "unterminated" in case else "")
            assert any(n and n in result.stderr for n in near), (case, result.stderr)


# U+2028, U+2029, NEL and the C0 separators end a line for str.splitlines, not for gettext
LINE_BREAKS_OF_PYTHON = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("char", LINE_BREAKS_OF_PYTHON)
def test_a_string_may_hold_what_python_calls_a_line_break(
    tmp_path: Path, char: str, newline: str
) -> None:
    body = f'msgid "a"\nmsgstr "Yang{char}Min"\n\nmsgctxt "x"\nmsgid "b"\nmsgstr "c{char}"\n'
    path = tmp_path / "en.po"
    path.write_bytes((HEADER + body).replace("\n", newline).encode("utf-8"))
    catalog = read_catalog(path)
    assert catalog.get("a").string == f"Yang{char}Min"
    assert catalog.get("b", "x").string == f"c{char}"
    assert [catalog.get("a").lineno, catalog.get("b", "x").lineno] == [7, 11]  # msgfmt's lines
    save_catalog(tmp_path / "back.po", catalog)
    back = read_catalog(tmp_path / "back.po")
    assert back.get("a").string == f"Yang{char}Min"
    assert back.get("b", "x").string == f"c{char}"


def test_gettext_reads_those_strings_too(tmp_path: Path) -> None:
    msgfmt = require("msgfmt")
    body = "".join(
        f'msgctxt "{i}"\nmsgid "a"\nmsgstr "Yang{char}Min"\n\n'
        for i, char in enumerate(LINE_BREAKS_OF_PYTHON)
    )
    path = write_po(tmp_path / "en.po", body)
    run(msgfmt, "--check", "-o", tmp_path / "en.mo", path)
    assert len([m for m in read_catalog(path) if m.id]) == len(LINE_BREAKS_OF_PYTHON)


def test_an_invalid_escape_names_its_line_and_column(tmp_path: Path) -> None:
    path = write_po(tmp_path / "en.po", 'msgid "one"\nmsgstr "Yang \\q Min"\n')
    with pytest.raises(TranslationError) as info:
        read_catalog(path)
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (8, 15)
    assert str(info.value).startswith(f"{info.value.location.path}:8:15: PO syntax error: ")
    assert "invalid control sequence '\\q'" in str(info.value)


# body of msgstr → column msgfmt reports (a wide character counts 2, a tab to the next 8)
INVALID_ESCAPES = {
    "Yang \\q Min": 15,
    "a\\?": 11,  # C's \? and \' are not gettext's
    "a\\'": 11,
    "a\\u00e9": 11,
    "a\\x": 12,  # \x needs a hex digit
    "江北\\q": 14,
    "\tx\\q": 19,
}


@pytest.mark.parametrize("string", sorted(INVALID_ESCAPES))
def test_invalid_escapes_are_refused_where_msgfmt_refuses_them(tmp_path: Path, string: str) -> None:
    path = write_po(tmp_path / "en.po", f'msgid "one"\nmsgstr "{string}"\n')
    with pytest.raises(TranslationError, match="invalid control sequence") as info:
        read_catalog(path)
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (8, INVALID_ESCAPES[string])
    if shutil.which("msgfmt") or os.environ.get("JBREPORT_REQUIRE_TOOLS") == "1":
        result = subprocess.run(
            [require("msgfmt"), "--check", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        assert f"en.po:8:{INVALID_ESCAPES[string]}: invalid control sequence" in result.stderr


def test_valid_escapes_read_as_gettext_reads_them(tmp_path: Path) -> None:
    strings = {
        "a": ("\\101\\x42\\103", "ABC"),  # octal and hex: bytes of the UTF-8 text
        "b": ("caf\\303\\251", "café"),
        "c": ("\\t\\a\\b\\f\\v\\r\\n", "\t\a\b\f\v\r\n"),
        "d": ('\\\\ \\"', '\\ "'),
    }
    body = "".join(f'msgid "{k}"\nmsgstr "{raw}"\n\n' for k, (raw, _) in strings.items())
    body += '#~ msgid "e"\n#~ msgstr "\\x41"\n'
    path = write_po(tmp_path / "en.po", body)
    catalog = read_catalog(path)
    for key, (_raw, value) in strings.items():
        assert catalog.get(key).string == value, key
    assert catalog.obsolete["e"].string == "A"
    save_catalog(tmp_path / "back.po", catalog)
    assert read_catalog(tmp_path / "back.po").get("b").string == "café"


def test_cli_reports_a_broken_catalog(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_project(tmp_path)
    po = root / "translations" / "en.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith('msgid "王彩艳"'))
    lines[number - 1] = 'msgid "王彩艳'
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["-C", str(root), "translations", "update"]) == 3
    assert f"en.po:{number}: PO syntax error" in capsys.readouterr().err
    assert main(["-C", str(root), "translations", "check", str(po)]) == 1
    assert f"en.po:{number}: PO syntax error: unterminated" in capsys.readouterr().out


def test_non_utf8_catalog_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "fr.po"
    text = HEADER.replace("Language: en", "Language: fr") + 'msgid "café"\nmsgstr "café"\n'
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(TranslationError) as info:
        read_catalog(path)
    assert info.value.location is not None and info.value.location.line == 7
    assert "not UTF-8 (byte 0xe9)" in str(info.value)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "en.po"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + 'msgid "a"\nmsgstr "b"\n').encode("utf-8"))
    assert read_catalog(path).get("a") is not None


def test_language_header_is_required_but_not_in_a_template(tmp_path: Path) -> None:
    path = write_po(tmp_path / "en.po", 'msgid "a"\nmsgstr ""\n', header='msgid ""\nmsgstr ""\n\n')
    with pytest.raises(TranslationError, match="no Language field"):
        read_catalog(path)
    assert read_catalog(path, template=True).get("a") is not None


def test_load_catalogs_refuses_a_catalog_named_for_another_language(tmp_path: Path) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy(ROOT / "translations" / "zh.po", folder / "zh.po")
    write_po(
        folder / "fr.po", 'msgid "a"\nmsgstr "b"\n', HEADER.replace("Language: en", "Language: de")
    )
    with pytest.raises(JbreportError) as info:
        load_catalogs(folder)
    assert "fr.po:1: the file is named for 'fr' but its header says Language: de" in str(info.value)
    (folder / "fr.po").unlink()
    assert load_catalogs(folder).languages() == ["zh"]


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


# -- new catalogs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "forms"),
    [
        ("fr", "nplurals=2; plural=(n > 1);"),
        ("pt_BR", "nplurals=2; plural=(n > 1);"),
        ("es", "nplurals=2; plural=(n != 1);"),
        ("de", "nplurals=2; plural=(n != 1);"),
        ("zh", "nplurals=1; plural=0;"),
        ("zh_TW", "nplurals=1; plural=0;"),
        ("zh_CN", "nplurals=1; plural=0;"),
        ("zh_Hant_TW", "nplurals=1; plural=0;"),
        ("en_GB", "nplurals=2; plural=(n != 1);"),
        ("pt_PT", "nplurals=2; plural=(n != 1);"),
        ("ja", "nplurals=1; plural=0;"),
    ],
)
def test_new_catalog_plural_forms(language: str, forms: str) -> None:
    catalog = new_catalog(language)
    assert catalog.plural_forms == forms
    assert str(catalog.locale) == language
    assert catalog.locale_identifier == language  # the Language header


@pytest.mark.parametrize(
    ("tag", "language", "script", "territory"),
    [
        ("zh_TW", "zh", "Hant", "TW"),
        ("zh_CN", "zh", "Hans", "CN"),
        ("pt_BR", "pt", None, "BR"),
        ("pt-BR", "pt", None, "BR"),
        ("sr_Latn", "sr", "Latn", None),
        ("en_GB", "en", None, "GB"),
    ],
)
def test_parse_language_keeps_the_tag_written(
    tag: str, language: str, script: str | None, territory: str | None
) -> None:
    locale = parse_language(tag)
    assert str(locale) == tag.replace("-", "_")
    assert (locale.language, locale.script, locale.territory) == (language, script, territory)
    assert locale.english_name  # CLDR's data


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("zh_Hans_TW", "did you mean 'zh_Hant_TW'"),
        ("zh-hant-tw", "did you mean 'zh_Hant_TW'?"),
        ("en_ZZ", "did you mean 'en_"),
        ("Chinese", "did you mean 'zh'"),
        ("iw", "CLDR calls it 'he'"),
        ("xx", "not a CLDR locale id"),
    ],
)
def test_an_unknown_language_comes_with_a_hint(language: str, hint: str) -> None:
    with pytest.raises(TranslationError, match=f"unknown language {language!r}") as info:
        parse_language(language)
    assert hint in str(info.value)


@pytest.mark.parametrize("language", ["xx", "und", "en_ZZ", "root", "../fr", ""])
def test_new_catalog_refuses_unknown_languages(language: str) -> None:
    with pytest.raises(TranslationError, match="unknown language"):
        new_catalog(language)


def test_lookup_never_returns_a_fuzzy_translation() -> None:
    catalog = new_catalog("en")
    catalog.add("甲", "A", context="r/1")
    catalog.add("乙", "B", context="r/2", flags=["fuzzy"])
    catalog.add(("{count}个", "{count}个"), ("{count} item", "{count} items"), context="r/n")
    lookup = Lookup("en", catalog, "zh")
    assert lookup.gettext("r/1", "甲") == "A"
    assert lookup.gettext("r/2", "乙") == "乙"
    assert lookup.fallbacks == {("r/2", "乙"): "fuzzy"}
    assert lookup.ngettext("r/n", "{count}个", "{count}个", Decimal(3)) == "{count} items"
    assert lookup.ngettext("r/n", "{count}个", "{count}个", Decimal(1)) == "{count} item"


def test_init_zh_TW_is_an_edition_of_its_own(tmp_path: Path) -> None:
    """zh_TW is Traditional Chinese (CLDR's zh_Hant_TW), so it translates the Simplified
    report; the file and its header keep the tag the translator wrote."""
    root = copy_project(tmp_path)
    path = init(root, "zh_TW")
    assert path == root / "translations" / "zh_TW.po"
    text = path.read_text(encoding="utf-8")
    assert '"Language: zh_TW\\n"' in text
    assert '"Plural-Forms: nplurals=1; plural=0;\\n"' in text
    assert "# Chinese (Traditional, Taiwan) translations" in text
    assert 'msgctxt "jiangbei-2023/title"' in text  # the Simplified content, to translate
    catalogs = load_catalogs(root / "translations")
    assert catalogs.languages() == ["en", "zh", "zh_TW"]
    assert not same_language("zh_TW", "zh") and same_language("zh_TW", "zh_Hant")
    assert same_language("zh_CN", "zh")
    lookup = catalogs.lookup("zh_TW", "zh")
    assert not lookup.is_source and lookup.path == path
    (report,) = load_reports(root / "content")
    assert report.language == "zh"
    # nothing translated yet: not a default edition (every sentence would be Simplified)
    assert ("zh_TW",) not in default_editions(report, catalogs)
    title = catalogs.by_language["zh_TW"].get(report.title.text, context=report.title.context)
    title.string = "江北 將「願景畫」轉化為「實景圖」"
    editions = default_editions(report, catalogs)
    assert ("zh_TW",) in editions and ("zh", "zh_TW") in editions
    with pytest.raises(TranslationError, match="already exists"):
        init(root, "zh_TW")
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        run(msgfmt, "--check", "-o", tmp_path / "zh_TW.mo", path)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("zh", "zh_CN", True),
        ("zh", "zh_Hans", True),
        ("zh", "zh_Hant", False),
        ("zh_TW", "zh_Hant", True),
        ("zh_HK", "zh_TW", False),
        ("en", "en_US", True),
        ("en", "en_GB", False),  # a British edition beside the American one
        ("pt", "pt_BR", True),
        ("pt", "pt_PT", False),
        ("sr", "sr_Cyrl", True),
        ("sr", "sr_Latn", False),
    ],
)
def test_an_edition_is_a_language_script_and_region(a: str, b: str, same: bool) -> None:
    assert same_language(a, b) is same


def test_two_regions_of_one_language_are_two_editions(tmp_path: Path) -> None:
    """en.po and en_GB.po beside each other: each edition reads its own catalog (they once
    collided, both being 'en')."""
    root = copy_project(tmp_path)
    text = (root / "translations" / "en.po").read_text(encoding="utf-8")
    title = "Jiangbei: Turning the “Blueprint” into “Reality”"
    assert text.count(f'msgstr "{title}"') == 1
    british = text.replace('"Language: en\\n"', '"Language: en_GB\\n"').replace(
        f'msgstr "{title}"', 'msgstr "Jiangbei: Turning the Blueprint into Reality, UK"'
    )
    (root / "translations" / "en_GB.po").write_text(british, encoding="utf-8")
    from jbreport.build import Project, build

    result = build(
        Project(root), editions=[("en",), ("en_GB",)], layouts=["factsheet"], formats=["pdf"]
    )
    assert len(result.written) == 2
    out = root / "output"
    american = run(require("pdftotext"), out / "jiangbei-2023.en.factsheet.pdf", "-")
    uk = run(require("pdftotext"), out / "jiangbei-2023.en_GB.factsheet.pdf", "-")
    assert "Reality, UK" in uk and "Reality, UK" not in american
