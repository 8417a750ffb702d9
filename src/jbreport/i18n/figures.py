"""Figures: one value of a report, independent of language, and the words CLDR lacks.

A :class:`Figure` holds a value once (Decimal, never float); :mod:`.formatting` writes it for
one locale.  The words CLDR does not have (growth "up/down", qualifiers, percentage points,
money phrases: :mod:`.phrases`) come from the edition's catalogs through :class:`Messages`.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from babel import Locale
from babel.numbers import is_currency
from babel.units import UnknownUnitError, get_unit_name


class Kind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    POINTS = "points"
    GROWTH = "growth"
    QUANTITY = "quantity"
    DATE = "date"
    MONTH_RANGE = "month_range"
    RATIO = "ratio"


class Qualifier(StrEnum):
    ABOUT = "about"
    OVER = "over"
    UNDER = "under"
    ESTIMATE = "estimate"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class FigureValueError(ValueError):
    """A figure's value or option is impossible; the caller adds the location."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int = 1
    day: int = 1
    precision: Precision = Precision.DAY

    @property
    def date(self) -> datetime.date:
        return datetime.date(self.year, self.month, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
        if not m:
            raise FigureValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        precision = Precision.DAY if m[3] else Precision.MONTH if m[2] else Precision.YEAR
        try:
            datetime.date(year, month, day)
        except ValueError as exc:
            raise FigureValueError(f"impossible date {text!r}: {exc}") from None
        return cls(year, month, day, precision)


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure of a report, independent of language."""

    kind: Kind
    value: Decimal | None = None  # numeric kinds; percent, points and growth in per cent
    parts: tuple[Decimal, ...] = ()  # ratio
    start: PartialDate | None = None  # date, month_range
    end: PartialDate | None = None  # month_range
    currency: str | None = None
    unit: str | None = None
    unit_style: str | None = None  # short | long | narrow; default by unit
    noun: str | None = None  # source-language pattern with {count}
    noun_context: str | None = None  # msgctxt of the noun in the catalog
    qualifier: Qualifier | None = None
    decimals: int | None = None
    scale: str = "auto"  # auto | full
    skeleton: str | None = None
    # the power of ten of the last digit typed, when the typed fraction ends in a zero
    # (8.0: -1; 48.60亿: 6): that many digits are shown, at whatever scale; None: as typed
    # without trailing zeros (302.5亿 is 30.25 billion, 1600亿 160 billion)
    precision: int | None = None
    wording: str | None = None  # growth: "bare", the size of the change without up/down


class Messages(Protocol):
    """The edition's catalog, as far as figures need it."""

    def gettext(self, context: str, msgid: str) -> str:
        """The translation, or ``msgid`` when there is none."""
        ...

    def translated(self, context: str, msgid: str) -> bool:
        """Whether the catalog holds a current translation."""
        ...

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        """The plural form for ``n`` by the catalog's (else the locale's) plural rule."""
        ...


class SourceMessages:
    """Messages with no catalog: every msgid stands for itself, CLDR chooses the plural."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def gettext(self, context: str, msgid: str) -> str:
        return msgid

    def translated(self, context: str, msgid: str) -> bool:
        return False

    def ngettext(self, context: str, singular: str, plural: str, n: Decimal) -> str:
        return singular if self.locale.plural_form(n) == "one" else plural


# The words CLDR has no data for are message ids (:mod:`.phrases`); ``N_`` marks them.
def N_(msgid: str) -> str:
    return msgid


# The layout templates and the figure words are written in English.
TEMPLATE_LANGUAGE = "en"
FIGURE_CONTEXT = "figure"


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """House style of one edition that CLDR leaves open."""

    min_grouping_digits: int = 1
    # the mark between the ends of a range, for CLDR's en dash: "—" in Chinese statistics
    # bulletins (1—11月, the 一字线 of GB/T 15834); None: CLDR's
    range_dash: str | None = None


DEFAULT_STYLE = NumberStyle()


# --------------------------------------------------------------------------------------
# Validation helpers for the content loader


def check_currency(code: str) -> str:
    if not re.fullmatch(r"[A-Z]{3}", code) or not is_currency(code):
        raise FigureValueError(f"unknown currency {code!r} (use an ISO 4217 code such as CNY)")
    return code


def check_unit(unit: str) -> str:
    try:
        name = get_unit_name(unit, locale=Locale("en"))
    except UnknownUnitError:
        name = None
    if name is None:
        raise FigureValueError(
            f"unknown unit {unit!r} (use a CLDR unit id such as length-kilometer)"
        )
    return unit


def check_skeleton(skeleton: str) -> str:
    if not re.fullmatch(r"[GyYuUrQqMLlwWdDFgEec]+", skeleton):
        raise FigureValueError(f"not a CLDR date skeleton: {skeleton!r}")
    return skeleton
