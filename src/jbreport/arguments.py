"""The command line's arguments: one argparse parser for jbreport and its subcommands (the
CLI, :mod:`.cli`, runs what they ask)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import __version__


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jbreport",
        description="Bilingual briefing documents (DOCX, PDF) from report content and PO catalogs.",
    )
    parser.add_argument(
        "-C",
        "--project",
        type=Path,
        default=Path("."),
        help="project folder holding content/ and translations/ (default: .)",
    )
    parser.add_argument("--version", action="version", version=f"jbreport {__version__}")
    # -C also after the command (jbreport build -C dir); SUPPRESS keeps the one given before
    where = argparse.ArgumentParser(add_help=False)
    where.add_argument("-C", "--project", type=Path, default=argparse.SUPPRESS, help="as above")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _build_parser(sub.add_parser("build", help="write briefs into output/", parents=[where]))
    t = sub.add_parser(
        "translations", help="extract, init, update, status, check catalogs", parents=[where]
    )
    _translations_parser(t, where)
    lay = sub.add_parser(
        "layouts", help="list the layouts, or copy one into the project to edit", parents=[where]
    )
    lay.add_argument("copy", nargs="?", metavar="NAME", help="layout to copy into templates/")
    return parser


def _build_parser(b: argparse.ArgumentParser) -> None:
    b.add_argument("-r", "--report", action="append", help="report id (default: every report)")
    b.add_argument(
        "-l",
        "--lang",
        action="append",
        help="edition: a language (zh) or a pair (zh+en); repeatable (default: all)",
    )
    b.add_argument("--layout", action="append", help="brief, factsheet or your own (default: all)")
    b.add_argument("-f", "--format", action="append", choices=["docx", "pdf"], help="default: both")
    b.add_argument("-o", "--output", type=Path, help="output folder (default: <project>/output)")
    b.add_argument(
        "--strict",
        action="store_true",
        help="fail on untranslated or fuzzy strings, or a photo without its image",
    )
    b.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=None,
        help="parallel processes (default: cores, at most 4, when the build is large enough)",
    )
    b.add_argument("--toc", action="store_true", help="add a table of contents (DOCX TOC field)")
    b.add_argument(
        "--reference-docx", type=Path, help="take DOCX styles, page size, margins from this file"
    )
    b.add_argument("--latin-font", help="PDF font for Latin text: a .ttf path or fontconfig name")
    b.add_argument("--latin-bold-font", help="PDF bold font for Latin text")
    b.add_argument("--cjk-font", help="PDF font for Chinese/Japanese/Korean: TrueType path or name")
    b.add_argument(
        "--docx-east-asian-font",
        help="DOCX East Asian font name (default by script: SimSun, PMingLiU, MS Mincho, Batang)",
    )
    b.add_argument("--docx-latin-font", help="DOCX Latin font name (default Times New Roman)")


def _translations_parser(t: argparse.ArgumentParser, where: argparse.ArgumentParser) -> None:
    tsub = t.add_subparsers(dest="action", required=True, metavar="ACTION")
    tsub.add_parser("extract", help="write translations/messages.pot", parents=[where])
    init = tsub.add_parser("init", help="start a catalog for a new language", parents=[where])
    init.add_argument("language")
    _translator_parsers(tsub, where)
    check = tsub.add_parser(
        "check", help="check catalogs (default: the project's)", parents=[where]
    )
    check.add_argument("files", nargs="*", type=Path)


def _translator_parsers(
    tsub: argparse._SubParsersAction[argparse.ArgumentParser], where: argparse.ArgumentParser
) -> None:
    """update, status and the exchange with translators' tools (export, import)."""
    upd = tsub.add_parser(
        "update", help="bring every catalog in line with the content", parents=[where]
    )
    upd.add_argument(
        "--no-memory", action="store_true", help="offer no translation memory suggestions"
    )
    stat = tsub.add_parser(
        "status", help="translated, fuzzy, untranslated per language and report", parents=[where]
    )
    stat.add_argument(
        "--words", action="store_true", help="new, fuzzy, untranslated words per section"
    )
    exp = tsub.add_parser(
        "export", help="catalogs as XLIFF for CAT tools, or a review DOCX", parents=[where]
    )
    kind = exp.add_mutually_exclusive_group(required=True)
    kind.add_argument("--xliff", nargs="*", metavar="LANG", help="XLIFF (default: every catalog)")
    kind.add_argument("--docx", metavar="LANG", help="a bilingual review copy in Word")
    exp.add_argument("--xliff-version", choices=["2.1", "1.2"], default="2.1")
    exp.add_argument("-o", "--output", type=Path, help="folder (default: <project>/output)")
    imp = tsub.add_parser(
        "import", help="translations back from an .xlf or review .docx", parents=[where]
    )
    imp.add_argument("file", type=Path)
