"""Compact story profiles: capped sparse vectors held as two numpy arrays.

A story's centroid as a ``dict[int, float]`` costs about 80 bytes a term (a dict slot plus an
int and a float object); held as sorted ``int32`` ids and ``float64`` weights it costs 12. With
thousands of active stories of a few hundred terms each this is most of the index's memory.
Articles are scored against many centroids at once through a dense scratch vector (one array
over the hashed term space, filled with the article's weights and cleared after), so a dot
product is one gather and one ``@``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np

_EMPTY_IDS = np.zeros(0, dtype=np.int32)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


class Centroid:
    """Sum of member vectors over a hashed term space, keeping only the ``cap`` heaviest terms.

    ``norm`` is the L2 norm of what is kept, so cosines are those of the truncated vector.
    """

    __slots__ = ("ids", "norm", "weights")

    def __init__(self) -> None:
        self.ids: np.ndarray = _EMPTY_IDS
        self.weights: np.ndarray = _EMPTY_WEIGHTS
        self.norm = 0.0

    def __len__(self) -> int:
        return int(self.ids.size)

    def add(self, vector: Mapping[int, float], cap: int) -> None:
        """Add a sparse vector (term id -> weight), then keep the ``cap`` heaviest terms."""
        if not vector:
            return
        ids = np.fromiter(vector.keys(), dtype=np.int32, count=len(vector))
        weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        self.add_arrays(ids, weights, cap)

    def merge(self, other: Centroid, cap: int) -> None:
        """Add another centroid's kept terms into this one."""
        if other.ids.size:
            self.add_arrays(other.ids, other.weights, cap)

    def add_arrays(self, ids: np.ndarray, weights: np.ndarray, cap: int) -> None:
        """Add a sparse vector given as distinct term ids and their weights."""
        if not ids.size:
            return
        if self.ids.size:
            ids = np.concatenate((self.ids, ids))
            weights = np.concatenate((self.weights, weights))
        unique, inverse = np.unique(ids, return_inverse=True)
        summed = np.bincount(inverse, weights=weights, minlength=unique.size)
        if unique.size > cap:
            # heaviest first; equal weights keep the lower id, so the result is deterministic
            order = np.lexsort((unique, -summed))[:cap]
            order.sort()
            unique, summed = unique[order], summed[order]
        self.ids = unique.astype(np.int32, copy=False)
        self.weights = summed
        self.norm = float(math.sqrt(float(summed @ summed)))

    def dot_dense(self, dense: np.ndarray) -> float:
        """Dot product with a dense vector over the whole term space."""
        if not self.ids.size:
            return 0.0
        # ``take`` gathers what ``dense[self.ids]`` does, with less overhead per call
        return float(np.dot(dense.take(self.ids), self.weights))

    def dot(self, other: Centroid) -> float:
        """Dot product with another centroid."""
        if not self.ids.size or not other.ids.size:
            return 0.0
        _common, ia, ib = np.intersect1d(
            self.ids, other.ids, assume_unique=True, return_indices=True
        )
        return float(self.weights[ia] @ other.weights[ib])

    def top(self, k: int) -> list[int]:
        """Ids of the ``k`` heaviest terms, heaviest first (equal weights: lower id first)."""
        order = np.lexsort((self.ids, -self.weights))[:k]
        return self.ids[order].tolist()

    @property
    def nbytes(self) -> int:
        """Bytes held by the two arrays."""
        return int(self.ids.nbytes + self.weights.nbytes)


class DenseScratch:
    """One reusable dense vector over the term space: load a sparse vector, read, clear."""

    def __init__(self, n_features: int) -> None:
        self.n_features = n_features
        self._dense: np.ndarray | None = None
        self._loaded: np.ndarray = _EMPTY_IDS

    def load(self, vector: Mapping[int, float]) -> np.ndarray:
        """The dense form of ``vector`` (valid until the next :meth:`load`)."""
        ids = np.fromiter(vector.keys(), dtype=np.int64, count=len(vector))
        weights = np.fromiter(vector.values(), dtype=np.float64, count=len(vector))
        return self.load_arrays(ids, weights)

    def load_arrays(self, ids: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """The dense form of the sparse vector ``ids -> weights`` (distinct ids)."""
        if self._dense is None:
            self._dense = np.zeros(self.n_features, dtype=np.float64)
        dense = self._dense
        dense[self._loaded] = 0.0
        dense[ids] = weights
        self._loaded = ids
        return dense


@dataclass(slots=True)
class StoryProfile:
    """Mutable in-memory profile of one active story (its centroids are capped)."""

    id: str
    seq: int
    terms: Centroid = field(default_factory=Centroid)
    entities: Centroid = field(default_factory=Centroid)
    titles: Centroid = field(default_factory=Centroid)
    days: set[int] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)
    first: int | None = None
    last: int | None = None
    postings: set[int] = field(default_factory=set)
    aliases: list[str] = field(default_factory=list)
    embedding: np.ndarray | None = None


def near_days(a: set[int] | frozenset[int], b: set[int], slack: int = 1) -> bool:
    """Whether a day of ``a`` is within ``slack`` days of a day of ``b``."""
    return any(d + o in b for d in a for o in range(-slack, slack + 1))


def min_day(a: int | None, b: int) -> int:
    """The earlier day, ``a`` being possibly unknown."""
    return b if a is None else min(a, b)


def gap_days(day: int | None, first: int | None, last: int | None) -> float | None:
    """Days from ``day`` to the range ``first..last`` (0 inside it; None when undated)."""
    if day is None or first is None or last is None:
        return None
    if day < first:
        return float(first - day)
    return float(max(0, day - last))
