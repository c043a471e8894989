"""BASIL articles for story clustering: three outlets' reports of each of 100 events.

Files ``articles/<year>/<triplet-uuid>_<n>.json`` with ``title``, ``date``, ``source`` and
``body-paragraphs``; the gold story of an article is its ``triplet-uuid``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from crossread.errors import EvalError
from crossread.eval.ecbplus_docs import LabelledArticle
from crossread.models import Article


def read_basil_article(path: Path) -> LabelledArticle:
    """Read one BASIL article JSON file."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not a BASIL article ({exc})") from exc
    paragraphs = data.get("body-paragraphs") or []
    text = "\n\n".join(" ".join(p) if isinstance(p, list) else str(p) for p in paragraphs)
    title = str(data.get("title") or "")
    gold = data.get("triplet-uuid")
    if not gold or not text:
        raise EvalError(f"{path}: missing triplet-uuid or body")
    try:
        published = dt.date.fromisoformat(str(data.get("date"))[:10])
    except ValueError:
        published = None
    digest = hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()[:16]
    article = Article(
        id=digest,
        title=title,
        text=text,
        outlet=str(data.get("source") or "").lower() or None,
        published=published,
        url=data.get("url"),
        source=str(path),
    )
    return LabelledArticle(article=article, gold=f"basil:{gold}")


def read_basil(root: Path) -> Iterator[LabelledArticle]:
    """Every BASIL article under ``root`` (recursively; annotation files are skipped)."""
    paths = sorted(
        p for p in root.rglob("*.json") if not p.name.endswith("_ann.json") and "-" in p.stem
    )
    if not paths:
        raise EvalError(f"{root}: no BASIL articles (<triplet-uuid>_<n>.json) found")
    for path in paths:
        yield read_basil_article(path)
