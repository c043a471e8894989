"""Controlled article sets for compare: hand-written articles with known facts (helpers).

Articles in ``tests/data/compare/cases.json`` hold one sentence per line; the numbers and time
expressions an extractor would find are given next to the text, so these tests exercise
compare alone and stay exact.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from crossread.models import Article, NumberRef, Sentence, TimeRef

CASES = Path(__file__).resolve().parent.parent / "data" / "compare" / "cases.json"


def _sentences(text: str) -> tuple[Sentence, ...]:
    sentences = []
    start = 0
    for line in text.split("\n"):
        if line.strip():
            sentences.append(
                Sentence(index=len(sentences), start=start, end=start + len(line), text=line)
            )
        start += len(line) + 1
    return tuple(sentences)


def _sentence_at(sentences: tuple[Sentence, ...], offset: int) -> int:
    return next(s.index for s in sentences if s.start <= offset < s.end)


def build_article(spec: dict[str, Any]) -> Article:
    """An extracted Article from a case spec (sentences = lines; numbers/times as given)."""
    text = spec["text"]
    sentences = _sentences(text)
    numbers, times = [], []
    for n in spec.get("numbers", []):
        start = text.index(n["text"])
        numbers.append(
            NumberRef(
                text=n["text"],
                start=start,
                end=start + len(n["text"]),
                value=float(n["value"]),
                unit=n.get("unit"),
                approx=n.get("approx", "exact"),
                sentence=_sentence_at(sentences, start),
            )
        )
    for t in spec.get("times", []):
        start = text.index(t["text"])
        times.append(
            TimeRef(
                text=t["text"],
                start=start,
                end=start + len(t["text"]),
                type="DATE",
                value=t["value"],
                granularity=t["granularity"],
                anchored=t.get("anchored", False),
                sentence=_sentence_at(sentences, start),
            )
        )
    return Article(
        id=spec["id"],
        title=spec["title"],
        text=text,
        outlet=spec["outlet"],
        published=dt.date.fromisoformat(spec["published"]),
        sentences=sentences,
        numbers=tuple(numbers),
        times=tuple(times),
    )


def load_cases() -> list[dict[str, Any]]:
    return list(json.loads(CASES.read_text(encoding="utf-8")))
