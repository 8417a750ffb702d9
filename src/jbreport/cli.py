"""Command line: parses arguments, calls the library, prints.  Nothing else lives here.

Exit codes: 0 success; 1 ``translations check`` found problems; 2 usage error; 3 content,
translation or template error; 4 output, font or rendering error; 70 an internal error (a
bug: its traceback is printed).
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
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__, arguments
from .errors import (
    EXIT_CHECK,
    EXIT_INTERNAL,
    STOP_SIGNALS,
    JbreportError,
    Stopped,
    UsageError,
    display_path,
)


def entry() -> NoReturn:
    """The ``jbreport`` command: :func:`main`, then out at once.  Python's own exit would
    free the build's millions of objects one by one (a thirtieth of a second for a long
    report) for nothing: what the build wrote is closed, and the output is flushed here."""
    _fill_closed_streams()
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


def _fill_closed_streams() -> None:
    """Started with standard output or error closed (``jbreport build >&-``): they go
    to /dev/null, and the file that takes their descriptor is never an output."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        null = os.open(os.devnull, os.O_WRONLY)  # the lowest free descriptor: fd itself
        if null != fd:
            os.dup2(null, fd)
            os.close(null)
        setattr(sys, name, open(fd, "w", encoding="utf-8", closefd=False))  # noqa: SIM115


def main(argv: Sequence[str] | None = None) -> int:
    # A build holds millions of small objects until it ends (the content, the catalogs,
    # typeset lines, lxml proxies).  With the default thresholds (700) the cyclic collector
    # rescans them over and over, which made a 200× build 20% slower and its time grow
    # faster than the text; cycles are still collected, only less often.
    gc.set_threshold(50_000, 20, 100)
    parser = arguments.parser()
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
    except BrokenPipeError:
        raise
    except OSError as exc:
        if exc.errno in _OUTPUT_ERRORS:
            raise  # standard output on a full disk: see entry()
        return _internal_error()
    except Exception:
        return _internal_error()
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


_SHOWN = 20  # problems printed at most


def _internal_error() -> int:
    """A bug, not a problem of the input: its traceback, and an exit code of its own
    (EX_SOFTWARE), so that CI tells a crash from `translations check` finding problems."""
    traceback.print_exc()
    print(
        f"jbreport: internal error (a bug in jbreport {__version__}); please report it"
        " with the traceback above",
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _stop(signum: int, _frame: object) -> None:
    raise Stopped(signum)


def _run(args: argparse.Namespace) -> int:
    root: Path = args.project
    if root.exists() and not root.is_dir():
        raise UsageError(f"project folder {display_path(root)} is not a folder (-C names one)")
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
