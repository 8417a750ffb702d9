"""The figure words CLDR lacks, each a whole phrase a translator writes at once.

Every combination a language may word differently is its own message with named
placeholders, so French can write « en hausse d'environ {percent} » and « {scaled_amount} de
yuans » rather than have jbreport glue « en hausse de » to « environ 3 % ».  The English
strings are the message ids (msgctxt ``figure``, ``qualifier``, ``money``); the set, with
examples, is documented for translators in ``docs/translating.md``.  Keep the ids stable:
catalogs, the shipped ones (``src/jbreport/locale/``) and every project's, are keyed by them.

What CLDR has is not here: currency names and symbols, list patterns, units, the
approximately sign, plural rules and numbering systems come from Babel's CLDR data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .figures import FIGURE_CONTEXT, N_, Qualifier

QUALIFIER_CONTEXT = "qualifier"
MONEY_CONTEXT = "money"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


# growth, by its direction and qualifier: 增长约3% / up about 3% / en hausse d'environ 3 %
UP = N_("up {percent}")
DOWN = N_("down {percent}")
GROWTH: dict[tuple[Direction, Qualifier | None], str] = {
    (Direction.UP, None): UP,
    (Direction.UP, Qualifier.ABOUT): N_("up about {percent}"),
    (Direction.UP, Qualifier.OVER): N_("up more than {percent}"),
    (Direction.UP, Qualifier.UNDER): N_("up less than {percent}"),
    (Direction.UP, Qualifier.ESTIMATE): N_("up an estimated {percent}"),
    (Direction.DOWN, None): DOWN,
    (Direction.DOWN, Qualifier.ABOUT): N_("down about {percent}"),
    (Direction.DOWN, Qualifier.OVER): N_("down more than {percent}"),
    (Direction.DOWN, Qualifier.UNDER): N_("down less than {percent}"),
    (Direction.DOWN, Qualifier.ESTIMATE): N_("down an estimated {percent}"),
}
# a change that rounds to zero, as the language says it (持平); about or estimated: 基本持平
UNCHANGED = N_("unchanged")
ROUGHLY_UNCHANGED = N_("roughly unchanged")

# a figure standing alone (key figures, chart labels) with its qualifier: 约1600亿元
QUALIFIERS: dict[Qualifier, str] = {
    Qualifier.ABOUT: N_("about {figure}"),
    Qualifier.OVER: N_("more than {figure}"),
    Qualifier.UNDER: N_("less than {figure}"),
    Qualifier.ESTIMATE: N_("estimated {figure}"),
}
# never printed: how the language states a figure as exact, so the checker can tell a
# translation that turns "about 3%" into "exactly 3%"
EXACTLY = N_("exactly {figure}")

POINTS_ONE = N_("{points} percentage point")
POINTS_OTHER = N_("{points} percentage points")

# How two names are joined in a byline; untranslated (or for more names), CLDR's list pattern
LIST_PAIR = N_("{first} and {second}")

# Money, per currency and plural-aware: {amount} is a number without a scale word (0 yuan,
# 2 yuans), {scaled_amount} one with it (30,25 milliards de yuans).  Untranslated, CLDR's
# display name of the currency in its plural form, in CLDR's unit pattern (12亿英镑); in
# English the ISO code where CLDR's currency pattern puts the sign (CNY 30.25 billion).
SHIPPED_CURRENCIES = ("CNY", "USD", "EUR")
MONEY_COMMENT = "{amount} is a number without a scale word, e.g. 0 or 2,150"
SCALED_MONEY_COMMENT = "{scaled_amount} is the number with its scale word, e.g. 30.25 billion"


def money_msgid(code: str) -> str:
    return f"{code} {{amount}}"


def scaled_money_msgid(code: str) -> str:
    return f"{code} {{scaled_amount}}"


@dataclass(frozen=True, slots=True)
class Phrase:
    """One message of the figure words: its msgctxt, msgid (and plural), a translator's
    note."""

    context: str
    msgid: str
    plural: str | None = None
    comment: str = ""


def phrases(currencies: tuple[str, ...] = SHIPPED_CURRENCIES) -> list[Phrase]:
    """Every figure message, with the money phrases of ``currencies``, in catalog order."""
    out = [Phrase(FIGURE_CONTEXT, msgid) for msgid in GROWTH.values()]
    out += [
        Phrase(FIGURE_CONTEXT, UNCHANGED),
        Phrase(FIGURE_CONTEXT, ROUGHLY_UNCHANGED, comment="a change of about 0%"),
        Phrase(FIGURE_CONTEXT, LIST_PAIR),
        Phrase(FIGURE_CONTEXT, POINTS_ONE, POINTS_OTHER),
    ]
    out += [Phrase(QUALIFIER_CONTEXT, msgid) for msgid in QUALIFIERS.values()]
    out.append(Phrase(QUALIFIER_CONTEXT, EXACTLY, comment="not printed: read by the checker"))
    for code in currencies:
        plain, scaled = money_msgid(code), scaled_money_msgid(code)
        out.append(Phrase(MONEY_CONTEXT, plain, plain, MONEY_COMMENT))
        out.append(Phrase(MONEY_CONTEXT, scaled, scaled, SCALED_MONEY_COMMENT))
    return out
