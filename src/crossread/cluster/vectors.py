"""An article's TF-IDF vectors as the story index scores and adds them, held as numpy arrays.

The index weighs each article three ways (all terms, entity keys, headline terms), looks stories
up by the heaviest terms and adds the vectors to the story centroids. Held as two arrays (term
ids in reading order, L2-normalised weights), each vector is weighed once per article and fed
to the dense scratch vector and to the centroids without going through a ``dict``. The values
are those of :func:`crossread.cluster.lexical.weigh` over
:meth:`~crossread.cluster.lexical.DocumentFrequencies.idf_many`, element for element: the same
IEEE products and quotients, and the norm summed in the same order.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from crossread.cluster.features import Features
from crossread.cluster.lexical import DocumentFrequencies

_EMPTY_IDS = np.zeros(0, dtype=np.int64)
_EMPTY_WEIGHTS = np.zeros(0, dtype=np.float64)


@dataclass(frozen=True, slots=True)
class TermVector:
    """A sparse vector over the hashed term space: ``ids`` and their ``weights``, in the
    order the terms were read (heaviest first once :meth:`truncate` cut it)."""

    ids: np.ndarray
    weights: np.ndarray

    def __len__(self) -> int:
        return int(self.ids.size)

    def _heaviest(self, k: int) -> np.ndarray:
        # heaviest first; equal weights: lower id first
        return np.lexsort((self.ids, -self.weights))[:k]

    def truncate(self, k: int) -> TermVector:
        """The ``k`` heaviest entries, heaviest first (the vector itself when it has few)."""
        if self.ids.size <= k:
            return self
        order = self._heaviest(k)
        return TermVector(ids=self.ids[order], weights=self.weights[order])

    def top(self, k: int) -> tuple[list[int], list[float]]:
        """Ids and weights of the ``k`` heaviest entries (all, in order, when there are few)."""
        if self.ids.size <= k:
            return self.ids.tolist(), self.weights.tolist()
        order = self._heaviest(k)
        return self.ids[order].tolist(), self.weights[order].tolist()


def tfidf(terms: Mapping[int, float], frequencies: DocumentFrequencies) -> TermVector:
    """L2-normalised TF-IDF weights of a term map (term id -> term frequency)."""
    n = len(terms)
    if not n:
        return TermVector(ids=_EMPTY_IDS, weights=_EMPTY_WEIGHTS)
    ids = np.fromiter(terms.keys(), dtype=np.int64, count=n)
    weighted = np.fromiter(terms.values(), dtype=np.float64, count=n) * frequencies.idf_array(ids)
    # summed left to right, as ``sum`` over the weights in order
    norm = math.sqrt(sum((weighted * weighted).tolist())) or 1.0
    return TermVector(ids=ids, weights=weighted / norm)


@dataclass(frozen=True, slots=True)
class ArticleVectors:
    """One article weighed for the story index: all its terms (the heaviest ``max_terms``),
    its entity keys, its headline terms."""

    terms: TermVector
    entities: TermVector
    titles: TermVector


def weigh_article(
    feats: Features, frequencies: DocumentFrequencies, max_terms: int
) -> ArticleVectors:
    """The article's three TF-IDF vectors under the stream's current document frequencies."""
    return ArticleVectors(
        terms=tfidf(feats.terms, frequencies).truncate(max_terms),
        entities=tfidf(feats.entity_terms, frequencies),
        titles=tfidf(feats.title_terms, frequencies),
    )
