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
    r: Reader, node: Node | None, figures: dict[str, SrcFigure], keys: set[str]
) -> tuple[str, ...]:
    """The chart's figures: key figures (for their labels), amounts of one kind and unit."""
    names: list[str] = []
    kinds: set[tuple[nb.Kind, str | None, str | None]] = set()
    for item in r.items(node, "chart"):
        name = r.text(item, "chart item")
        if name is None or name in r.broken_figures:
            continue
        if name not in figures:
            r.error(
                f"chart figure {name!r} is not defined under figures"
                f"{did_you_mean(name, list(figures))}",
                item.loc,
            )
            continue
        if name not in keys:
            r.error(f"chart figure {name!r} must also be a key figure (for its label)", item.loc)
            continue
        figure = figures[name].figure
        if figure.value is None:
            r.error(f"chart figure {name!r} is a {figure.kind}, not an amount", item.loc)
            continue
        kinds.add((figure.kind, figure.currency, figure.unit))
        names.append(name)
    if len(kinds) > 1 and node is not None:
        r.error("chart figures must share one kind, currency and unit", node.loc)
    return tuple(names)
