"""Stage 2, clean: metadata and boilerplate removal.

Public interface (used by ``pipeline.py``):

- ``clean(raw, *, outlet=None, published=None) -> Article``: turn one RawDocument into an
  Article with title, outlet, byline, publication date and cleaned text; everything dropped
  is kept in ``Article.removed`` with a reason. ``outlet``/``published`` override detection.

Modules: ``layout`` (paragraphs), ``boilerplate`` (rules loaded from ``data/*.txt``),
``metadata`` (dates, outlet/byline/date lines), ``dedup`` (repeated paragraphs), ``article``
(the orchestrator).

Removal reasons: ``caption``, ``reading-time``, ``share-prompt``, ``subscribe-prompt``,
``read-more``, ``advertisement``, ``cookie-notice``, ``copyright``, ``timestamp``,
``reporting-credit``, ``agency-signoff``, ``section-label``, ``separator``, ``repeated-line``;
and, for lines moved into metadata, ``outlet-line``, ``byline``, ``dateline``.
"""

from crossread.clean.article import article_id, clean

__all__ = ["article_id", "clean"]
