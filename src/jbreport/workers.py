"""The worker processes of a parallel build: how many pay for themselves, the pool, and
each worker's start.

A worker renders whole outputs: :func:`render` is a pure function of the document and
options it is sent, so an output is the same bytes whichever process renders it.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
from concurrent.futures import BrokenExecutor
from typing import TYPE_CHECKING

from . import limits
from . import render as renderers
from .errors import STOP_SIGNALS, JbreportError
from .model import Document
from .render import RenderOptions

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .build import Job
    from .source.model import Report

# The default -j: a pool costs each worker its start (forking, then loading reportlab,
# python-docx and the fonts: some 0.3 s of a core), each output the trip of its document and
# bytes between processes, and on a loaded machine the workers compete with this process
# for the free cores.  The measure of the work is the characters to set: the source text of
# each output's report, once per language of its edition.  Measured on a 2-core machine
# shared with other work (medians of 5 runs, 3 at 50x; all 12 outputs of a report): the sample
# (67,000 characters) took 1.5 s in one process and the same or more with a pool of 2,
# loaded or not; the bench's 10x report (576,000) took 2.3 s in one process against 4.2 s
# with a pool; the 50x report (2.9 million) 7.3 s against 3.4 s.  A single output gains
# nothing from a pool.  So the default uses one only for two or more outputs with at least
# this many characters in all:
POOL_WORK = 1_500_000


def auto_workers(todo: list[Job], reports: list[Report]) -> int:
    """How many processes a build's outputs pay for (1: render them in this one)."""
    size = {report.id: sum(len(src.text) for src in report.strings()) for report in reports}
    work = sum(size[job.report] * len(job.edition) for job in todo)
    if len(todo) < 2 or work < POOL_WORK:
        return 1
    return min(len(todo), cores())


def most_outputs(
    reports: list[str] | None,
    editions: list[tuple[str, ...]] | None,
    layouts: list[str] | None,
    formats: list[str],
) -> int:
    """How many outputs a build can have at most, known before the content is read: a
    build of one output starts one worker, not one per core."""
    if not reports or not editions:  # None or empty: every report, every edition
        return len(formats) * 64
    return len(reports) * len(editions) * len(layouts or ["brief"]) * len(formats)


def most_jobs() -> int:
    """The most workers a build starts whatever -j says: twice the cores, at most
    :data:`limits.JOBS` (more only compete for the same cores and memory)."""
    return max(1, min(limits.JOBS, 2 * (os.cpu_count() or 1)))


def cores() -> int:
    """Processes a default build may use: the cores, at most 4."""
    return max(1, min(os.cpu_count() or 1, 4))


def start_pool(workers: int, formats: list[str], options: RenderOptions) -> Executor:
    """A pool of ``workers`` processes, started now and warming up (see :func:`warm_up`)."""
    import multiprocessing  # only a parallel build needs these
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(),
        initializer=warm_up,
        initargs=(gc.get_threshold(), set(formats), options),
    )
    # start the workers now, not at the first output: a task each (a pool that spawns
    # its workers, as on macOS and from Python 3.14, starts one per waiting task)
    with contextlib.suppress(BrokenExecutor):  # a worker already dead: said at its output
        for _ in range(workers):
            pool.submit(gc.collect)
    return pool


# A worker's warm-up problem (a font reportlab cannot read), raised by each output it renders
# rather than printed by the process pool as a traceback.
_WARM_UP_ERRORS: list[JbreportError] = []


def warm_up(threshold: tuple[int, int, int], formats: set[str], options: RenderOptions) -> None:
    """A worker process's start: the garbage collector's thresholds (see ``cli.main``), the
    signals, then the renderers' libraries and fonts, loaded while the main process reads
    the content."""
    gc.set_threshold(*threshold)
    # Ctrl-C and a closed terminal reach the workers too (one process group): the main
    # process handles them and lets the workers finish the output they are rendering.
    # SIGTERM keeps its default, so that the pool can stop a worker (as it stops the others
    # when one dies), and no worker runs a handler it inherited from the main process.
    for signum in (signal.SIGINT, *STOP_SIGNALS):
        handler = signal.SIG_DFL if signum == getattr(signal, "SIGTERM", None) else signal.SIG_IGN
        signal.signal(signum, handler)
    # and a worker whose main process is gone (killed, or its terminal closed) stops too,
    # instead of waiting forever for work that cannot come
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_orphaned, args=(parent.sentinel,), daemon=True).start()
    try:
        for fmt in formats:
            renderers.renderer(fmt)  # the writer's modules and libraries
        renderers.prepare(formats, options)
    except JbreportError as exc:
        _WARM_UP_ERRORS.append(exc)


def _orphaned(parent: int) -> None:
    """Exit once the parent process is gone: ``parent`` is its sentinel, which becomes
    ready when it ends (whatever the start method, and with no PID that could be reused)."""
    from multiprocessing.connection import wait

    wait([parent])
    os._exit(1)


def warm_up_problem() -> None:
    """Raise the problem this worker met warming up (a font), if any."""
    if _WARM_UP_ERRORS:
        raise _WARM_UP_ERRORS[0]


def render(fmt: str, document: Document, options: RenderOptions) -> tuple[bytes, list[str]]:
    """One output rendered in a worker (see :func:`jbreport.render.render_one`)."""
    warm_up_problem()
    return renderers.render_one(fmt, document, options)
