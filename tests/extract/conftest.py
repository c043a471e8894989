"""Helpers for the extract tests: articles from our fixtures and from the seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from crossread.extract import extract
from crossread.models import Article


def _load(path: Path) -> Article:
    text = path.read_text(encoding="utf-8")
    return extract(Article(id=path.stem, title="", text=text, source=str(path)))


@pytest.fixture(scope="session")
def load_article() -> Callable[[Path], Article]:
    return _load


@pytest.fixture(scope="session")
def seed_articles(seeds_dir: Path) -> tuple[Article, Article]:
    """The two seed reports, extracted: (the Yahoo/Independent-style piece, Bloomberg)."""
    paths = sorted(seeds_dir.glob("*.txt"))
    articles = [_load(p) for p in paths]
    bloomberg = next(a for a in articles if "Bloomberg" in a.text[:300])
    other = next(a for a in articles if a is not bloomberg)
    return other, bloomberg
