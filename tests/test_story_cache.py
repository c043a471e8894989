"""The pipeline's cache of story mention tallies: bounded, and always what the store holds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from crossread.cli import examples_dir
from crossread.extract import link_entities
from crossread.extract.linking import MentionTally
from crossread.models import Article
from crossread.pipeline import Pipeline, StoryMentionCache
from crossread.store import SqliteStore


def _tally(*names: str) -> MentionTally:
    """A tally holding one mention form per name."""
    tally = MentionTally()
    text = " ".join(f"{name} spoke." for name in names)
    tally.add(Article(id=f"a-{text}", title="", text=text))
    assert len(tally) == len(names)
    return tally


def test_cache_drops_least_recently_touched_stories_beyond_its_limit() -> None:
    cache = StoryMentionCache(limit=4)
    cache.put("s1", _tally("Lena Ortiz", "Mark Heller"))
    cache.put("s2", _tally("Anna Berg"))
    assert cache.get("s1") is not None  # s1 is now the most recently touched
    cache.put("s3", _tally("Ivo Lind", "Rosa Kent"))
    assert len(cache) == 4
    assert cache.get("s2") is None
    assert cache.get("s1") is not None
    cache.put("s1", _tally("Lena Ortiz"))  # replacing a story counts its new size only
    assert len(cache) == 3
    cache.drop("s3")
    assert len(cache) == 1


def test_story_arriving_out_of_date_order_keeps_the_entities_of_its_stored_articles(
    tmp_path: Path,
) -> None:
    # one story arriving out of date order, one article per batch: the cached tally is
    # extended batch by batch and must give the entities of all the story's stored articles
    text = (
        "The Northgate council approved the harbour budget of 4 million euros on Monday, "
        "mayor Lena Ortiz said. The vote followed a long debate in Northgate."
    )
    # written as often one way as the other: the earliest-dated report's spelling names her
    spellings = ["Lena Ortiz-Vega", "Lena Ortiz Vega", "Lena Ortiz-Vega", "Lena Ortiz Vega", "She"]
    days = ["2026-03-05", "2026-03-03", None, "2026-03-03", "2026-03-04"]
    lines = [
        json.dumps(
            {
                "title": f"Harbour budget {n}",
                "outlet": f"Outlet {n}",
                "text": f"{text} {spellings[n]} backed it. ({n})",
            }
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
    assert stored[-1].published is None and stored[0].published == dt.date(2026, 3, 3)
    expected = {(e.id, e.name, e.kind, len(e.mentions)) for e in link_entities(stored)}
    rows = {(e.id, e.name, e.kind, e.mentions) for e in pipeline.store.entities(limit=100)}
    assert rows == expected
    assert "Lena Ortiz Vega" in {name for _, name, _, _ in rows}


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
