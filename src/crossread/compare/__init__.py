"""Stage 5, compare: align facts across the articles of a story and label them.

Public interface (used by ``pipeline.py``):

- ``compare(articles, *, copies=None) -> tuple[Fact, ...]``: facts labelled corroborated,
  exclusive or conflicting; ``copies`` maps article id -> id of the article it copies, so that
  syndicated text never counts as independent corroboration.
"""
