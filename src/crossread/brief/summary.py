"""The consolidated summary and the headline of a brief.

The summary leads with the best-corroborated facts (most independent outlets first), then
conflicts, then what single outlets report; within each, prominent facts first (early in their
article, sharing the headline's words).
A candidate sentence is skipped when most of its words already appear in the summary, and every
sentence cites the outlets and articles that support it.
"""

from __future__ import annotations

from collections.abc import Sequence

from crossread.brief.terms import content_terms
from crossread.models import Article, Citation, Fact

MAX_SENTENCES = 6
_REDUNDANT = 0.6
_MIN_WORDS = 5
_HEADLINE_WEIGHT = 1.0
"""A sentence holding all the headline's words counts as much as being the lead sentence."""


def _overlap(terms: set[str], seen: set[str]) -> float:
    return len(terms & seen) / len(terms) if terms else 1.0


def _rank(fact: Fact, position: int, on_headline: float) -> tuple[float, ...]:
    """Sort key: support first, then prominence (lead position and headline words)."""
    status = {"corroborated": 0, "conflicting": 1, "exclusive": 2}[fact.status]
    prominence = 1.0 / (1.0 + position) + _HEADLINE_WEIGHT * on_headline
    return (status, -fact.independent_outlets, -prominence, position, -fact.confidence)


def _sentence(fact: Fact) -> str:
    """The whole sentence that carries the fact, from its first support."""
    for ref in fact.support:
        if fact.text in ref.sentence:
            return ref.sentence
    return fact.support[0].sentence if fact.support else fact.text


def summarize_facts(
    facts: Sequence[Fact],
    articles: Sequence[Article],
    *,
    max_sentences: int = MAX_SENTENCES,
    headline: str = "",
) -> tuple[Citation, ...]:
    """Up to ``max_sentences`` non-redundant, cited sentences, best-corroborated first.

    Among facts with the same support, prominent ones lead: early in their article (where
    reporters put what matters) and sharing the headline's words (Edmundson's location and
    title cues).
    """
    titles = {" ".join(a.title.split()).lower() for a in articles}
    headline_terms = set(content_terms(headline))

    def on_headline(fact: Fact) -> float:
        if not headline_terms:
            return 0.0
        return len(set(content_terms(_sentence(fact))) & headline_terms) / len(headline_terms)

    ranked = sorted(
        (f for f in facts if f.support),
        key=lambda f: _rank(f, min(s.sentence_index for s in f.support), on_headline(f)),
    )
    seen: set[str] = set()
    used: set[tuple[str, int]] = set()
    chosen: list[Citation] = []
    for fact in ranked:
        sentence = _sentence(fact)
        text = " ".join(sentence.split())
        terms = set(content_terms(text))
        if len(text.split()) < _MIN_WORDS or text.lower() in titles:
            continue
        # a sentence already cited (as evidence of an earlier fact) says nothing new, nor does
        # a fact whose evidence is mostly sentences the summary already cites
        keys = [(s.article, s.sentence_index) for s in fact.support]
        cited = sum(key in used for key in keys)
        if any(
            s.sentence == sentence and (s.article, s.sentence_index) in used for s in fact.support
        ):
            continue
        if cited and cited * 2 >= len(keys):
            continue
        if _overlap(terms, seen) >= _REDUNDANT:
            continue
        seen |= terms
        used |= {(s.article, s.sentence_index) for s in fact.support}
        support = fact.support
        if fact.status == "conflicting":
            # A disputed fact is cited only to the outlets whose own sentence this is, and
            # flagged, so no outlet is credited with a figure or source it does not give.
            support = tuple(s for s in fact.support if s.sentence == sentence) or support[:1]
        chosen.append(
            Citation(
                text=text,
                outlets=tuple(dict.fromkeys(s.outlet for s in support)),
                articles=tuple(dict.fromkeys(s.article for s in support)),
                support=support,
                disputed=fact.status == "conflicting",
            )
        )
        if len(chosen) >= max_sentences:
            break
    return tuple(chosen)


def best_headline(articles: Sequence[Article], facts: Sequence[Fact]) -> str:
    """The title that best covers the corroborated facts (first article's title on ties)."""
    titled = [a for a in articles if a.title.strip()]
    if not titled:
        return ""
    weights: dict[str, float] = {}
    for fact in facts:
        if fact.status == "exclusive":
            continue
        for term in set(content_terms(fact.text)):
            weights[term] = weights.get(term, 0.0) + fact.independent_outlets

    def score(article: Article) -> float:
        terms = set(content_terms(article.title))
        return sum(weights.get(t, 0.0) for t in terms) / (len(terms) ** 0.5 or 1.0)

    return max(titled, key=score).title.strip()
