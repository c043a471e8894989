"""The brief of controlled article sets: summary, timeline, quotes, JSON contract, renderings."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from crossread.brief import render_html, render_markdown, summarize, to_json
from crossread.compare import compare
from crossread.models import Article, Entity, MentionRef, Quote, Removal

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "compare"))
from compare_cases import build_article, load_cases


def _case(name: str) -> list[Article]:
    case = next(c for c in load_cases() if c["name"] == name)
    return [build_article(a) for a in case["articles"]]


def _brief(name: str, **kwargs: object) -> tuple[list[Article], object]:
    articles = _case(name)
    facts = compare(articles)
    return articles, summarize("s-test", articles, facts, (), similarity=0.5, same_story=True)


def test_summary_leads_with_corroborated_and_cites_outlets() -> None:
    articles, brief = _brief("number-conflict")
    assert brief.summary, "empty summary"
    first = brief.summary[0]
    assert "economic zone" in first.text
    assert set(first.outlets) == {"Daily Ledger", "Harbor Times"}
    for citation in brief.summary:
        assert citation.outlets and citation.articles
        # every summary sentence is some article's own sentence
        assert any(citation.text in a.text for a in articles)


def test_summary_removes_redundancy() -> None:
    articles = _case("syndicated-copy-counts-once")
    brief = summarize("s", articles, compare(articles, copies={"c": "a"}), ())
    texts = [c.text for c in brief.summary]
    assert len(texts) == len(set(texts))
    assert sum("power" in t for t in texts) == 1


def test_timeline_orders_by_event_date() -> None:
    _, brief = _brief("number-conflict")
    dates = [t.date for t in brief.timeline]
    assert dates == sorted(dates)
    assert "2024-03" in dates
    entry = next(t for t in brief.timeline if t.date == "2024-03")
    assert entry.expression == "March" and "intercontinental" in entry.sentence


def test_headline_is_a_title() -> None:
    articles, brief = _brief("date-conflict")
    assert brief.headline in {a.title for a in articles}


def test_json_contract_keys_and_values() -> None:
    articles, brief = _brief("attribution-conflict")
    data = json.loads(json.dumps(to_json(brief)))
    assert {
        "same_story",
        "similarity",
        "articles",
        "facts",
        "entities",
        "timeline",
        "quotes",
    } <= set(data)
    assert set(data["articles"][0]) >= {"id", "title", "outlet", "published", "byline", "removed"}
    assert data["articles"][0]["published"] == "2024-02-01"
    statuses = {f["status"] for f in data["facts"]}
    assert statuses <= {"corroborated", "exclusive", "conflicting"}
    conflict = next(f for f in data["facts"] if f["status"] == "conflicting")
    assert conflict["note"] and conflict["conflict"] == "attribution"
    texts = {a["id"]: a["text"] for a in (dataclasses.asdict(x) for x in articles)}
    for fact in data["facts"]:
        for support in fact["support"]:
            assert set(support) >= {"article", "outlet", "sentence"}
            assert support["sentence"] in texts[support["article"]]
    assert data["timeline"][0]["date"] == "2024-06"
    assert data["conflicts"] and data["exclusives"]


def _hostile_articles() -> list[Article]:
    articles = _case("negation-conflict")
    evil = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
    first = dataclasses.replace(
        articles[0],
        title=f"Tax {evil}",
        text=articles[0].text + "\n",
        removed=(Removal(text=evil, reason="caption"),),
        quotes=(Quote(text=evil, start=0, end=5, speaker="Minister <b>X</b>"),),
    )
    return [first, articles[1]]


def test_html_escapes_article_text() -> None:
    articles = _hostile_articles()
    brief = summarize("s", articles, compare(articles), ())
    html = render_html(brief)
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and "<img" not in html and "<b>X" not in html
    assert "&lt;script&gt;" in html and "onerror=alert(1)" in html
    assert "http://" not in html and "https://" not in html  # no external assets
    for section in (
        "summary",
        "corroborated",
        "conflicting",
        "exclusive",
        "timeline",
        "quotes",
        "entities",
        "framing",
        "removed",
    ):
        assert f'id="{section}"' in html


def test_markdown_shows_sections_and_neutralises_html() -> None:
    articles = _hostile_articles()
    md = render_markdown(summarize("s", articles, compare(articles), ()))
    assert "## Summary" in md and "## Conflicting" in md and "## Exclusives" in md
    assert "<script>" not in md and "&lt;script&gt;" in md


def test_quotes_grouped_by_speaker_with_variants() -> None:
    a, b = _case("negation-conflict")
    said = "We will not raise taxes on families who drive to work"
    other = "We will not raise taxes for families that drive to work"
    a = dataclasses.replace(a, quotes=(Quote(text=said, start=0, end=1, speaker="Jane Roe"),))
    b = dataclasses.replace(b, quotes=(Quote(text=other, start=0, end=1, speaker="Roe"),))
    entity = Entity(
        id="e1",
        name="Jane Roe",
        kind="PERSON",
        aliases=("Roe",),
        mentions=(MentionRef(article="a", text="Jane Roe", start=0, end=8),),
    )
    brief = summarize("s", [a, b], compare([a, b]), (entity,))
    data = to_json(brief)
    assert {q["speaker"] for q in data["quotes"]} == {"Jane Roe"}
    (group,) = data["quote_groups"]
    assert len(group["quotes"]) == 2 and group["variants"]
    assert "Quoted differently" in render_markdown(brief)


def test_framing_per_article() -> None:
    articles, brief = _brief("number-conflict")
    by_article = {f.article: f for f in brief.framing}
    assert set(by_article) == {a.id for a in articles}
    assert by_article["a"].exclusives == 1 and by_article["b"].exclusives == 1
    assert by_article["b"].tone < 0  # "condemned the launches as reckless"


def test_empty_and_unextracted_inputs() -> None:
    assert compare([]) == ()
    bare = Article(id="x", title="Only a title", text="No sentences were split here.")
    facts = compare([bare])
    assert facts == ()
    brief = summarize("s", [bare], facts, ())
    assert brief.headline == "Only a title" and brief.summary == ()
    assert "Only a title" in render_html(brief) and render_markdown(brief)
    assert to_json(brief)["facts"] == []


def test_summary_skips_a_fact_whose_evidence_is_already_cited() -> None:
    from crossread.brief.summary import summarize_facts
    from crossread.models import Fact, Support

    def ref(article: str, outlet: str, index: int, text: str) -> Support:
        return Support(article=article, outlet=outlet, sentence=text, sentence_index=index)

    both = "The country backed the invasion when it recognised the two regions as independent."
    other = "It is one of the few countries to have recognized the independence of the regions."
    first = Fact(
        status="corroborated",
        text=both,
        support=(ref("a", "A", 0, both), ref("b", "B", 0, "The country has backed the war.")),
        independent_outlets=2,
    )
    second = Fact(
        status="corroborated",
        text=other,
        support=(ref("a", "A", 0, both), ref("b", "B", 3, other)),
        independent_outlets=2,
    )
    summary = summarize_facts([first, second], [], max_sentences=4)
    assert [c.text for c in summary] == [both]


def test_exclusives_listed_strongest_first_and_capped_in_markdown() -> None:
    from crossread.brief.render_json import TOP_EXCLUSIVES

    lines = [f"Local resident number {i} said the water came fast that night." for i in range(12)]
    article = build_article(
        {
            "id": "solo",
            "outlet": "Solo Times",
            "published": "2025-01-01",
            "title": "Flood",
            "text": "\n".join(lines),
        }
    )
    brief = summarize("s", [article], compare([article]), ())
    exclusives = to_json(brief)["exclusives"]["Solo Times"]
    shown = render_markdown(brief).split("## Exclusives")[1].split("\n## ")[0]
    assert len(exclusives) > TOP_EXCLUSIVES
    assert sum(line.startswith("- Local resident") for line in shown.splitlines()) == TOP_EXCLUSIVES
    assert f"{len(exclusives) - TOP_EXCLUSIVES} more" in shown


def test_framing_terms_are_distinctive_content_not_reporting_verbs() -> None:
    from crossread.brief.framing import frame

    def article(i: str, text: str) -> Article:
        return build_article(
            {"id": i, "outlet": i.upper(), "published": "2025-01-01", "title": "T", "text": text}
        )

    a = article(
        "a",
        "The minister said the nuclear test was planned, saying it would give no warning.\n"
        "Officials said a nuclear test site was being prepared, the minister added.",
    )
    b = article(
        "b",
        "The minister said the talks would continue.\n"
        "Trade sanctions were discussed, saying they would give relief.",
    )
    terms = {f.article: f.terms for f in frame([a, b], [])}
    assert terms["a"][0] == "nuclear test"
    for generic in ("said", "saying", "give", "minister"):
        assert generic not in terms["a"]
    assert "trade sanctions" in terms["b"]


def test_disputed_summary_sentences_cite_only_their_own_outlets() -> None:
    _, brief = _brief("number-conflict")
    facts = {f.text: f for f in brief.facts}
    disputed = [c for c in brief.summary if c.disputed]
    assert disputed, "the disputed figure is summarised"
    for citation in disputed:
        assert all(s.sentence == citation.text for s in citation.support)
    conflicting = [f for f in facts.values() if f.status == "conflicting"]
    assert conflicting, "the case has a conflict"
    cited_texts = {c.text for c in brief.summary}
    for fact in conflicting:
        for support in fact.support:
            if support.sentence in cited_texts:
                citation = next(c for c in brief.summary if c.text == support.sentence)
                assert citation.disputed


def test_a_name_that_only_qualifies_the_speaker_is_not_the_speaker() -> None:
    from crossread.brief.quotes import collect_quotes

    text = (
        "Russia’s ambassador to Pyongyang said workers may go. Washington and Seoul warned "
        "of a test. The KCNA news agency said ties grew."
    )

    def quote(speaker: str, words: str, name: str) -> Quote:
        start = text.index(speaker)
        return Quote(
            text=words,
            start=0,
            end=1,
            speaker=name,
            speaker_start=start,
            speaker_end=start + len(speaker),
        )

    article = Article(
        id="a",
        title="",
        text=text,
        source="a.txt",
        quotes=(
            quote("Russia’s ambassador to Pyongyang", "workers may go", "Russia’s ambassador"),
            quote("Washington and Seoul", "a test", "Washington and Seoul"),
            quote("The KCNA news agency", "ties grew", "KCNA"),
        ),
    )

    def entity(name: str, kind: str = "PLACE") -> Entity:
        start = text.index(name)
        ref = MentionRef(article="a", text=name, start=start, end=start + len(name))
        return Entity(id=name, name=name, kind=kind, mentions=(ref,))  # type: ignore[arg-type]

    places = [entity(n) for n in ("Russia", "Pyongyang", "Washington", "Seoul")]
    entries = collect_quotes([article], [*places, entity("KCNA", "ORG")])
    assert [q.speaker for q in entries] == ["Russia’s ambassador", "Washington and Seoul", "KCNA"]
    assert [q.entity for q in entries] == [None, None, "KCNA"]
