"""What the quote tests share: quotes found in a text of our own, and the one holding a phrase."""

from __future__ import annotations

from crossread.extract.entities import find_mentions
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences
from crossread.models import Quote


def quotes_of(text: str) -> tuple[Quote, ...]:
    """The quotes ``find_quotes`` finds in ``text``, sentences and mentions found first."""
    sentences = split_sentences(text)
    return find_quotes(text, sentences, find_mentions(text, sentences))


def only(quotes: tuple[Quote, ...], fragment: str) -> Quote:
    """The one quote whose text holds ``fragment`` (the test fails when not exactly one)."""
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, f"{fragment!r} in {len(hits)} quotes: {quotes}"
    return hits[0]
