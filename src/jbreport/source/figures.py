"""The reader of ``figures:``: each named figure becomes an exact :class:`numbers.Figure`.

A figure's problems are :class:`numbers.FigureValueError`; the first one found is the one
said (with the figure's line), and the figure is left out, its uses not reported again.
A kind's own fields are read by one function of :data:`_KIND_FIELDS`; amounts by the rest.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from ..errors import JbreportError, did_you_mean
from ..i18n import figures as nb
from ..i18n.parsing import parse_number, typed_precision
from ..i18n.placeholders import placeholders
from .limits import check_digits
from .model import NAME_RE, SrcFigure
from .reader import Reader
from .yaml import Node

FIGURE_KEYS = {
    "kind",
    "value",
    "currency",
    "unit",
    "unit_style",
    "noun",
    "qualifier",
    "decimals",
    "scale",
    "skeleton",
    "wording",
}
Fields = dict[str, object]


def read_figures(r: Reader, node: Node | None, language: str) -> dict[str, SrcFigure]:
    figures: dict[str, SrcFigure] = {}
    if node is None or node.is_null:
        return figures
    if node.mapping is None:
        r.error("figures must be a mapping of name: figure", node.loc)
        return figures
    for name, entry in node.entries():
        if not NAME_RE.fullmatch(name):
            r.error(f"figure name {name!r} must be letters, digits and _", node.key_locs[name])
            continue
        try:
            figure = read_figure(r, name, entry, language)
        except nb.FigureValueError as exc:
            r.error(f"figure {name!r}: {exc}", entry.loc)
            r.broken_figures.add(name)
            continue
        except JbreportError as exc:
            r.problems.add(exc)
            r.broken_figures.add(name)
            continue
        if figure is not None:
            figures[name] = figure
    return figures


def read_figure(r: Reader, name: str, node: Node, language: str) -> SrcFigure | None:
    """One figure; None when it is not a mapping (said), FigureValueError when it is wrong."""
    if not r.mapping(node, f"figure {name!r}", FIGURE_KEYS):
        return None
    raw: dict[str, str] = {}
    for key, value in node.entries():
        if key in FIGURE_KEYS and (text := r.text(value, f"{key} of {name!r}")) is not None:
            raw[key] = text
    kind = _kind(raw)
    if "value" not in raw:
        raise nb.FigureValueError("missing 'value'")
    fields: Fields = {"kind": kind}
    fields.update(_KIND_FIELDS.get(kind, _amount)(raw, kind, language))
    fields.update(_presentation(raw))
    noun = None
    if "noun" in raw:
        noun = r.src(node.get("noun"), f"figures/{name}/noun", f"noun of {name!r}", figures=False)
        if noun is not None:
            if placeholders(noun.text) != ["count"]:
                raise nb.FigureValueError("a noun has exactly one placeholder, {count}")
            fields["noun"] = noun.text
            fields["noun_context"] = noun.context
    figure = nb.Figure(**fields)  # type: ignore[arg-type]
    return SrcFigure(name, figure, node.loc, noun)


def _kind(raw: dict[str, str]) -> nb.Kind:
    kind_text = raw.get("kind")
    if kind_text is None:
        raise nb.FigureValueError(f"missing 'kind' (one of {', '.join(nb.Kind)})")
    try:
        return nb.Kind(kind_text)
    except ValueError:
        raise nb.FigureValueError(
            f"unknown kind {kind_text!r}{did_you_mean(kind_text, [k.value for k in nb.Kind])}"
            f" (one of {', '.join(nb.Kind)})"
        ) from None


def _refuse(raw: dict[str, str], kind: nb.Kind, *keys: str) -> None:
    for key in keys:
        if key in raw:
            raise nb.FigureValueError(f"'{key}' does not apply to a {kind} figure")


def _need(raw: dict[str, str], kind: nb.Kind, key: str, check: Callable[[str], str]) -> str:
    if key not in raw:
        raise nb.FigureValueError(f"a {kind} figure needs '{key}'")
    return check(raw[key])


def _date(raw: dict[str, str], kind: nb.Kind, language: str) -> Fields:
    fields: Fields = {"start": nb.PartialDate.parse(raw["value"])}
    if "skeleton" in raw:
        fields["skeleton"] = nb.check_skeleton(raw["skeleton"])
    _refuse(raw, kind, "currency", "unit", "noun", "decimals", "scale", "wording")
    return fields


def _month_range(raw: dict[str, str], kind: nb.Kind, language: str) -> Fields:
    value_text = raw["value"]
    start_text, sep, end_text = value_text.partition("/")
    if not sep:
        raise nb.FigureValueError(f"a month range is YYYY-MM/YYYY-MM, not {value_text!r}")
    start, end = nb.PartialDate.parse(start_text), nb.PartialDate.parse(end_text)
    if end.date < start.date:
        raise nb.FigureValueError("the month range ends before it starts")
    _refuse(raw, kind, "currency", "unit", "noun", "decimals", "scale", "skeleton", "wording")
    return {"start": start, "end": end}


def _ratio(raw: dict[str, str], kind: nb.Kind, language: str) -> Fields:
    value_text = raw["value"]
    parts = tuple(parse_number(p, language) for p in value_text.split(":"))
    for part in parts:
        check_digits(part, value_text)
    if len(parts) < 2:
        raise nb.FigureValueError(f"a ratio has two or more parts: {value_text!r}")
    _refuse(raw, kind, "currency", "unit", "noun", "skeleton", "wording")
    return {"parts": parts}


def _amount(raw: dict[str, str], kind: nb.Kind, language: str) -> Fields:
    """A count, money, quantity, percent or growth: one value, and its currency or unit."""
    value_text = raw["value"]
    number = parse_number(value_text, language)
    check_digits(number, value_text)
    if not number.is_finite():
        raise nb.FigureValueError(f"impossible value {value_text!r}")
    if kind in (nb.Kind.COUNT, nb.Kind.MONEY, nb.Kind.QUANTITY) and number < 0:
        raise nb.FigureValueError(
            f"a {kind} cannot be negative ({value_text}); use a growth figure for a fall"
        )
    if kind == nb.Kind.PERCENT and number > Decimal(100000):
        raise nb.FigureValueError(f"impossible percentage {value_text}")
    fields: Fields = {"value": number, "precision": typed_precision(value_text, language)}
    if kind == nb.Kind.MONEY:
        fields["currency"] = _need(raw, kind, "currency", nb.check_currency)
    else:
        _refuse(raw, kind, "currency")
    if kind == nb.Kind.QUANTITY:
        fields["unit"] = _need(raw, kind, "unit", nb.check_unit)
        if "unit_style" in raw:
            if raw["unit_style"] not in ("short", "long", "narrow"):
                raise nb.FigureValueError("unit_style is short, long or narrow")
            fields["unit_style"] = raw["unit_style"]
    else:
        _refuse(raw, kind, "unit", "unit_style")
    if kind != nb.Kind.COUNT:
        _refuse(raw, kind, "noun")
    if kind == nb.Kind.GROWTH and "wording" in raw:
        if raw["wording"] != "bare":
            raise nb.FigureValueError(
                f"unknown wording {raw['wording']!r} (bare: the change without up or down,"
                " where the sentence says it)"
            )
        fields["wording"] = raw["wording"]
    else:
        _refuse(raw, kind, "wording")
    _refuse(raw, kind, "skeleton")
    return fields


_KIND_FIELDS: dict[nb.Kind, Callable[[dict[str, str], nb.Kind, str], Fields]] = {
    nb.Kind.DATE: _date,
    nb.Kind.MONTH_RANGE: _month_range,
    nb.Kind.RATIO: _ratio,
}


def _presentation(raw: dict[str, str]) -> Fields:
    """How any figure is said: its qualifier (about, over…), decimals and scale."""
    fields: Fields = {}
    if "qualifier" in raw:
        try:
            fields["qualifier"] = nb.Qualifier(raw["qualifier"])
        except ValueError:
            raise nb.FigureValueError(
                f"unknown qualifier {raw['qualifier']!r} (one of {', '.join(nb.Qualifier)})"
            ) from None
    if "decimals" in raw:
        if not re.fullmatch(r"\d", raw["decimals"]):
            raise nb.FigureValueError("decimals must be a whole number from 0 to 9")
        fields["decimals"] = int(raw["decimals"])
    if "scale" in raw:
        if raw["scale"] not in ("auto", "full"):
            raise nb.FigureValueError("scale is auto or full")
        fields["scale"] = raw["scale"]
    return fields
