"""Translation memory: what ``translations update`` offers a new string from the
translations the project already has.

For each entry that ``update`` adds with no translation (a new string, or an edited one
whose old entry held none), the memory looks through every translated, non-fuzzy entry
(live or obsolete) of every catalog of the same language (``en`` and ``en_GB`` help each
other; the catalog being updated first) and takes the best match:

1. an exact match of the source, ``{placeholders}`` aside (score 1.0);
2. else the most similar source with a score of at least :data:`THRESHOLD`.

The score is the Dice coefficient of the two sources' n-gram sets: character trigrams of
each run of Chinese, Japanese or Korean text (a placeholder counts as one character), and
the words of other scripts (lowercased); 0.6 is GNU msgmerge's own fuzzy threshold.  The
search is an inverted index from n-gram to source, built only over the n-grams the new
strings use, so its cost grows with the catalog's text once, not with catalog × new.

A suggestion's placeholders are mapped by name: a name both sources share is kept; the
others are paired in their order in the sources; a match whose translation would keep a
placeholder the new source lacks is not offered.  It is inserted as **fuzzy**, with the
matched source as the previous msgid (``#|``, so a PO editor shows the difference) and a
translator comment naming where it came from.  It never replaces a translation: only
entries with none are filled, and fuzzy entries are never a source.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from babel.messages.catalog import Catalog, Message

from ..i18n.placeholders import raw_fields, raw_names
from ..i18n.script import IDEOGRAPHIC_CLASS

THRESHOLD = 0.6
CANDIDATES = 20  # sources scored exactly per new string
_MARK = "\ue000"  # a placeholder, in the text the n-grams are taken from
_RUN = re.compile(rf"[{IDEOGRAPHIC_CLASS}{_MARK}]+|[^\W_{IDEOGRAPHIC_CLASS}]+")
_CJK_START = re.compile(rf"[{IDEOGRAPHIC_CLASS}{_MARK}]")
COMMENT_PREFIX = "translation memory:"


@dataclass(frozen=True, slots=True)
class Source:
    text: str
    translation: str
    origin: str  # "en.po, msgctxt 'report/sections/x/p1'"


@dataclass(frozen=True, slots=True)
class Suggestion:
    translation: str
    score: float
    source: Source


def _shape(text: str) -> str:
    return "".join(_MARK if isinstance(piece, tuple) else piece for piece in raw_fields(text))


def grams(text: str) -> set[str]:
    """The n-grams of a source (see the module's docstring)."""
    out: set[str] = set()
    for run in _RUN.findall(_shape(text)):
        if _CJK_START.match(run):
            out |= {run[i : i + 3] for i in range(len(run) - 2)} if len(run) > 2 else {run}
        else:
            out.add(run.lower())
    return out


def sources_of(catalog: Catalog, name: str) -> list[Source]:
    """The translated, non-fuzzy singular entries of a catalog (live, then obsolete)."""
    out = []
    for message in [*catalog, *catalog.obsolete.values()]:
        if (
            message.id
            and not message.fuzzy
            and isinstance(message.id, str)
            and isinstance(message.string, str)
            and message.string
        ):
            out.append(Source(message.id, message.string, f"{name}, msgctxt {message.context!r}"))
    return out


def map_placeholders(translation: str, matched: str, new: str) -> str | None:
    """The translation of ``matched`` with its placeholders renamed for ``new``; None when a
    placeholder cannot be mapped."""
    old_names = list(dict.fromkeys(raw_names(matched)))
    new_names = list(dict.fromkeys(raw_names(new)))
    mapping = {n: n for n in old_names if n in new_names}
    rest_old = [n for n in old_names if n not in mapping]
    rest_new = [n for n in new_names if n not in mapping]
    mapping.update(zip(rest_old, rest_new, strict=False))
    pieces = raw_fields(translation)
    if any(isinstance(piece, tuple) and piece[0] not in mapping for piece in pieces):
        return None
    return "".join(
        "{" + mapping[piece[0]] + "}" if isinstance(piece, tuple) else piece for piece in pieces
    )


def suggest(queries: list[str], sources: list[Source]) -> dict[int, Suggestion]:
    """The best suggestion for each query (by index) that has one."""
    exact: dict[str, Source] = {}
    for source in sources:
        exact.setdefault(_shape(source.text), source)
    found: dict[int, Suggestion] = {}
    fuzzy: dict[int, set[str]] = {}
    for index, query in enumerate(queries):
        hit = exact.get(_shape(query))
        mapped = map_placeholders(hit.translation, hit.text, query) if hit else None
        if hit is not None and mapped is not None:
            found[index] = Suggestion(mapped, 1.0, hit)
        else:
            fuzzy[index] = grams(query)
    if fuzzy:
        for index, (score, source) in _similar(fuzzy, sources).items():
            mapped = map_placeholders(source.translation, source.text, queries[index])
            if mapped is not None:
                found[index] = Suggestion(mapped, score, source)
    return found


def _similar(
    queries: dict[int, set[str]], sources: list[Source]
) -> dict[int, tuple[float, Source]]:
    """For each query the most similar source at or above the threshold.

    A source with a Dice score of at least t shares at least m = t·q/(2 − t) of the
    query's q n-grams, so it holds one of the query's q − m + 1 rarest n-grams (prefix
    filtering): only those are looked up, and the :data:`CANDIDATES` sources sharing most
    of them are scored exactly.
    """
    wanted: set[str] = set().union(*queries.values())
    postings: defaultdict[str, list[int]] = defaultdict(list)
    for number, source in enumerate(sources):
        for gram in grams(source.text) & wanted:
            postings[gram].append(number)
    seen: dict[int, set[str]] = {}
    best: dict[int, tuple[float, Source]] = {}
    for index, query in queries.items():
        lists = sorted((postings[g] for g in query if g in postings), key=len)
        needed = math.ceil(THRESHOLD * len(query) / (2 - THRESHOLD))
        probed = lists[: max(1, len(query) - needed + 1)]
        counts = Counter(chain.from_iterable(probed))
        top: tuple[float, int] | None = None
        for number, _shared in counts.most_common(CANDIDATES):
            own = seen.get(number) or seen.setdefault(number, grams(sources[number].text))
            score = 2 * len(query & own) / (len(query) + len(own))
            if score >= THRESHOLD and (top is None or (score, -number) > (top[0], -top[1])):
                top = (score, number)
        if top is not None:
            best[index] = (top[0], sources[top[1]])
    return best


def fill(catalog: Catalog, new: Iterable[Message], sources: list[Source]) -> int:
    """Offer a suggestion to each of ``new`` (entries of ``catalog``) that has no
    translation; returns how many were filled."""
    targets = [m for m in new if isinstance(m.id, str) and not m.string and not m.fuzzy and m.id]
    found = suggest([str(m.id) for m in targets], sources)
    for index, suggestion in sorted(found.items()):
        message = targets[index]
        message.string = suggestion.translation
        message.flags.add("fuzzy")
        message.previous_id = [suggestion.source.text]
        percent = int(suggestion.score * 100)
        message.user_comments = [
            *message.user_comments,
            f"{COMMENT_PREFIX} {percent}% match of {suggestion.source.origin}",
        ]
    return len(found)
