"""Acceptance on the two seed reports (Evening Standard, Bloomberg; August 2022).

Read from ../shared/seeds and skipped when absent. Nothing in crossread special-cases these
texts: the same assertions are what any pair of reports of one event should give.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from crossread.cli import main


@pytest.fixture(scope="module")
def seed_brief(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    runner = CliRunner()
    standard, bloomberg = sorted(seeds_dir.glob("*.txt"))
    for path, extra in ((standard, ["--source", "Evening Standard"]), (bloomberg, [])):
        result = runner.invoke(main, ["--db", str(db), "ingest", str(path), *extra])
        assert result.exit_code == 0, result.output
    listed = json.loads(runner.invoke(main, ["--db", str(db), "stories", "--json"]).output)
    assert listed["total"] == 1, listed  # one story
    story_id = listed["stories"][0]["id"]
    shown = runner.invoke(main, ["--db", str(db), "show", story_id, "--format", "json"])
    assert shown.exit_code == 0, shown.output
    brief: dict[str, Any] = json.loads(shown.output)
    return brief


def test_one_story_two_outlets(seed_brief: dict[str, Any]) -> None:
    assert seed_brief["same_story"] is True
    outlets = {a["outlet"] for a in seed_brief["articles"]}
    assert outlets == {"Evening Standard", "Bloomberg"}
    bloomberg = next(a for a in seed_brief["articles"] if a["outlet"] == "Bloomberg")
    assert bloomberg["published"] == "2022-08-16"
    assert bloomberg["title"] == "Putin vows to expand partnership with North Korea"


def test_facts_shared_and_exclusive(seed_brief: dict[str, Any]) -> None:
    facts = seed_brief["facts"]
    corroborated = [f for f in facts if f["status"] == "corroborated"]
    assert corroborated, "the outlets share facts"
    for fact in corroborated:
        assert {s["outlet"] for s in fact["support"]} == {"Evening Standard", "Bloomberg"}
    shared_text = " ".join(s["sentence"] for f in corroborated for s in f["support"])
    assert "comprehensive and constructive bilateral relations" in shared_text
    exclusive_outlets = {f["support"][0]["outlet"] for f in facts if f["status"] == "exclusive"}
    assert exclusive_outlets == {"Evening Standard", "Bloomberg"}


def test_sentences_are_verbatim(seed_brief: dict[str, Any], seeds_dir: Path) -> None:
    raw = " ".join(p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt"))
    for fact in seed_brief["facts"]:
        for support in fact["support"]:
            assert support["sentence"] in raw


def test_resolved_dates(seed_brief: dict[str, Any]) -> None:
    by_expression = {(t["expression"].lower(), t["date"]) for t in seed_brief["timeline"]}
    assert ("yesterday", "2022-08-15") in by_expression
    assert any(date == "2022-02-24" for _, date in by_expression)
    assert any(e.endswith("late may") and d == "2022-05" for e, d in by_expression)
    dates = [t["date"] for t in seed_brief["timeline"]]
    assert dates == sorted(dates)  # ordered by event date


def test_an_undated_reports_relative_dates_are_estimated_from_the_story(
    seed_brief: dict[str, Any],
) -> None:
    # The Standard's text carries no date: its "on Monday" (Yoon's speech) is read against
    # the story's first date, 2022-08-16, and marked as an estimate; Bloomberg's are not.
    standard = next(a for a in seed_brief["articles"] if a["outlet"] == "Evening Standard")
    assert standard["published"] is None
    monday = [t for t in seed_brief["timeline"] if t["expression"] == "Monday"]
    assert [(t["date"], t["outlet"], t["estimated"]) for t in monday] == [
        ("2022-08-15", "Evening Standard", True)
    ]
    assert not any(t["estimated"] for t in seed_brief["timeline"] if t["outlet"] == "Bloomberg")
    # an absolute date in the undated article needs no estimate
    assert any(t["date"] == "2017-09" and not t["estimated"] for t in seed_brief["timeline"])


def test_one_kim_jong_un(seed_brief: dict[str, Any]) -> None:
    # The Standard's body calls him "Kim" (its "Kim Jong Un" is in a removed caption);
    # Bloomberg writes "Kim Jong-un". One entity must hold both, and not Kim Son Gyong.
    kims = [
        e
        for e in seed_brief["entities"]
        if any(m["text"] in {"Kim Jong Un", "Kim Jong-un"} for m in e["mentions"])
    ]
    assert len(kims) == 1
    kim = kims[0]
    assert kim["name"] in {"Kim Jong Un", "Kim Jong-un"}
    assert kim["kind"] == "PERSON"
    texts = {m["text"] for m in kim["mentions"]}
    assert "Kim Son Gyong" not in texts
    assert len({m["article"] for m in kim["mentions"]}) == 2
    # both spellings: Bloomberg's in its text, the Standard's in its (removed) photo caption
    assert {"Kim Jong Un", "Kim Jong-un"} <= {kim["name"], *kim["aliases"]}
    son = [e for e in seed_brief["entities"] if e["name"] == "Kim Son Gyong"]
    assert len(son) == 1 and son[0]["id"] != kim["id"]


def test_boilerplate_listed_as_removed(seed_brief: dict[str, Any]) -> None:
    removed = " | ".join(r for a in seed_brief["articles"] for r in a["removed"])
    assert "2-min read" in removed
    assert "(REUTERS)" in removed
    assert "Photo: AFP" in removed
    assert "Additional reporting" in removed
    for fact in seed_brief["facts"]:
        for support in fact["support"]:
            assert "(REUTERS)" not in support["sentence"]
            assert "Photo: AFP" not in support["sentence"]


def test_compare_needs_no_database(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CROSSREAD_DB", raising=False)
    seeds = [str(p) for p in sorted(seeds_dir.glob("*.txt"))]
    result = CliRunner().invoke(main, ["compare", *seeds, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["same_story"] is True
    assert not (tmp_path / "crossread.db").exists()
    for key in ("same_story", "similarity", "articles", "facts", "entities", "timeline", "quotes"):
        assert key in data


def test_similarity_is_reported(seed_brief: dict[str, Any]) -> None:
    assert 0.0 < seed_brief["similarity"] <= 1.0
