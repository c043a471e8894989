"""StoryIndex: incremental story assignment with stable ids, merges and bounded memory.

How one article is placed (:meth:`StoryIndex.assign`):

1. its features are read (hashed terms, entity keys, dates) and counted into the stream's
   document frequencies;
2. stories whose last article is older than the quiet period go dormant and leave memory;
3. a (near-)copy of an article still in memory joins that article's story, marked ``copy_of``;
4. otherwise candidate stories come from an inverted index over each story's most distinctive
   terms and entity keys (never a scan over all stories) and are scored: TF-IDF cosine to the
   story centroid, entity-key overlap, and time proximity;
5. the best candidate at or above ``threshold`` is joined, else a new story opens with id
   ``"s" + hash(first article id)``;
6. when the grown story now matches another candidate story at or above ``merge_threshold``,
   the two merge into the older id and a :class:`~crossread.cluster.base.Merge` is recorded.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from crossread.cluster.base import Merge, TextEncoder
from crossread.cluster.dedup import CopyDetector
from crossread.cluster.features import Features, featurize
from crossread.cluster.lexical import DocumentFrequencies, dot, weigh
from crossread.models import Article, Assignment

_MAX_STORY_TERMS = 600
_KEEP_STORY_TERMS = 300
_MAX_STORY_ENTITIES = 300
_MAX_POSTING = 20_000
"""Posting lists longer than this belong to terms too common to find candidates by."""


def story_id_for(article_id: str) -> str:
    """The stable id of a story opened by the article with this id."""
    return "s" + hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).hexdigest()


@dataclass(slots=True)
class _Story:
    """Mutable in-memory profile of one active story."""

    id: str
    seq: int
    terms: dict[int, float] = field(default_factory=dict)
    entities: dict[int, float] = field(default_factory=dict)
    entity_norm: float = 0.0
    titles: dict[int, float] = field(default_factory=dict)
    title_norm: float = 0.0
    days: set[int] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    first: int | None = None
    last: int | None = None
    postings: set[int] = field(default_factory=set)
    norm: float = 0.0
    aliases: list[str] = field(default_factory=list)
    embedding: np.ndarray | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Scored:
    story: _Story
    score: float


class StoryIndex:
    """In-memory index of active stories; assigns each new article to one.

    Args:
        threshold: combined similarity (0..1) at or above which an article joins a story.
        merge_threshold: similarity of two story profiles at or above which they merge.
        entity_weight: share of the score given to entity-key overlap (rest: TF-IDF cosine).
        title_weight: share given to the headline's TF-IDF cosine with the story's headlines.
        time_window: days between an article and a story's date range that cost nothing.
        time_decay: beyond the window, the score is multiplied by ``exp(-extra_days/decay)``.
        time_boost: within the window, the score is multiplied by ``1 + time_boost``: reports
            published days apart that share rare terms are more likely one event (only dated
            articles get it, so undated streams are scored on text alone).
        quiet_days: a story with no article published in this many days (by the latest
            publication date seen) goes dormant and leaves memory; ``None`` keeps all.
        max_stories: bound on stories kept in memory (least recently updated leave first);
            ``None`` for no bound. Guards undated streams, where quiet_days cannot act.
        max_story_articles: a story remembers (for copies and re-assignment) only its most
            recent articles; its profile keeps every article's contribution, so a story that
            never goes quiet still holds bounded memory.
        candidates: stories scored per article (best by inverted-index hits).
        query_terms: distinctive terms per article used to look up and index stories.
        max_terms: an article is scored and added by its heaviest TF-IDF terms only (the tail
            carries little of the cosine and most of the cost).
        copy_threshold: estimated shingle Jaccard at or above which an article is a copy.
        encoder: optional semantic encoder; its cosine is blended in with ``semantic_weight``.
        semantic_weight: share of the score given to embedding similarity when encoder is set.
        semantic_floor: embedding cosine counted as zero: texts on one broad topic already
            reach about this, so only the excess over it is evidence of one event.
    """

    def __init__(
        self,
        threshold: float = 0.25,
        merge_threshold: float = 0.5,
        entity_weight: float = 0.3,
        title_weight: float = 0.2,
        time_window: float = 3.0,
        time_decay: float = 7.0,
        time_boost: float = 0.0,
        quiet_days: int | None = 14,
        max_stories: int | None = 200_000,
        max_story_articles: int = 200,
        candidates: int = 10,
        max_terms: int = 400,
        query_terms: int = 20,
        copy_threshold: float = 0.7,
        encoder: TextEncoder | None = None,
        semantic_weight: float = 0.3,
        semantic_floor: float = 0.6,
    ) -> None:
        self.threshold = threshold
        self.merge_threshold = merge_threshold
        self.entity_weight = entity_weight
        self.title_weight = title_weight
        self.time_window = time_window
        self.time_decay = time_decay
        self.time_boost = time_boost
        self.quiet_days = quiet_days
        self.max_stories = max_stories
        self.max_story_articles = max_story_articles
        self.candidates = candidates
        self.max_terms = max_terms
        self.query_terms = query_terms
        self.copy_threshold = copy_threshold
        self.encoder = encoder
        self.semantic_weight = semantic_weight
        self.semantic_floor = semantic_floor
        self.frequencies_ = DocumentFrequencies()
        self.copies_ = CopyDetector(threshold=copy_threshold)
        self._stories: OrderedDict[str, _Story] = OrderedDict()
        self._postings: dict[int, set[str]] = {}
        self._article_story: dict[str, str] = {}
        self._assignments: dict[str, Assignment] = {}
        self._aliases: dict[str, str] = {}
        self._dormancy: list[tuple[int, str]] = []
        self._clock: int | None = None
        self._seq = 0
        self._merges: list[Merge] = []

    # -- public interface -------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of active (in-memory) stories."""
        return len(self._stories)

    @property
    def merges(self) -> tuple[Merge, ...]:
        """Merges recorded and not yet drained."""
        return tuple(self._merges)

    def drain_merges(self) -> list[Merge]:
        """Return the merges recorded since the last call, and forget them."""
        merges, self._merges = self._merges, []
        return merges

    def story_of(self, article_id: str) -> str | None:
        """Story id of an article still in memory (None once its story went dormant)."""
        sid = self._article_story.get(article_id)
        return self._resolve(sid) if sid is not None else None

    def assign(self, article: Article) -> Assignment:
        """Place one article into an existing story or open a new one.

        Re-assigning an article already in memory returns its earlier assignment unchanged.
        """
        known = self._assignments.get(article.id)
        if known is not None:
            return known
        # 1. features, counted into the stream's document frequencies
        feats = featurize(article)
        self.frequencies_.add(feats.terms)
        embedding = self._embed(article)
        # 2. stories quiet for too long leave memory
        self._advance_clock(feats.published)
        # 3. copies join their original's story
        sketch = self.copies_.sketch(article.text)
        copy_of = self.copies_.find(sketch)
        copy_story = self.story_of(copy_of) if copy_of is not None else None
        # 4. candidate stories by inverted index, scored
        idf = self.frequencies_.idf_many(feats.terms)
        vector = _truncate(weigh(feats.terms, idf), self.max_terms)
        scored = self._score_candidates(feats, vector, embedding)
        best = scored[0] if scored else None
        # 5. join the best story, or open one
        story: _Story | None = None
        similarity = 0.0
        if copy_story is not None and copy_story in self._stories:
            story = self._stories[copy_story]
            similarity = next((s.score for s in scored if s.story is story), 1.0)
        elif best is not None and best.score >= self.threshold:
            story, similarity = best.story, best.score
        is_new = story is None
        if story is None:
            story = self._open(article.id)
        self._add_to_story(story, article.id, feats, vector, embedding)
        # 6. later evidence: the grown story may now be the same as another candidate
        kept = self._merge_candidates(story, scored)
        self.copies_.add(article.id, sketch, copy_of)
        assignment = Assignment(
            article=article.id,
            story=kept.id,
            similarity=round(similarity, 4),
            is_new=is_new and kept is story,
            copy_of=copy_of,
        )
        self._assignments[article.id] = assignment
        return assignment

    def add(self, article: Article, story_id: str) -> None:
        """Restore an assignment made earlier (e.g. when reloading from the store)."""
        if article.id in self._assignments:
            return
        feats = featurize(article)
        self.frequencies_.add(feats.terms)
        self._advance_clock(feats.published)
        sid = self._resolve(story_id)
        story = self._stories.get(sid)
        if story is None:
            story = self._open(article.id, sid)
        idf = self.frequencies_.idf_many(feats.terms)
        vector = _truncate(weigh(feats.terms, idf), self.max_terms)
        self._add_to_story(story, article.id, feats, vector, self._embed(article))
        sketch = self.copies_.sketch(article.text)
        copy_of = self.copies_.find(sketch)
        self.copies_.add(article.id, sketch, copy_of)
        self._assignments[article.id] = Assignment(
            article=article.id, story=sid, similarity=0.0, is_new=False, copy_of=copy_of
        )

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
            ea, eb = self.encoder.encode([_embed_text(a), _embed_text(b)])
            score = self._blend(score, float(np.dot(ea, eb)))
        gap = _gap(fa.published, fb.published, fb.published)
        return max(0.0, min(1.0, score * self._time_factor(gap)))

    # -- scoring ----------------------------------------------------------------------------

    def _score_candidates(
        self, feats: Features, vector: dict[int, float], embedding: np.ndarray | None
    ) -> list[_Scored]:
        hits: dict[str, float] = {}
        for term in _top_terms(vector, self.query_terms):
            posting = self._postings.get(term)
            if not posting or len(posting) > _MAX_POSTING:
                continue
            w = vector[term]
            for sid in posting:
                hits[sid] = hits.get(sid, 0.0) + w
        if not hits:
            return []
        entity_vector = self._entity_vector(feats)
        chosen = sorted(hits, key=lambda s: (-hits[s], s))[: self.candidates]
        scored = []
        for sid in chosen:
            story = self._stories[sid]
            cosine = dot(vector, story.terms) / (story.norm or 1.0)
            score = self._combine(cosine, entity_vector, feats, story, embedding)
            scored.append(_Scored(story=story, score=score))
        scored.sort(key=lambda s: (-s.score, s.story.seq))
        return scored

    def _combine(
        self,
        cosine: float,
        entity_vector: dict[int, float],
        feats: Features,
        story: _Story,
        embedding: np.ndarray | None,
    ) -> float:
        ent = dot(entity_vector, story.entities) / (story.entity_norm or 1.0)
        title = dot(self._title_vector(feats), story.titles) / (story.title_norm or 1.0)
        score = self._mix(cosine, ent, title)
        if embedding is not None and story.embedding is not None:
            centroid = story.embedding / (float(np.linalg.norm(story.embedding)) or 1.0)
            score = self._blend(score, float(np.dot(embedding, centroid)))
        if feats.days and story.days and not _near(feats.days, story.days):
            # the article dates its event on days the story never mentions: likely another one
            score *= 0.85
        gap = _gap(feats.published, story.first, story.last)
        return max(0.0, min(1.0, score * self._time_factor(gap)))

    def _mix(self, cosine: float, entity: float, title: float) -> float:
        rest = 1.0 - self.entity_weight - self.title_weight
        return rest * cosine + self.entity_weight * entity + self.title_weight * title

    def _title_vector(self, feats: Features) -> dict[int, float]:
        return weigh(feats.title_terms, self.frequencies_.idf_many(feats.title_terms))

    def _entity_vector(self, feats: Features) -> dict[int, float]:
        idf = self.frequencies_.idf_many(feats.entity_terms)
        return weigh(feats.entity_terms, idf)

    def _blend(self, lexical: float, semantic: float) -> float:
        excess = max(0.0, semantic - self.semantic_floor) / (1.0 - self.semantic_floor or 1.0)
        return (1 - self.semantic_weight) * lexical + self.semantic_weight * excess

    def _time_factor(self, gap: float | None) -> float:
        if gap is None:
            return 1.0
        if gap <= self.time_window:
            return 1.0 + self.time_boost
        return math.exp(-(gap - self.time_window) / self.time_decay)

    # -- story bookkeeping -------------------------------------------------------------------

    def _open(self, article_id: str, sid: str | None = None) -> _Story:
        self._seq += 1
        story = _Story(id=sid or story_id_for(article_id), seq=self._seq)
        self._stories[story.id] = story
        if self.max_stories is not None:
            while len(self._stories) > self.max_stories:
                oldest = next(iter(self._stories))
                self._evict(self._stories[oldest])
        return story

    def _add_to_story(
        self,
        story: _Story,
        article_id: str,
        feats: Features,
        vector: dict[int, float],
        embedding: np.ndarray | None,
    ) -> None:
        # centroid: sum of the members' unit TF-IDF vectors (weighted at their arrival)
        terms = story.terms
        for t, w in vector.items():
            terms[t] = terms.get(t, 0.0) + w
        if len(terms) > _MAX_STORY_TERMS:
            keep = sorted(terms.items(), key=lambda kv: -kv[1])[:_KEEP_STORY_TERMS]
            story.terms = terms = dict(keep)
        story.norm = math.sqrt(sum(w * w for w in terms.values()))
        entities = story.entities
        for t, w in self._entity_vector(feats).items():
            entities[t] = entities.get(t, 0.0) + w
        if len(entities) > _MAX_STORY_ENTITIES:
            top = sorted(entities.items(), key=lambda kv: -kv[1])[:_MAX_STORY_ENTITIES]
            story.entities = entities = dict(top)
        story.entity_norm = math.sqrt(sum(w * w for w in entities.values()))
        for t, w in self._title_vector(feats).items():
            story.titles[t] = story.titles.get(t, 0.0) + w
        story.title_norm = math.sqrt(sum(w * w for w in story.titles.values()))
        story.days.update(feats.days)
        if embedding is not None:
            story.embedding = embedding if story.embedding is None else story.embedding + embedding
        story.articles.append(article_id)
        if len(story.articles) > self.max_story_articles:
            self._forget_articles(story, len(story.articles) - self.max_story_articles)
        self._article_story[article_id] = story.id
        if feats.published is not None:
            story.first = _min(story.first, feats.published)
            story.last = max(story.last or feats.published, feats.published)
            if self.quiet_days is not None:
                heapq.heappush(self._dormancy, (story.last, story.id))
        for term in _top_terms(vector, self.query_terms):
            if term not in story.postings:
                story.postings.add(term)
                self._postings.setdefault(term, set()).add(story.id)
        self._stories.move_to_end(story.id)

    def _merge_candidates(self, story: _Story, scored: list[_Scored]) -> _Story:
        kept = story
        for cand in scored[1:]:
            other = cand.story
            if other is kept or other.id not in self._stories or cand.score < self.threshold:
                continue
            if self._story_similarity(kept, other) >= self.merge_threshold:
                kept = self._merge(kept, other)
        return kept

    def _story_similarity(self, a: _Story, b: _Story) -> float:
        cosine = dot(a.terms, b.terms) / ((a.norm or 1.0) * (b.norm or 1.0))
        ent = dot(a.entities, b.entities) / ((a.entity_norm or 1.0) * (b.entity_norm or 1.0))
        title = dot(a.titles, b.titles) / ((a.title_norm or 1.0) * (b.title_norm or 1.0))
        score = self._mix(cosine, ent, title)
        if a.embedding is not None and b.embedding is not None:
            na = float(np.linalg.norm(a.embedding)) or 1.0
            nb = float(np.linalg.norm(b.embedding)) or 1.0
            score = self._blend(score, float(np.dot(a.embedding, b.embedding)) / (na * nb))
        gap = None if a.first is None else _gap(a.first, b.first, b.last)
        return score * self._time_factor(gap)

    def _merge(self, a: _Story, b: _Story) -> _Story:
        kept, gone = (a, b) if a.seq < b.seq else (b, a)
        for t, w in gone.terms.items():
            kept.terms[t] = kept.terms.get(t, 0.0) + w
        kept.norm = math.sqrt(sum(w * w for w in kept.terms.values()))
        for t, w in gone.entities.items():
            kept.entities[t] = kept.entities.get(t, 0.0) + w
        kept.entity_norm = math.sqrt(sum(w * w for w in kept.entities.values()))
        for t, w in gone.titles.items():
            kept.titles[t] = kept.titles.get(t, 0.0) + w
        kept.title_norm = math.sqrt(sum(w * w for w in kept.titles.values()))
        kept.days |= gone.days
        if gone.embedding is not None:
            kept.embedding = (
                gone.embedding if kept.embedding is None else kept.embedding + gone.embedding
            )
        for aid in gone.articles:
            self._article_story[aid] = kept.id
        kept.articles.extend(gone.articles)
        if len(kept.articles) > self.max_story_articles:
            self._forget_articles(kept, len(kept.articles) - self.max_story_articles)
        if gone.first is not None:
            kept.first = _min(kept.first, gone.first)
            kept.last = max(kept.last or gone.first, gone.last or gone.first)
            if self.quiet_days is not None and kept.last is not None:
                heapq.heappush(self._dormancy, (kept.last, kept.id))
        for term in gone.postings:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(gone.id)
                posting.add(kept.id)
        kept.postings |= gone.postings
        del self._stories[gone.id]
        self._aliases[gone.id] = kept.id
        kept.aliases.extend([gone.id, *gone.aliases])
        for alias in gone.aliases:
            self._aliases[alias] = kept.id
        self._merges.append(Merge(kept=kept.id, merged=gone.id))
        return kept

    def _resolve(self, sid: str) -> str:
        seen = 0
        while sid in self._aliases and seen < 100:
            sid = self._aliases[sid]
            seen += 1
        return sid

    # -- dormancy ---------------------------------------------------------------------------

    def _advance_clock(self, published: int | None) -> None:
        if published is None or self.quiet_days is None:
            return
        if self._clock is not None and published <= self._clock:
            return
        self._clock = published
        horizon = published - self.quiet_days
        while self._dormancy and self._dormancy[0][0] < horizon:
            _last, sid = heapq.heappop(self._dormancy)
            story = self._stories.get(sid)
            # stale heap entries: the story got newer articles, or merged, since this was pushed
            if story is not None and story.last is not None and story.last < horizon:
                self._evict(story)

    def _forget_articles(self, story: _Story, count: int) -> None:
        for aid in story.articles[:count]:
            self._article_story.pop(aid, None)
            self._assignments.pop(aid, None)
            self.copies_.remove(aid)
        del story.articles[:count]

    def _evict(self, story: _Story) -> None:
        for term in story.postings:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(story.id)
                if not posting:
                    del self._postings[term]
        for aid in story.articles:
            self._article_story.pop(aid, None)
            self._assignments.pop(aid, None)
            self.copies_.remove(aid)
        del self._stories[story.id]
        # aliases pointing at a dormant story are no longer needed in memory
        for alias in story.aliases:
            self._aliases.pop(alias, None)

    def _embed(self, article: Article) -> np.ndarray | None:
        if self.encoder is None:
            return None
        return np.asarray(self.encoder.encode([_embed_text(article)])[0], dtype=np.float32)


def _embed_text(article: Article) -> str:
    return f"{article.title}\n{article.text}"


def _truncate(vector: dict[int, float], k: int) -> dict[int, float]:
    if len(vector) <= k:
        return vector
    return dict(sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:k])


def _top_terms(vector: dict[int, float], k: int) -> list[int]:
    if len(vector) <= k:
        return list(vector)
    return [t for t, _ in sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]


def _near(a: set[int] | frozenset[int], b: set[int], slack: int = 1) -> bool:
    return any(d + o in b for d in a for o in range(-slack, slack + 1))


def _min(a: int | None, b: int) -> int:
    return b if a is None else min(a, b)


def _gap(day: int | None, first: int | None, last: int | None) -> float | None:
    if day is None or first is None or last is None:
        return None
    if day < first:
        return float(first - day)
    return float(max(0, day - last))
