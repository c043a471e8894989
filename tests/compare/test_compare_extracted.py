"""The controlled cases again, with numbers and dates found by the real extract stage."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from compare_cases import load_cases
from test_verdicts import _matches

from crossread.compare import compare
from crossread.extract import extract
from crossread.models import Article

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_extracted_case_verdicts(case: dict[str, Any]) -> None:
    articles = [
        extract(
            Article(
                id=spec["id"],
                title=spec["title"],
                text=spec["text"],
                outlet=spec["outlet"],
                published=dt.date.fromisoformat(spec["published"]),
            )
        )
        for spec in case["articles"]
    ]
    facts = compare(articles, copies=case.get("copies"))
    described = [(f.status, f.conflict, [s.outlet for s in f.support], f.text) for f in facts]
    for expected in case["expect"]:
        found = [f for f in facts if _matches(f, expected)]
        assert len(found) == 1, f"{expected} not found once in {described}"
        assert found[0].conflict == expected.get("conflict"), described
    assert len(facts) == len(case["expect"]), described
