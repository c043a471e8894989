"""The similarity interface compare aligns claims with, and how to pick one by name.

Two implementations: :class:`~crossread.compare.lexical.LexicalSimilarity` (default, no extra
dependency) and :class:`~crossread.compare.semantic.EmbeddingSimilarity` (``crossread[semantic]``,
loads its model on first use). Both score every pair of claims of one story at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from crossread.compare.claims import Claim
from crossread.errors import ConfigError


class Similarity(Protocol):
    """Scores how likely two claims state the same fact, in 0..1."""

    name: str
    threshold: float
    """Score from which two claims of different articles are aligned."""

    def matrix(self, claims: Sequence[Claim]) -> np.ndarray:
        """Square matrix of pairwise scores over ``claims`` (the diagonal is ignored)."""
        ...


def get_similarity(name: str = "lexical") -> Similarity:
    """The similarity implementation called ``name`` (``lexical`` or ``semantic``).

    Raises:
        ConfigError: for an unknown name.
    """
    if name == "lexical":
        from crossread.compare.lexical import LexicalSimilarity

        return LexicalSimilarity()
    if name == "semantic":
        from crossread.compare.semantic import EmbeddingSimilarity

        return EmbeddingSimilarity()
    raise ConfigError(f"unknown similarity {name!r}: use 'lexical' or 'semantic'")
