"""StoryIndex behaviour: stories formed, same-kind events kept apart, copies, ids, merges."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from crossread.cluster import Merge, StoryIndex, story_id_for
from crossread.models import Article

ORDER = [
    "quake_peru",
    "quake_japan",
    "shooting_ohio",
    "budget_council",
    "quake_peru_2",
    "shooting_ohio_copy",
    "shooting_texas",
]


def _run(articles: dict[str, Article], order: list[str], **params: object) -> dict[str, str]:
    index = StoryIndex(**params)  # type: ignore[arg-type]
    return {name: index.assign(articles[name]).story for name in order}


def test_same_event_joins_and_same_kind_events_stay_apart(
    fixture_articles: dict[str, Article],
) -> None:
    stories = _run(fixture_articles, ORDER)
    assert stories["quake_peru"] == stories["quake_peru_2"]
    assert stories["shooting_ohio"] == stories["shooting_ohio_copy"]
    # two earthquakes in one week, two shootings in one week: different stories
    assert stories["quake_peru"] != stories["quake_japan"]
    assert stories["shooting_ohio"] != stories["shooting_texas"]
    assert len(set(stories.values())) == 5


def test_syndicated_copy_is_marked(fixture_articles: dict[str, Article]) -> None:
    index = StoryIndex()
    original = index.assign(fixture_articles["shooting_ohio"])
    copy = index.assign(fixture_articles["shooting_ohio_copy"])
    other = index.assign(fixture_articles["quake_peru"])
    assert copy.copy_of == original.article
    assert copy.story == original.story and not copy.is_new
    assert other.copy_of is None
    assert original.copy_of is None


def test_story_id_is_hash_of_first_article_and_stable_across_runs(
    fixture_articles: dict[str, Article],
) -> None:
    first = _run(fixture_articles, ORDER)
    again = _run(fixture_articles, ORDER)
    assert first == again
    assert first["quake_peru"] == story_id_for(fixture_articles["quake_peru"].id)
    assert all(sid.startswith("s") for sid in first.values())


def test_partition_does_not_depend_on_arrival_order(
    fixture_articles: dict[str, Article],
) -> None:
    forward = _run(fixture_articles, ORDER)
    backward = _run(fixture_articles, list(reversed(ORDER)))

    def partition(stories: dict[str, str]) -> set[frozenset[str]]:
        groups: dict[str, set[str]] = {}
        for name, sid in stories.items():
            groups.setdefault(sid, set()).add(name)
        return {frozenset(g) for g in groups.values()}

    assert partition(forward) == partition(backward)


def test_reassigning_is_idempotent(fixture_articles: dict[str, Article]) -> None:
    index = StoryIndex()
    first = index.assign(fixture_articles["quake_peru"])
    index.assign(fixture_articles["quake_japan"])
    assert index.assign(fixture_articles["quake_peru"]) == first
    assert len(index) == 2


def test_restore_then_assign_joins_restored_story(fixture_articles: dict[str, Article]) -> None:
    index = StoryIndex()
    index.add(fixture_articles["quake_peru"], "s-restored")
    joined = index.assign(fixture_articles["quake_peru_2"])
    assert joined.story == "s-restored"
    assert not joined.is_new


def test_similarity_scale(fixture_articles: dict[str, Article]) -> None:
    index = StoryIndex()
    a = fixture_articles
    same = index.similarity(a["quake_peru"], a["quake_peru_2"])
    apart = index.similarity(a["quake_peru"], a["quake_japan"])
    assert index.similarity(a["quake_peru"], a["quake_peru"]) > 0.99
    assert 0.0 <= apart < index.threshold <= same <= 1.0


def test_dormant_stories_leave_memory(fixture_articles: dict[str, Article]) -> None:
    index = StoryIndex(quiet_days=5)
    peru = index.assign(fixture_articles["quake_peru"])
    assert index.story_of(peru.article) == peru.story
    later = dataclasses.replace(fixture_articles["budget_council"], published=dt.date(2025, 3, 30))
    index.assign(later)
    assert len(index) == 1
    assert index.story_of(peru.article) is None
    assert len(index.copies_) <= 1
    # the same event reported after the quiet period opens a new story
    follow_up = dataclasses.replace(fixture_articles["quake_peru_2"], published=dt.date(2025, 4, 1))
    assert index.assign(follow_up).is_new


def test_stories_without_dates_are_bounded_by_count(
    fixture_articles: dict[str, Article],
) -> None:
    index = StoryIndex(max_stories=2)
    for name in ORDER:
        index.assign(dataclasses.replace(fixture_articles[name], published=None))
    assert len(index) == 2


def test_bridging_article_merges_two_stories_into_the_older(
    fixture_articles: dict[str, Article],
) -> None:
    peru, follow_up = fixture_articles["quake_peru"], fixture_articles["quake_peru_2"]
    # two halves of one report open two stories; the full report shows they are one
    head = _half(peru, first=True)
    tail = _half(follow_up, first=False)
    index = StoryIndex(threshold=0.9, merge_threshold=0.05)
    a = index.assign(head)
    b = index.assign(tail)
    assert a.story != b.story
    index.threshold = 0.05
    c = index.assign(peru)
    assert c.story == a.story
    assert index.merges == (Merge(kept=a.story, merged=b.story),)
    assert index.drain_merges() == [Merge(kept=a.story, merged=b.story)]
    assert index.drain_merges() == []
    assert index.story_of(b.article) == a.story


def _half(article: Article, *, first: bool) -> Article:
    lines = article.text.splitlines()
    part = lines[: len(lines) // 2] if first else lines[len(lines) // 2 :]
    return dataclasses.replace(
        article, id=f"{article.id}-{'head' if first else 'tail'}", text="\n".join(part)
    )


def test_seed_articles_form_one_story(seeds_dir: Path) -> None:
    articles = []
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]
        articles.append(Article(id=path.stem, title=lines[0], text="\n".join(lines[1:])))
    index = StoryIndex()
    stories = {index.assign(article).story for article in articles}
    assert len(stories) == 1


def test_a_story_that_never_goes_quiet_keeps_bounded_memory(
    fixture_articles: dict[str, Article],
) -> None:
    index = StoryIndex(max_story_articles=3)
    base = fixture_articles["quake_peru"]
    ids = []
    for day in range(8):
        article = dataclasses.replace(
            base,
            id=f"{base.id}-{day}",
            text=f"{base.text}\nUpdate {day}: rescuers reached village number {day}.",
            published=dt.date(2025, 3, 3) + dt.timedelta(days=day),
        )
        ids.append(index.assign(article).story)
    assert len(set(ids)) == 1
    assert len(index) == 1
    remembered = [i for i in range(8) if index.story_of(f"{base.id}-{i}") is not None]
    assert remembered == [5, 6, 7]
    assert len(index.copies_) <= 3
