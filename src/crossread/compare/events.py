"""Events: what a claim says happened, so that claims sharing only topic words stay apart.

Two claims state the same fact only when they report the same event: "North Korea has launched
more than 30 ballistic missiles" and "China and Russia vetoed a resolution ... for its ballistic
missile tests" share their topic (missiles) but not their event (launch vs veto). Without a
part-of-speech tagger, the event words of a clause are found by the shape of English verbs:
past forms (``-ed`` and the irregular pasts news uses), words after an auxiliary or ``to``
(``has launched``, ``will expand``, ``to send``), and ``-ing`` forms after a comma. Reporting
verbs (``said``) are not events. Event words are normalised like every other content word, so
paraphrase groups carry over (``pledged``/``offered``, ``died``/``killed``).

The agreement test is deliberately lenient: an event word of one claim may match any content
word of the other (``backed`` the invasion / ``support`` for Russia), and a claim whose event
cannot be found is never penalised.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from crossread.compare.words import WORD_RE, is_stopword, normalize, word_set

_MIN_REGULAR_PAST = 5
"""Shortest ``-ed`` word read as a past verb (``need``, ``bed`` are not)."""


@cache
def _irrealis() -> frozenset[str]:
    return frozenset(normalize(w) for w in word_set("irrealis.txt"))


@dataclass(frozen=True, slots=True, kw_only=True)
class Events:
    """The event words of a clause and what they act on."""

    words: frozenset[str]
    """Normalised event words (``launched`` -> launch)."""
    objects: frozenset[str]
    """The first content word after each event word (``cut power``, ``lost power`` -> power)."""


def find_events(text: str, names: Sequence[tuple[int, int]] = ()) -> Events:
    """Event words of a clause (its verbs, as far as their shape shows) and their objects.

    Args:
        text: the clause.
        names: character spans (into ``text``) of names, which are never events.
    """
    not_events = word_set("not_events.txt")
    auxiliaries = word_set("auxiliaries.txt")
    pronouns = word_set("subject_pronouns.txt")
    pasts = word_set("irregular_pasts.txt")
    irrealis = _irrealis()
    tokens = list(WORD_RE.finditer(text))
    events: set[str] = set()
    objects: set[str] = set()
    for i, match in enumerate(tokens):
        word = match.group()
        lowered = word.lower().replace("’", "'")
        if word[0].isupper() and i > 0:
            continue
        if any(s <= match.start() < e for s, e in names) or lowered in not_events:
            continue
        if is_stopword(word) or lowered in auxiliaries or lowered.isdigit():
            continue
        previous = tokens[i - 1].group().lower() if i else ""
        before = text[tokens[i - 1].end() : match.start()] if i else ""
        adverb = lowered.endswith("ly")
        if previous in word_set("determiners.txt"):
            continue  # "the flooded town": a participle after a determiner describes a noun
        verb = (
            (lowered.endswith("ed") and len(lowered) >= _MIN_REGULAR_PAST)
            or lowered in pasts
            or (previous in auxiliaries and not adverb)
            or (previous == "to" and not lowered.endswith("s") and not adverb)
            or (previous in pronouns and not adverb)
            or (
                lowered.endswith("ing")
                and len(lowered) > _MIN_REGULAR_PAST
                and ("," in before or i == 0)
            )
        )
        if not verb:
            continue
        events.add(normalize(word))
        if lowered in irrealis or normalize(word) in irrealis:
            continue
        following = (
            t.group()
            for t in tokens[i + 1 : i + 4]
            if not is_stopword(t.group()) and not t.group()[0].isdigit()
        )
        obj = next(following, None)
        if obj:
            objects.add(normalize(obj))
    return Events(words=frozenset(events), objects=frozenset(objects))


def shingles(words: Sequence[str], size: int = 4) -> frozenset[str]:
    """Runs of ``size`` consecutive content words: shared wording, quoted or copied."""
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def event_agreement(
    events: Sequence[frozenset[str]],
    words: Sequence[frozenset[str]],
    wording: Sequence[frozenset[str]] = (),
) -> np.ndarray:
    """Square 0/1 matrix: 0 where both claims have events and neither's event is in the other.

    An event word of one claim agrees with the other claim when it is among that claim's
    content words (as verb or noun: ``launched`` / ``the launch``). Claims that share a run of
    wording (``wording``, from :func:`shingles`) agree whatever their verbs: they report the
    same statement in the same words.
    """
    n = len(events)
    vocab: dict[str, int] = {}
    for bag in (*events, *words, *wording):
        for word in bag:
            vocab.setdefault(word, len(vocab))
    size = max(len(vocab), 1)

    def incidence(bags: Sequence[frozenset[str]]) -> sparse.csr_matrix:
        rows = [i for i, bag in enumerate(bags) for _ in bag]
        cols = [vocab[w] for bag in bags for w in bag]
        return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, size))

    e, w = incidence(events), incidence(words)
    overlap = np.asarray((e @ w.T).todense())
    shared = (overlap + overlap.T) > 0
    if wording:
        same = incidence(wording)
        shared |= np.asarray((same @ same.T).todense()) > 0
    has = np.array([bool(bag) for bag in events])
    agree = shared | ~has[:, None] | ~has[None, :]
    return agree.astype(float)
