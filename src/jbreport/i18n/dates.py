"""Dates and month ranges of figures, as CLDR writes them for each locale, and the dates a
text states, read back for the checker (2023年3月5日, 5 mars 2023, March 5, 2023)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton, get_month_names

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


_ZH_DATE = re.compile(r"(?<!\d)(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})[日号])?)?")
_ZH_MONTHDAY = re.compile(r"(?<![\d.])(\d{1,2})月(\d{1,2})[日号]")
_ZH_MONTH = re.compile(r"(?<![\d.])(\d{1,2})月")  # 6个月 (six months) is no month
_ZH_MONTH_RANGE = re.compile(r"(?<![\d.])(\d{1,2})[—–\-~～至到](\d{1,2})月")  # 1—11月


def _blank(m: re.Match[str]) -> str:
    return " " * len(m[0])


def date_patterns(
    locale: Locale,
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, int]]:
    """Day-month-year and month-day-year dates with the locale's month names (none for
    Chinese, Japanese and Korean, whose dates are read by number: 2023年3月5日)."""
    months: dict[str, int] = {}
    if locale.language in ("zh", "ja", "ko"):
        return None, None, months
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for index, name in get_month_names(width, context, locale).items():
                if not any(c.isalpha() for c in str(name)):
                    continue  # months known by number (dz 12): a number, not a month
                months.setdefault(str(name), int(index))
                months.setdefault(str(name).rstrip("."), int(index))
    if not months:
        return None, None, months
    names = "|".join(re.escape(n) for n in sorted(months, key=len, reverse=True))
    month = rf"(?<!\w)({names})\.?(?!\w)"
    dmy = re.compile(rf"(?<!\d)(\d{{1,2}})(?:er|st|nd|rd|th)?\.?\s+{month}(?:\s+(\d{{4}}))?")
    mdy = re.compile(rf"{month}(?:\s+(\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,?\s+(\d{{4}})(?!\d))?")
    return dmy, mdy, months


def take_dates(
    text: str,
    dmy: re.Pattern[str] | None,
    mdy: re.Pattern[str] | None,
    months: dict[str, int],
    found: Counter[tuple[str, Decimal]],
) -> str:
    """Count the dates of ``text`` into ``found``; the text with each date blanked (its
    length kept, so what follows keeps its place)."""
    for m in _ZH_DATE.finditer(text):
        found[("year", Decimal(m[1]))] += 1
        if m[2]:
            found[("month", Decimal(m[2]))] += 1
        if m[3]:
            found[("day", Decimal(m[3]))] += 1
    text = _ZH_DATE.sub(_blank, text)
    for m in _ZH_MONTHDAY.finditer(text):
        found[("month", Decimal(m[1]))] += 1
        found[("day", Decimal(m[2]))] += 1
    text = _ZH_MONTHDAY.sub(_blank, text)
    for m in _ZH_MONTH_RANGE.finditer(text):
        found[("month", Decimal(m[1]))] += 1
        found[("month", Decimal(m[2]))] += 1
    text = _ZH_MONTH_RANGE.sub(_blank, text)
    for m in _ZH_MONTH.finditer(text):
        found[("month", Decimal(m[1]))] += 1
    text = _ZH_MONTH.sub(_blank, text)
    for pattern, order in ((dmy, "dmy"), (mdy, "mdy")):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            day, month = (m[1], m[2]) if order == "dmy" else (m[2], m[1])
            index = months.get(month) or months.get(month.rstrip("."))
            for dimension, value in (("month", index), ("day", day), ("year", m[3])):
                if value:
                    found[(dimension, Decimal(value))] += 1
        text = pattern.sub(_blank, text)
    return text
