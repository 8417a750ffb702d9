"""The one parser of ``{name}`` fields."""

from __future__ import annotations

import pytest

from jbreport.i18n.placeholders import (
    Field,
    fill,
    fill_spans,
    is_brace_format,
    parse,
    placeholders,
    raw_fields,
    raw_names,
    without_placeholders,
)


def test_fields_in_order_and_literal_braces() -> None:
    assert placeholders("增长{percent}，总额{total}") == ["percent", "total"]
    assert placeholders("{{not a field}} {n}") == ["n"]
    assert list(parse("a {n:>5} b")) == ["a ", Field("n", ">5", None), " b"]
    assert placeholders("no fields") == []


@pytest.mark.parametrize("text", ["a { b", "a } b", "{n"])
def test_a_lone_brace_is_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        placeholders(text)


def test_fill_keeps_the_spans_of_its_values() -> None:
    assert fill_spans("up {percent} in {year}", {"percent": "5%", "year": "2023"}) == (
        "up 5% in 2023",
        ((3, 5), (9, 13)),
    )
    assert fill("{{x}} {a}", {"a": "1"}) == "{x} 1"


@pytest.mark.parametrize("text", ["{a.b}", "{a[0]}", "{a!r}", "{a:>5}", "{0}"])
def test_fill_takes_only_plain_names(text: str) -> None:
    with pytest.raises(ValueError, match="must be a plain name"):
        fill(text, {"a": "x", "0": "x"})


def test_fill_refuses_an_unknown_name() -> None:
    with pytest.raises(KeyError):
        fill("{b}", {"a": "x"})


def test_without_placeholders() -> None:
    assert without_placeholders("{a}增长{b}%") == " 增长 %"
    assert without_placeholders("a { b") == "a { b"  # malformed: as it is


def test_brace_format() -> None:
    assert is_brace_format("{n} days") and is_brace_format("a { b")
    assert not is_brace_format("no fields") and not is_brace_format("{{literal}}")


def test_raw_fields_keep_the_text_as_written() -> None:
    text = "{{literal}} 增长{percent}，{ lone {total}{percent}"
    pieces = raw_fields(text)
    assert pieces == ["{{literal}} 增长", ("percent",), "，{ lone ", ("total",), ("percent",)]
    assert "".join(p if isinstance(p, str) else "{" + p[0] + "}" for p in pieces) == text
    assert raw_names("{{{n}}}") == ["n"]  # a literal brace each side of a field
    assert raw_names("{{n}}") == []
