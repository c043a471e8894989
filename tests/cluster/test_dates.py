"""Dates named in an article's text: a dated report of other days scores lower against a story,
an undated one does not (its written-out dates include its own date line)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from crossread.cluster import StoryIndex
from crossread.cluster.features import featurize
from crossread.models import Article, TimeRef


def _naming(article: Article, day: dt.date, *, dated: bool) -> Article:
    """The article as the extract stage leaves it: its date line resolved to ``day``."""
    line = article.text.split(".", 1)[0]
    ref = TimeRef(text=line, start=0, end=len(line), type="DATE", value=day.isoformat())
    return dataclasses.replace(
        article, times=(ref,), published=article.published if dated else None
    )


def _follow_up_score(first: Article, second: Article) -> float:
    index = StoryIndex()
    story = index.assign(first)
    joined = index.assign(second)
    assert joined.story == story.story
    return joined.similarity


def test_undated_article_has_no_event_days(fixture_articles: dict[str, Article]) -> None:
    report = fixture_articles["bridge_collapse"]
    day = dt.date(2025, 5, 12)
    assert featurize(_naming(report, day, dated=True)).days == frozenset({day.toordinal()})
    assert featurize(_naming(report, day, dated=False)).days == frozenset()


def test_undated_follow_up_naming_later_days_is_not_penalised(
    fixture_articles: dict[str, Article],
) -> None:
    first, second = fixture_articles["bridge_collapse"], fixture_articles["bridge_collapse_2"]
    plain = _follow_up_score(
        dataclasses.replace(first, published=None), dataclasses.replace(second, published=None)
    )
    named = _follow_up_score(
        _naming(first, dt.date(2025, 5, 12), dated=False),
        _naming(second, dt.date(2025, 5, 21), dated=False),
    )
    assert named == plain


def test_dated_report_of_other_days_scores_lower(fixture_articles: dict[str, Article]) -> None:
    first, second = fixture_articles["bridge_collapse"], fixture_articles["bridge_collapse_2"]
    # published the same day, so only the days the texts name differ
    second = dataclasses.replace(second, published=first.published)
    same_day = _follow_up_score(
        _naming(first, dt.date(2025, 5, 12), dated=True),
        _naming(second, dt.date(2025, 5, 12), dated=True),
    )
    other_day = _follow_up_score(
        _naming(first, dt.date(2025, 5, 12), dated=True),
        _naming(second, dt.date(2025, 5, 21), dated=True),
    )
    assert other_day < same_day
