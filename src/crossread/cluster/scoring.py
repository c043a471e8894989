"""How the story index scores: an article against candidate stories, two stories against
each other, two articles against each other, all on one 0..1 scale.

The score mixes the TF-IDF cosine of all terms, of entity keys and of headline terms (weights
``entity_weight`` and ``title_weight``, the rest to all terms), optionally blends in an
embedding cosine above ``semantic_floor``, and scales by time proximity (``time_window``,
``time_decay``, ``time_boost``). :class:`StoryScoring` holds this for
:class:`~crossread.cluster.index.StoryIndex`, whose parameters it reads.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from crossread.cluster.base import TextEncoder
from crossread.cluster.features import Features, featurize
from crossread.cluster.lexical import DocumentFrequencies, dot, weigh
from crossread.cluster.postings import StoryPostings
from crossread.cluster.profile import DenseScratch, StoryProfile, gap_days, near_days
from crossread.cluster.vectors import ArticleVectors
from crossread.models import Article


@dataclass(frozen=True, slots=True, kw_only=True)
class Scored:
    """A candidate story and the article's score against it."""

    story: StoryProfile
    score: float


class StoryScoring:
    """Scoring for :class:`~crossread.cluster.index.StoryIndex` (mixed into it): reads the
    index's parameters, its document frequencies, postings and active stories."""

    threshold: float
    entity_weight: float
    title_weight: float
    time_window: float
    time_decay: float
    time_boost: float
    candidates: int
    encoder: TextEncoder | None
    semantic_weight: float
    semantic_floor: float
    frequencies_: DocumentFrequencies
    postings_: StoryPostings
    _scratch: DenseScratch
    _stories: OrderedDict[str, StoryProfile]

    def similarity(self, a: Article, b: Article) -> float:
        """Similarity of two articles in 0..1, on the same scale as ``threshold``."""
        fa, fb = featurize(a), featurize(b)
        df = self.frequencies_
        if df.n_docs_ == 0:
            df = DocumentFrequencies()
            df.add(fa.terms)
            df.add(fb.terms)
        idf = df.idf_many(set(fa.terms) | set(fb.terms))
        cosine = dot(weigh(fa.terms, idf), weigh(fb.terms, idf))
        ent = dot(weigh(fa.entity_terms, idf), weigh(fb.entity_terms, idf))
        title = dot(weigh(fa.title_terms, idf), weigh(fb.title_terms, idf))
        score = self._mix(cosine, ent, title)
        if self.encoder is not None:
            ea, eb = self.encoder.encode([embed_text(a), embed_text(b)])
            score = self._blend(score, float(np.dot(ea, eb)))
        gap = gap_days(fa.published, fb.published, fb.published)
        return max(0.0, min(1.0, score * self._time_factor(gap)))

    def _score_candidates(
        self,
        feats: Features,
        vectors: ArticleVectors,
        query: tuple[list[int], list[float]],
        embedding: np.ndarray | None,
    ) -> list[Scored]:
        hits = self.postings_.hits(*query)
        if not hits:
            return []
        chosen = [self._stories[sid] for sid in sorted(hits, key=lambda s: (-hits[s], s))][
            : self.candidates
        ]
        # one dense load per profile kind, then one gather per candidate
        scratch = self._scratch
        dense = scratch.load_arrays(vectors.terms.ids, vectors.terms.weights)
        cosines = [s.terms.dot_dense(dense) / (s.terms.norm or 1.0) for s in chosen]
        dense = scratch.load_arrays(vectors.entities.ids, vectors.entities.weights)
        ents = [s.entities.dot_dense(dense) / (s.entities.norm or 1.0) for s in chosen]
        dense = scratch.load_arrays(vectors.titles.ids, vectors.titles.weights)
        titles = [s.titles.dot_dense(dense) / (s.titles.norm or 1.0) for s in chosen]
        scored = []
        for story, cosine, ent, title in zip(chosen, cosines, ents, titles, strict=True):
            score = self._combine(self._mix(cosine, ent, title), feats, story, embedding)
            scored.append(Scored(story=story, score=score))
        scored.sort(key=lambda s: (-s.score, s.story.seq))
        return scored

    def _combine(
        self, score: float, feats: Features, story: StoryProfile, embedding: np.ndarray | None
    ) -> float:
        if embedding is not None and story.embedding is not None:
            centroid = story.embedding / (float(np.linalg.norm(story.embedding)) or 1.0)
            score = self._blend(score, float(np.dot(embedding, centroid)))
        if feats.days and story.days and not near_days(feats.days, story.days):
            # the (dated) article dates its event on days the story never mentions: likely
            # another one
            score *= 0.85
        gap = gap_days(feats.published, story.first, story.last)
        return max(0.0, min(1.0, score * self._time_factor(gap)))

    def _story_similarity(self, a: StoryProfile, b: StoryProfile) -> float:
        cosine = a.terms.dot(b.terms) / ((a.terms.norm or 1.0) * (b.terms.norm or 1.0))
        ent = a.entities.dot(b.entities) / ((a.entities.norm or 1.0) * (b.entities.norm or 1.0))
        title = a.titles.dot(b.titles) / ((a.titles.norm or 1.0) * (b.titles.norm or 1.0))
        score = self._mix(cosine, ent, title)
        if a.embedding is not None and b.embedding is not None:
            na = float(np.linalg.norm(a.embedding)) or 1.0
            nb = float(np.linalg.norm(b.embedding)) or 1.0
            score = self._blend(score, float(np.dot(a.embedding, b.embedding)) / (na * nb))
        gap = None if a.first is None else gap_days(a.first, b.first, b.last)
        return score * self._time_factor(gap)

    def _mix(self, cosine: float, entity: float, title: float) -> float:
        rest = 1.0 - self.entity_weight - self.title_weight
        return rest * cosine + self.entity_weight * entity + self.title_weight * title

    def _blend(self, lexical: float, semantic: float) -> float:
        excess = max(0.0, semantic - self.semantic_floor) / (1.0 - self.semantic_floor or 1.0)
        return (1 - self.semantic_weight) * lexical + self.semantic_weight * excess

    def _time_factor(self, gap: float | None) -> float:
        if gap is None:
            return 1.0
        if gap <= self.time_window:
            return 1.0 + self.time_boost
        return math.exp(-(gap - self.time_window) / self.time_decay)


def embed_text(article: Article) -> str:
    """What a semantic encoder reads of an article: its headline and text."""
    return f"{article.title}\n{article.text}"
