"""ECB+ as documents for story clustering: each file one article, its event the gold story.

Every ECB+ topic holds two different events of one kind (``N_*ecb.xml`` and
``N_*ecbplus.xml``: e.g. two different earthquakes); the gold story of a document is
``(topic, ecb|ecbplus)``. The corpus has no publication dates.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crossread.errors import EvalError
from crossread.models import Article

_NAME = re.compile(r"^(\d+)_(\d+)(ecbplus|ecb)\.xml$")
_NO_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]}'’”]|n't|'s|'re|'ll|'ve|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘])\s+")


@dataclass(frozen=True, slots=True, kw_only=True)
class LabelledArticle:
    """An article with the gold story it belongs to."""

    article: Article
    gold: str


def detokenize(tokens: list[str]) -> str:
    """Join corpus tokens into readable text (no space before punctuation)."""
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def read_ecbplus_doc(path: Path) -> LabelledArticle:
    """Read one ECB+ XML file into an article (first sentence as title) and its gold event."""
    match = _NAME.match(path.name)
    if match is None:
        raise EvalError(f"{path}: not an ECB+ document name (N_Mecb.xml / N_Mecbplus.xml)")
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path}: malformed XML ({exc})") from exc
    sentences: dict[int, list[str]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    lines = [detokenize(sentences[k]) for k in sorted(sentences)]
    # some documents open with the source URL: not a headline
    while lines and lines[0].startswith("http"):
        lines.pop(0)
    if not lines:
        raise EvalError(f"{path}: no text")
    title, body = lines[0], "\n".join(lines[1:]) or lines[0]
    digest = hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()[:16]
    article = Article(id=digest, title=title, text=body, source=str(path))
    return LabelledArticle(article=article, gold=f"{match.group(1)}_{match.group(3)}")


def read_ecbplus_docs(root: Path) -> Iterator[LabelledArticle]:
    """Every ECB+ document under ``root`` (recursively), in file-name order."""
    paths = sorted(p for p in root.rglob("*.xml") if _NAME.match(p.name))
    if not paths:
        raise EvalError(f"{root}: no ECB+ documents (N_Mecb.xml) found")
    for path in paths:
        yield read_ecbplus_doc(path)
