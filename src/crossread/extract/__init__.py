"""Stage 3, extract: sentences, entity mentions, time expressions, quotes and numbers.

Public interface (used by ``pipeline.py``):

- ``extract(article) -> Article``: a copy of the article with ``sentences``, ``mentions``,
  ``times``, ``quotes`` and ``numbers`` filled in.
- ``link_entities(articles) -> tuple[Entity, ...]``: canonical entities across the articles of
  one story (name variants merged, different people kept apart).
- ``resolve_times(article, anchor) -> Article``: the article's time expressions resolved
  against ``anchor`` instead of its publication date (for an undated article, the date its
  story was first reported).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from crossread.extract.entities import find_mentions, link_entities
from crossread.extract.numbers import find_numbers
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.models import Article

__all__ = ["extract", "link_entities", "resolve_times"]


def extract(article: Article) -> Article:
    """Return a copy of ``article`` with everything the extractors find in its text."""
    # 1. sentences first: every other extractor reports the sentence each finding sits in
    sentences = split_sentences(article.text)
    # 2. names, then quotes, which use the names to find speakers
    mentions = find_mentions(article.text, sentences)
    quotes = find_quotes(article.text, sentences, mentions)
    # 3. time expressions resolved against the publication date
    times = find_times(article.text, article.published, sentences)
    # 4. numbers with their units
    numbers = find_numbers(article.text, sentences)
    return dataclasses.replace(
        article,
        sentences=sentences,
        mentions=mentions,
        times=times,
        quotes=quotes,
        numbers=numbers,
    )


def resolve_times(article: Article, anchor: dt.date) -> Article:
    """A copy of an extracted ``article`` whose time expressions are resolved against
    ``anchor`` (``yesterday`` is the day before it); its ``published`` stays as it was."""
    return dataclasses.replace(article, times=find_times(article.text, anchor, article.sentences))
