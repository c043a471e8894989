"""Quotes by speaker, noting where outlets quote the same words differently."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from crossread.models import Article, Entity, QuoteEntry

_MIN_SHARED_WORDS = 4
"""Consecutive words two quotes must share to count as the same words quoted differently."""
_INNER = re.compile(r"[“\"]([^”\"]+)[”\"]")
_WORDS = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteVariant:
    """The same words quoted differently by different articles."""

    texts: tuple[str, ...]
    articles: tuple[str, ...]
    outlets: tuple[str, ...]
    similarity: float
    shared: str
    """The longest run of words both quotes share."""
    note: str


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
    """The story entity who speaks: one whose mention heads the speaker's words (``Kim``,
    ``North Korean leader Kim Jong Un``, ``The KCNA news agency``), else one named as the
    speaker. A name that only qualifies the speaker is not the speaker (``Russia’s ambassador
    to Pyongyang`` is neither Russia nor Pyongyang; ``Washington and Seoul`` neither alone)."""
    if start is not None and end is not None:
        words = article.text[start:end]
        for entity in entities:
            for ref in entity.mentions:
                if (
                    ref.article == article.id
                    and start <= ref.start
                    and ref.end <= end
                    and _heads(words[: ref.start - start], words[ref.end - start :])
                ):
                    return entity
    if speaker:
        lowered = speaker.lower()
        for entity in entities:
            names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
            if lowered in names:
                return entity
    return None


_QUALIFIED_BEFORE = re.compile(r"\b(?:of|to|for|at|in|from|with|by|and|&)\s*$", re.I)
_QUALIFIED_AFTER = re.compile(r"^(?:['’]s?\b|\s+(?:and|&)\b)", re.I)


def _heads(before: str, after: str) -> bool:
    """Whether a name with ``before`` and ``after`` around it in a speaker's words is who
    speaks, not a possessor, a prepositional object or one of two."""
    return not _QUALIFIED_BEFORE.search(before) and not _QUALIFIED_AFTER.match(after)


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


def _quoted_words(quote: QuoteEntry) -> list[str]:
    """The words inside quotation marks (all of the text when it has none)."""
    inner = _INNER.findall(quote.text)
    return _WORDS.findall(_normal(" ".join(inner) if inner else quote.text))


def _variant(left: QuoteEntry, right: QuoteEntry) -> QuoteVariant | None:
    a, b = _quoted_words(left), _quoted_words(right)
    if not a or not b or a == b:
        return None
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    if match.size < _MIN_SHARED_WORDS:
        return None
    if match.size == len(a) or match.size == len(b):
        shorter, longer = (left, right) if len(a) < len(b) else (right, left)
        note = f"{longer.outlet} quotes more of these words than {shorter.outlet}"
    else:
        note = f"{left.outlet} and {right.outlet} quote these words differently"
    if (left.speaker or "") != (right.speaker or ""):
        note += (
            f"; {left.outlet} attributes them to {left.speaker or 'no one named'}, "
            f"{right.outlet} to {right.speaker or 'no one named'}"
        )
    shared = " ".join(a[match.a : match.a + match.size])
    return QuoteVariant(
        texts=(left.text, right.text),
        articles=(left.article, right.article),
        outlets=(left.outlet, right.outlet),
        similarity=round(fuzz.ratio(" ".join(a), " ".join(b)) / 100, 3),
        shared=shared,
        note=note + ".",
    )


def group_quotes(quotes: Sequence[QuoteEntry]) -> tuple[QuoteGroup, ...]:
    """Quotes grouped by speaker (entity when resolved), with differently quoted words noted.

    Variants are looked for across all speakers, since outlets may attribute the same words to
    different people; a variant is listed under the group of its first quote.
    """
    groups: dict[str, list[QuoteEntry]] = {}
    key_of: dict[int, str] = {}
    for i, quote in enumerate(quotes):
        key = quote.entity or (quote.speaker or "").lower()
        groups.setdefault(key, []).append(quote)
        key_of[i] = key
    # only quotes sharing a run of words are compared: an index of word n-grams finds them
    index: dict[tuple[str, ...], set[int]] = {}
    for i, quote in enumerate(quotes):
        words = _quoted_words(quote)
        for k in range(len(words) - _MIN_SHARED_WORDS + 1):
            index.setdefault(tuple(words[k : k + _MIN_SHARED_WORDS]), set()).add(i)
    candidates = sorted({(i, j) for ids in index.values() for i in ids for j in ids if i < j})
    variants: dict[str, list[QuoteVariant]] = {}
    for i, j in candidates:
        left, right = quotes[i], quotes[j]
        if left.article == right.article:
            continue
        variant = _variant(left, right)
        if variant is not None:
            variants.setdefault(key_of[i], []).append(variant)
    result = [
        QuoteGroup(
            speaker=members[0].speaker,
            entity=members[0].entity,
            quotes=tuple(members),
            variants=tuple(variants.get(key, ())),
        )
        for key, members in groups.items()
    ]
    return tuple(sorted(result, key=lambda g: (g.speaker is None, -len(g.quotes))))
