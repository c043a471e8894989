"""What the cluster stage reads from one article: weighted terms, entity keys and dates.

Terms are hashed into a fixed space (``zlib.crc32``, stable across processes, unlike ``hash``)
so document frequencies fit in one bounded array however long the stream runs. Entity keys come
from the extract stage's mentions; when an article carries none (extraction off, or a corpus
read without it) capitalised word runs stand in for them, so clustering still sees names.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import zlib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from crossread.models import Article

N_FEATURES = 1 << 20
"""Size of the hashed term space (document frequencies: one int32 array of 4 MiB)."""

TITLE_WEIGHT = 2.0
"""A word in the headline counts as much as this many in the body."""

ENTITY_PREFIX = "e:"
NUMBER_PREFIX = "n:"

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|\d+(?:[.,]\d+)*")
_NAME_RUN = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)*)")
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MAX_CHARS = 20_000
"""Only the first characters of very long texts are read: the event is told up front."""


def _load_words(name: str) -> frozenset[str]:
    text = resources.files("crossread.cluster").joinpath("data", name).read_text("utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        if not line.startswith("#"):
            words.update(line.split())
    return frozenset(words)


STOPWORDS = _load_words("stopwords.txt")


@dataclass(frozen=True, slots=True, kw_only=True)
class Features:
    """One article as the cluster stage sees it.

    ``terms`` maps hashed term ids to sublinear term frequencies (not yet IDF-weighted: IDF
    changes as the stream grows). ``days`` are proleptic ordinals of the calendar days the text
    names (empty for an undated article, see :func:`event_days`), ``published`` the ordinal of
    its publication date.
    """

    terms: dict[int, float]
    entities: frozenset[str]
    entity_terms: dict[int, float]
    """The entity keys' ids in the hashed space (a sub-vector of ``terms``)."""
    days: frozenset[int]
    published: int | None
    title_terms: dict[int, float]
    """The headline's term ids (headlines name the event in few words)."""


@lru_cache(maxsize=1 << 16)
def term_id(term: str) -> int:
    """Stable id of a term in the hashed space."""
    return zlib.crc32(term.encode("utf-8")) & (N_FEATURES - 1)


@lru_cache(maxsize=1 << 16)
def normalize_word(word: str) -> str | None:
    """Lower-case a token and strip possessives and plain plurals; None for stopwords."""
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w in STOPWORDS or len(w) < 2:
        return None
    return w


def entity_keys(article: Article) -> frozenset[str]:
    """Normalised names the article mentions (from extraction, else capitalised word runs)."""
    keys = {m.refers_to or m.key for m in article.mentions if not m.nominal or m.refers_to}
    if article.mentions:
        return frozenset(k for k in keys if k)
    found: set[str] = set()
    for text in (article.title, article.text[:_MAX_CHARS]):
        for name in _NAME_RUN.findall(text):
            key = name.lower().replace("-", " ")
            if key not in STOPWORDS:
                found.add(key)
    return frozenset(found)


def event_days(article: Article) -> frozenset[int]:
    """Calendar days (as ordinals) that the article's resolved time expressions name.

    Empty when the article has no publication date: its relative dates ("on Monday") then stay
    unresolved, and the days left are written-out dates, among them its own date line and those
    of earlier reports, so reports of one event name days weeks apart. On ECB+ (undated) the
    scorer's penalty for days a story never named fired on 84 joins of one event's reports over
    three arrival orders, and on none joining two events.
    """
    if article.published is None:
        return frozenset()
    days: set[int] = set()
    for ref in article.times:
        if ref.value is None:
            continue
        match = _ISO_DAY.match(ref.value)
        if match is None:
            continue
        try:
            days.add(dt.date(*(int(g) for g in match.groups())).toordinal())
        except ValueError:
            continue
    return frozenset(days)


@lru_cache(maxsize=1 << 17)
def token_id(token: str) -> int:
    """Term id of one token as :func:`featurize` counts it; -1 for a stopword."""
    if token[0].isdigit():
        # numbers tell same-kind events apart: magnitudes, tolls, years
        return term_id(NUMBER_PREFIX + token.replace(",", ""))
    word = normalize_word(token)
    return -1 if word is None else term_id(word)


class _Sublinear(dict[float, float]):
    """``1 + log(count)`` by count, computed once per distinct count (counts are whole)."""

    def __missing__(self, count: float) -> float:
        value = self[count] = 1.0 + math.log(count)
        return value


_SUBLINEAR = _Sublinear()


class _TokenIds(dict[str, int]):
    """:func:`token_id` by token: a plain dict lookup on a hit, cleared when it grows past
    ``limit`` tokens (bounded memory on an endless stream)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def __missing__(self, token: str) -> int:
        if len(self) >= self.limit:
            self.clear()
        value = self[token] = token_id(token)
        return value


_TOKEN_IDS = _TokenIds(1 << 17)


def _count_ids(text: str) -> Counter[int]:
    found = Counter(map(_TOKEN_IDS.__getitem__, _WORD.findall(text)))
    found.pop(-1, None)
    return found


def featurize(article: Article) -> Features:
    """Read terms, entity keys and dates from one (optionally extracted) article."""
    title = _count_ids(article.title)
    # headline terms first, then the body's in order of first occurrence; a headline word
    # counts TITLE_WEIGHT times
    counts: dict[int, float] = dict.fromkeys(title, 0.0)
    counts.update(_count_ids(article.text[:_MAX_CHARS]))
    for tid, count in title.items():
        counts[tid] = TITLE_WEIGHT * count + counts[tid]
    entities = entity_keys(article)
    # in key order: a frozenset's order of strings changes between processes, and with it
    # the order the norms are summed in (the last bit of a similarity)
    entity_terms = {term_id(ENTITY_PREFIX + key): 1.0 for key in sorted(entities)}
    for tid in entity_terms:
        counts[tid] = counts.get(tid, 0.0) + 1.0
    terms = dict(zip(counts, map(_SUBLINEAR.__getitem__, counts.values()), strict=True))
    published = article.published.toordinal() if article.published else None
    return Features(
        terms=terms,
        entities=entities,
        entity_terms=entity_terms,
        days=event_days(article),
        published=published,
        title_terms=dict.fromkeys(title, 1.0),
    )
