"""View models built from hand-made briefs: matrix, citations, timeline chart, snippets."""

from __future__ import annotations

import datetime as dt

from crossread.models import (
    Article,
    Brief,
    Citation,
    Fact,
    QuoteEntry,
    Story,
    Support,
    TimelineEntry,
)
from crossread.web import views


def _brief() -> Brief:
    a = Article(id="a1", title="A", text="x", outlet="Alpha")
    b = Article(id="b1", title="B", text="y", outlet="Beta")
    shared = Fact(
        status="corroborated",
        text="The bridge closed on Tuesday.",
        support=(
            Support(article="a1", outlet="Alpha", sentence="The bridge closed on Tuesday."),
            Support(article="b1", outlet="Beta", sentence="On Tuesday the bridge was shut."),
        ),
    )
    only_b = Fact(
        status="exclusive",
        text="Shops feared losses.",
        support=(Support(article="b1", outlet="Beta", sentence="Shops feared losses."),),
    )
    conflict = Fact(
        status="conflicting",
        text="40,000 vehicles a day.",
        support=(
            Support(article="a1", outlet="Alpha", sentence="About 40,000 vehicles a day."),
            Support(article="b1", outlet="Beta", sentence="About 55,000 vehicles a day."),
        ),
        note="number: 40,000 vs 55,000",
        conflict="number",
    )
    return Brief(
        story="s1",
        headline="Bridge",
        same_story=True,
        similarity=0.5,
        articles=(a, b),
        summary=(
            Citation(
                text="The bridge closed on Tuesday.",
                outlets=("Alpha", "Beta"),
                articles=("a1", "b1"),
                support=shared.support,
            ),
            Citation(
                text="Shops in the area feared losses.",
                outlets=("Beta",),
                articles=("b1",),
                support=only_b.support,
            ),
        ),
        facts=(only_b, shared, conflict),
    )


def test_coverage_matrix_marks_each_outlet() -> None:
    matrix = views.coverage_matrix(_brief())
    assert matrix.columns == ("Alpha", "Beta")
    statuses = {row.fact.text: [c.status for c in row.cells] for row in matrix.rows}
    assert statuses["Shops feared losses."] == ["not-reported", "exclusive"]
    assert statuses["The bridge closed on Tuesday."] == ["corroborated", "corroborated"]
    assert statuses["40,000 vehicles a day."] == ["conflicting", "conflicting"]


def test_compare_rows_put_shared_facts_first() -> None:
    rows = views.compare_rows(_brief()).rows
    assert rows[-1].fact.status == "exclusive"
    assert rows[0].cells[1].sentences


def test_citations_carry_their_evidence() -> None:
    summary = views.cited_summary(_brief())
    first, second = summary
    beta = next(c for c in first.chips if c.outlet == "Beta")
    assert [s.sentence for s in beta.evidence] == ["On Tuesday the bridge was shut."]
    # a reworded summary sentence keeps the evidence the brief stage gave it
    assert [s.sentence for s in second.chips[0].evidence] == ["Shops feared losses."]


def test_timeline_chart_orders_and_scales_mixed_granularities() -> None:
    entries = [
        TimelineEntry(date="2022-08-15", expression="yesterday", sentence="s", article="a1"),
        TimelineEntry(date="2022-05", expression="late May", sentence="s", article="a1"),
        TimelineEntry(date="2021", expression="last year", sentence="s", article="b1"),
        TimelineEntry(date="PRESENT_REF", expression="now", sentence="s", article="b1"),
    ]
    chart = views.timeline_chart(entries)
    assert chart is not None
    assert [m.span.label.split(" ")[0] for m in chart.marks] == ["2021", "2022-05", "2022-08-15"]
    xs = [m.x for m in chart.marks]
    assert xs == sorted(xs) and chart.left <= xs[0] and xs[-1] <= chart.right
    assert chart.marks[0].width > chart.marks[1].width > chart.marks[2].width == 0
    assert chart.ticks
    assert views.timeline_chart([entries[-1]]) is None


def test_stories_chart_skips_undated() -> None:
    stories = [
        Story(
            id="s1",
            headline="One",
            articles=("a",),
            first=dt.date(2031, 3, 1),
            last=dt.date(2031, 3, 4),
        ),
        Story(id="s2", headline="Two", articles=("b",)),
    ]
    chart = views.stories_chart(stories)
    assert chart is not None and [m.span.href for m in chart.marks] == ["/stories/s1"]


def test_date_span() -> None:
    assert views.date_span("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert views.date_span("2022") == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))
    assert views.date_span("2022-13") is None
    assert views.date_span("2022-W33") is None


def test_quotes_grouped_by_speaker() -> None:
    quotes = [
        QuoteEntry(speaker="Elin Sato", text="one", article="a1", entity="e1"),
        QuoteEntry(speaker="Sato", text="two", article="b1", entity="e1"),
        QuoteEntry(speaker=None, text="three", article="b1"),
        QuoteEntry(speaker="Tomas Reyes", text="four", article="b1"),
    ]
    groups = views.quotes_by_speaker(quotes)
    assert [len(g.quotes) for g in groups] == [2, 1, 1]
    assert groups[0].entity == "e1" and groups[-1].speaker is None


def test_snippet_fragments() -> None:
    parts = views.snippet_fragments("the [bridge] was [shut] … today")
    assert [(p.text, p.hit) for p in parts] == [
        ("the ", False),
        ("bridge", True),
        (" was ", False),
        ("shut", True),
        (" … today", False),
    ]
