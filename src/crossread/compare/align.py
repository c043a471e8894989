"""Align claims across the articles of a story into groups that state the same fact.

For every pair of articles, a claim links to another article's claim when their similarity
reaches the threshold and one of them is the other's best match in that article. Linked claims
are grouped transitively, so a fact one outlet states in one sentence and another splits across
two sentences ends up in one group, while each claim still links only to its best partners.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from crossread.compare.base import Similarity
from crossread.compare.claims import Claim, article_claims
from crossread.compare.events import event_agreement, shingles
from crossread.compare.words import WORD_RE, normalize
from crossread.models import Article

_SPLIT_MARGIN = 1.5
"""A second claim of one article joins a group only on a link this many times the threshold."""
_EVENT_PENALTY = 0.35
"""Factor on the score of two claims whose events differ."""
_MIN_CONTENT = 2
"""Claims with fewer content words and names than this (datelines, bylines) are not facts."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Link:
    """Two claims of different articles that state the same fact, and how similar they are."""

    left: Claim
    right: Claim
    score: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Alignment:
    """A group of claims, from one or more articles, that state the same fact."""

    claims: tuple[Claim, ...]
    links: tuple[Link, ...] = ()
    best_other: float = 0.0
    """For a single-article group: its best score against any other article's claim."""

    @property
    def articles(self) -> tuple[str, ...]:
        """Ids of the articles with a claim in the group, in first-seen order."""
        return tuple(dict.fromkeys(c.article for c in self.claims))


def measures(claim: Claim) -> frozenset[str]:
    """What the claim's numbers measure (``450 kilometres`` -> kilometre): a shared measure
    means the claims report the same quantity, whatever verb they use (cover/travel)."""
    units = (WORD_RE.findall(n.unit or "")[-1:] for n in claim.numbers)
    return frozenset(f"#{normalize(u[0])}" for u in units if u)


_PARTITIVE_GAP = re.compile(r"\s+of\s+(?:the|its|their|all|all\s+the)\s+", re.IGNORECASE)


def partitives(claim: Claim) -> frozenset[str]:
    """The groups a claim counts part of: ``Six of the nine members`` -> ``of:9``.

    Two claims that split the same group (``Seven of the nine policymakers``) report the same
    count, however differently they word the rest: the same fact, maybe with different numbers.
    """
    found = set()
    for part, whole in zip(claim.numbers, claim.numbers[1:], strict=False):
        gap = claim.text[part.end - claim.start : whole.start - claim.start]
        if _PARTITIVE_GAP.fullmatch(gap) and part.value < whole.value:
            found.add(f"of:{whole.value:g}")
    return frozenset(found)


def story_claims(articles: Sequence[Article]) -> list[Claim]:
    """Every substantive claim of the articles, in article then reading order."""
    claims: list[Claim] = []
    for article in articles:
        claims += [
            c for c in article_claims(article) if len(c.words) + len(c.names) >= _MIN_CONTENT
        ]
    return claims


def align_claims(claims: Sequence[Claim], similarity: Similarity) -> tuple[Alignment, ...]:
    """Group claims that state the same fact; every claim lands in exactly one group."""
    n = len(claims)
    if n == 0:
        return ()
    # claims that report different events (launch vs veto) are not the same fact, however
    # many topic words they share
    agree = event_agreement(
        [c.events for c in claims],
        [frozenset(c.words) for c in claims],
        [shingles(c.words) | measures(c) | {f">{o}" for o in c.objects} for c in claims],
    )
    scores = similarity.matrix(claims) * np.where(agree > 0, 1.0, _EVENT_PENALTY)
    # two claims that count parts of the same group state one fact (a vote split, a tally)
    counting = [(i, partitives(c)) for i, c in enumerate(claims)]
    counting = [(i, groups) for i, groups in counting if groups]
    for a, (i, counted_i) in enumerate(counting):
        for j, counted_j in counting[a + 1 :]:
            if counted_i & counted_j and claims[i].article != claims[j].article:
                scores[i, j] = scores[j, i] = max(scores[i, j], similarity.threshold)
    by_article: dict[str, list[int]] = {}
    for i, claim in enumerate(claims):
        by_article.setdefault(claim.article, []).append(i)
    # 1. candidate links: above threshold and a best match for at least one side
    candidates: list[tuple[float, int, int]] = []
    groups = list(by_article.values())
    for a, left in enumerate(groups):
        for right in groups[a + 1 :]:
            block = scores[np.ix_(left, right)]
            best_right = block.argmax(axis=1)
            best_left = block.argmax(axis=0)
            rows, cols = np.nonzero(block >= similarity.threshold)
            for r, c in zip(rows.tolist(), cols.tolist(), strict=True):
                if best_right[r] == c or best_left[c] == r:
                    candidates.append((float(block[r, c]), left[r], right[c]))
    # 2. merge strongest first; a group may hold two claims of one article only when they are
    # neighbours (one fact split across adjacent sentences) joined by a clearly strong link,
    # which stops chains of weak links
    threshold = similarity.threshold
    parent = list(range(n))
    members_of: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def compatible(x: list[int], y: list[int], score: float) -> bool:
        for i in x:
            for j in y:
                ci, cj = claims[i], claims[j]
                if ci.article != cj.article:
                    continue
                if abs(ci.sentence - cj.sentence) > 1 or score < _SPLIT_MARGIN * threshold:
                    return False
        return True

    links: list[tuple[int, int, float]] = []
    for score, i, j in sorted(candidates, reverse=True):
        ri, rj = find(i), find(j)
        if ri != rj:
            if not compatible(members_of[ri], members_of[rj], score):
                continue
            parent[ri] = rj
            members_of[rj] += members_of.pop(ri)
        links.append((i, j, score))
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    link_groups: dict[int, list[Link]] = {}
    for i, j, score in links:
        link_groups.setdefault(find(i), []).append(
            Link(left=claims[i], right=claims[j], score=score)
        )
    alignments: list[Alignment] = []
    for root, idx in sorted(members.items(), key=lambda item: item[1][0]):
        best = 0.0
        if len(idx) == 1:
            others = [k for k in range(n) if claims[k].article != claims[idx[0]].article]
            best = float(scores[idx[0], others].max()) if others else 0.0
        alignments.append(
            Alignment(
                claims=tuple(claims[i] for i in idx),
                links=tuple(link_groups.get(root, ())),
                best_other=best,
            )
        )
    return _rejoin(alignments)


def _rejoin(alignments: list[Alignment]) -> tuple[Alignment, ...]:
    """Put back together the clauses of a sentence that no other article states at all.

    Clause splitting exists to align part of a sentence; when every clause of a sentence ends
    up alone, the whole sentence is one exclusive fact and reads better whole.
    """
    by_sentence: dict[tuple[str, int], list[int]] = {}
    for i, alignment in enumerate(alignments):
        for claim in alignment.claims:
            by_sentence.setdefault((claim.article, claim.sentence), []).append(i)
    merged: dict[int, Alignment] = {}
    dropped: set[int] = set()
    for indices in by_sentence.values():
        if len(indices) < 2 or any(len(alignments[i].claims) > 1 for i in indices):
            continue
        parts = [alignments[i] for i in indices]
        claims = [a.claims[0] for a in parts]
        first, last = claims[0], claims[-1]
        offset = first.sentence_start
        whole = replace(
            first,
            start=first.start,
            end=last.end,
            text=first.sentence_text[first.start - offset : last.end - offset],
            words=tuple(w for c in claims for w in c.words),
            names=frozenset().union(*(c.names for c in claims)),
            numbers=tuple(n for c in claims for n in c.numbers),
            times=tuple(t for c in claims for t in c.times),
            negated=any(c.negated for c in claims),
            events=frozenset().union(*(c.events for c in claims)),
            objects=frozenset().union(*(c.objects for c in claims)),
        )
        merged[indices[0]] = Alignment(claims=(whole,), best_other=max(a.best_other for a in parts))
        dropped.update(indices[1:])
    return tuple(
        merged.get(i, alignment) for i, alignment in enumerate(alignments) if i not in dropped
    )
