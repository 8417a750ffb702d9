"""Dates and month ranges of figures, as CLDR writes them for each locale."""

from __future__ import annotations

import re

from babel.dates import format_date, format_interval, format_skeleton

from .figures import Figure, NumberStyle, Precision
from .locale import get_locale


def format_date_figure(figure: Figure, tag: str) -> str:
    assert figure.start is not None
    locale = get_locale(tag)
    if figure.skeleton:
        return format_skeleton(figure.skeleton, figure.start.date, locale=locale)
    match figure.start.precision:
        case Precision.DAY:
            return format_date(figure.start.date, "long", locale=locale)
        case Precision.MONTH:
            return format_skeleton("yMMMM", figure.start.date, locale=locale)
        case Precision.YEAR:
            return format_skeleton("y", figure.start.date, locale=locale)


def format_month_range(figure: Figure, tag: str, style: NumberStyle) -> str:
    text = _cldr_month_range(figure, tag)
    return text.replace("\u2013", style.range_dash) if style.range_dash else text


def _cldr_month_range(figure: Figure, tag: str) -> str:
    assert figure.start is not None and figure.end is not None
    locale = get_locale(tag)
    start, end = figure.start.date, figure.end.date
    if (start.year, start.month) == (end.year, end.month):
        return format_skeleton("yMMMM", start, locale=locale)  # a range of one month
    if start.year != end.year:
        return format_interval(start, end, "yMMMM", locale=locale)
    if re.search(r"\d", format_skeleton("MMMM", start, locale=locale)):
        # the locale writes months as numbers (1月): CLDR's numeric interval, 1–11月
        return format_interval(start, end, "M", locale=locale)
    fallback = locale.interval_formats.get(None, "{0}–{1}")
    # CLDR's interval fallback around the stand-alone month names: January–November
    return str(fallback).format(
        format_date(start, "LLLL", locale=locale), format_date(end, "LLLL", locale=locale)
    )
