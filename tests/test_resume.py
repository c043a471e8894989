"""Continuing a stream in a new run costs what the new articles cost: story tallies and the
cluster index's term frequencies come from the store, old articles are not read back."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import numpy as np
import pytest

from crossread import resume
from crossread.cli import examples_dir
from crossread.cluster import StoryIndex
from crossread.cluster.features import featurize
from crossread.extract import link_entities
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


def _replaying(index: StoryIndex) -> list[str]:
    """Record the story of every article ``index.add`` replays."""
    replayed: list[str] = []
    original = index.add

    def add(article: object, story_id: str) -> None:
        replayed.append(story_id)
        original(article, story_id)  # type: ignore[arg-type]

    index.add = add  # type: ignore[method-assign]
    return replayed


def test_replay_is_bounded_by_max_articles_and_ignores_an_undated_newest_story(
    tmp_path: Path,
) -> None:
    path = _stream(tmp_path, days=6, per_day=3)
    undated = tmp_path / "undated.jsonl"
    undated.write_text(
        json.dumps({"title": "Chess final", "text": "Ivo Lind won the chess final again."}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        Pipeline(store, index=StoryIndex(quiet_days=2)).ingest_sources([path, undated])
    with SqliteStore(db) as store:
        replayed = _replaying(index := StoryIndex(quiet_days=2))
        restore_index(store, index)
        assert len(replayed) == 10  # days 4 to 6, and the undated article
        replayed = _replaying(index := StoryIndex(quiet_days=2, max_articles=4))
        restore_index(store, index)
        assert len(replayed) == 4
        assert index.frequencies_.n_docs_ == 19


def test_frequencies_not_counting_every_stored_article_are_rebuilt_from_all(
    tmp_path: Path,
) -> None:
    path = _stream(tmp_path, days=6, per_day=3)
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        Pipeline(store, index=StoryIndex(quiet_days=2)).ingest_sources([path])
        with store.transaction():  # as a store from before schema 4 has no saved state
            store._write("DELETE FROM pipeline_state")
    with SqliteStore(db) as store:
        replayed = _replaying(index := StoryIndex(quiet_days=2))
        restore_index(store, index)
        assert len(replayed) == 18 and index.frequencies_.n_docs_ == 18
    # two writers on one database, each index loaded before the other writes: each saves
    # only what its own index counted, and the next reopen notices
    text = path.read_text(encoding="utf-8")
    more, extra = tmp_path / "more.jsonl", tmp_path / "extra.jsonl"
    more.write_text(text.replace("Report", "Update"), encoding="utf-8")
    extra.write_text(text.replace("Report", "Extra"), encoding="utf-8")
    with SqliteStore(db) as one, SqliteStore(db) as two:
        first, second = Pipeline(one), Pipeline(two)
        assert first.index.frequencies_.n_docs_ == second.index.frequencies_.n_docs_ == 18
        first.ingest_sources([more])
        second.ingest_sources([extra])
        assert one.counts()["articles"] == 54
    with SqliteStore(db) as store:
        replayed = _replaying(index := StoryIndex())
        restore_index(store, index)
        assert len(replayed) == 54 and index.frequencies_.n_docs_ == 54


def test_a_cached_tally_is_dropped_when_another_writer_added_to_its_story(
    tmp_path: Path,
) -> None:
    db = tmp_path / "x.db"
    lines = _stream(tmp_path, days=1, per_day=6).read_text(encoding="utf-8").splitlines()
    parts = []
    for n, chunk in enumerate((lines[:2], lines[2:4], lines[4:])):
        part = tmp_path / f"part{n}.jsonl"
        part.write_text("\n".join(chunk) + "\n", encoding="utf-8")
        parts.append(part)
    with SqliteStore(db) as one, SqliteStore(db) as two:
        writer_a, writer_b = Pipeline(one), Pipeline(two)
        writer_a.ingest_sources([parts[0]])
        writer_b.ingest_sources([parts[1]])
        writer_a.ingest_sources([parts[2]])
        (story,) = {s.story for s in one.iter_articles()}
        expected = {
            (e.id, len(e.mentions))
            for e in link_entities([s.article for s in one.story_articles(story)])
        }
        assert {(e.id, e.mentions) for e in one.entities(limit=100)} == expected


def _one_by_one(store: SqliteStore, path: Path, index: StoryIndex | None = None) -> Pipeline:
    """Ingest every line of ``path`` as a batch of its own (as uploads arrive)."""
    pipeline = Pipeline(store, index=index)
    for line in path.read_text(encoding="utf-8").splitlines():
        assert pipeline.ingest_bytes(line.encode("utf-8"), "upload.jsonl").ok
    return pipeline


def test_one_article_batches_save_only_changed_counts_and_reopen_to_the_same_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _stream(tmp_path, days=6, per_day=3)
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        pipeline = _one_by_one(store, path, StoryIndex(quiet_days=2))
        counts = pipeline.index.frequencies_.counts_.copy()
        rows = store.states(resume.CHANGES)
        # the first batch saves the whole array, each later one a row of changed counts
        assert len(rows) == 17
        assert all(len(blob) < 2_000 for _name, blob in rows)
    with SqliteStore(db) as store:
        replayed = _replaying(index := StoryIndex(quiet_days=2))
        restore_index(store, index)
        assert len(replayed) == 9
        assert index.frequencies_.n_docs_ == 18
        assert np.array_equal(index.frequencies_.counts_, counts)
        # a reopened pipeline goes on adding rows to what it read
        more = tmp_path / "more.jsonl"
        more.write_text(path.read_text(encoding="utf-8").replace("Report", "Update"))
        pipeline = _one_by_one(store, more, index)
        assert len(store.states(resume.CHANGES)) == 35
        counts = pipeline.index.frequencies_.counts_.copy()
    with SqliteStore(db) as store:
        index = restore_index(store, StoryIndex(quiet_days=2))
        assert index.frequencies_.n_docs_ == 36
        assert np.array_equal(index.frequencies_.counts_, counts)
    # once the change rows hold MAX_CHANGES counts, the whole array is saved and they go
    monkeypatch.setattr(resume, "MAX_CHANGES", 100)
    with SqliteStore(tmp_path / "y.db") as store:
        pipeline = _one_by_one(store, path)
        assert len(store.states(resume.CHANGES)) < 17
        counts = pipeline.index.frequencies_.counts_.copy()
    with SqliteStore(tmp_path / "y.db") as store:
        index = restore_index(store, StoryIndex())
        assert np.array_equal(index.frequencies_.counts_, counts)
    # so is it once there are MAX_ROWS change rows, however few counts they hold
    monkeypatch.setattr(resume, "MAX_CHANGES", 1 << 17)
    monkeypatch.setattr(resume, "MAX_ROWS", 5)
    with SqliteStore(tmp_path / "z.db") as store:
        pipeline = _one_by_one(store, path)
        assert 0 < len(store.states(resume.CHANGES)) <= 5
        counts = pipeline.index.frequencies_.counts_.copy()
    with SqliteStore(tmp_path / "z.db") as store:
        index = restore_index(store, StoryIndex())
        assert np.array_equal(index.frequencies_.counts_, counts)


def test_a_failed_save_leaves_the_record_of_the_last_save_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = _stream(tmp_path, days=2, per_day=2).read_text(encoding="utf-8").splitlines()
    with SqliteStore(tmp_path / "x.db") as store:
        index = StoryIndex()
        pipeline = Pipeline(store, index=index)
        assert pipeline.ingest_bytes(lines[0].encode(), "a.jsonl").ok
        before = resume._SAVED[index]
        rows, counts = before.rows, before.counts.copy()
        article = next(store.iter_articles()).article
        index.frequencies_.add(featurize(article).terms)

        def fail(_store: SqliteStore) -> bytes:
            raise OSError("disk full")

        with monkeypatch.context() as patch:
            patch.setattr(resume, "_new_head", fail)
            with pytest.raises(OSError), store.transaction():
                resume.save_index(store, index)
        assert resume._SAVED[index].rows == rows
        assert np.array_equal(resume._SAVED[index].counts, counts)


def test_a_save_that_was_rolled_back_is_not_built_upon(tmp_path: Path) -> None:
    lines = _stream(tmp_path, days=2, per_day=2).read_text(encoding="utf-8").splitlines()
    db = tmp_path / "x.db"
    with SqliteStore(db) as store:
        index = StoryIndex()
        pipeline = Pipeline(store, index=index)
        assert pipeline.ingest_bytes(lines[0].encode(), "a.jsonl").ok
        article = next(store.iter_articles()).article
        with pytest.raises(RuntimeError), store.transaction():
            # counted and saved as changes, then rolled back; the index keeps the count
            index.frequencies_.add(featurize(article).terms)
            resume.save_index(store, index)
            raise RuntimeError("rollback")
        for line in lines[1:]:
            assert pipeline.ingest_bytes(line.encode(), "b.jsonl").ok
        counts, n_docs = index.frequencies_.counts_.copy(), index.frequencies_.n_docs_
    assert n_docs == 5  # the rolled-back count included, as the index saw it
    with SqliteStore(db) as store:
        assert resume._saved_frequencies(store, StoryIndex()) is None  # 5 counted, 4 stored
    # the saved rows hold what the index counted, not a mix of rolled-back and new changes
    with SqliteStore(db) as store:
        blob = store.state(resume.FREQUENCIES)
        assert blob is not None
        rows = store.states(resume.CHANGES)
        whole = np.frombuffer(zlib.decompress(blob[8:]), dtype=np.int32).copy()
        for _name, row in rows:
            body = np.frombuffer(zlib.decompress(row[8:]), dtype=np.int32)
            whole[body[: body.size // 2]] = body[body.size // 2 :]
        assert np.array_equal(whole, counts)
