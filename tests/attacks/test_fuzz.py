"""The deep fuzzer: random reports on a valid skeleton (so that most examples reach
rendering), random translations and figure words, random layouts, through the CLI with
random options (-j, editions, formats, --strict, --toc).  Every run ends in a success or in
one of jbreport's own messages (exit 2, 3 or 4), never a traceback (70), never a hang.

``JBREPORT_FUZZ_EXAMPLES`` sets the number of examples (default 60: a few seconds)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from harness import SKELETON, run
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jbreport.i18n.placeholders import placeholders
from jbreport.po.io import read_catalog, save_catalog

EXAMPLES = int(os.environ.get("JBREPORT_FUZZ_EXAMPLES", "60"))

# any text, with the troublemakers over-represented
TRICKY = st.sampled_from(
    [
        "{", "}", "{{", "}}", "{rise}", "{investment}", "{nope}", "{rise:>5}", "{rise!r}",
        "{count}", "<b>", "&amp;", "&", "%", "%s", "\x00", "\x0b", "\x1f", "\u2028", "\ufeff",
        "，", "“", "《", "……", "——", "5.5万", "\u00a0", "\t", "\n", "e\u0301", "\U0001f600",
        "ﷺ", "א", "\u202e", "\u200b", "x" * 300, "长" * 200, "Ω" * 256, " ", "#", ": ", "- ",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(max_size=30), TRICKY), max_size=6).map("".join)
# text a writer might type: any letters, marks, punctuation, spaces, emoji (no braces)
SAFE = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="{}"),
    max_size=40,
).map(lambda t: "文" + t)


def one_in(draw: st.DrawFn, times: int) -> bool:
    """True one time in ``times`` (Hypothesis draws the ends of a range more often than
    the middle: the middle is the rare one)."""
    return draw(st.integers(0, times - 1)) == times // 2


def text(draw: st.DrawFn, hostile: int = 25) -> str:
    """Mostly a writer's text; one time in ``hostile``, anything at all."""
    return draw(TEXT) if one_in(draw, hostile) else draw(SAFE)


VALID_FIGURES = [
    {"kind": "count", "value": "5.5万"},
    {"kind": "money", "value": "302.5亿", "currency": "CNY", "qualifier": "about"},
    {"kind": "money", "value": "0.01", "currency": "USD"},
    {"kind": "percent", "value": "97.57"},
    {"kind": "points", "value": "1.2"},
    {"kind": "growth", "value": "-7.5", "qualifier": "estimate"},
    {"kind": "quantity", "value": "11.2", "unit": "length-kilometer"},
    {"kind": "date", "value": "2022-12-26"},
    {"kind": "month_range", "value": "2022-01/2022-11"},
    {"kind": "ratio", "value": "0.4:20.9:77.7"},
    {"kind": "money", "value": "999999999999999999999999", "currency": "CNY", "scale": "full"},
]
VALUE = st.one_of(
    st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["302.5亿", "1.9万亿", "-1", "0", "1e400", "2022-13-01", "1:2:3", "9" * 29]),
)


@st.composite
def figure(draw: st.DrawFn) -> dict[str, str]:
    if not one_in(draw, 8):
        return dict(draw(st.sampled_from(VALID_FIGURES)))
    kinds = ["count", "money", "percent", "points", "growth", "quantity", "date", "ratio", "x"]
    made = {"kind": draw(st.sampled_from(kinds)), "value": draw(VALUE)}
    for key, choices in (
        ("currency", ["CNY", "USD", "XXX", "cny", ""]),
        ("unit", ["length-kilometer", "duration-month", "nope"]),
        ("qualifier", ["about", "over", "under", "estimate", "x"]),
        ("scale", ["full", "auto", "x"]),
        ("decimals", ["0", "2", "-1", "99"]),
    ):
        if draw(st.booleans()):
            made[key] = draw(st.sampled_from(choices))
    return made


@st.composite
def report(draw: st.DrawFn) -> dict[str, Any]:
    """The skeleton's report with random text, figures and shape; each change is valid
    most of the time, so that most reports reach rendering."""
    data: dict[str, Any] = yaml.safe_load((SKELETON / "content" / "mini.yaml").read_text())
    for key in ("title", "kicker", "subject", "picture_credit"):
        if draw(st.booleans()):
            data[key] = text(draw, 40)
    if one_in(draw, 4):
        data["authors"] = [text(draw, 40) for _ in range(draw(st.integers(1, 4)))]
    data["figures"]["rise"] = draw(figure())
    if one_in(draw, 4):
        data["figures"]["investment"] = draw(figure())
    sections = data["sections"]
    for number in range(draw(st.integers(0, 3))):
        blocks = [text(draw) + draw(st.sampled_from(["", "{rise}", "{investment}"]))]
        blocks += [text(draw) for _ in range(draw(st.integers(0, 2)))]
        sections.append({"id": f"s{number}", "heading": text(draw, 40), "blocks": blocks})
    sections[0]["blocks"][0] = text(draw) + "{rise}" + text(draw)
    if one_in(draw, 6):
        sections[0]["blocks"].append("签约{projects}：" + draw(TEXT))
    if one_in(draw, 20):
        del data[draw(st.sampled_from(sorted(data)))]
    return data


HOSTILE_LAYOUTS = st.sampled_from(
    [
        "{{ part('cover') }}{{ part('sections') }}",
        "{{ header(_('{title}')) }}{{ footer(_('第 {page} 页')) }}"
        "{{ part('cover') }}{{ part('lead') }}",
        "{{ words(byline=_('By {authors}')) }}"
        "{% for s in report.sections %}{{ part('section', id=s.id) }}{% endfor %}",
        "{{ part('key_figures', title=_('Key {{figures}}')) }}"
        "{{ part('chart') }}{{ part('photos') }}",
        "{{ part('toc', title=_('Contents')) }}{{ part('closing') }}"
        "{{ part('credits', picture=false) }}",
        "{{ part('section', id='nope') }}",
        "{% for i in range(100000) %}{% for j in range(100) %}{% endfor %}{% endfor %}",
        "{{ part('cover', kicker=1) }}",
        "{{ footer(_('{page:>9}')) }}",
        "{{ words(byline=_('{nope}')) }}{{ part('cover') }}",
        "{% extends 'brief.j2' %}",
        "{{ part(report.sections[0].id) }}",
    ]
)
FIGURE_WORDS = st.sampled_from(
    [
        "{amount}元",
        "{amount}",
        "约{amount}",
        "{amount}{amount}",
        "{nope}元",
        "{amount!r}",
        "{",
        "元",
    ]
)


@st.composite
def layouts(draw: st.DrawFn) -> str | None:
    """The built-in layouts mostly; one time in six, a layout of the project's own."""
    return draw(HOSTILE_LAYOUTS) if one_in(draw, 6) else None


def pick(draw: st.DrawFn, usual: list[Any], rare: list[Any], times: int) -> Any:
    """One of ``usual``; one time in ``times``, one of ``rare``."""
    return draw(st.sampled_from(rare if one_in(draw, times) else usual))


@st.composite
def options(draw: st.DrawFn) -> dict[str, list[str]]:
    return {
        "lang": pick(draw, [["zh"], ["en"], ["zh+en"], ["zh", "en"]], [["fr"], ["zh+zh"]], 12),
        "format": pick(draw, [["pdf"], ["docx"]], [[]], 4),
        "layout": pick(draw, [["brief"], ["factsheet"]], [[]], 4),
        "jobs": pick(draw, [[]], [["-j", "1"], ["-j", "2"], ["-j", "64"]], 12),
        "flags": pick(draw, [[]], [["--toc"], ["--strict"], ["--toc", "--strict"]], 6),
    }


def _translate(root: Path, draw: st.DrawFn) -> None:
    """Random translations into the en catalog (brought in line first), and random
    figure words in the zh one."""
    if run(root, "translations", "update")[0] != 0:
        return
    path = root / "translations" / "en.po"
    catalog = read_catalog(path)
    for message in catalog:
        if message.id and not isinstance(message.id, tuple) and one_in(draw, 3):
            fields = "".join(f"{{{name}}}" for name in placeholders(str(message.id)))
            message.string = text(draw, 10) + fields
            if draw(st.booleans()):
                message.flags.discard("fuzzy")
    save_catalog(path, catalog)
    zh = root / "translations" / "zh.po"
    source = zh.read_text(encoding="utf-8")
    if one_in(draw, 4):
        words = source.replace('"{amount}元"', '"' + draw(FIGURE_WORDS) + '"')
        zh.write_text(words, encoding="utf-8")


def _args(out: Path, options: dict[str, list[str]]) -> list[str]:
    args = ["build", "-o", str(out)]
    for lang in options["lang"]:
        args += ["-l", lang]
    for fmt in options["format"]:
        args += ["-f", fmt]
    for name in options["layout"]:
        args += ["--layout", name]
    return args + options["jobs"] + options["flags"]


@pytest.mark.slow
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@given(data=report(), template=layouts(), choices=options(), more=st.data())
def test_random_reports_build_or_fail_cleanly(
    data: dict[str, Any], template: str | None, choices: dict[str, list[str]], more: st.DataObject
) -> None:
    root = Path(tempfile.mkdtemp(prefix="jbfuzz"))
    try:
        shutil.copytree(SKELETON, root, dirs_exist_ok=True)
        content = yaml.safe_dump(data, allow_unicode=more.draw(st.booleans()), width=10**6)
        (root / "content" / "mini.yaml").write_text(content, encoding="utf-8")
        if template is not None:
            (root / "templates").mkdir()
            (root / "templates" / "brief.j2").write_text(template, encoding="utf-8")
        if more.draw(st.booleans()):
            _translate(root, more.draw)
        code, first, said = run(root, *_args(root / "out", choices))
        event(f"exit {code}")  # --hypothesis-show-statistics: how many reached rendering
        event(first.replace(str(root), "")[:90])
        assert code in (0, 2, 3, 4), said[-3000:]
        assert "Traceback" not in said
        if code:
            assert first.strip(), said  # a message, never nothing
        else:
            assert any((root / "out").iterdir())
    finally:
        shutil.rmtree(root, ignore_errors=True)
