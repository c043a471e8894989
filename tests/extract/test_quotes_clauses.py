"""Reported speech after a cue: where its content starts, and opinions beside statements."""

from crossread.extract.entities import find_mentions
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences
from crossread.models import Quote


def quotes_of(text: str) -> tuple[Quote, ...]:
    sentences = split_sentences(text)
    return find_quotes(text, sentences, find_mentions(text, sentences))


def only(quotes: tuple[Quote, ...], fragment: str) -> Quote:
    hits = [q for q in quotes if fragment in q.text]
    assert len(hits) == 1, f"{fragment!r} in {len(hits)} quotes: {quotes}"
    return hits[0]


def test_a_bare_clause_is_the_content_not_a_later_relative_that() -> None:
    text = "Tomas Reyes said he met families in a city that has lost its mill."
    quote = only(quotes_of(text), "lost its mill")
    assert quote.text == "he met families in a city that has lost its mill"
    assert quote.speaker == "Tomas Reyes"


def test_that_after_an_addressee_and_a_day_still_opens_the_content() -> None:
    text = "Tomas Reyes told The Harbour Times on Monday that the mill will close."
    quote = only(quotes_of(text), "mill will close")
    assert text[quote.start : quote.end] == "that the mill will close"
