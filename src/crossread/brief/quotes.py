"""Quotes by speaker, noting where outlets quote the same words differently."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from crossread.models import Article, Entity, QuoteEntry

_SAME_WORDS = 70.0
"""Partial-ratio from which two quotes are taken as the same words (quoted differently < 100)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteVariant:
    """The same words quoted differently by different articles."""

    texts: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteGroup:
    """All quotes of one speaker across the story."""

    speaker: str | None
    entity: str | None
    quotes: tuple[QuoteEntry, ...]
    variants: tuple[QuoteVariant, ...] = ()


def _entity_for(
    article: Article,
    start: int | None,
    end: int | None,
    speaker: str | None,
    entities: Sequence[Entity],
) -> Entity | None:
    if start is not None and end is not None:
        for entity in entities:
            for ref in entity.mentions:
                if ref.article == article.id and ref.start < end and start < ref.end:
                    return entity
    if speaker:
        lowered = speaker.lower()
        for entity in entities:
            names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
            if lowered in names:
                return entity
    return None


def collect_quotes(
    articles: Sequence[Article], entities: Sequence[Entity]
) -> tuple[QuoteEntry, ...]:
    """Every quote of every article, with its speaker resolved to a story entity if possible."""
    entries = []
    for article in articles:
        for quote in article.quotes:
            entity = _entity_for(
                article, quote.speaker_start, quote.speaker_end, quote.speaker, entities
            )
            entries.append(
                QuoteEntry(
                    speaker=entity.name if entity else quote.speaker,
                    text=quote.text,
                    article=article.id,
                    outlet=article.label,
                    entity=entity.id if entity else None,
                )
            )
    return tuple(entries)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").replace("“", '"').replace("”", '"').split())


def group_quotes(quotes: Sequence[QuoteEntry]) -> tuple[QuoteGroup, ...]:
    """Quotes grouped by speaker (entity when resolved), with differently quoted words noted."""
    groups: dict[str, list[QuoteEntry]] = {}
    for quote in quotes:
        key = quote.entity or (quote.speaker or "").lower()
        groups.setdefault(key, []).append(quote)
    result = []
    for members in groups.values():
        variants = []
        for i, left in enumerate(members):
            for right in members[i + 1 :]:
                if left.article == right.article:
                    continue
                a, b = _normal(left.text), _normal(right.text)
                score = fuzz.partial_ratio(a, b) if min(len(a), len(b)) >= 12 else 0.0
                if score >= _SAME_WORDS and a != b and a not in b and b not in a:
                    variants.append(
                        QuoteVariant(
                            texts=(left.text, right.text),
                            articles=(left.article, right.article),
                            outlets=(left.outlet, right.outlet),
                            similarity=round(score / 100, 3),
                        )
                    )
        result.append(
            QuoteGroup(
                speaker=members[0].speaker,
                entity=members[0].entity,
                quotes=tuple(members),
                variants=tuple(variants),
            )
        )
    return tuple(sorted(result, key=lambda g: (g.speaker is None, -len(g.quotes))))
