"""Framing per article: what it emphasises that the other articles of its story leave out.

For each article: the entities only it names, its distinctive terms (words and word pairs
weighted by count and inverse frequency over the story's articles, none the others use;
stopwords, reporting verbs and generic news words left out),
its tone (share of positive minus negative words from ``data/tone.txt``), the quotes it chose
and how many exclusive facts it reports. Computed per article, never per outlet.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import cache

from crossread.brief.terms import WORD_RE, data_lines, stem, stopwords, tone_lexicon
from crossread.models import Article, Fact, Framing

_MAX_ITEMS = 8
_TONE_SMOOTHING = 2.0


def tone(text: str) -> float:
    """Tone of a text in -1..1: (positive - negative) / (positive + negative + smoothing)."""
    lexicon = tone_lexicon()
    weights = [lexicon[stem(w)] for w in WORD_RE.findall(text) if stem(w) in lexicon]
    positive = sum(w for w in weights if w > 0)
    negative = -sum(w for w in weights if w < 0)
    return round((positive - negative) / (positive + negative + _TONE_SMOOTHING), 3)


def _names(article: Article) -> Counter[str]:
    """Entity key -> number of named mentions in the article."""
    return Counter(m.refers_to or m.key for m in article.mentions if not m.nominal)


def _surface(article: Article) -> dict[str, str]:
    forms: dict[str, str] = {}
    for m in article.mentions:
        forms.setdefault(m.refers_to or m.key, m.text)
    return forms


@cache
def _generic() -> frozenset[str]:
    words = {w.lower() for line in data_lines("generic_words.txt") for w in line.split()}
    return frozenset(words | {stem(w) for w in words})


def _terms(article: Article) -> tuple[Counter[str], dict[str, str]]:
    """Content terms of an article and their counts: single words and adjacent word pairs.

    Stopwords, reporting and light verbs, generic news nouns, names and numbers are left out,
    so what remains says what the article is about (``nuclear test``, ``sanctions``).
    """
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    names = {w.lower() for m in article.mentions for w in WORD_RE.findall(m.text)}
    stops = stopwords() | _generic()
    for sentence in _sentences(article):
        previous: tuple[str, str] | None = None
        end = 0
        for match in WORD_RE.finditer(sentence):
            word = match.group()
            if sentence[end : match.start()].strip():
                previous = None  # punctuation between two words: not a pair
            end = match.end()
            lowered = word.lower().replace("’", "'")
            key = stem(word)
            if (
                lowered in stops
                or key in stops
                or lowered in names
                or len(word) < 4
                or not word.isalpha()
            ):
                previous = None
                continue
            counts[key] += 1
            forms.setdefault(key, lowered)
            if previous:
                pair = f"{previous[0]} {key}"
                counts[pair] += 1
                forms.setdefault(pair, f"{previous[1]} {lowered}")
            previous = (key, lowered)
    return counts, forms


def _sentences(article: Article) -> list[str]:
    return [s.text for s in article.sentences] or article.text.splitlines()


def distinctive_terms(
    counts: Counter[str], others: Sequence[Counter[str]], forms: dict[str, str]
) -> list[str]:
    """Terms an article uses that the other articles do not, most distinctive first.

    A term's weight is its count times an inverse document frequency over the story's
    articles; word pairs weigh more than single words (they are more specific), and a term the
    other articles also use does not count. Alone in its story, an article's repeated terms.
    """
    n = len(others) + 1
    scored = []
    for key, count in counts.items():
        df = 1 + sum(key in o for o in others)
        if others and df > 1:
            continue
        pair = " " in key
        if not pair and count < 2 and not others:
            continue
        if pair and count < 2 and not others:
            continue
        weight = count * (math.log((n + 1) / df) + 1.0) * (1.5 if pair else 1.0)
        scored.append((-weight, key))
    scored.sort()
    chosen: list[str] = []
    for _, key in scored:
        # a single word already inside a chosen pair adds nothing
        if any(key in c.split() or c in key.split() for c in chosen):
            continue
        chosen.append(key)
    return [forms[k] for k in chosen]


def frame(articles: Sequence[Article], facts: Sequence[Fact]) -> tuple[Framing, ...]:
    """The framing of each article relative to the other articles of its story."""
    names = {a.id: _names(a) for a in articles}
    terms = {a.id: _terms(a) for a in articles}
    exclusives = Counter(
        f.support[0].article for f in facts if f.status == "exclusive" and f.support
    )
    framings = []
    for article in articles:
        others = [a for a in articles if a.id != article.id]
        other_names = set().union(*(names[a.id] for a in others)) if others else set()
        surface = _surface(article)
        own_names = [surface[k] for k, _ in names[article.id].most_common() if k not in other_names]
        counts, forms = terms[article.id]
        own_terms = distinctive_terms(counts, [terms[a.id][0] for a in others], forms)
        framings.append(
            Framing(
                article=article.id,
                outlet=article.label,
                entities=tuple(own_names[:_MAX_ITEMS]) if others else (),
                terms=tuple(own_terms[:_MAX_ITEMS]),
                tone=tone(article.text),
                quotes=tuple(q.text for q in article.quotes if q.kind != "indirect"),
                exclusives=exclusives[article.id],
            )
        )
    return tuple(framings)
