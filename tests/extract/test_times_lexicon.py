"""The prefix-tree alternation matches exactly where, and as far as, the flat word list does."""

from __future__ import annotations

import re

import pytest

from crossread.extract.times.lexicon import alternation, lexicon

WORDS = [
    "a",
    "a couple",
    "a couple of",
    "a few",
    "an",
    "half a",
    "half an",
    "one",
    "one hundred",
    "ten",
    "twelve",
    "twenty",
    "two",
    "Sept.",
    "Sep",
    "Mon.",
]
TEXTS = [
    "A couple of days, a couple  weeks, an hour, half an hour and half a day later.",
    "Twenty-two or twelve years; one hundred and one nights; ten mins; SEPT. 3, Sep 4.",
    "Mon. to Monday, a few; a  few; one  hundredth; twoyears; a couple ofdays.",
]


def _flat(words: list[str]) -> str:
    items = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


@pytest.mark.parametrize("tail", ["", r"(?![\w])", r"\s+(?:of\s+)?\w+s\b", r"[\s-]+\w"])
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_tree_matches_like_the_flat_list(tail: str, flags: int) -> None:
    tree = re.compile(alternation(WORDS) + tail, flags)
    flat = re.compile(_flat(WORDS) + tail, flags)
    assert tree.pattern != flat.pattern  # the tree is in use
    for text in TEXTS:
        for pos in range(len(text)):
            got, want = tree.match(text, pos), flat.match(text, pos)
            assert (got and got.span()) == (want and want.span()), (text, pos)


def test_lexicon_word_lists_match_like_flat_lists() -> None:
    lex = lexicon()
    text = " ".join([*lex.numbers, *lex.vague_numbers, *lex.units, *lex.unit_plurals, *lex.sets])
    for words in (list(lex.numbers), list(lex.vague_numbers), list(lex.sets), list(lex.units)):
        tree = re.compile(alternation(words) + r"(?![\w])", re.IGNORECASE)
        flat = re.compile(_flat(words) + r"(?![\w])", re.IGNORECASE)
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_words_differing_only_in_case_keep_the_flat_list() -> None:
    words = ["May", "may", "mayday"]
    assert alternation(words) == _flat(words)
    assert alternation(["May", "March"]) == "(?:Ma(?:rch|y))"
