"""Acceptance on the two seed articles in ../shared/seeds (skipped when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crossread.clean import clean
from crossread.ingest import read
from crossread.models import Article


def _by_title(seeds_dir: Path, words: str) -> tuple[Article, str]:
    for path in sorted(seeds_dir.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if words in raw.split("\n\n", 1)[0]:
            [doc] = read(path)
            return clean(doc), raw
    pytest.skip(f"no seed whose first lines contain {words!r}")


def _source_paragraphs(raw: str) -> list[str]:
    return [line.strip() for line in raw.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def bloomberg(seeds_dir: Path) -> tuple[Article, str]:
    return _by_title(seeds_dir, "Putin vows to expand partnership")


@pytest.fixture(scope="module")
def standard(seeds_dir: Path) -> tuple[Article, str]:
    return _by_title(seeds_dir, "Russia pledges to")


def test_bloomberg_metadata(bloomberg: tuple[Article, str]) -> None:
    article, _ = bloomberg
    assert article.title == "Putin vows to expand partnership with North Korea"
    assert article.outlet == "Bloomberg"
    assert article.published == dt.date(2022, 8, 16)


def test_bloomberg_caption_paragraph_removed(bloomberg: tuple[Article, str]) -> None:
    article, _ = bloomberg
    assert "Photo: AFP" not in article.text
    assert "People pay their respects" not in article.text
    captions = [r.text for r in article.removed if r.reason == "caption"]
    assert len(captions) == 1 and captions[0].endswith("Photo: AFP")
    assert [r.text for r in article.removed if r.reason == "outlet-line"] == ["Bloomberg"]


def test_bloomberg_body_verbatim(bloomberg: tuple[Article, str]) -> None:
    article, raw = bloomberg
    removed = {r.text for r in article.removed}
    # Everything after the header line that was not removed is kept, verbatim and in order.
    expected = [p for p in _source_paragraphs(raw)[1:] if p not in removed]
    assert article.text.split("\n\n") == expected
    assert (
        "Putin sent congratulations to North Korea for its Liberation Day holiday yesterday, "
        "which marks the end of Japan’s 1910-1945 colonial rule over the Korean Peninsula."
    ) in article.text


def test_standard_metadata(standard: tuple[Article, str]) -> None:
    article, _ = standard
    assert article.title == "Russia pledges to ‘expand’ ties with North Korea"
    assert article.outlet is None  # the page names no outlet: none is invented
    assert article.published is None
    assert article.byline is None


def test_standard_boilerplate_removed(standard: tuple[Article, str]) -> None:
    article, _ = standard
    reasons = [(r.reason, r.text) for r in article.removed]
    assert ("reading-time", "·2-min read") in reasons
    captions = [text for reason, text in reasons if reason == "caption"]
    assert len(captions) == 2 and all(c.endswith("(REUTERS)") for c in captions)
    assert ("reporting-credit", "Additional reporting from agencies") in reasons
    for gone in ("min read", "(REUTERS)", "Additional reporting", "poses with"):
        assert gone not in article.text


def test_standard_body_verbatim(standard: tuple[Article, str]) -> None:
    article, raw = standard
    removed = {r.text for r in article.removed}
    expected = [p for p in _source_paragraphs(raw)[1:] if p not in removed]
    assert article.text.split("\n\n") == expected
    assert article.text.startswith(
        "Russia has said its relationship with North Korea will “expand” – with Moscow facing "
        "an international backlash to its invasion of Ukraine."
    )
    assert article.text.endswith(
        "adding that attempts to make it give up its nuclear arsenal infringed upon its "
        "sovereignty."
    )


def test_seed_ids_are_stable(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        first = [clean(d).id for d in read(path)]
        again = [clean(d).id for d in read(path)]
        assert first == again and len(first[0]) == 16
