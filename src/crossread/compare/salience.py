"""Salience: how much an exclusive fact adds, so that the strongest are shown first.

Most sentences of a story are reported by one outlet only, so exclusive lists are long. A
reader wants first the exclusives that bring something new: names no other article mentions,
figures, quoted words, a reported event; early in the article (where reporters put what
matters); whole statements rather than clause fragments or one-line asides.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crossread.compare.align import Alignment
from crossread.compare.claims import Claim

_QUOTE_MARKS = ("“", '"', "”")
_SHORT = 8
"""Claims with fewer content words and names than this read as asides."""


def story_names(claims: Sequence[Claim]) -> dict[str, frozenset[str]]:
    """article id -> every name key its claims mention."""
    names: dict[str, set[str]] = {}
    for claim in claims:
        names.setdefault(claim.article, set()).update(claim.names)
    return {article: frozenset(keys) for article, keys in names.items()}


def salience(alignment: Alignment, names_by_article: Mapping[str, frozenset[str]]) -> float:
    """A score (higher is stronger) of what a single-outlet fact adds to the story.

    Args:
        alignment: the fact's claims (all of one outlet).
        names_by_article: article id -> the name keys each article mentions.
    """
    claims = alignment.claims
    own = {c.article for c in claims}
    elsewhere = frozenset().union(*(k for a, k in names_by_article.items() if a not in own))
    names = frozenset().union(*(c.names for c in claims))
    first = claims[0]
    score = 0.0
    # 1. new people, organisations and places
    score += min(len(names - elsewhere), 2) * 1.0
    # 2. figures (years are context, not figures)
    figures = [
        n for c in claims for n in c.numbers if not (n.unit is None and 1800 <= n.value <= 2100)
    ]
    score += 1.0 if figures else 0.0
    # 3. quoted words and reported events
    score += 0.75 if any(m in c.text for c in claims for m in _QUOTE_MARKS) else 0.0
    score += 0.5 if any(c.events for c in claims) else 0.0
    # 4. position: the lead matters most
    score += 1.5 / (1.0 + first.sentence / 3.0)
    # 5. fragments of a sentence ("with Moscow facing ...") and short asides count less
    if first.text[:1].islower():
        score -= 1.0
    size = sum(len(c.words) + len(c.names) for c in claims)
    if size < _SHORT:
        score -= 0.75
    # 6. how surely no other outlet reports it
    score += 0.5 * (1.0 - alignment.best_other)
    return round(score, 3)
