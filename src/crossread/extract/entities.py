"""Entity mentions and cross-article entity linking (the extract stage's entity interface).

``find_mentions`` (``mentions.py``) types names, titles and metonyms in one article;
``link_entities`` (``linking.py``) merges them into canonical entities across a story.
"""

from __future__ import annotations

from crossread.extract.linking import entity_id, link_entities, resolve_story
from crossread.extract.mentions import find_mentions

__all__ = ["entity_id", "find_mentions", "link_entities", "resolve_story"]
