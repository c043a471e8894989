"""Invariants of the sentence, entity, quote and number extractors on arbitrary text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crossread.extract import link_entities
from crossread.extract.entities import find_mentions
from crossread.extract.numbers import find_numbers
from crossread.extract.quotes import find_quotes
from crossread.extract.sentences import split_sentences
from crossread.models import Article

# news-like alphabet: letters, digits, quotes of every kind, punctuation, line breaks
_ALPHABET = st.sampled_from(
    [*"abcdeKLMNOP XYZ.,;:!?'\"“”‘’-–()$%\n0123456789", "Mr.", "U.S.", " said ", " Kim "]
)
texts = st.lists(_ALPHABET, max_size=120).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_offsets_always_index_the_text(text: str) -> None:
    sentences = split_sentences(text)
    for s in sentences:
        assert text[s.start : s.end] == s.text and s.text.strip() == s.text
    mentions = find_mentions(text, sentences)
    for m in mentions:
        assert text[m.start : m.end] == m.text and m.key
    for q in find_quotes(text, sentences, mentions):
        assert 0 <= q.start <= q.end <= len(text)
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
    for n in find_numbers(text, sentences):
        assert text[n.start : n.end] == n.text


@settings(max_examples=50, deadline=None)
@given(st.lists(texts, min_size=1, max_size=3))
def test_every_named_mention_lands_in_one_entity(bodies: list[str]) -> None:
    articles = [Article(id=str(i), title="", text=t) for i, t in enumerate(bodies)]
    entities = link_entities(articles)
    refs = [(r.article, r.start, r.end) for e in entities for r in e.mentions]
    assert len(refs) == len(set(refs))
    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids))
