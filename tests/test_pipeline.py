"""The whole pipeline: examples form stories, ingest is idempotent, bad input is contained."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from crossread.cli import examples_dir
from crossread.pipeline import Overrides, Pipeline, compare_paths
from crossread.store import SqliteStore


@pytest.fixture
def pipeline() -> Pipeline:
    return Pipeline(SqliteStore.memory())


def story_of(pipeline: Pipeline, title_word: str) -> set[str]:
    """Titles of the articles in the story holding the article whose title has the word."""
    for stored in pipeline.store.iter_articles():
        if title_word in stored.article.title:
            return {s.article.title for s in pipeline.store.story_articles(stored.story)}
    raise AssertionError(f"no article titled with {title_word!r}")


def test_examples_form_their_stories(pipeline: Pipeline) -> None:
    report = pipeline.ingest_sources([examples_dir()])
    assert report.ok, report.failed
    assert len(report.ingested) == 10
    flood = story_of(pipeline, "Nine dead")
    assert len(flood) == 3 and all("Aldis" in t for t in flood)
    rates = story_of(pipeline, "Bank of Veloria")
    assert len(rates) == 3
    assert len(story_of(pipeline, "Q-Haul")) == 2
    assert len(story_of(pipeline, "chess")) == 1
    assert len(story_of(pipeline, "museum")) == 1
    assert pipeline.store.count_stories() == 5


def test_reingest_changes_nothing(pipeline: Pipeline) -> None:
    first = pipeline.ingest_sources([examples_dir()])
    before = pipeline.store.counts()
    second = Pipeline(pipeline.store).ingest_sources([examples_dir()])
    assert second.ingested == ()
    assert second.duplicates == len(first.ingested)
    assert pipeline.store.counts() == before


def test_demo_story_has_every_verdict(pipeline: Pipeline) -> None:
    pipeline.ingest_sources([examples_dir()])
    story = pipeline.store.stories(limit=10)
    statuses: set[str] = set()
    for s in story:
        statuses |= {f.status for f in pipeline.brief(s.id).facts}
    assert {"corroborated", "exclusive", "conflicting"} <= statuses


BAD_FILES: dict[str, bytes] = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "latin1.txt": "Caf\xe9 owners in Sarn protest the new tax on terraces.\n\n"
    "The city council said the tax would raise 2 million crowns.".encode("latin-1"),
    "truncated.html": b"<!DOCTYPE html><html><head><title>Broken</title></head><body><div",
    "malformed.json": b'{"title": "Half", "text": "an object',
    "malformed.rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item>',
}


def test_bad_inputs_fail_alone(pipeline: Pipeline, tmp_path: Path) -> None:
    for name, data in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(
        "Ferry service resumes\n\nCoastline Daily\n\n"
        "The ferry between Brenna and Sarn resumed on Monday after a two-week strike.\n\n"
        "Operators said 14 crossings a day would run from Tuesday.\n",
        encoding="utf-8",
    )
    report = pipeline.ingest_sources(sorted(str(p) for p in tmp_path.iterdir()))
    assert len(report.ingested) == 1
    failed = {Path(f.source).name for f in report.failed}
    assert {"empty.txt", "binary.txt", "truncated.html", "malformed.json", "malformed.rss"} <= (
        failed
    )
    for failure in report.failed:
        assert Path(failure.source).name in failure.message  # the message names the input
        assert "\n" not in failure.message
    assert pipeline.store.counts()["articles"] == 1


def test_a_failing_store_write_leaves_nothing_behind(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = {"n": 0}
    real = pipeline.store.add_article

    def flaky(article, assignment):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real(article, assignment)

    monkeypatch.setattr(pipeline.store, "add_article", flaky)
    with pytest.raises(OSError):
        pipeline.ingest_sources([examples_dir() / "rates.jsonl"])
    assert pipeline.store.counts()["articles"] == 0  # the first article was rolled back too
    monkeypatch.setattr(pipeline.store, "add_article", real)
    report = pipeline.ingest_sources([examples_dir() / "rates.jsonl"])
    assert len(report.ingested) == 2  # and the rebuilt index accepts them again


def test_gzip_and_overrides(pipeline: Pipeline, tmp_path: Path) -> None:
    source = (examples_dir() / "valley_courier_chess.txt").read_bytes()
    path = tmp_path / "chess.txt.gz"
    path.write_bytes(gzip.compress(source))
    report = pipeline.ingest_sources(
        [path], Overrides(outlet="Sarn Herald", published=dt.date(2026, 3, 9))
    )
    assert report.ok, report.failed
    article = pipeline.store.article(report.ingested[0]).article
    assert article.outlet == "Sarn Herald"
    assert article.published == dt.date(2026, 3, 9)


def test_compare_paths_without_database() -> None:
    result = compare_paths(
        [examples_dir() / "northgate_post_flood.html", examples_dir() / "harbour_ledger_flood.txt"]
    )
    assert result.brief.same_story
    assert len(result.brief.articles) == 2
    unrelated = compare_paths(
        [
            examples_dir() / "valley_courier_chess.txt",
            examples_dir() / "coastline_daily_museum.html",
        ]
    )
    assert not unrelated.brief.same_story
    assert unrelated.brief.similarity < result.brief.similarity


def test_large_inputs_are_committed_in_batches(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "title": f"Item {n}",
                "outlet": "Wire",
                "date": f"2026-03-{n % 28 + 1:02d}",
                "text": f"Council {n} approved the budget of district {n} on Monday.",
            }
        )
        for n in range(7)
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batches: list[int] = []
    pipeline = Pipeline(SqliteStore.memory(), batch_size=3)
    report = pipeline.ingest_sources(
        [path], on_batch=lambda source, part: batches.append(len(part.ingested))
    )
    assert len(report.ingested) == 7
    assert batches == [3, 3, 1]
    assert pipeline.store.counts()["articles"] == 7


def test_an_undated_articles_relative_dates_are_estimated_only_in_the_timeline() -> None:
    from crossread.extract import extract
    from crossread.models import Article
    from crossread.pipeline import build_brief

    dated = extract(
        Article(
            id="a",
            title="Port Aldis floods",
            text="The river burst its banks yesterday in Port Aldis, officials said.",
            outlet="Meridian Wire",
            published=dt.date(2026, 3, 11),
        )
    )
    undated = extract(
        Article(
            id="b",
            title="Floods in Port Aldis",
            text="The river burst its banks on Tuesday in Port Aldis, the mayor said.",
            outlet="Northgate Post",
        )
    )
    assert next(t for t in undated.times if t.text == "Tuesday").value is None
    brief = build_brief("s", [dated, undated], copies={})
    entries = {(t.article, t.expression): (t.date, t.estimated) for t in brief.timeline}
    assert entries[("a", "yesterday")] == ("2026-03-10", False)
    assert entries[("b", "Tuesday")] == ("2026-03-10", True)
    # the stored article is not changed: its publication date stays unknown
    assert undated.published is None
