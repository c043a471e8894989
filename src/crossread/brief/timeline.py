"""The timeline: dated events ordered by their resolved date, not by publication date."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crossread.models import Article, TimelineEntry

_CALENDAR = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_GRANULARITIES = {"day", "month", "year", None}


def _sentence_text(article: Article, start: int, index: int) -> str:
    for sentence in article.sentences:
        if sentence.index == index or sentence.start <= start < sentence.end:
            return sentence.text
    return ""


def build_timeline(articles: Sequence[Article]) -> tuple[TimelineEntry, ...]:
    """Every time expression resolved to a calendar day, month or year, in date order.

    Entries keep the expression as written, the sentence it sits in and the article. Durations,
    sets, weeks, seasons and unresolved expressions are left out. An undated article's
    relative expressions resolve only when the caller resolved them against an estimated date
    (``resolve_times``); they are marked ``estimated``.
    """
    order = {a.id: i for i, a in enumerate(articles)}
    entries: dict[tuple[str, str, str], TimelineEntry] = {}
    for article in articles:
        for time in article.times:
            if time.type != "DATE" or not time.value or time.granularity not in _GRANULARITIES:
                continue
            if not _CALENDAR.match(time.value):
                continue
            sentence = _sentence_text(article, time.start, time.sentence)
            key = (time.value, article.id, sentence)
            entries.setdefault(
                key,
                TimelineEntry(
                    date=time.value,
                    expression=time.text,
                    sentence=sentence,
                    article=article.id,
                    outlet=article.label,
                    estimated=article.published is None and time.anchored,
                ),
            )
    return tuple(sorted(entries.values(), key=lambda e: (e.date, order[e.article])))
