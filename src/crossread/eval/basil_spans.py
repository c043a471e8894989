"""BASIL events with their annotated bias spans, for evaluating cross-outlet comparison.

Each event (``triplet-uuid``) has three articles (Fox News, New York Times, HuffPost) in
``articles/<year>/<triplet>_<n>.json`` and phrase annotations in
``annotations/<year>/<uuid>_ann.json``. An annotation's ``id`` ``pN`` is the index of a sentence
in the article's flattened ``body-paragraphs`` and ``start``/``end`` index into that sentence;
here they become character offsets into the article text built from those sentences.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crossread.errors import EvalError
from crossread.models import Article, Sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class BiasSpan:
    """One annotated span of an article, with offsets into ``Article.text``."""

    start: int
    end: int
    text: str
    bias: str
    """``inf`` (informational) or ``lex`` (lexical)."""
    quote: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class BasilArticle:
    article: Article
    spans: tuple[BiasSpan, ...]


def _load(path: Path) -> dict[str, object]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{path}: not BASIL JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise EvalError(f"{path}: not a BASIL object")
    return data


def read_article(path: Path, annotation: dict[str, object] | None) -> BasilArticle:
    """One article (sentences kept as BASIL split them) and its annotated spans."""
    data = _load(path)
    paragraphs = data.get("body-paragraphs") or []
    if not isinstance(paragraphs, list) or not paragraphs:
        raise EvalError(f"{path}: no body-paragraphs")
    text = ""
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(paragraphs):
        for s, sentence in enumerate(paragraph if isinstance(paragraph, list) else [paragraph]):
            if text:
                text += "\n" if s == 0 and p > 0 else " "
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=len(text),
                    end=len(text) + len(sentence),
                    text=str(sentence),
                )
            )
            text += str(sentence)
    spans = []
    items = annotation.get("phrase-level-annotations", []) if annotation else []
    for item in items if isinstance(items, list) else []:
        ident = str(item.get("id", ""))
        # "title" annotations mark the headline, which is not part of the body text
        if not (ident[:1] == "p" and ident[1:].isdigit()) or int(ident[1:]) >= len(sentences):
            continue
        index = int(ident[1:])
        base = sentences[index].start
        start, end = base + int(item["start"]), base + int(item["end"])
        spans.append(
            BiasSpan(
                start=start,
                end=end,
                text=text[start:end],
                bias=str(item.get("bias", "")),
                quote=str(item.get("quote", "no")) == "yes",
            )
        )
    try:
        published = dt.date.fromisoformat(str(data.get("date"))[:10])
    except ValueError:
        published = None
    title = str(data.get("title") or "")
    article = Article(
        id=hashlib.sha1(f"{path.name}\n{text}".encode()).hexdigest()[:16],
        title=title,
        text=text,
        outlet=str(data.get("source") or "").lower() or None,
        published=published,
        url=str(data.get("url") or "") or None,
        source=str(path),
        sentences=tuple(sentences),
    )
    return BasilArticle(article=article, spans=tuple(spans))


def read_events(root: Path) -> Iterator[list[BasilArticle]]:
    """The articles under ``root`` grouped by event (``triplet-uuid``), sorted by event.

    Raises:
        EvalError: when no BASIL articles are found.
    """
    annotations: dict[str, dict[str, object]] = {}
    for path in sorted(root.rglob("*_ann.json")):
        data = _load(path)
        annotations[str(data.get("uuid"))] = data
    events: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted(root.rglob("*.json")):
        if path.name.endswith("_ann.json") or "annotations" in path.parts:
            continue
        data = _load(path)
        if "triplet-uuid" not in data or "body-paragraphs" not in data:
            continue
        events.setdefault(str(data["triplet-uuid"]), []).append((str(data.get("uuid")), path))
    if not events:
        raise EvalError(f"{root}: no BASIL articles found")
    for key in sorted(events):
        yield [read_article(path, annotations.get(uuid)) for uuid, path in events[key]]
