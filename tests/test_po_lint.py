"""The syntax check: a PO file is read as GNU msgfmt reads it, each problem at its line
(and column)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import copy_project, require, run
from jbreport.cli import main
from jbreport.errors import TranslationError
from jbreport.po.io import read_catalog, save_catalog
from jbreport.po.lint import Previous, lint
from test_po_io import HEADER, write_po

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


def test_lint_leaves_babel_the_lines_it_can_read() -> None:
    """A live previous msgid stays for Babel (a translator comment to it); an obsolete one,
    which Babel's reader refuses, is blanked; the line count, and so every line number,
    stays."""
    text = (
        '#| msgid "old"\n'
        'msgid "new"\n'
        'msgstr "x"\n'
        "\n"
        '#~| msgid "older"\n'
        '#~ msgid "gone"\n'
        '#~ msgstr "y"\n'
    )
    linted = lint(text, "x.po")
    assert linted.lines == [*text.split("\n")[:4], "", *text.split("\n")[5:7]]
    assert linted.previous[2] == Previous(("old",), ('| msgid "old"',))
    assert linted.previous[6] == Previous(("older",), ())
