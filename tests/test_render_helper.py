"""The main process setting paragraphs ahead of its worker: the same PDF, whoever set what."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest

from jbreport.build import Project, localize_job, plan
from jbreport.content import load_reports
from jbreport.model import Document
from jbreport.po.lookup import load_catalogs
from jbreport.render import RenderOptions, helper, pdf

ROOT = Path(__file__).parent.parent
OPTIONS = RenderOptions()


@pytest.fixture(scope="module")
def document() -> Document:
    project = Project(ROOT)
    reports = load_reports(project.content, None)
    catalogs = load_catalogs(project.translations)
    (job,) = plan(reports, catalogs, [("zh", "en")], ["brief"], ["pdf"])
    return localize_job(project, job, {r.id: r for r in reports}, catalogs, OPTIONS)[0]


@pytest.fixture(scope="module")
def alone(document: Document) -> bytes:
    """The PDF as a process with no helper renders it."""
    return pdf.render(document, OPTIONS)


@pytest.fixture
def channel() -> Iterator[helper.Channel]:
    """This process as its own worker: the channel attached, as a worker's start does."""
    channel = helper.Channel(multiprocessing.get_context())
    helper.attach(channel, worker=False)
    try:
        yield channel
    finally:
        helper.attach(None)
        channel.close()


def test_lines_set_ahead_give_the_same_pdf(
    document: Document, alone: bytes, channel: helper.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[int] = []
    ask = helper.Ahead.ask

    def ask_and_serve(ahead: helper.Ahead, *args: object) -> None:
        ask(ahead, *args)  # type: ignore[arg-type]
        # the main process's part, all of it before the first page is laid out
        served.append(helper.serve(channel, lambda: False))

    monkeypatch.setattr(helper.Ahead, "ask", ask_and_serve)
    # lines on their way are waited for as long as it takes here: every one is taken
    monkeypatch.setattr(helper, "_IN_FLIGHT", 10.0)
    writer = pdf._Writer(document, OPTIONS)
    assert writer.build() == alone
    assert writer.ahead is not None
    # every paragraph in the body's flow was asked for (table cells are not): the sample
    # has some thirty paragraphs in each language
    assert served[0] > 60
    assert writer.ahead.taken == served[0]


def test_a_worker_whose_main_process_never_answers_sets_every_paragraph(
    document: Document, alone: bytes, channel: helper.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    ask = helper.Ahead.ask

    def ask_then_claim(ahead: helper.Ahead, *args: object) -> None:
        ask(ahead, *args)  # type: ignore[arg-type]
        channel.sent.value = 10**9  # "sent", but nothing ever comes

    monkeypatch.setattr(helper.Ahead, "ask", ask_then_claim)
    writer = pdf._Writer(document, OPTIONS)
    assert writer.build() == alone
    assert writer.ahead is not None and writer.ahead.taken == 0
    # it waited once for lines that never came, then no more (not once per paragraph)
    assert not writer.ahead.patient


def test_answers_for_another_output_are_not_taken(channel: helper.Channel) -> None:
    ahead = helper.Ahead(channel)
    channel.answers.put((ahead.token + 1, [(0, 100.0, [])]))
    channel.sent.value = 0
    assert ahead.take(0, 100.0) is None


def test_lines_set_for_another_width_are_not_taken(channel: helper.Channel) -> None:
    ahead = helper.Ahead(channel)
    channel.answers.put((ahead.token, [(0, 100.0, [])]))
    channel.sent.value = 0
    assert ahead.take(0, 100.5) is None
    channel.answers.put((ahead.token, [(1, 100.0, [])]))
    channel.sent.value = 1
    assert ahead.take(1, 100.0) == []


def test_serve_ends_when_the_output_is_done_without_a_request(channel: helper.Channel) -> None:
    assert helper.serve(channel, lambda: True) == 0


def test_a_cancelled_output_stops_the_worker_at_its_next_paragraph(
    channel: helper.Channel,
) -> None:
    ahead = helper.Ahead(channel)
    assert ahead.take(0, 100.0) is None  # nothing sent: the worker sets it itself
    channel.cancel()
    with pytest.raises(helper.Cancelled):
        ahead.take(1, 100.0)
