"""Article fixtures for the cluster tests, read from tests/data/cluster (written by us)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from crossread.models import Article

CLUSTER_DATA = Path(__file__).resolve().parent.parent / "data" / "cluster"


def load_article(path: Path) -> Article:
    """Read a fixture: ``YYYY-MM-DD title`` line, outlet line, body."""
    head, outlet, *body = path.read_text("utf-8").splitlines()
    date, title = head.split(" ", 1)
    text = "\n".join(body).strip()
    digest = hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()[:16]
    return Article(
        id=digest,
        title=title,
        text=text,
        outlet=outlet,
        published=dt.date.fromisoformat(date),
        source=path.name,
    )


@pytest.fixture(scope="session")
def fixture_articles() -> dict[str, Article]:
    """Fixture articles by file stem (``quake_peru``, ``shooting_ohio_copy``...)."""
    return {p.stem: load_article(p) for p in sorted(CLUSTER_DATA.glob("*.txt"))}
