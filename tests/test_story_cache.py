"""The pipeline's cache of stored story articles: bounded, and always what the store holds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from crossread.cli import examples_dir
from crossread.models import Article
from crossread.pipeline import Pipeline, StoryArticleCache
from crossread.store import SqliteStore


def _article(n: int) -> Article:
    return Article(id=f"a{n}", title=f"Title {n}", text=f"Text {n}.")


def test_cache_drops_least_recently_touched_stories_beyond_its_limit() -> None:
    cache = StoryArticleCache(limit=4)
    cache.put("s1", [_article(1), _article(2)])
    cache.put("s2", [_article(3)])
    assert cache.get("s1") is not None  # s1 is now the most recently touched
    cache.put("s3", [_article(4), _article(5)])
    assert len(cache) == 4
    assert cache.get("s2") is None
    assert [a.id for a in cache.get("s1") or []] == ["a1", "a2"]
    cache.put("s1", [_article(1)])  # replacing a story counts its new size only
    assert len(cache) == 3
    cache.drop("s3")
    assert len(cache) == 1


def test_cached_story_articles_match_the_store_in_order(tmp_path: Path) -> None:
    # one story arriving out of date order, one article per batch: the cache is extended
    # batch by batch and must keep the store's order (undated last, by date, then arrival)
    text = (
        "The Northgate council approved the harbour budget of 4 million euros on Monday, "
        "mayor Lena Ortiz said. The vote followed a long debate in Northgate."
    )
    days = ["2026-03-05", "2026-03-03", None, "2026-03-03", "2026-03-04"]
    lines = [
        json.dumps(
            {"title": f"Harbour budget {n}", "outlet": f"Outlet {n}", "text": f"{text} ({n})"}
            | ({"date": day} if day else {})
        )
        for n, day in enumerate(days)
    ]
    path = tmp_path / "story.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    pipeline = Pipeline(SqliteStore.memory(), batch_size=1)
    report = pipeline.ingest_sources([path])
    assert len(report.ingested) == len(days)
    stories = {s.story for s in pipeline.store.iter_articles()}
    assert len(stories) == 1
    (story,) = stories
    stored = [s.article for s in pipeline.store.story_articles(story)]
    assert pipeline._story_cache.get(story) == stored
    dates = [a.published for a in stored]
    assert dates[-1] is None and dates[:-1] == sorted(d for d in dates if d is not None)
    assert dates[0] == dt.date(2026, 3, 3)


def test_entities_are_the_same_batch_by_batch_or_at_once(tmp_path: Path) -> None:
    inputs = [examples_dir()]
    one_by_one = Pipeline(SqliteStore.memory(), batch_size=1)
    one_by_one.ingest_sources(inputs)
    uncached = Pipeline(SqliteStore.memory(), batch_size=1)
    uncached._story_cache.limit = 0  # holds one story: refreshes read back
    uncached.ingest_sources(inputs)
    at_once = Pipeline(SqliteStore.memory(), batch_size=1_000)
    at_once.ingest_sources(inputs)
    expected = at_once.store.entities(limit=1_000)
    assert expected
    assert one_by_one.store.entities(limit=1_000) == expected
    assert uncached.store.entities(limit=1_000) == expected
