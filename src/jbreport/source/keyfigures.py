"""Readers of ``key_figures:`` (the box of a report's main figures) and ``chart:``."""

from __future__ import annotations

from ..errors import did_you_mean
from ..i18n import figures as nb
from .model import SrcFigure, SrcKeyFigure
from .reader import Reader
from .yaml import Node


def read_key_figures(
    r: Reader, node: Node | None, figures: dict[str, SrcFigure]
) -> tuple[SrcKeyFigure, ...]:
    out: list[SrcKeyFigure] = []
    seen: set[str] = set()
    for item in r.items(node, "key_figures"):
        if not r.mapping(item, "a key figure", {"figure", "label"}):
            continue
        name = r.text(item.get("figure"), "figure")
        if name is None:
            r.error("a key figure needs 'figure'", item.loc)
            continue
        if name in r.broken_figures:
            continue
        if name not in figures:
            r.error(
                f"key figure {name!r} is not defined under figures"
                f"{did_you_mean(name, list(figures))}",
                item.loc,
            )
            continue
        if name in seen:
            r.error(f"key figure {name!r} is listed twice", item.loc)
            continue
        seen.add(name)
        label = r.src(item.get("label"), f"key_figures/{name}/label", "label")
        if label is None:
            r.error("a key figure needs a 'label'", item.loc)
            continue
        out.append(SrcKeyFigure(name, label))
    return tuple(out)


def read_chart(
    r: Reader, node: Node | None, figures: dict[str, SrcFigure], keys: tuple[SrcKeyFigure, ...]
) -> tuple[SrcKeyFigure, ...]:
    """The chart's bars: figures of one kind and unit (amounts, or growth rates), each a key
    figure's name (its label reused) or ``{figure: name, label: "…"}``."""
    labels = {k.figure: k.label for k in keys}
    bars: list[SrcKeyFigure] = []
    kinds: set[tuple[nb.Kind, str | None, str | None]] = set()
    for item in r.items(node, "chart"):
        if item.mapping is not None:
            if not r.mapping(item, "a chart bar", {"figure", "label"}):
                continue
            name = r.text(item.get("figure"), "figure")
            label = r.src(item.get("label"), f"chart/{name}/label", "label") if name else None
        else:
            name = r.text(item, "chart item")
            label = labels.get(name) if name else None
        if name is None or name in r.broken_figures:
            continue
        if name not in figures:
            r.error(
                f"chart figure {name!r} is not defined under figures"
                f"{did_you_mean(name, list(figures))}",
                item.loc,
            )
            continue
        if label is None:
            r.error(f"chart figure {name!r} needs a label (or to be a key figure)", item.loc)
            continue
        figure = figures[name].figure
        if figure.value is None:
            r.error(f"chart figure {name!r} is a {figure.kind}, not an amount", item.loc)
            continue
        kinds.add((figure.kind, figure.currency, figure.unit))
        bars.append(SrcKeyFigure(name, label))
    if len(kinds) > 1 and node is not None:
        r.error("chart figures must share one kind, currency and unit", node.loc)
    return tuple(bars)
