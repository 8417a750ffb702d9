"""The fuzzer: arbitrary content, figures and translations either build or raise jbreport's
own error, never another exception.  A bounded number of examples, so CI stays quick."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from jbreport.build import Project, build
from jbreport.errors import JbreportError

# any text, with the troublemakers over-represented
TRICKY = st.sampled_from(
    [
        "{",
        "}",
        "{{",
        "<b>",
        "&amp;",
        "&",
        "<",
        ">",
        "\x00",
        "\x0b",
        "\x1f",
        "\ud7ff",
        "\u2028",
        "\ufeff",
        "，",
        "“",
        "《",
        "……",
        "——",
        "%",
        "5.5万",
        "\u00a0",
        "\t",
        "\n",
        "{count}",
        "{nope}",
        "e\u0301",
        "\U0001f600",
        "ﷺ",
        "א",
        "\u202e",
        "x" * 300,
        "长" * 200,
    ]
)
TEXT = st.lists(st.one_of(st.text(max_size=40), TRICKY), max_size=8).map("".join)
VALUE = st.one_of(
    st.text(max_size=12),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.sampled_from(
        ["302.5亿", "1.9万亿", "-1", "0", "1e400", "2022-13-01", "1:2:3", "5.5万", "2022"]
    ),
)
KIND = st.sampled_from(
    [
        "count",
        "money",
        "percent",
        "points",
        "growth",
        "quantity",
        "date",
        "month_range",
        "ratio",
        "bogus",
    ]
)


VALID = st.sampled_from(
    [
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
    ]
)


@st.composite
def random_figure(draw: st.DrawFn) -> dict[str, str]:
    figure = {"kind": draw(KIND), "value": draw(VALUE)}
    if draw(st.booleans()):
        figure["currency"] = draw(st.sampled_from(["CNY", "USD", "XXX", "cny", ""]))
    if draw(st.booleans()):
        figure["unit"] = draw(st.sampled_from(["length-kilometer", "duration-month", "nope"]))
    if draw(st.booleans()):
        figure["qualifier"] = draw(st.sampled_from(["about", "over", "under", "estimate", "x"]))
    return figure


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, str | None]:
    figure = draw(st.one_of(VALID, VALID, VALID, random_figure()))
    data = {
        "language": "zh",
        "title": "标题" + draw(TEXT),
        "figures": {"count": figure},
        "key_figures": [{"figure": "count", "label": "标签" + draw(TEXT)}],
        "sections": [
            {
                "id": "s",
                "heading": "章" + draw(TEXT),
                "blocks": ["{count}" + draw(TEXT), draw(TEXT)],
            }
        ],
    }
    # JSON is YAML: any string survives the trip, control characters included
    content = json.dumps(data, ensure_ascii=draw(st.booleans()))
    translation = draw(st.one_of(st.none(), TEXT))
    return content, translation


@pytest.mark.slow  # sixty small documents built
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
@given(reports())
def test_build_succeeds_or_fails_cleanly(case: tuple[str, str | None]) -> None:
    content, translation = case
    root = Path(tempfile.mkdtemp(prefix="jbfuzz"))
    try:
        (root / "content").mkdir()
        (root / "translations").mkdir()
        shutil.copy(ROOT / "translations" / "zh.po", root / "translations")
        (root / "content" / "fuzz.yaml").write_text(content, encoding="utf-8")
        editions: list[tuple[str, ...]] = [("zh",)]
        if translation is not None:
            from jbreport.translations import commands as translations

            try:
                translations.init(root, "en")
                po = root / "translations" / "en.po"
                text = po.read_text(encoding="utf-8")
                escaped = json.dumps(translation, ensure_ascii=False)
                text = text.replace('msgstr ""\n\n#', f"msgstr {escaped}\n\n#", 1)
                po.write_text(text, encoding="utf-8")
                editions.append(("zh", "en"))
            except JbreportError:
                pass
        try:
            build(Project(root), editions=editions, layouts=["brief"], out_dir=root / "output")
        except JbreportError as exc:
            assert str(exc)  # a message for the user, never empty
    finally:
        shutil.rmtree(root, ignore_errors=True)
