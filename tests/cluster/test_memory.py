"""StoryIndex memory bounds on an endless stream: what stays in memory, what leaves, which ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from crossread.cluster import StoryIndex, story_id_for
from crossread.cluster.lexical import dot
from crossread.cluster.postings import MAX_STORY_POSTINGS
from crossread.cluster.profile import Centroid
from crossread.cluster.retired import RetiredIds
from crossread.models import Article

_SYLLABLES = ["ka", "lo", "ven", "tar", "mi", "dru", "sel", "no", "ra", "bek", "zu", "han"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(3))


def _event_article(event: int, report: int, day: dt.date) -> Article:
    """A made-up report of event ``event``: its own rare words, some shared filler."""
    rng = random.Random(event)
    own = [_word(rng) for _ in range(12)]
    place = _word(rng).capitalize()
    rng = random.Random(event * 1000 + report)
    body = " ".join(rng.choice(own) for _ in range(60))
    text = f"Officials in {place} said the {own[0]} {own[1]} affected residents. {body}."
    return Article(
        id=f"e{event}-r{report}",
        title=f"{place} {own[0]} {own[1]} {own[2]}",
        text=text,
        outlet="Test Wire",
        published=day,
        source=f"test://{event}/{report}",
    )


def _stream(events: int, per_event: int, per_day: int) -> list[Article]:
    start = dt.date(2025, 1, 1)
    out = []
    for i in range(events * per_event):
        event, report = divmod(i, per_event)
        out.append(_event_article(event, report, start + dt.timedelta(days=i // per_day)))
    return out


def test_memory_stays_within_the_bounds_on_a_long_fast_stream() -> None:
    index = StoryIndex(max_stories=8, max_articles=30, max_story_terms=40)
    sizes = []
    for article in _stream(events=120, per_event=3, per_day=1000):  # all one day: no quiet
        index.assign(article)
        sizes.append(index.memory())
    assert max(s["stories"] for s in sizes) <= 8
    assert max(s["remembered_articles"] for s in sizes) <= 30
    assert max(s["assignments"] for s in sizes) <= 30
    assert max(s["copy_sketches"] for s in sizes) <= 30
    assert max(s["posting_entries"] for s in sizes) <= 8 * MAX_STORY_POSTINGS
    assert max(s["centroid_terms"] for s in sizes) <= 8 * 40
    assert sizes[-1]["retired"] >= 100  # the stories that left memory


def test_events_still_form_their_stories_under_the_bounds() -> None:
    index = StoryIndex(max_stories=8, max_articles=30)
    stories: dict[int, set[str]] = {}
    for article in _stream(events=60, per_event=3, per_day=1000):
        event = int(article.id[1:].split("-")[0])
        stories.setdefault(event, set()).add(index.assign(article).story)
    assert all(len(ids) == 1 for ids in stories.values())
    assert len({next(iter(ids)) for ids in stories.values()}) == 60


def test_a_dormant_story_id_is_never_reused() -> None:
    index = StoryIndex(quiet_days=5)
    first = _event_article(1, 0, dt.date(2025, 1, 1))
    opened = index.assign(first)
    assert opened.story == story_id_for(first.id)
    index.assign(_event_article(2, 0, dt.date(2025, 2, 1)))  # a month later: event 1 dormant
    assert index.story_of(first.id) is None
    # a new report of the dormant event opens a new story (the store keeps the old one)
    later = index.assign(_event_article(1, 1, dt.date(2025, 2, 2)))
    assert later.is_new and later.story != opened.story
    # the very article that opened the dormant story, seen again, cannot take its id back
    again = index.assign(dataclasses.replace(first, published=dt.date(2025, 2, 2)))
    assert again.story != opened.story


def test_an_article_forgotten_while_its_story_is_active_does_not_steal_the_id() -> None:
    index = StoryIndex(max_articles=2)
    first = _event_article(1, 0, dt.date(2025, 1, 1))
    opened = index.assign(first)
    for report in range(1, 4):
        assert index.assign(_event_article(1, report, dt.date(2025, 1, 1))).story == opened.story
    assert index.story_of(first.id) is None  # forgotten: only the last two are remembered
    again = index.assign(first)
    assert again.story == opened.story  # it still matches its story by content


def test_undated_stream_is_bounded_by_count_and_ids_stay_unique() -> None:
    index = StoryIndex(max_stories=3, max_articles=5)
    seen = set()
    for article in _stream(events=20, per_event=1, per_day=1):
        story = index.assign(dataclasses.replace(article, published=None)).story
        assert story not in seen
        seen.add(story)
        assert len(index) <= 3


def test_centroid_keeps_the_heaviest_terms_and_scores_like_dicts() -> None:
    a, b = Centroid(), Centroid()
    a.add({1: 0.5, 2: 0.25, 3: 0.1}, cap=10)
    a.add({2: 0.5, 4: 0.05}, cap=3)
    assert sorted(a.ids.tolist()) == [1, 2, 3] and a.weights.tolist() == [0.5, 0.75, 0.1]
    assert a.norm == pytest.approx((0.5**2 + 0.75**2 + 0.1**2) ** 0.5)
    b.add({2: 1.0, 3: 2.0, 9: 4.0}, cap=10)
    assert a.dot(b) == pytest.approx(dot({1: 0.5, 2: 0.75, 3: 0.1}, {2: 1.0, 3: 2.0, 9: 4.0}))
    assert a.top(2) == [2, 1]
    a.merge(b, cap=2)
    assert a.top(2) == [9, 3]


def test_retired_ids_never_miss_and_rarely_false_alarm() -> None:
    retired = RetiredIds(bits=1 << 16)
    ids = [story_id_for(f"article-{i}") for i in range(2000)]
    for sid in ids:
        retired.add(sid)
    assert all(sid in retired for sid in ids)
    others = [story_id_for(f"other-{i}") for i in range(2000)]
    assert sum(sid in retired for sid in others) < 20
