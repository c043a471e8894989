"""StoryPostings: the inverted index the story index finds candidate stories by.

Each active story is posted under a bounded set of term ids (its articles' most distinctive
terms, and once it has too many, its centroid's heaviest); an article looks stories up by its
own most distinctive terms, so finding candidates never scans all stories.
"""

from __future__ import annotations

from collections.abc import Sequence

from crossread.cluster.profile import StoryProfile

MAX_STORY_POSTINGS = 200
"""Index terms a story is found by; beyond, it is re-indexed by its heaviest centroid terms."""
_REINDEX_TERMS = 150
_MAX_POSTING = 20_000
"""Posting lists longer than this belong to terms too common to find candidates by."""


class StoryPostings:
    """Term id -> ids of the stories posted under it (each story's own terms in
    ``StoryProfile.postings``)."""

    def __init__(self) -> None:
        self._postings: dict[int, set[str]] = {}

    def __len__(self) -> int:
        """Number of terms with a posting list."""
        return len(self._postings)

    def entries(self) -> int:
        """Number of (term, story) entries."""
        return sum(len(p) for p in self._postings.values())

    def hits(self, terms: Sequence[int], weights: Sequence[float]) -> dict[str, float]:
        """Stories posted under any of ``terms``, each with the summed weights of its terms
        (in the order given); terms too common to tell stories apart are skipped."""
        hits: dict[str, float] = {}
        postings = self._postings
        for term, w in zip(terms, weights, strict=True):
            posting = postings.get(term)
            if not posting or len(posting) > _MAX_POSTING:
                continue
            for sid in posting:
                hits[sid] = hits.get(sid, 0.0) + w
        return hits

    def post(self, story: StoryProfile, terms: Sequence[int]) -> None:
        """Post a story under more terms, re-indexing it by its centroid when it has too many."""
        for term in terms:
            if term not in story.postings:
                story.postings.add(term)
                self._postings.setdefault(term, set()).add(story.id)
        if len(story.postings) > MAX_STORY_POSTINGS:
            # a long story is found by what its centroid holds most, plus its latest article
            keep = set(story.terms.top(_REINDEX_TERMS)) | set(terms)
            for term in story.postings - keep:
                self._unpost(term, story.id)
            for term in keep - story.postings:
                self._postings.setdefault(term, set()).add(story.id)
            story.postings = keep

    def move(self, gone: StoryProfile, kept: StoryProfile) -> None:
        """Post ``kept`` under all of ``gone``'s terms instead of ``gone`` (a merge)."""
        for term in gone.postings:
            posting = self._postings.get(term)
            if posting is not None:
                posting.discard(gone.id)
                posting.add(kept.id)
        kept.postings |= gone.postings
        self.post(kept, [])

    def remove(self, story: StoryProfile) -> None:
        """Take a story out of every posting list (it went dormant)."""
        for term in story.postings:
            self._unpost(term, story.id)

    def _unpost(self, term: int, sid: str) -> None:
        posting = self._postings.get(term)
        if posting is not None:
            posting.discard(sid)
            if not posting:
                del self._postings[term]
