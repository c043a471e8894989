"""Stage 4, cluster: incremental story assignment with stable ids.

Public interface (used by ``pipeline.py``):

- ``StoryIndex()``: in-memory index of stories; ``assign(article) -> Assignment`` puts one
  extracted article into an existing story or opens a new one; ``add(article, story_id)``
  restores an assignment already made (when reloading from the store);
  ``similarity(a, b) -> float`` scores two articles in 0..1 on the same scale.
- ``StoryIndex.drain_merges() -> list[Merge]``: stories found to be one since the last call;
  ``Merge(kept, merged)``: ``merged`` is now an alias of the older ``kept``.
- ``story_id_for(article_id)``: the id a story opened by that article gets (``"s"`` + hash).
- Similarity parts: ``TfidfSimilarity`` (lexical, default) and, with ``crossread[semantic]``,
  ``SentenceTransformerEncoder`` passed as ``StoryIndex(encoder=...)``; ``CopyDetector`` finds
  syndicated copies (MinHash LSH).
"""

from __future__ import annotations

from crossread.cluster.base import Merge, Similarity, TextEncoder
from crossread.cluster.dedup import CopyDetector
from crossread.cluster.index import StoryIndex, story_id_for
from crossread.cluster.lexical import TfidfSimilarity
from crossread.cluster.semantic import SentenceTransformerEncoder, semantic_available

__all__ = [
    "CopyDetector",
    "Merge",
    "SentenceTransformerEncoder",
    "Similarity",
    "StoryIndex",
    "TextEncoder",
    "TfidfSimilarity",
    "semantic_available",
    "story_id_for",
]
