"""The error family: what the CLI prints, and errors that cross process boundaries."""

from __future__ import annotations

import pickle

import pytest

from jbreport.errors import (
    Collector,
    ContentError,
    ErrorList,
    JbreportError,
    Location,
    OutputError,
    RenderError,
    TemplateError,
    TranslationError,
    UsageError,
)


@pytest.mark.parametrize(
    "cls",
    [
        JbreportError,
        UsageError,
        ContentError,
        TranslationError,
        TemplateError,
        RenderError,
        OutputError,
    ],
)
def test_every_error_survives_pickling(cls: type[JbreportError]) -> None:
    error = cls("bad thing", Location("content/a.yaml", 3, 7))
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is cls
    assert str(again) == "content/a.yaml:3:7: bad thing"
    assert again.exit_code == error.exit_code


def test_a_list_of_problems_survives_pickling() -> None:
    errors = ErrorList(
        [ContentError("one", Location("a.yaml", 1)), RenderError("two", Location("f.ttf"))]
    )
    again = pickle.loads(pickle.dumps(errors))
    assert again.lines() == ["a.yaml:1: one", "f.ttf: two"]
    assert again.exit_code == RenderError.exit_code  # the most serious of its problems


def test_the_collector_keeps_each_problem_once() -> None:
    problems = Collector()
    for _ in range(2):
        problems.add(ContentError("same", Location("a.yaml", 1)))
    problems.add(ErrorList([ContentError("same", Location("a.yaml", 1)), UsageError("other")]))
    with pytest.raises(ErrorList) as caught:
        problems.raise_if_any()
    assert caught.value.lines() == ["a.yaml:1: same", "other"]


class _Counted(ContentError):
    """A problem that counts how often it is turned into text (how the collector compares)."""

    said = 0

    def __str__(self) -> str:
        _Counted.said += 1
        return super().__str__()


def test_the_collector_takes_constant_work_per_problem() -> None:
    # one misspelled figure used all through a long report: thousands of problems, and a
    # collector that compared each new one with every kept one took minutes (8,000: 25 s)
    _Counted.said = 0
    problems = Collector()
    count = 20_000
    for n in range(count):
        problems.add(_Counted(f"problem {n}", Location("a.yaml", n + 1)))
    problems.add(_Counted("problem 0", Location("a.yaml", 1)))  # a repeat: still kept once
    assert len(problems.errors) == count
    assert _Counted.said <= count + 1  # each problem is read once, not once per kept problem
