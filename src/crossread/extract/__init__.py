"""Stage 3, extract: sentences, entity mentions, time expressions, quotes and numbers.

Public interface (used by ``pipeline.py``):

- ``extract(article) -> Article``: a copy of the article with ``sentences``, ``mentions``,
  ``times``, ``quotes`` and ``numbers`` filled in.
- ``link_entities(articles) -> tuple[Entity, ...]``: canonical entities across the articles of
  one story (name variants merged, different people kept apart).
"""
