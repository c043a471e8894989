"""Lexical claim similarity: weighted overlap of normalised words and word pairs, plus names.

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
    """Cosine of idf-weighted content words and word pairs, with a bonus for shared names.

    Args:
        threshold: score from which two claims are aligned.
        pair_weight: weight of consecutive word pairs relative to single words.
        name_weight: most that shared names add to a score.
        content_floor: content score below which names add nothing.
    """

    name = "lexical"

    def __init__(
        self,
        threshold: float = 0.3,
        pair_weight: float = 0.5,
        name_weight: float = 0.15,
        content_floor: float = 0.12,
    ) -> None:
        self.threshold = threshold
        self.pair_weight = pair_weight
        self.name_weight = name_weight
        self.content_floor = content_floor

    def _features(self, claim: Claim) -> Counter[str]:
        features: Counter[str] = Counter(claim.words)
        for left, right in zip(claim.words, claim.words[1:], strict=False):
            features[f"{left} {right}"] += 1
        return features

    def matrix(self, claims: Sequence[Claim]) -> np.ndarray:
        """Square matrix of pairwise scores over ``claims``."""
        n = len(claims)
        if n == 0:
            return np.zeros((0, 0))
        content = _cosine(
            [self._features(c) for c in claims], pair_weight=self.pair_weight, idf=True
        )
        names = _jaccard([c.names for c in claims])
        bonus = np.where(content >= self.content_floor, self.name_weight * names, 0.0)
        return np.clip(content + bonus, 0.0, 1.0)


def _cosine(bags: Sequence[Counter[str]], *, pair_weight: float, idf: bool) -> np.ndarray:
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
            weight = math.log((n + 1) / (df[key] + 1)) + 1.0 if idf else 1.0
            if " " in key:
                weight *= pair_weight
            rows.append(i)
            cols.append(vocab[key])
            vals.append(weight * (1.0 + math.log(count)))
    matrix = sparse.csr_matrix((vals, (rows, cols)), shape=(n, max(len(vocab), 1)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    normed = sparse.diags(1.0 / norms) @ matrix
    return np.asarray((normed @ normed.T).todense())


def _jaccard(sets: Sequence[frozenset[str]]) -> np.ndarray:
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
    return inter / union
