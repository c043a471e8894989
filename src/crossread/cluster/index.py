"""StoryIndex: incremental story assignment with stable ids, merges and bounded memory.

How one article is placed (:meth:`StoryIndex.assign`):

1. its features are read (hashed terms, entity keys, dates) and counted into the stream's
   document frequencies;
2. stories whose last article is older than the quiet period go dormant and leave memory;
3. a (near-)copy of an article still in memory joins that article's story, marked ``copy_of``;
4. otherwise candidate stories come from an inverted index over each story's most distinctive
   terms and entity keys (never a scan over all stories) and are scored: TF-IDF cosine to the
   story centroid, entity-key overlap, and time proximity (:mod:`crossread.cluster.scoring`);
5. the best candidate at or above ``threshold`` is joined, else a new story opens with id
   ``"s" + hash(first article id)``;
6. when the grown story now matches another candidate story at or above ``merge_threshold``,
   the two merge into the older id and a :class:`~crossread.cluster.base.Merge` is recorded.

Memory is bounded whatever the stream's length or rate: at most ``max_stories`` stories are
active (a story goes dormant after ``quiet_days`` without an article, or earlier when it is the
least recently updated one beyond the bound), each holds capped profiles (``max_story_terms``
centroid terms, :data:`MAX_STORY_ENTITIES`, :data:`MAX_STORY_TITLE_TERMS`, and
:data:`~crossread.cluster.postings.MAX_STORY_POSTINGS` terms in the inverted index,
:class:`~crossread.cluster.postings.StoryPostings`), and at most ``max_articles`` articles are
remembered for copy detection and re-assignment. A dormant story's index entries are dropped;
the store keeps its articles. Its id is remembered in fixed memory (:class:`RetiredIds`) so no later
story takes it: an article of a dormant story's event opens a new story.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import OrderedDict

import numpy as np

from crossread.cluster.base import Merge, TextEncoder
from crossread.cluster.dedup import CopyDetector
from crossread.cluster.features import N_FEATURES, Features, featurize
from crossread.cluster.lexical import DocumentFrequencies
from crossread.cluster.postings import StoryPostings
from crossread.cluster.profile import DenseScratch, StoryProfile, min_day
from crossread.cluster.retired import RetiredIds
from crossread.cluster.scoring import Scored, StoryScoring, embed_text
from crossread.cluster.vectors import ArticleVectors, weigh_article
from crossread.models import Article, Assignment

MAX_STORY_ENTITIES = 150
"""Entity keys kept in a story's entity profile (the heaviest)."""
MAX_STORY_TITLE_TERMS = 100
"""Headline terms kept in a story's headline profile (the heaviest)."""
_MAX_STORY_DAYS = 100


def story_id_for(article_id: str, attempt: int = 0) -> str:
    """The stable id of a story opened by the article with this id.

    ``attempt`` > 0 gives the alternative ids taken when the first is already used by a
    story in memory or retired (the article was seen before and forgotten).
    """
    key = article_id if attempt == 0 else f"{article_id}#{attempt}"
    return "s" + hashlib.blake2b(key.encode("utf-8"), digest_size=8).hexdigest()


class StoryIndex(StoryScoring):
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
        max_stories: bound on active stories in memory: beyond it the least recently updated
            one goes dormant (``None``: no bound). With the default time decay a story quiet
            for 10 days scores at most 0.37 of its text similarity, so at high rates this bound,
            not ``quiet_days``, is what keeps memory flat.
        max_story_articles: a story remembers (for copies and re-assignment) only its most
            recent articles; its profile keeps every article's contribution, so a story that
            never goes quiet still holds bounded memory.
        max_articles: articles remembered in all (copy detection, ``story_of``, idempotent
            re-assignment); the oldest are forgotten first. Copies arrive within days, so
            this is a window of the stream, not its history.
        max_story_terms: terms kept in a story's TF-IDF centroid (the heaviest).
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
        max_stories: int | None = 10_000,
        max_story_articles: int = 200,
        max_articles: int | None = 20_000,
        max_story_terms: int = 600,
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
        self.max_articles = max_articles
        self.max_story_terms = max_story_terms
        self.candidates = candidates
        self.max_terms = max_terms
        self.query_terms = query_terms
        self.copy_threshold = copy_threshold
        self.encoder = encoder
        self.semantic_weight = semantic_weight
        self.semantic_floor = semantic_floor
        self.frequencies_ = DocumentFrequencies()
        self.copies_ = CopyDetector(threshold=copy_threshold)
        self.retired_ = RetiredIds()
        self._scratch = DenseScratch(N_FEATURES)
        self._stories: OrderedDict[str, StoryProfile] = OrderedDict()
        self.postings_ = StoryPostings()
        self._article_story: OrderedDict[str, str] = OrderedDict()
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
        """Story id of an article still in memory (None once forgotten or its story dormant)."""
        sid = self._article_story.get(article_id)
        return self._resolve(sid) if sid is not None else None

    def memory(self) -> dict[str, int]:
        """Sizes of the in-memory structures (what the bounds above hold down)."""
        stories = self._stories.values()
        return {
            "stories": len(self._stories),
            "centroid_terms": sum(len(s.terms) for s in stories),
            "profile_bytes": sum(
                s.terms.nbytes + s.entities.nbytes + s.titles.nbytes for s in stories
            ),
            "posting_terms": len(self.postings_),
            "posting_entries": self.postings_.entries(),
            "remembered_articles": len(self._article_story),
            "assignments": len(self._assignments),
            "copy_sketches": len(self.copies_),
            "dormancy_heap": len(self._dormancy),
            "aliases": len(self._aliases),
            "retired": self.retired_.count_,
        }

    def assign(self, article: Article) -> Assignment:
        """Place one article into an existing story or open a new one.

        Re-assigning an article still in memory returns its earlier assignment unchanged.
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
        vectors = weigh_article(feats, self.frequencies_, self.max_terms)
        query = vectors.terms.top(self.query_terms)
        scored = self._score_candidates(feats, vectors, query, embedding)
        best = scored[0] if scored else None
        # 5. join the best story, or open one
        story: StoryProfile | None = None
        similarity = 0.0
        if copy_story is not None and copy_story in self._stories:
            story = self._stories[copy_story]
            similarity = next((s.score for s in scored if s.story is story), 1.0)
        elif best is not None and best.score >= self.threshold:
            story, similarity = best.story, best.score
        is_new = story is None
        if story is None:
            story = self._open(self._new_id(article.id))
        self._add_to_story(story, article.id, feats, vectors, query[0], embedding)
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
        self._forget_oldest()
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
            story = self._open(sid)
        vectors = weigh_article(feats, self.frequencies_, self.max_terms)
        query = vectors.terms.top(self.query_terms)[0]
        self._add_to_story(story, article.id, feats, vectors, query, self._embed(article))
        sketch = self.copies_.sketch(article.text)
        copy_of = self.copies_.find(sketch)
        self.copies_.add(article.id, sketch, copy_of)
        self._assignments[article.id] = Assignment(
            article=article.id, story=sid, similarity=0.0, is_new=False, copy_of=copy_of
        )
        self._forget_oldest()

    # -- story bookkeeping -------------------------------------------------------------------

    def _new_id(self, article_id: str) -> str:
        # an article seen before, forgotten, and seen again would otherwise take the id of
        # the story it opened (active, merged away, or dormant and kept in the store)
        attempt = 0
        sid = story_id_for(article_id)
        while sid in self._stories or sid in self._aliases or sid in self.retired_:
            attempt += 1
            sid = story_id_for(article_id, attempt)
        return sid

    def _open(self, sid: str) -> StoryProfile:
        self._seq += 1
        story = StoryProfile(id=sid, seq=self._seq)
        if self.max_stories is not None:
            while len(self._stories) >= self.max_stories:
                self._evict(self._stories[next(iter(self._stories))])
        self._stories[story.id] = story
        return story

    def _add_to_story(
        self,
        story: StoryProfile,
        article_id: str,
        feats: Features,
        vectors: ArticleVectors,
        query: list[int],
        embedding: np.ndarray | None,
    ) -> None:
        # centroid: sum of the members' unit TF-IDF vectors (weighted at their arrival)
        v = vectors
        story.terms.add_arrays(v.terms.ids, v.terms.weights, self.max_story_terms)
        story.entities.add_arrays(v.entities.ids, v.entities.weights, MAX_STORY_ENTITIES)
        story.titles.add_arrays(v.titles.ids, v.titles.weights, MAX_STORY_TITLE_TERMS)
        story.days.update(feats.days)
        if len(story.days) > _MAX_STORY_DAYS:
            story.days = set(sorted(story.days)[-_MAX_STORY_DAYS // 2 :])
        if embedding is not None:
            story.embedding = embedding if story.embedding is None else story.embedding + embedding
        story.articles.append(article_id)
        if len(story.articles) > self.max_story_articles:
            self._forget_articles(story, len(story.articles) - self.max_story_articles)
        self._article_story[article_id] = story.id
        if feats.published is not None:
            story.first = min_day(story.first, feats.published)
            last = max(story.last or feats.published, feats.published)
            if self.quiet_days is not None and last != story.last:
                heapq.heappush(self._dormancy, (last, story.id))
            story.last = last
        self.postings_.post(story, query)
        self._stories.move_to_end(story.id)

    def _merge_candidates(self, story: StoryProfile, scored: list[Scored]) -> StoryProfile:
        kept = story
        for cand in scored[1:]:
            other = cand.story
            if other is kept or other.id not in self._stories or cand.score < self.threshold:
                continue
            if self._story_similarity(kept, other) >= self.merge_threshold:
                kept = self._merge(kept, other)
        return kept

    def _merge(self, a: StoryProfile, b: StoryProfile) -> StoryProfile:
        kept, gone = (a, b) if a.seq < b.seq else (b, a)
        kept.terms.merge(gone.terms, self.max_story_terms)
        kept.entities.merge(gone.entities, MAX_STORY_ENTITIES)
        kept.titles.merge(gone.titles, MAX_STORY_TITLE_TERMS)
        kept.days |= gone.days
        if gone.embedding is not None:
            kept.embedding = (
                gone.embedding if kept.embedding is None else kept.embedding + gone.embedding
            )
        for aid in gone.articles:
            if aid in self._article_story:
                self._article_story[aid] = kept.id
        kept.articles.extend(gone.articles)
        if len(kept.articles) > self.max_story_articles:
            self._forget_articles(kept, len(kept.articles) - self.max_story_articles)
        if gone.first is not None:
            kept.first = min_day(kept.first, gone.first)
            kept.last = max(kept.last or gone.first, gone.last or gone.first)
            if self.quiet_days is not None and kept.last is not None:
                heapq.heappush(self._dormancy, (kept.last, kept.id))
        self.postings_.move(gone, kept)
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

    # -- dormancy and forgetting ------------------------------------------------------------

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
        if len(self._dormancy) > 2 * len(self._stories) + 1024:
            # entries of stories evicted by count or merged away: rebuild from the live ones
            self._dormancy = [(s.last, s.id) for s in self._stories.values() if s.last is not None]
            heapq.heapify(self._dormancy)

    def _forget(self, article_id: str) -> None:
        self._article_story.pop(article_id, None)
        self._assignments.pop(article_id, None)
        self.copies_.remove(article_id)

    def _forget_articles(self, story: StoryProfile, count: int) -> None:
        for aid in story.articles[:count]:
            self._forget(aid)
        del story.articles[:count]

    def _forget_oldest(self) -> None:
        if self.max_articles is None:
            return
        while len(self._article_story) > self.max_articles:
            aid, sid = self._article_story.popitem(last=False)
            self._forget(aid)
            story = self._stories.get(self._resolve(sid))
            if story is not None and aid in story.articles:
                story.articles.remove(aid)

    def _evict(self, story: StoryProfile) -> None:
        self.postings_.remove(story)
        for aid in story.articles:
            self._forget(aid)
        del self._stories[story.id]
        self.retired_.add(story.id)
        # aliases pointing at a dormant story are no longer needed in memory
        for alias in story.aliases:
            self._aliases.pop(alias, None)
            self.retired_.add(alias)

    def _embed(self, article: Article) -> np.ndarray | None:
        if self.encoder is None:
            return None
        return np.asarray(self.encoder.encode([embed_text(article)])[0], dtype=np.float32)
