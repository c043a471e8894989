"""Stage 2, clean: metadata and boilerplate removal.

Public interface (used by ``pipeline.py``):

- ``clean(raw, *, outlet=None, published=None) -> Article``: turn one RawDocument into an
  Article with title, outlet, byline, publication date and cleaned text; everything dropped
  is kept in ``Article.removed`` with a reason. ``outlet``/``published`` override detection.
"""
