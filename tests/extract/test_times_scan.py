"""The grouped, case-folded scan finds exactly what each rule's own finditer finds."""

from __future__ import annotations

import re

import pytest

from crossread.extract import times
from crossread.extract.times import scan

TEXTS = [
    "Three years ago the council met on Monday, Feb. 24, and again last week.",
    "THE PAST 24 HOURS saw more than a dozen strikes; talks resume next month or so.",
    "In the 1990s, every other year, the ſummit ran for two weeks in İstanbul and Diyarbakır.",
    "The fiscal year ended in Q3 2021; a three-year period began at 9 a.m. on Christmas Eve.",
    "Officials said recently that the near future looks calm for the next few decades.",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_matches_every_rules_finditer(text: str) -> None:
    _assert_scan_matches_finditer(text)


def _assert_scan_matches_finditer(text: str) -> None:
    """Every group's scan lists exactly the matches its rules' own ``finditer`` finds."""
    table = times.rules()
    compiled = [r.pattern for r in table]
    low = scan.lowered(text)
    for _, grp in times._groups():
        want = sorted(
            (order, m.span())
            for order in grp.members
            for m in table[order].pattern.finditer(text, 0, len(text))
        )
        got = sorted(
            (order, m.span()) for order, m in scan.scan(grp, compiled, text, low, 0, len(text))
        )
        assert got == want


def test_case_traps_disable_folding() -> None:
    assert scan.lowered("Diyarbakır") is None
    assert scan.lowered("İstanbul") is None
    assert scan.lowered("Next WEEK") == "next week"
    assert not scan.foldable(r"(?-i:May)")
    assert scan.foldable(r"(?P<num>\d+)\s+years")


def _reference_spans(text: str) -> dict[str, list[tuple[int, int]]]:
    """Trigger words found the plain way: each whole-word occurrence of the vocabulary words
    that appear as words in the text ("st." never does)."""
    from crossread.extract.times import triggers

    vocab = triggers.vocabulary()
    lowered = text.lower()
    hits: dict[str, list[tuple[int, int]]] = {}
    for word in set(re.findall(r"[^\W_]+", lowered)).intersection(vocab):
        pos = lowered.find(word)
        while pos >= 0:
            end = pos + len(word)
            before = lowered[pos - 1] if pos else " "
            after = lowered[end] if end < len(lowered) else " "
            if not before.isalnum() and not after.isalnum():
                for category in vocab[word]:
                    hits.setdefault(category, []).append((pos, end))
            pos = lowered.find(word, end)
    return {c: sorted(h) for c, h in hits.items()}


@pytest.mark.parametrize(
    "text",
    [
        "Today's birthday party ran for days; the_day after, next_week, and 2days later, St. Jr.",
        "Mondays and weekends: every month since yesterday, quarterly in Q3 and the 1990s.",
    ],
)
def test_trigger_words_are_whole_words(text: str) -> None:
    from crossread.extract.times import triggers

    want = _reference_spans(text)
    at_start, anywhere = triggers._vocabulary_patterns()
    for pattern in (at_start, anywhere):
        got: dict[str, list[tuple[int, int]]] = {}
        for m in pattern.finditer(text.lower()):
            if m.start() and text.lower()[m.start() - 1].isalnum():
                continue
            for category in triggers.vocabulary()[m.group()]:
                got.setdefault(category, []).append(m.span())
        if pattern is at_start and "_" in text:
            continue  # "\b" reads "_" as a letter: trigger_spans uses the other pattern then
        assert got == want


def test_widened_sections_read_case_insensitively_and_refuse_negative_contexts() -> None:
    assert scan.widened(r"(?-i:(?:May|June)(?![a-z]))\s+[A-Z]") == r"(?:(?:May|June))\s+[A-Z]"
    assert scan.widened(r"(?!(?-i:May))") is None
    assert scan.widened(r"(?-i:[^a])") is None
    assert scan.widened(r"(?-i:M(?!o))") is None


@pytest.mark.parametrize(
    "text", ["On MAY 5 and on May 5th, Mayday; JUNE 2020 and JuneX 2020.", "mAY 3, MONDAY"]
)
def test_widened_probe_lists_every_position_of_the_case_sensitive_rules(text: str) -> None:
    _assert_scan_matches_finditer(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister SAID on Monday that talks WILL resume next week.",
        "Officials had been expected to sign it; it was RENAMED on Friday.",
        "He Will Travel on Tuesday, the office has been told.",
    ],
)
def test_tense_cues_read_the_same_case_folded(text: str) -> None:
    from crossread.extract.times.tense import clause_direction

    low = scan.lowered(text)
    assert low is not None
    for start in range(0, len(text) - 6, 3):
        args = (text, start, start + 6, (0, len(text)))
        assert clause_direction(*args, low) == clause_direction(*args)
