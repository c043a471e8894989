"""The two seed reports (Evening Standard, Bloomberg): what both say, what each alone says,
where they differ, and the dates resolved. Read from ../shared/seeds, skipped when absent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crossread.brief import render_html, summarize, to_json
from crossread.clean import clean
from crossread.compare import compare
from crossread.extract import extract, link_entities
from crossread.ingest import read
from crossread.models import Article, Brief, Fact


@pytest.fixture(scope="module")
def seed_articles(seeds_dir: Path) -> list[Article]:
    return [extract(clean(raw)) for path in sorted(seeds_dir.glob("*.txt")) for raw in read(path)]


@pytest.fixture(scope="module")
def seed_facts(seed_articles: list[Article]) -> tuple[Fact, ...]:
    return compare(seed_articles)


@pytest.fixture(scope="module")
def seed_brief(seed_articles: list[Article], seed_facts: tuple[Fact, ...]) -> Brief:
    entities = link_entities(seed_articles)
    return summarize("s-seeds", seed_articles, seed_facts, entities, similarity=0.3)


def _bloomberg(articles: list[Article]) -> Article:
    return next(a for a in articles if "Putin vows" in a.title)


def _find(facts: tuple[Fact, ...], status: str, *needles: str) -> Fact:
    """The fact of ``status`` whose evidence contains every needle (in any support sentence)."""
    for fact in facts:
        evidence = " ".join(s.sentence for s in fact.support)
        if fact.status == status and all(n in evidence for n in needles):
            return fact
    listing = [(f.status, f.text[:60]) for f in facts if f.status != "exclusive"]
    raise AssertionError(f"no {status} fact with {needles}: {listing}")


def _articles_of(fact: Fact) -> set[str]:
    return {s.article for s in fact.support}


def test_pledge_to_expand_relations_is_corroborated(
    seed_articles: list[Article], seed_facts: tuple[Fact, ...]
) -> None:
    fact = _find(
        seed_facts,
        "corroborated",
        "pledged to their “comprehensive and constructive bilateral relations”",
        "would continue to expand the comprehensive and constructive bilateral relations",
    )
    assert _articles_of(fact) == {a.id for a in seed_articles}
    assert fact.independent_outlets == 2


def test_recognition_of_breakaway_regions_is_corroborated(seed_facts: tuple[Fact, ...]) -> None:
    _find(
        seed_facts,
        "corroborated",
        "recognised the Russian-backed breakaway regions",
        "recognized the independence of the Kremlin-controlled",
    )


def test_offer_to_expand_ties_is_corroborated(seed_facts: tuple[Fact, ...]) -> None:
    _find(seed_facts, "corroborated", "will “expand”", "offered to expand relations")


def test_workers_claim_is_an_attribution_conflict(seed_facts: tuple[Fact, ...]) -> None:
    fact = _find(
        seed_facts, "conflicting", "workers could be dispatched", "willing to send its workers"
    )
    assert fact.conflict == "attribution"
    assert fact.note and "Pyongyang" in fact.note and "ambassador" in fact.note
    assert "NK News" in fact.note


def test_each_outlet_has_exclusives(
    seed_articles: list[Article], seed_facts: tuple[Fact, ...]
) -> None:
    exclusive = [f for f in seed_facts if f.status == "exclusive"]
    for article in seed_articles:
        assert sum(f.support[0].article == article.id for f in exclusive) >= 3
    _find(seed_facts, "exclusive", "Kim Son Gyong")
    _find(seed_facts, "exclusive", "stockpiling artillery")


def test_evidence_is_verbatim_with_offsets(
    seed_articles: list[Article], seed_facts: tuple[Fact, ...]
) -> None:
    texts = {a.id: a.text for a in seed_articles}
    for fact in seed_facts:
        for support in fact.support:
            assert texts[support.article][support.start : support.end] == support.sentence


def test_timeline_has_resolved_event_dates(seed_articles: list[Article], seed_brief: Brief) -> None:
    bloomberg = _bloomberg(seed_articles).id
    entries = {(t.date, t.expression, t.article) for t in seed_brief.timeline}
    assert ("2022-08-15", "yesterday", bloomberg) in entries
    assert any(d == "2022-02-24" and a == bloomberg for d, _, a in entries)
    assert ("2022-05", "late May", bloomberg) in entries
    dates = [t.date for t in seed_brief.timeline]
    assert dates == sorted(dates)


def test_brief_leads_with_corroborated_facts_and_renders(seed_brief: Brief) -> None:
    assert len(seed_brief.summary[0].outlets) == 2
    data = json.loads(json.dumps(to_json(seed_brief)))
    assert any(f["conflict"] == "attribution" for f in data["conflicts"])
    html = render_html(seed_brief)
    assert "Attributed differently" in html and "2022-08-15" in html
