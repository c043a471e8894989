"""Stage 5, compare: align facts across the articles of a story and label them.

Public interface (used by ``pipeline.py``):

- ``compare(articles, *, copies=None, similarity=None) -> tuple[Fact, ...]``: facts labelled
  corroborated, exclusive or conflicting; ``copies`` maps article id -> id of the article it
  copies, so that syndicated text never counts as independent corroboration. ``similarity`` is
  a :class:`~crossread.compare.base.Similarity` or its name (``lexical``, the default, or
  ``semantic``).
- ``align(articles, *, similarity=None) -> tuple[Alignment, ...]``: the aligned claim groups
  behind the facts (used by the evaluations).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from crossread.compare.align import Alignment, align_claims, story_claims
from crossread.compare.base import Similarity, get_similarity
from crossread.compare.salience import salience, story_names
from crossread.compare.verdicts import independence, verdict
from crossread.models import Article, Fact

__all__ = ["Alignment", "Similarity", "align", "compare", "get_similarity"]

_STATUS_ORDER = {"corroborated": 0, "conflicting": 1, "exclusive": 2}


def align(
    articles: Sequence[Article], *, similarity: Similarity | str | None = None
) -> tuple[Alignment, ...]:
    """Group the claims of the articles into facts stated once or by several articles."""
    if similarity is None or isinstance(similarity, str):
        similarity = get_similarity(similarity or "lexical")
    return align_claims(story_claims(articles), similarity)


def compare(
    articles: Sequence[Article],
    *,
    copies: Mapping[str, str] | None = None,
    similarity: Similarity | str | None = None,
) -> tuple[Fact, ...]:
    """Label every fact of a story's articles corroborated, exclusive or conflicting.

    Facts come back best-supported first: corroborated (most independent outlets first), then
    conflicting, each in reading order, then exclusive, strongest first (see
    :func:`~crossread.compare.salience.salience`: new names, figures, quotes, events, lead
    position). Every fact keeps its evidence: the articles' own sentences, verbatim, with their
    offsets.
    """
    # 1. cut sentences into claims and align them across articles
    alignments = align(articles, similarity=similarity)
    # 2. who counts as independent: syndicated copies and one outlet's articles count once
    source_of = independence(articles, copies or {})
    # 3. one verdict per aligned group
    order = {a.id: i for i, a in enumerate(articles)}
    names = story_names([c for alignment in alignments for c in alignment.claims])
    ranked = []
    for alignment in alignments:
        fact = verdict(alignment, source_of)
        first = alignment.claims[0]
        strength = salience(alignment, names) if fact.status == "exclusive" else 0.0
        ranked.append(
            (
                _STATUS_ORDER[fact.status],
                -fact.independent_outlets,
                -strength,
                order[first.article],
                first.start,
                fact,
            )
        )
    ranked.sort(key=lambda item: item[:5])
    return tuple(item[5] for item in ranked)
