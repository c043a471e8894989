"""The grouped, case-folded scan finds exactly what each rule's own finditer finds."""

from __future__ import annotations

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
