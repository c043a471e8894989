"""View models: what the templates draw, computed from a Brief (pure functions, no I/O).

Templates stay simple loops over these; every string in them is still article text and is
escaped by Jinja's autoescape when rendered.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from crossread.models import Brief, Fact, QuoteEntry, Story, Support, TimelineEntry
from crossread.store.base import SearchHit

NOT_REPORTED = "not-reported"
_WORD = re.compile(r"\w+", re.UNICODE)


# -- summary citations ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Chip:
    """One outlet cited by a summary sentence, with the sentences that are its evidence."""

    outlet: str
    evidence: tuple[Support, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class CitedSentence:
    text: str
    chips: tuple[Chip, ...]
    disputed: bool = False


def cited_summary(brief: Brief) -> list[CitedSentence]:
    """Summary sentences with, per cited outlet, the article sentences that back them."""
    out: list[CitedSentence] = []
    for citation in brief.summary:
        chips = [
            Chip(
                outlet=outlet,
                evidence=tuple(s for s in citation.support if s.outlet == outlet),
            )
            for outlet in citation.outlets
        ]
        out.append(
            CitedSentence(text=citation.text, chips=tuple(chips), disputed=citation.disputed)
        )
    return out


# -- coverage matrix ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Cell:
    status: str
    """The fact's status where this column reports it, else ``not-reported``."""
    sentences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MatrixRow:
    fact: Fact
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Matrix:
    columns: tuple[str, ...]
    rows: tuple[MatrixRow, ...]


def outlets_of(brief: Brief) -> tuple[str, ...]:
    """The brief's outlets in article order, each once."""
    return tuple(dict.fromkeys(a.label for a in brief.articles))


def coverage_matrix(brief: Brief) -> Matrix:
    """Facts x outlets: corroborated / exclusive / conflicting / not reported."""
    columns = outlets_of(brief)
    rows = []
    for fact in brief.facts:
        cells = []
        for outlet in columns:
            sentences = tuple(dict.fromkeys(s.sentence for s in fact.support if s.outlet == outlet))
            cells.append(
                Cell(status=fact.status if sentences else NOT_REPORTED, sentences=sentences)
            )
        rows.append(MatrixRow(fact=fact, cells=tuple(cells)))
    return Matrix(columns=columns, rows=tuple(rows))


def compare_rows(brief: Brief) -> Matrix:
    """Facts x articles (not outlets): the compare view puts each article in its own column."""
    columns = tuple(a.id for a in brief.articles)
    rows = []
    for fact in brief.facts:
        cells = []
        for article_id in columns:
            sentences = tuple(
                dict.fromkeys(s.sentence for s in fact.support if s.article == article_id)
            )
            cells.append(
                Cell(status=fact.status if sentences else NOT_REPORTED, sentences=sentences)
            )
        rows.append(MatrixRow(fact=fact, cells=tuple(cells)))
    # Facts several columns share first, so aligned rows sit together at the top.
    ordered = sorted(rows, key=lambda r: -sum(c.status != NOT_REPORTED for c in r.cells))
    return Matrix(columns=columns, rows=tuple(ordered))


# -- quotes ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class SpeakerQuotes:
    speaker: str | None
    entity: str | None
    quotes: tuple[QuoteEntry, ...]


def quotes_by_speaker(quotes: Sequence[QuoteEntry]) -> list[SpeakerQuotes]:
    """Quotes grouped by speaker (resolved entity first, else the name), most quoted first;
    unattributed quotes last."""
    groups: dict[str, list[QuoteEntry]] = {}
    for quote in quotes:
        key = quote.entity or (quote.speaker or "").casefold()
        groups.setdefault(key, []).append(quote)
    out = [
        SpeakerQuotes(
            speaker=next((q.speaker for q in group if q.speaker), None),
            entity=next((q.entity for q in group if q.entity), None),
            quotes=tuple(group),
        )
        for group in groups.values()
    ]
    return sorted(out, key=lambda g: (g.speaker is None, -len(g.quotes), g.speaker or ""))


# -- timeline chart -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    """Something placed on a time axis: an event date, or a story's first..last days."""

    start: dt.date
    end: dt.date
    label: str
    href: str
    detail: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Mark:
    x: float
    y: float
    width: float
    """0 for a single day (drawn as a dot), else the drawn span of a month, year or story."""
    span: Span
    anchor_end: bool
    """True when the label goes left of the mark (marks in the right half of the chart)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineChart:
    width: int
    height: int
    axis_y: float
    left: int
    right: int
    ticks: tuple[Tick, ...]
    marks: tuple[Mark, ...]


def date_span(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` value covers."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            day = dt.date.fromisoformat(value)
            return day, day
        if re.fullmatch(r"\d{4}-\d{2}", value):
            year, month = int(value[:4]), int(value[5:])
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last)
        if re.fullmatch(r"\d{4}", value):
            year = int(value)
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return None


def _ticks(first: dt.date, last: dt.date, scale: float, left: int) -> list[Tick]:
    days = (last - first).days
    ticks: list[Tick] = []
    if days <= 31:
        step = max(1, days // 6)
        day = first
        while day <= last:
            ticks.append(Tick(x=left + (day - first).days * scale, label=day.isoformat()))
            day += dt.timedelta(days=step)
    elif days <= 3 * 366:
        month = dt.date(first.year, first.month, 1)
        step = max(1, (days // 30) // 6)
        while month <= last:
            if month >= first:
                x = left + (month - first).days * scale
                ticks.append(Tick(x=x, label=month.strftime("%Y-%m")))
            index = month.month - 1 + step
            month = dt.date(month.year + index // 12, index % 12 + 1, 1)
    else:
        step = max(1, (last.year - first.year) // 6)
        for year in range(first.year + 1, last.year + 1, step):
            day = dt.date(year, 1, 1)
            ticks.append(Tick(x=left + (day - first).days * scale, label=str(year)))
    return ticks


def chart(
    spans: Sequence[Span], *, width: int = 760, row: int = 22, limit: int = 60
) -> TimelineChart | None:
    """Lay spans out on a time axis, one row each, earliest first; None when there are none."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end))[:limit]
    if not ordered:
        return None
    left, right = 24, 24
    first = min(s.start for s in ordered)
    last = max(s.end for s in ordered)
    if first == last:
        first -= dt.timedelta(days=1)
        last += dt.timedelta(days=1)
    scale = (width - left - right) / max(1, (last - first).days)
    marks = []
    for i, span in enumerate(ordered):
        x = left + (span.start - first).days * scale
        drawn = (span.end - span.start).days * scale if span.end > span.start else 0.0
        marks.append(
            Mark(
                x=round(x, 1),
                y=18 + i * row,
                width=round(drawn, 1),
                span=span,
                anchor_end=x + drawn / 2 > width / 2,
            )
        )
    axis_y = 18 + len(ordered) * row
    return TimelineChart(
        width=width,
        height=int(axis_y + 28),
        axis_y=axis_y,
        left=left,
        right=width - right,
        ticks=tuple(Tick(x=round(t.x, 1), label=t.label) for t in _ticks(first, last, scale, left)),
        marks=tuple(marks),
    )


def timeline_chart(entries: Sequence[TimelineEntry]) -> TimelineChart | None:
    """The brief's dated events on a time axis (entries without a usable date are left out)."""
    spans = []
    for entry in entries:
        found = date_span(entry.date)
        if found is None:
            continue
        said = "" if entry.expression == entry.date else f" · {entry.expression}"
        label = f"{entry.date}{said}" + (f" ({entry.outlet})" if entry.outlet else "")
        spans.append(
            Span(
                start=found[0],
                end=found[1],
                label=label,
                href=f"/articles/{entry.article}",
                detail=entry.sentence,
            )
        )
    return chart(spans)


def stories_chart(stories: Sequence[Story]) -> TimelineChart | None:
    """Stories on a time axis from their first to their last report (undated ones left out)."""
    spans = [
        Span(
            start=s.first,
            end=s.last or s.first,
            label=f"{s.first.isoformat()} · {s.headline}",
            href=f"/stories/{s.id}",
            detail=", ".join(s.outlets),
        )
        for s in stories
        if s.first is not None
    ]
    return chart(spans)


# -- search snippets ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Fragment:
    text: str
    hit: bool


def snippet_fragments(snippet: str) -> list[Fragment]:
    """Split a store snippet (hits wrapped in ``[`` ``]``) into plain and highlighted parts."""
    out: list[Fragment] = []
    for part in re.split(r"(\[[^\[\]]*\])", snippet):
        if not part:
            continue
        if part.startswith("[") and part.endswith("]") and len(part) > 2:
            out.append(Fragment(text=part[1:-1], hit=True))
        else:
            out.append(Fragment(text=part, hit=False))
    return out


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchRow:
    hit: SearchHit
    fragments: tuple[Fragment, ...]


def search_rows(hits: Sequence[SearchHit]) -> list[SearchRow]:
    return [SearchRow(hit=h, fragments=tuple(snippet_fragments(h.snippet))) for h in hits]
