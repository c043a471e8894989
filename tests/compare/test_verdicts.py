"""Exact verdicts on controlled article sets: shared, exclusive and conflicting facts."""

from __future__ import annotations

from typing import Any

import pytest
from compare_cases import build_article, load_cases

from crossread.compare import compare
from crossread.models import Fact

CASES = load_cases()


def _matches(fact: Fact, expected: dict[str, Any]) -> bool:
    texts = [fact.text, *(s.sentence for s in fact.support)]
    return (
        fact.status == expected["status"]
        and any(expected["contains"] in t for t in texts)
        and sorted({s.outlet for s in fact.support}) == sorted(expected["outlets"])
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_controlled_case_verdicts(case: dict[str, Any]) -> None:
    articles = [build_article(a) for a in case["articles"]]
    facts = compare(articles, copies=case.get("copies"))
    described = [(f.status, f.conflict, [s.outlet for s in f.support], f.text) for f in facts]
    for expected in case["expect"]:
        found = [f for f in facts if _matches(f, expected)]
        assert len(found) == 1, f"{expected} not found once in {described}"
        fact = found[0]
        assert fact.conflict == expected.get("conflict"), described
        if "independent_outlets" in expected:
            assert fact.independent_outlets == expected["independent_outlets"]
        if fact.status == "conflicting":
            assert fact.note and fact.note.strip()
    assert len(facts) == len(case["expect"]), described
