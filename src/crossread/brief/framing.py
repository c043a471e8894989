"""Framing per article: what it emphasises that the other articles of its story leave out.

For each article: the entities only it names, the terms it uses often that the others do not,
its tone (share of positive minus negative words from ``data/tone.txt``), the quotes it chose
and how many exclusive facts it reports. Computed per article, never per outlet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from crossread.brief.terms import WORD_RE, stem, stopwords, tone_lexicon
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


def _terms(article: Article) -> tuple[Counter[str], dict[str, str]]:
    counts: Counter[str] = Counter()
    forms: dict[str, str] = {}
    names = {w.lower() for m in article.mentions for w in WORD_RE.findall(m.text)}
    stops = stopwords()
    for word in WORD_RE.findall(article.text):
        lowered = word.lower()
        if lowered in stops or lowered in names or len(word) < 4 or word.isdigit():
            continue
        key = stem(word)
        counts[key] += 1
        forms.setdefault(key, lowered)
    return counts, forms


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
        other_terms = set().union(*(terms[a.id][0] for a in others)) if others else set()
        surface = _surface(article)
        own_names = [surface[k] for k, _ in names[article.id].most_common() if k not in other_names]
        counts, forms = terms[article.id]
        own_terms = [
            forms[k]
            for k, c in counts.most_common()
            if k not in other_terms and (c > 1 or not others)
        ]
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
