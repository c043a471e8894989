"""Lexical claim similarity: idf-weighted overlap of normalised content words, plus names.

Content words are normalised (spelling, stem, paraphrase group) and weighted by how rare they
are among the story's claims, so "said" or a story's ubiquitous topic word count for little.
Shared names add to a score only when the claims already share content: two sentences that
merely mention the same people must not align.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from crossread.compare.claims import Claim


class LexicalSimilarity:
    """Cosine of idf-weighted content words, with a bonus for shared names.

    Args:
        threshold: score from which two claims are aligned.
        name_weight: most that shared names (Jaccard of entity keys) add to a score.
        content_floor: content score below which names add nothing; they add fully from
            twice this score.
    """

    name = "lexical"

    def __init__(
        self,
        threshold: float = 0.23,
        name_weight: float = 0.5,
        content_floor: float = 0.12,
    ) -> None:
        self.threshold = threshold
        self.name_weight = name_weight
        self.content_floor = content_floor

    def matrix(self, claims: Sequence[Claim]) -> np.ndarray:
        """Square matrix of pairwise scores over ``claims``."""
        if not claims:
            return np.zeros((0, 0))
        content = _cosine([Counter(c.words) for c in claims])
        names = _jaccard([c.names for c in claims])
        # names count fully only once the claims share real content
        scale = np.clip((content - self.content_floor) / self.content_floor, 0.0, 1.0)
        bonus = self.name_weight * names * scale
        return np.clip(content + bonus, 0.0, 1.0)


def _cosine(bags: Sequence[Counter[str]]) -> np.ndarray:
    """Cosine similarity of idf-weighted, log-scaled bags of words."""
    vocab: dict[str, int] = {}
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
        for key in bag:
            vocab.setdefault(key, len(vocab))
    n = len(bags)
    rows, cols, vals = [], [], []
    for i, bag in enumerate(bags):
        for key, count in bag.items():
            rows.append(i)
            cols.append(vocab[key])
            vals.append((math.log((n + 1) / (df[key] + 1)) + 1.0) * (1.0 + math.log(count)))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    normed = sparse.diags(1.0 / norms) @ matrix
    return np.asarray((normed @ normed.T).todense())


def _jaccard(sets: Sequence[frozenset[str]]) -> np.ndarray:
    """Jaccard similarity of sets of entity keys (0 where both are empty)."""
    vocab: dict[str, int] = {}
    for s in sets:
        for key in s:
            vocab.setdefault(key, len(vocab))
    n = len(sets)
    rows = [i for i, s in enumerate(sets) for _ in s]
    cols = [vocab[k] for s in sets for k in s]
    matrix = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(len(vocab), 1)))
    inter = np.asarray((matrix @ matrix.T).todense())
    sizes = np.array([len(s) for s in sets], dtype=float)
    union = sizes[:, None] + sizes[None, :] - inter
    union[union == 0] = 1.0
    return np.asarray(inter / union)
