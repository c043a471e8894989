"""GUM news documents with their human summaries, for evaluating the brief's summary.

``xml/GUM_news_*.xml`` holds one token per line inside ``<s>`` sentences; the ``<text>``
element carries ``dateCreated`` (the publication date), ``title`` and ``summary1..5`` (one
sentence each, prefixed with ``(humanN)``). The headline (``<head>``) and figure captions are
left out of the body.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crossread.errors import EvalError
from crossread.models import Article, Sentence

_NO_SPACE_BEFORE = re.compile(r"\s+([.,;:!?%)\]}'’”]|n't|'s|'re|'ll|'ve|'d|'m)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“‘])\s+")
_PREFIX = re.compile(r"^\(human\d*\)\s*")
_SKIP = {"head", "figure", "caption"}


@dataclass(frozen=True, slots=True, kw_only=True)
class SummarisedArticle:
    article: Article
    summaries: tuple[str, ...]


def _tokens(element: ET.Element) -> list[str]:
    words: list[str] = []
    for chunk in element.itertext():
        for line in chunk.splitlines():
            if line.strip():
                words.append(line.split("\t")[0])
    return words


def _detokenize(tokens: list[str]) -> str:
    text = " ".join(tokens).replace("``", "“").replace("''", "”")
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def _sentences(element: ET.Element, skip: bool = False) -> Iterator[str]:
    for child in element:
        inside = skip or child.tag in _SKIP
        if child.tag == "s":
            if not inside:
                yield _detokenize(_tokens(child))
        else:
            yield from _sentences(child, inside)


def read_document(path: Path) -> SummarisedArticle:
    """One GUM news document as an article (its own sentences) with its human summaries."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvalError(f"{path}: malformed XML ({exc})") from exc
    summaries = tuple(
        _PREFIX.sub("", root.get(f"summary{i}", "")).strip()
        for i in range(1, 10)
        if root.get(f"summary{i}")
    )
    if not summaries:
        raise EvalError(f"{path}: no summary1..N attributes")
    text = ""
    sentences: list[Sentence] = []
    for line in _sentences(root):
        if text:
            text += "\n"
        sentences.append(
            Sentence(index=len(sentences), start=len(text), end=len(text) + len(line), text=line)
        )
        text += line
    try:
        published = dt.date.fromisoformat(root.get("dateCreated", "")[:10])
    except ValueError:
        published = None
    article = Article(
        id=hashlib.sha1(f"{path.name}\n{text}".encode()).hexdigest()[:16],
        title=root.get("title", ""),
        text=text,
        outlet="Wikinews",
        published=published,
        source=str(path),
        sentences=tuple(sentences),
    )
    return SummarisedArticle(article=article, summaries=summaries)


def read_corpus(root: Path) -> Iterator[SummarisedArticle]:
    """Every ``GUM_news_*.xml`` under ``root`` (sorted by name).

    Raises:
        EvalError: when none is found.
    """
    paths = sorted(p for p in root.rglob("GUM_news_*.xml"))
    if not paths:
        raise EvalError(f"{root}: no GUM_news_*.xml files found")
    for path in paths:
        yield read_document(path)
