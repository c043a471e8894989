"""Continuing a stream in a new run costs what the new articles cost: story tallies and the
cluster index's term frequencies come from the store, old articles are not read back."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from crossread.cli import examples_dir
from crossread.cluster import StoryIndex
from crossread.pipeline import Pipeline
from crossread.resume import restore_index
from crossread.store import SqliteStore


def _inputs() -> list[Path]:
    return sorted(p for p in examples_dir().iterdir() if p.name != "README.md")


def _stream(tmp_path: Path, days: int, per_day: int) -> Path:
    """Dated articles of ``days`` different council stories, ``per_day`` reports each."""
    lines = []
    for day in range(days):
        for n in range(per_day):
            town = f"Town{chr(65 + day)}ville"
            lines.append(
                json.dumps(
                    {
                        "title": f"{town} council votes on bridge {day}",
                        "outlet": f"Outlet {n}",
                        "date": f"2026-03-{day + 1:02d}",
                        "text": f"The {town} council approved a bridge of {day + 2} million "
                        f"euros, mayor Ada {town} said on Monday. Report {n}.",
                    }
                )
            )
    path = tmp_path / "stream.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_second_run_links_entities_from_saved_tallies_without_reading_articles_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = _inputs()
    continuous = Pipeline(SqliteStore.memory())
    continuous.ingest_sources(inputs)
    expected = continuous.store.entities(limit=1_000)
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        Pipeline(store).ingest_sources(inputs[:4])
    with SqliteStore(db) as store:

        def no_read_back(story_id: str) -> object:
            raise AssertionError(f"story {story_id} read back")

        monkeypatch.setattr(store, "story_articles", no_read_back)
        Pipeline(store).ingest_sources(inputs[4:])
        assert store.entities(limit=1_000) == expected


def test_a_stale_tally_is_ignored_and_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        Pipeline(store).ingest_sources(_inputs())
        story = store.stories(limit=1)[0]
        count = len(story.articles)
        assert store.story_tally(story.id) is not None
        assert store.story_tally(story.id, added=1) is None  # counts one article too many
        with store.transaction():
            store.set_story_tally(story.id, count - 1, "{}")  # as if an article were missing
        assert store.story_tally(story.id) is None
        assert store.story_tally(story.id, added=1) == "{}"


def test_reopening_replays_only_recent_articles_and_restores_all_term_frequencies(
    tmp_path: Path,
) -> None:
    path = _stream(tmp_path, days=6, per_day=3)
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        first = Pipeline(store, index=StoryIndex(quiet_days=2))
        first.ingest_sources([path])
        counts, n_docs = first.index.frequencies_.counts_.copy(), first.index.frequencies_.n_docs_
    assert n_docs == 18
    with SqliteStore(db) as store:
        replayed: list[str] = []
        index = StoryIndex(quiet_days=2)
        original = index.add

        def add(article: object, story_id: str) -> None:
            replayed.append(story_id)
            original(article, story_id)  # type: ignore[arg-type]

        index.add = add  # type: ignore[method-assign]
        restore_index(store, index)
        # days 4, 5 and 6 (the newest date and the two quiet days before it): 9 articles
        assert len(replayed) == 9
        assert index.frequencies_.n_docs_ == n_docs
        assert np.array_equal(index.frequencies_.counts_, counts)


def test_reopened_pipeline_puts_a_new_report_into_its_recent_story(tmp_path: Path) -> None:
    path = _stream(tmp_path, days=3, per_day=3)
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        Pipeline(store).ingest_sources([path])
        before = store.count_stories()
    more = tmp_path / "more.jsonl"
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    record["outlet"], record["text"] = "Outlet 9", record["text"].replace("Report 2", "Update")
    more.write_text(json.dumps(record) + "\n", encoding="utf-8")
    with SqliteStore(db) as store:
        report = Pipeline(store).ingest_sources([more])
        assert len(report.ingested) == 1
        assert store.count_stories() == before
