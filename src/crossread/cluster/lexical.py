"""Hashed TF-IDF with incremental document frequencies: no refit as the stream grows.

Like scikit-learn's ``HashingVectorizer`` followed by a ``TfidfTransformer``, except that the
document frequencies are counted one article at a time, so IDF is always that of the stream
seen so far, and memory is one fixed array whatever the vocabulary.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

import numpy as np

from crossread.cluster.features import N_FEATURES, Features, featurize
from crossread.models import Article


class DocumentFrequencies:
    """How many articles of the stream contain each hashed term."""

    def __init__(self, n_features: int = N_FEATURES) -> None:
        self.n_features = n_features
        self.counts_ = np.zeros(n_features, dtype=np.int32)
        self.n_docs_ = 0

    def add(self, terms: Iterable[int] | np.ndarray) -> None:
        """Count one article's (distinct) terms."""
        self.n_docs_ += 1
        ids = terms if isinstance(terms, np.ndarray) else np.fromiter(terms, dtype=np.int64)
        if ids.size:
            self.counts_[ids] += 1

    def remove(self, terms: Iterable[int]) -> None:
        """Undo :meth:`add` (used when an article is re-read after a restore)."""
        self.n_docs_ = max(0, self.n_docs_ - 1)
        ids = np.fromiter(terms, dtype=np.int64)
        if ids.size:
            self.counts_[ids] = np.maximum(self.counts_[ids] - 1, 0)

    def idf(self, term: int) -> float:
        """Smoothed inverse document frequency, as scikit-learn's ``smooth_idf``."""
        return math.log((1 + self.n_docs_) / (1 + int(self.counts_[term]))) + 1.0

    def idf_many(self, terms: Iterable[int]) -> dict[int, float]:
        """IDF of several terms at once (one vectorised lookup)."""
        ids = np.fromiter(terms, dtype=np.int64)
        if not ids.size:
            return {}
        return dict(zip(ids.tolist(), self.idf_array(ids).tolist(), strict=True))

    def idf_array(self, ids: np.ndarray) -> np.ndarray:
        """IDF of an array of term ids, as an array."""
        return np.log((1 + self.n_docs_) / (1 + self.counts_[ids].astype(np.float64))) + 1.0


def weigh(terms: Mapping[int, float], idf: Mapping[int, float]) -> dict[int, float]:
    """TF-IDF weights, L2-normalised."""
    weighted = {t: tf * idf[t] for t, tf in terms.items()}
    norm = math.sqrt(sum(w * w for w in weighted.values())) or 1.0
    return {t: w / norm for t, w in weighted.items()}


def dot(a: Mapping[int, float], b: Mapping[int, float]) -> float:
    """Dot product of two sparse vectors (iterates over the shorter one)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def entity_overlap(a: frozenset[str], b: Iterable[str]) -> float:
    """Overlap coefficient of two sets of entity keys (0 when either is empty)."""
    bs = b if isinstance(b, frozenset | set) else set(b)
    if not a or not bs:
        return 0.0
    return len(a & bs) / min(len(a), len(bs))


class TfidfSimilarity:
    """Pairwise lexical similarity: cosine of hashed TF-IDF vectors, in 0..1.

    With ``frequencies`` (e.g. those of a running :class:`StoryIndex`) IDF reflects the stream;
    without, IDF is computed from the two articles alone, which still favours shared rare terms
    over shared frequent ones only weakly.
    """

    def __init__(self, frequencies: DocumentFrequencies | None = None) -> None:
        self.frequencies = frequencies

    def similarity(self, a: Article, b: Article) -> float:
        """Cosine similarity of two articles' TF-IDF vectors."""
        return self.similarity_features(featurize(a), featurize(b))

    def similarity_features(self, fa: Features, fb: Features) -> float:
        """Same as :meth:`similarity` for features already read."""
        df = self.frequencies
        if df is None or df.n_docs_ == 0:
            df = DocumentFrequencies(N_FEATURES)
            df.add(fa.terms)
            df.add(fb.terms)
        idf = df.idf_many(set(fa.terms) | set(fb.terms))
        return max(0.0, min(1.0, dot(weigh(fa.terms, idf), weigh(fb.terms, idf))))
