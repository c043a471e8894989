"""PolNeAR texts as distractor articles for story clustering (each its own gold story).

Files ``<split>/text/<publisher>_<YYYY-MM-DD>_<slug>.txt``; the first line is the headline.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

from crossread.errors import EvalError
from crossread.eval.ecbplus_docs import LabelledArticle
from crossread.models import Article

_NAME = re.compile(r"^([a-z-]+)_(\d{4}-\d{2}-\d{2})_")


def read_polnear_doc(path: Path) -> LabelledArticle:
    """Read one PolNeAR text as a dated article whose gold story is itself."""
    match = _NAME.match(path.name)
    if match is None:
        raise EvalError(f"{path}: not a PolNeAR text name (<publisher>_<date>_<slug>.txt)")
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: unreadable ({exc})") from exc
    lines = [line.strip() for line in raw.splitlines() if line.strip()]
    if not lines:
        raise EvalError(f"{path}: empty")
    title, text = lines[0], "\n\n".join(lines[1:]) or lines[0]
    digest = hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()[:16]
    article = Article(
        id=digest,
        title=title,
        text=text,
        outlet=match.group(1),
        published=dt.date.fromisoformat(match.group(2)),
        source=str(path),
    )
    return LabelledArticle(article=article, gold=f"polnear:{path.name}")


def read_polnear_docs(root: Path) -> Iterator[LabelledArticle]:
    """Every PolNeAR text under ``root`` (recursively), each file once."""
    paths = sorted(p for p in root.rglob("*.txt") if p.parent.name == "text")
    if not paths:
        raise EvalError(f"{root}: no PolNeAR texts (<split>/text/*.txt) found")
    seen: set[str] = set()
    for path in paths:
        if path.name in seen:
            continue
        seen.add(path.name)
        yield read_polnear_doc(path)
