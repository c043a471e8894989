"""The cluster stage's swappable parts and the records it hands back besides assignments."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from crossread.models import Article


@runtime_checkable
class Similarity(Protocol):
    """Scores how likely two articles report the same event, in 0..1."""

    def similarity(self, a: Article, b: Article) -> float:
        """Similarity of two articles: 0 unrelated, 1 the same text."""
        ...


@runtime_checkable
class TextEncoder(Protocol):
    """Turns texts into dense unit vectors (semantic embeddings), loading any model lazily."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Merge:
    """Two stories found to be one: ``merged`` is now an alias of ``kept`` (the older)."""

    kept: str
    merged: str
