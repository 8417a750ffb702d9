"""Two processes on one PDF: the main process sets paragraphs ahead of its worker.

A parallel build of a single output has one worker, and the main process would wait idle
once it has sent the document.  Instead, the worker asks it to set the lines of the
document's paragraphs (line breaking is a third of a long PDF's typesetting, see
:mod:`.setting`): it sends each paragraph's text, setting and column width, with the widths
of the characters, and the main process sends the lines back in batches, in document
order, while the worker lays out pages.

The help is an offer, never a dependency: a paragraph whose lines have not arrived when the
worker reaches it is set by the worker itself, with the same function and the same widths,
so the output is the same to the byte whoever set which paragraph.  Nothing here imports a
font library.
"""

from __future__ import annotations

import gc
import itertools
import queue
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.queues import Queue
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .setting import SetLine, Setting, Widths

# a paragraph to set: (serial, text, spans kept whole, setting, measure index, column width)
Job = tuple[int, str, tuple[tuple[int, int], ...], "Setting", int, float]
# the worker's request: (token, each measure's character widths, the jobs in document order)
Request = tuple[int, list[dict[str, float]], list[Job]]
# the main process's answer, a batch at a time: (token, [(serial, width, lines)])
Answer = tuple[int, list[tuple[int, float, list["SetLine"]]]]

_FIRST_BATCH = 2_000  # characters: the first lines go back soon, later batches grow
_LARGEST_BATCH = 8_000
# how often (seconds) a thread waiting for the interpreter lock gets it: the queues' sender
# threads write a message to the pipe a piece at a time, each piece waiting for the lock
# the busy main thread holds; at Python's 5 ms, a megabyte took a third of a second
SWITCH_INTERVAL = 0.0002
_IN_FLIGHT = 0.05  # seconds the worker waits for lines the main process has sent


class _Queue(Queue):  # type: ignore[type-arg]
    """A queue whose background sender stays quiet when the other side has gone: help
    that can no longer be delivered is not an error (concurrent.futures does the same)."""

    # the pipe's two ends, multiprocessing's own attributes: each process closes the end it
    # does not use (see Channel)
    _reader: Connection
    _writer: Connection

    @staticmethod
    def _on_queue_feeder_error(e: Exception, obj: object) -> None:
        pass


class Cancelled(Exception):
    """The main process gave up the output (stopped, or another output failed): the worker
    stops rendering it instead of finishing alone what nobody will read."""


class Channel:
    """The two queues between the main process and its one worker, and three shared counters.

    Each process closes its copies of the pipe ends it does not use (see :meth:`started`,
    :func:`attach`): a worker that dies half-way through a message then ends the main
    process's read with an error instead of leaving it waiting for bytes that cannot come."""

    def __init__(self, context: BaseContext) -> None:
        self.requests: _Queue = _Queue(ctx=context)  # worker → main
        self.answers: _Queue = _Queue(ctx=context)  # main → worker
        # the paragraph the worker has reached: the main process skips those it has passed
        self.reached = context.RawValue("q", -1)
        # the last paragraph the main process has set and sent: its lines are on their way
        self.sent = context.RawValue("q", -1)
        self.cancelled = context.RawValue("b", 0)  # see Cancelled
        # a process exits without waiting for what the other side never read
        self.answers.cancel_join_thread()

    def started(self) -> None:
        """In the main process, once the worker has started (with its own copies of the
        pipe ends): the end the worker writes requests to is the worker's alone."""
        self.requests._writer.close()

    def cancel(self) -> None:
        self.cancelled.value = 1

    def close(self) -> None:
        """In the main process, once the worker is gone: the read ends closed too, so a
        sender blocked on a full pipe (lines nobody will read) ends instead of waiting on."""
        for q in (self.requests, self.answers):
            # the read end first: a queue's sender thread closes it too once it reaches the
            # end of what was put, and only after this
            q._reader.close()
            q.close()


def serve(channel: Channel, done: Callable[[], bool]) -> int:
    """The main process's part: wait for the worker's request, then set its paragraphs in
    order and send their lines in batches, until all are sent or the output is ``done``.
    How many paragraphs it set."""
    # imported while the worker reads the document: a build starts its worker before it
    # reads the content, and the line breaking's patterns take a while to compile
    from .setting import Widths

    request: Request | None = None
    while request is None:
        try:
            request = channel.requests.get(timeout=0.01)
        except queue.Empty:
            if done():
                return 0  # a DOCX, or a worker that failed before asking
        except (EOFError, OSError):
            return 0  # the worker died while sending it: the pool says so
    token, tables, jobs = request
    widths = [Widths(table.__getitem__) for table in tables]
    collecting = gc.isenabled()
    interval = sys.getswitchinterval()
    try:
        # the lines hold no cycles, and this process's heap (content, catalogs) is large:
        # the collector would scan it again and again as the lines are made
        gc.disable()
        sys.setswitchinterval(SWITCH_INTERVAL)
        return _answer(channel, done, token, widths, jobs)
    except Exception:
        # help is optional: whatever went wrong here, the worker sets the paragraphs itself
        # with the same code, and a real fault in it is reported from there
        return 0
    finally:
        sys.setswitchinterval(interval)
        if collecting:
            gc.enable()


def _answer(
    channel: Channel, done: Callable[[], bool], token: int, widths: list[Widths], jobs: list[Job]
) -> int:
    from .setting import set_paragraph

    batch: list[tuple[int, float, list[SetLine]]] = []
    size, limit, count = 0, _FIRST_BATCH, 0
    reached = channel.reached
    for serial, text, keep, setting, measure, width in jobs:
        if serial <= reached.value:
            continue  # the worker set it while the request was on its way
        batch.append((serial, width, set_paragraph(text, keep, setting, widths[measure], width)))
        count += 1
        size += len(text)
        if size >= limit:
            if done():
                return count
            _send(channel, token, batch)
            batch, size, limit = [], 0, min(limit * 2, _LARGEST_BATCH)
    if batch and not done():
        _send(channel, token, batch)
    return count


def _send(channel: Channel, token: int, batch: list[tuple[int, float, list[SetLine]]]) -> None:
    channel.answers.put((token, batch))
    channel.sent.value = batch[-1][0]


class Ahead:
    """The worker's part: the lines the main process has set so far, taken as needed."""

    _tokens = itertools.count(1)

    def __init__(self, channel: Channel) -> None:
        self.channel = channel
        self.token = next(self._tokens)
        self.lines: dict[int, tuple[float, list[SetLine]]] = {}
        self.taken = 0  # paragraphs whose lines came from the main process
        self.patient = True  # waits for lines on their way (until one fails to come)

    def ask(self, tables: list[dict[str, float]], jobs: list[Job]) -> None:
        self.channel.reached.value = self.channel.sent.value = -1
        self.channel.requests.put((self.token, tables, jobs))

    def take(self, serial: int, width: float) -> list[SetLine] | None:
        """The lines of paragraph ``serial`` at ``width``, if the main process has sent
        them; None: set them here."""
        if self.channel.cancelled.value:
            raise Cancelled
        self.channel.reached.value = serial
        found = self.lines.pop(serial, None)
        if found is None:
            self._receive()
            found = self.lines.pop(serial, None)
        while found is None and self.patient and serial <= self.channel.sent.value:
            # set and sent, still in the pipe: waiting for it is quicker than setting it
            if not self._receive(_IN_FLIGHT):
                self.patient = False  # nothing came: never wait again
            found = self.lines.pop(serial, None)
        if found is None or found[0] != width:
            return None
        self.taken += 1
        return found[1]

    def _receive(self, wait: float = 0.0) -> bool:
        """Take in the answers that have arrived, waiting up to ``wait`` seconds for the
        first; whether any came."""
        answers = self.channel.answers
        came = False
        while True:
            try:
                answer: Answer = answers.get(timeout=wait) if wait else answers.get_nowait()
            except queue.Empty:
                return came
            came, wait = True, 0.0
            token, batch = answer
            if token == self.token:  # an earlier output's late answer is dropped
                for serial, width, lines in batch:
                    self.lines[serial] = (width, lines)


# -- the worker's channel, set when it starts (see render.warm_up) ------------------------

_CHANNEL: list[Channel] = []


def attach(channel: Channel | None, worker: bool = True) -> None:
    """Make ``channel`` this process's (None: no channel).  In a worker, the pipe ends only
    the main process uses are closed here (``worker=False``: this process plays both sides,
    as tests do)."""
    _CHANNEL.clear()
    if channel is not None:
        # the worker's requests may go unread (the main process stopped): it exits anyway
        channel.requests.cancel_join_thread()
        if worker:
            channel.requests._reader.close()
            channel.answers._writer.close()
        _CHANNEL.append(channel)


def ahead() -> Ahead | None:
    """This process's helper for one output: None unless it is the worker of a build of one
    output, whose main process sets paragraphs for it."""
    return Ahead(_CHANNEL[0]) if _CHANNEL else None
