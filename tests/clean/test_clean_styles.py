"""Scraped-text layouts beyond the seeds (fixtures in tests/data/clean, written by us)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crossread.clean import clean
from crossread.ingest import read
from crossread.models import Article


@pytest.fixture(scope="module")
def cleaned(fixtures_dir: Path) -> dict[str, Article]:
    out = {}
    for path in sorted((fixtures_dir / "clean").glob("*.txt")):
        [doc] = read(path)
        out[path.stem] = clean(doc)
    return out


def _reasons(article: Article) -> list[str]:
    return [r.reason for r in article.removed]


def test_wire_story(cleaned: dict[str, Article]) -> None:
    article = cleaned["wire"]
    assert article.title == "Lakeland votes to raise fuel tax for road repairs"
    assert article.byline == "Hana Sato and Peter Brandt"
    assert article.outlet == "Reuters"  # from the "(Reuters) -" dateline opening the body
    assert article.published is None  # "May 14" has no year: not guessed
    assert _reasons(article) == ["byline", "caption", "reporting-credit"]
    assert article.text.startswith("PORT ALDEN, May 14 (Reuters) - Lakeland's parliament")
    assert article.text.endswith(
        '"Our roads cannot wait another winter," Finance Minister Olaf Weber told lawmakers.'
    )


def test_broadsheet_story(cleaned: dict[str, Article]) -> None:
    article = cleaned["broadsheet"]
    assert article.outlet == "Alpine Observer"
    assert article.published == dt.date(2024, 7, 9)
    assert _reasons(article) == [
        "outlet-line",
        "dateline",
        "share-prompt",
        "caption",
        "read-more",
        "subscribe-prompt",
        "copyright",
    ]
    assert len(article.text.split("\n\n")) == 3


def test_tabloid_story(cleaned: dict[str, Article]) -> None:
    article = cleaned["tabloid"]
    assert article.byline == "Jake Turner"
    assert article.outlet == "Evening Courier"
    assert article.published is None  # "Updated 3 hours ago" is relative to an unknown now
    reasons = _reasons(article)
    assert reasons.count("caption") == 2
    assert reasons.count("advertisement") == 2
    assert {"timestamp", "repeated-line", "cookie-notice", "share-prompt"} <= set(reasons)
    # The repeated body paragraph keeps its first copy.
    assert article.text.count("Keepers said both cubs were healthy and feeding well.") == 1
    assert article.text.split("\n\n") == [
        "Greenfield Zoo has welcomed twin giant panda cubs, the first born in the country for "
        "20 years.",
        "Keepers said both cubs were healthy and feeding well.",
        "The zoo will name the cubs after a public vote in the autumn.",
    ]


def test_hard_wrapped_paragraphs_are_joined(cleaned: dict[str, Article]) -> None:
    article = cleaned["wrapped"]
    assert article.text.split("\n\n") == [
        "The town council on Thursday postponed a vote on the redevelopment of the old harbour "
        "after residents presented a petition with more than 4,000 signatures asking for a "
        "public consultation.",
        "The mayor said the vote would take place in the autumn, once the consultation had closed.",
    ]


def test_dated_story(cleaned: dict[str, Article]) -> None:
    article = cleaned["dated"]
    assert article.outlet == "Island Press"
    assert article.published == dt.date(2022, 8, 16)
    assert _reasons(article) == ["outlet-line", "dateline", "reading-time", "agency-signoff"]


def test_plain_story_loses_nothing(cleaned: dict[str, Article]) -> None:
    article = cleaned["nooutlet"]
    assert article.outlet is None and article.byline is None and article.published is None
    assert article.removed == ()
    assert article.text.endswith("No one was hurt.")
