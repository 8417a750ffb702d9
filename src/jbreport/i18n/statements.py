"""What a text says of each figure besides its value: its currency, its direction (a rise or
a fall) and its qualifier (about, over, under, exactly), read from the words beside it.

The words are the language's own: its figure phrases as its catalogs translate them
(增长{percent}, « en hausse d'environ {percent} », {amount}元, 约{figure}; see
:mod:`.phrases`), and CLDR's currency codes, symbols and display names.  A word counts only
right before or after the figure (spaces aside), so "set up 3 teams" says nothing of a rise.
The checker compares what the source and the translation say of the same figure.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from .figures import FIGURE_CONTEXT, Qualifier
from .locale import get_locale
from .phrases import (
    EXACTLY,
    GROWTH,
    MONEY_CONTEXT,
    POINTS_ONE,
    QUALIFIER_CONTEXT,
    QUALIFIERS,
    Direction,
)
from .placeholders import fill_spans, placeholders
from .reading import stated_figures
from .script import UNSPACED

# (msgctxt, msgid) → the translation's forms (one, or one per plural form)
Translations = Mapping[tuple[str, str], tuple[str, ...]]
Mark = tuple[str, str]  # ("currency", "CNY"), ("direction", "up"), ("qualifier", "over")
Key = tuple[str, object]  # ("number", Decimal), ("field", "gdp_growth")

# about and estimated are both hedges: a translator may render one by the other
_QUALIFIER_CLASS = {
    Qualifier.ABOUT: "about",
    Qualifier.ESTIMATE: "about",
    Qualifier.OVER: "over",
    Qualifier.UNDER: "under",
}
_FIELD = "\ufffc"  # stands for a {field} while the figures of a text are read


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of one language that say something of the figure beside them."""

    before: Mapping[str, frozenset[Mark]]  # lower-cased word → what it says
    after: Mapping[str, frozenset[Mark]]
    points: tuple[str, ...] = ()  # its words for percentage points (Prozentpunkte)

    # the lengths of its words, longest first: a text's end is looked up once per length
    before_lengths: tuple[int, ...] = field(init=False, default=())
    after_lengths: tuple[int, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        for name, table in (("before_lengths", self.before), ("after_lengths", self.after)):
            object.__setattr__(self, name, tuple(sorted({len(w) for w in table}, reverse=True)))


@dataclass(frozen=True, slots=True)
class Words:
    """How the source's and the translation's languages word figures, and the direction
    each growth figure of the content states (``{gdp_growth}`` is a rise)."""

    source: Vocabulary
    target: Vocabulary
    signs: dict[str, Direction]


def _affixes(pattern: str) -> tuple[str, str] | None:
    """The words before and after the one field of ``pattern``: 增长约{percent} → (增长约, '')."""
    try:
        if len(placeholders(pattern)) != 1:
            return None
        text, spans = fill_spans(pattern, {name: _FIELD for name in placeholders(pattern)})
    except (KeyError, ValueError):
        return None
    start, end = spans[0]
    return text[:start].strip().lower(), text[end:].strip().lower()


def vocabulary(language: str, translations: Translations) -> Vocabulary:
    """The vocabulary of ``language`` from its figure phrases (the msgids themselves for the
    language they are written in) and CLDR's currencies."""
    marks: list[tuple[str, Mark]] = []  # a pattern, and what it says

    def add(context: str, msgid: str, mark: Mark) -> None:
        for pattern in translations.get((context, msgid), ()):
            marks.append((pattern, mark))

    for (direction, qualifier), msgid in GROWTH.items():
        add(FIGURE_CONTEXT, msgid, ("direction", direction.value))
        if qualifier is not None:
            add(FIGURE_CONTEXT, msgid, ("qualifier", _QUALIFIER_CLASS[qualifier]))
    for qualifier, msgid in QUALIFIERS.items():
        add(QUALIFIER_CONTEXT, msgid, ("qualifier", _QUALIFIER_CLASS[qualifier]))
    add(QUALIFIER_CONTEXT, EXACTLY, ("qualifier", "exactly"))
    for context, msgid in translations:
        if context == MONEY_CONTEXT and re.fullmatch(r"[A-Z]{3} \{\w+\}", msgid):
            add(context, msgid, ("currency", msgid[:3]))
    before: dict[str, set[Mark]] = {}
    after: dict[str, set[Mark]] = {}
    for pattern, mark in marks:
        found = _affixes(pattern)
        if found is None:
            continue
        for table, word in ((before, found[0]), (after, found[1])):
            if word:
                table.setdefault(word, set()).add(mark)
    for word, code in _currency_words(language).items():
        for table in (before, after):
            table.setdefault(word, set()).add(("currency", code))
    points = tuple(
        word
        for pattern in translations.get((FIGURE_CONTEXT, POINTS_ONE), ())
        if (affixes := _affixes(pattern)) is not None
        for word in affixes
        if word
    )
    return Vocabulary(_frozen(before), _frozen(after), points)


def _frozen(table: dict[str, set[Mark]]) -> dict[str, frozenset[Mark]]:
    return {word: frozenset(marks) for word, marks in table.items()}


@functools.cache
def _currency_words(language: str) -> dict[str, str]:
    """CLDR's names and symbols of currencies in ``language`` (人民币, yuans renminbi
    chinois, US$), lower-cased, with the ISO code each names; a symbol two currencies share
    in the locale is left out."""
    locale = get_locale(language)
    words: dict[str, str] = {}
    shared: set[str] = set()
    for code, symbol in locale.currency_symbols.items():
        key = str(symbol).lower()
        if len(key) < 2 and not re.fullmatch(r"[^\w\s]", key):
            continue
        if key in words and words[key] != code:
            shared.add(key)
        words[key] = code
    for code, name in locale.currencies.items():
        words.setdefault(str(name).lower(), code)
    for code, forms in locale._data["currency_names_plural"].items():
        for name in forms.values():
            words.setdefault(str(name).lower(), code)
    return {w: c for w, c in words.items() if w not in shared}


def said(text: str, language: str, words: Vocabulary) -> dict[Key, set[Mark]]:
    """What ``text`` says of each figure: {("number", 3.025E+10): {("currency", "CNY")}};
    a ``{field}`` is a figure too (its words: 增长{gdp_growth}), named ("field", name)."""
    try:
        names = placeholders(text)
        flat, spans = fill_spans(text, {name: _FIELD for name in names})
    except (KeyError, ValueError):
        return {}
    figures: list[tuple[int, int, Key]] = [
        (start, end, ("field", name)) for (start, end), name in zip(spans, names, strict=True)
    ]
    figures += [
        (f.start, f.end, (f.dimension, f.value))
        for f in stated_figures(flat.replace(_FIELD, " "), language, words.points)
    ]
    out: dict[Key, set[Mark]] = {}
    for start, end, key in figures:
        marks = out.setdefault(key, set())
        heads = [flat[:start].rstrip()]
        tails = [flat[end:].lstrip()]
        marks |= _codes(heads[0], tails[0], language)
        # the words of a qualifier or a direction may stand beyond a currency: 约人民币…
        heads.append(re.sub(r"(?<![A-Za-z])[A-Z]{3}$", "", heads[0]).rstrip())
        tails.append(re.sub(r"^[A-Z]{3}(?![A-Za-z])", "", tails[0]).lstrip())
        marks |= _look(heads, words.before, words.before_lengths, at_end=True)
        marks |= _look(tails, words.after, words.after_lengths, at_end=False)
        if key[0] not in ("percent", "points", "field"):
            # a rise or a fall is a change: "set up 5 teams" says nothing of one
            marks -= {m for m in marks if m[0] == "direction"}
    return out


def _look(
    texts: list[str],
    table: Mapping[str, frozenset[Mark]],
    lengths: tuple[int, ...],
    *,
    at_end: bool,
) -> set[Mark]:
    """What the words of ``table`` at the end (or the start) of each text say; past a
    currency word, the word beyond it too (约人民币{figure}: about)."""
    marks: set[Mark] = set()
    queue = [text.lower() for text in texts]
    seen: set[str] = set()
    while queue:
        text = queue.pop()
        if text in seen:
            continue
        seen.add(text)
        for n in lengths:
            word = text[-n:] if at_end else text[:n]
            found = table.get(word) if n <= len(text) else None
            if not found or not _word_edge(text, len(text) - n - 1 if at_end else n):
                continue
            marks |= found
            if any(kind == "currency" for kind, _value in found):
                queue.append(text[:-n].rstrip() if at_end else text[n:].lstrip())
    return marks


def _word_edge(text: str, index: int) -> bool:
    """Whether a word ends (or starts) next to ``index``: not inside a longer word of a
    spaced script ("setup" holds no "up"; 增长 may touch the next character)."""
    if index < 0 or index >= len(text):
        return True
    char = text[index]
    return not char.isalpha() or UNSPACED.match(char) is not None


def _codes(head: str, tail: str, language: str) -> set[Mark]:
    """ISO codes written right before or after a figure, as written (CNY 30.25 billion)."""
    known = get_locale(language).currencies
    found = [m[1] for m in (re.search(r"(?<![A-Za-z])([A-Z]{3})$", head),) if m]
    found += [m[1] for m in (re.match(r"([A-Z]{3})(?![A-Za-z])", tail),) if m]
    return {("currency", code) for code in found if code in known}


def figure_sign(value: Decimal | None) -> Direction | None:
    """The direction a growth figure's value states."""
    if value is None or value == 0:
        return None
    return Direction.UP if value > 0 else Direction.DOWN
