"""Command line: parses arguments, calls the library, prints.  Nothing else lives here.

Exit codes: 0 success; 1 ``translations check`` found problems; 2 usage error; 3 content,
translation or template error; 4 output, font or rendering error.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import os
import re
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import EXIT_CHECK, STOP_SIGNALS, JbreportError, Stopped, UsageError, display_path


def _parser() -> argparse.ArgumentParser:
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


def entry() -> NoReturn:
    """The ``jbreport`` command: :func:`main`, then out at once.  Python's own exit would
    free the build's millions of objects one by one (a thirtieth of a second for a long
    report) for nothing: what the build wrote is closed, and the output is flushed here."""
    code = 0
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        pass  # the reader stopped reading (`jbreport … | head`): nothing to tell it
    except OSError as exc:
        if exc.errno not in _OUTPUT_ERRORS:
            raise
        # standard output on a full disk: said, and the exit code Python itself would give
        with contextlib.suppress(OSError, ValueError):
            print(f"jbreport: cannot write the output: {exc.strerror}", file=sys.stderr)
        code = code or 120
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


_OUTPUT_ERRORS = {errno.ENOSPC, errno.EIO, errno.EDQUOT}  # writing standard output failed


def main(argv: Sequence[str] | None = None) -> int:
    # A build holds millions of small objects until it ends (the content, the catalogs,
    # typeset lines, lxml proxies).  With the default thresholds (700) the cyclic collector
    # rescans them over and over, which made a 200× build 20% slower and its time grow
    # faster than the text; cycles are still collected, only less often.
    gc.set_threshold(50_000, 20, 100)
    parser = _parser()
    args = parser.parse_args(argv)
    # (signal handlers belong to the main thread: main() called from another thread, as a
    # library might, leaves them alone)
    in_main = threading.current_thread() is threading.main_thread()
    previous = {signum: signal.signal(signum, _stop) for signum in STOP_SIGNALS if in_main}
    try:
        return _run(args)
    except JbreportError as exc:
        lines = exc.lines()
        hidden = len(lines) - _SHOWN if len(lines) > _SHOWN + 5 else 0
        for line in lines[: len(lines) - hidden]:
            print(
                f"jbreport: {line}" if exc.location is None and "\n" not in line else line,
                file=sys.stderr,
            )
        if hidden:  # the same mistake made throughout a file: the first ones say enough
            print(f"jbreport: … and {hidden} more problems (fix these first)", file=sys.stderr)
        return exc.exit_code
    except Stopped as exc:
        name = signal.Signals(exc.signum).name
        print(f"jbreport: stopped by {name}; files already written are complete", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("jbreport: interrupted; files already written are complete", file=sys.stderr)
        return 130
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_SHOWN = 20  # problems printed at most


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _run(args: argparse.Namespace) -> int:
    root: Path = args.project
    if not root.is_dir():
        raise UsageError(f"project folder {display_path(root)} does not exist")
    if args.command == "build":
        return _build(args, root)
    if args.command == "translations":
        return _translations(args, root)
    if args.command == "layouts":
        return _layouts(args, root)
    raise UsageError(f"unknown command {args.command}")


def _build(args: argparse.Namespace, root: Path) -> int:
    from .build import Project, build, parse_edition
    from .layout import available_layouts
    from .render import RenderOptions

    overrides = {
        key: value
        for key, value in {
            "latin_font": args.latin_font,
            "latin_bold_font": args.latin_bold_font,
            "cjk_font": args.cjk_font,
            "docx_east_asian_font": args.docx_east_asian_font,
            "docx_latin_font": args.docx_latin_font,
        }.items()
        if value
    }
    if args.reference_docx is not None and not args.reference_docx.is_file():
        raise UsageError(f"reference DOCX {display_path(args.reference_docx)} not found")
    options = RenderOptions(reference_docx=args.reference_docx, toc=args.toc, **overrides)
    jobs = args.jobs  # None: as many processes as pay (see workers.auto_workers)
    if jobs is not None and jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    result = build(
        Project(root),
        reports=args.report,
        editions=[parse_edition(e) for e in args.lang] if args.lang else None,
        layouts=args.layout or available_layouts(root),
        formats=args.format,
        out_dir=args.output,
        options=options,
        jobs=jobs,
        strict=args.strict,
        progress=lambda path: print(f"wrote {display_path(path)}"),
    )
    for note in result.notes:
        print(f"warning: {note}", file=sys.stderr)
    for name, warnings in result.warnings.items():
        for warning in warnings:
            print(f"warning: {name}: {warning}", file=sys.stderr)
    for language, entries in result.fallbacks.items():
        kinds: dict[str, int] = {}
        for reason in entries.values():
            kinds[reason] = kinds.get(reason, 0) + 1
        summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
        print(
            f"warning: {language}: {summary} string(s) printed in the source language",
            file=sys.stderr,
        )
        for (ctx, msgid), reason in list(entries.items())[:10]:
            shown = msgid if len(msgid) <= 40 else msgid[:39] + "…"
            print(f"  {reason}: {ctx}: {shown}", file=sys.stderr)
        if len(entries) > 10:
            print(
                f"  … and {len(entries) - 10} more: see `jbreport translations check`",
                file=sys.stderr,
            )
    return 0


def _translations(args: argparse.Namespace, root: Path) -> int:
    from .translations import commands as tr
    from .translations import status as st

    project_root = root
    if args.action == "extract":
        path, changed = tr.extract(project_root)
        print(f"{'wrote' if changed else 'unchanged'} {display_path(path)}")
        return 0
    if args.action == "init":
        path = tr.init(project_root, args.language)
        print(f"wrote {display_path(path)}")
        return 0
    if args.action == "update":
        for path, changed in tr.update(project_root, memory=not args.no_memory):
            print(f"{'updated' if changed else 'unchanged'} {display_path(path)}")
        return 0
    if args.action in ("export", "import"):
        return _exchange(args, project_root)
    if args.action == "status" and args.words:
        from .translations.words import format_words, word_counts

        print(format_words(word_counts(project_root)))
        return 0
    if args.action == "status":
        results = st.status(project_root)
        if not results:
            raise UsageError(
                f"no catalog in {display_path(project_root / 'translations')}: start one with"
                " `jbreport translations init LANG` (or run in a project folder, or use -C DIR)"
            )
        print(st.format_status(results))
        return 0
    if args.action == "check":
        problems = tr.check(project_root, args.files or None)
        for problem in problems:
            print(problem)
        if problems:
            # a catalog's "N untranslated, M fuzzy" line sums up entries already listed
            count = sum(1 for p in problems if not re.search(r": \d+ untranslated, \d+ fuzzy$", p))
            print(f"{count} problem(s)", file=sys.stderr)
            return EXIT_CHECK
        print("no problems")
        return 0
    raise UsageError(f"unknown action {args.action}")


def _exchange(args: argparse.Namespace, root: Path) -> int:
    from .translations import exchange as ex

    if args.action == "import":
        path, changes = ex.import_file(root, args.file)
        for line in changes:
            print(line)
        print(f"{len(changes)} change(s) in {display_path(path)}")
        return 0
    out = args.output or root / "output"
    if args.docx:
        from .translations.review import export_review

        print(f"wrote {display_path(export_review(root, args.docx, out))}")
        return 0
    for path in ex.export_xliff(root, args.xliff, out, args.xliff_version):
        print(f"wrote {display_path(path)}")
    return 0


def _layouts(args: argparse.Namespace, root: Path) -> int:
    from .layout import available_layouts, copy_layout, find_template, template_dirs

    if args.copy:
        path = copy_layout(args.copy, root)
        print(f"wrote {display_path(path)}: edit it; it now wins over the built-in {args.copy!r}")
        return 0
    for name in available_layouts(root):
        path = find_template(name, root)
        built_in = path.parent == template_dirs(None)[-1]
        print(f"{name:<12} {'built in' if built_in else display_path(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
