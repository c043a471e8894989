"""Story entities counted incrementally (``MentionTally``) are the entities of the whole story."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from crossread.extract import extract, link_entities
from crossread.extract.linking import MentionTally, resolve_story
from crossread.models import Article, Mention

# Texts we wrote: one story told by four outlets, with spelling variants of one name, another
# person of the same family name, a bare surname, a title and an acronym.
REPORTS = {
    "a": (
        dt.date(2026, 3, 4),
        "North Korean leader Kim Jong Un met envoy Kim Son Gyong in Pyongyang on Tuesday, the "
        "Korean Central News Agency said. Kim praised the talks. KCNA gave no details.",
    ),
    "b": (
        dt.date(2026, 3, 2),
        "Kim Jong-un told the Korean Central News Agency that the summit would go ahead. "
        "Vladimir Putin was expected to attend. The Russian president said little.",
    ),
    "c": (
        None,
        "Kim Jong-un flew to Moscow with his sister. Vladimir Putin greeted Kim at the "
        "airport, KCNA reported.",
    ),
    "d": (
        dt.date(2026, 3, 2),
        "Kim Jongun arrived in Moscow on Wednesday, while Kim Son Gyong stayed in Pyongyang. "
        "Kim Jong-un said the visit was historic.",
    ),
}


def _article(key: str) -> Article:
    published, text = REPORTS[key]
    return extract(Article(id=key, title=f"Report {key}", text=text, published=published))


def _store_order(articles: list[Article]) -> list[Article]:
    """The store's order of a story's articles given in arrival order."""
    return sorted(articles, key=lambda a: (a.published is None, a.published or dt.date.min))


def _counted(articles: list[Article]) -> set[tuple[str, str, str, int]]:
    return {(e.id, e.name, e.kind, len(e.mentions)) for e in link_entities(articles)}


def test_tally_gives_the_entities_of_the_whole_story_whatever_the_arrival_order() -> None:
    articles = [_article(k) for k in REPORTS]
    rng = random.Random(7)
    for _ in range(6):
        arrival = rng.sample(articles, len(articles))
        tally = MentionTally()
        for n, article in enumerate(arrival, 1):
            tally.add(article)  # one article per refresh, as batches of one would
            expected = _counted(_store_order(arrival[:n]))
            assert {(e.id, e.name, e.kind, e.mentions) for e in tally.entities()} == expected


def test_tally_links_spellings_across_articles_but_not_other_kims() -> None:
    tally = MentionTally()
    for key in ("a", "b", "c", "d"):  # one refresh per article
        tally.add(_article(key))
        tally.entities()
    people = [e for e in tally.entities() if e.kind == "PERSON"]
    kims = [e for e in people if e.name.startswith("Kim")]
    assert sorted(e.name.replace("-", " ").lower() for e in kims) == [
        "kim jong un",
        "kim son gyong",
    ]
    kim = next(e for e in kims if e.name != "Kim Son Gyong")
    # Kim Jong Un, Kim Jong-un, Kim Jongun, his title and the bare "Kim"s: one entity
    whole = {e.id: e for e in link_entities([_article(k) for k in REPORTS])}
    assert kim.mentions == len(whole[kim.id].mentions)
    assert {"Kim Jong Un", "Kim Jongun", "Kim"} <= set(whole[kim.id].aliases) | {kim.name}


def test_resolve_story_reads_mentions_by_form() -> None:
    def person(text: str, key: str) -> Mention:
        return Mention(text=text, start=0, end=len(text), kind="PERSON", key=key)

    mentions = [
        person("Muammar Gaddafi", "muammar gaddafi"),
        person("Muammar Gadhafi", "muammar gadhafi"),
        person("Muammar Gaddafi", "muammar gaddafi"),
        person("Mark Jay Heller", "mark jay heller"),
        person("Mark Heller", "mark heller"),
        person("Kim Jong Un", "kim jong un"),
        person("Kim Jongun", "kim jongun"),
        person("Kim Jong Il", "kim jong il"),
        person("Gaddafi", "gaddafi"),
    ]
    keys = resolve_story(mentions)
    assert keys[0] == keys[1] == keys[2] == keys[8] == "muammar gaddafi"
    assert keys[3] == keys[4]
    assert keys[5] == keys[6] != keys[7]


def test_tally_names_an_entity_as_the_earliest_report_on_a_tie() -> None:
    # two spellings written once each: the one of the earlier-dated report names the entity,
    # even when that report arrives last
    late = extract(
        Article(
            id="late",
            title="",
            text="Mayor Lena Ortiz-Vega opened the bridge.",
            published=dt.date(2026, 5, 2),
        )
    )
    early = extract(
        Article(
            id="early",
            title="",
            text="Mayor Lena Ortiz Vega opened the bridge.",
            published=dt.date(2026, 5, 1),
        )
    )
    tally = MentionTally()
    tally.add(late)
    tally.add(early)
    (whole,) = [e for e in link_entities([early, late]) if e.kind == "PERSON"]
    (counted,) = [e for e in tally.entities() if e.kind == "PERSON"]
    assert whole.name == counted.name == "Lena Ortiz Vega"
    assert counted.mentions == len(whole.mentions)


def test_tally_saved_and_loaded_between_runs_continues_as_if_never_saved() -> None:
    articles = [_article(k) for k in ("b", "a", "c", "d")]
    whole = MentionTally()
    for article in articles:
        whole.add(article)
    first = MentionTally()
    for article in articles[:2]:
        first.add(article)
    saved = first.dumps()
    resumed = MentionTally.loads(saved)
    assert resumed.articles == 2 and len(resumed) == len(first)
    assert resumed.entities() == first.entities()
    for article in articles[2:]:
        resumed.add(article)
    assert resumed.entities() == whole.entities()
    assert resumed.dumps() == whole.dumps()


def test_loading_something_else_than_a_tally_is_a_value_error() -> None:
    for bad in ("", "[]", '{"v": 2, "articles": 0, "items": []}', '{"v": 1, "items": [[1]]}'):
        with pytest.raises(ValueError):
            MentionTally.loads(bad)


def test_a_team_named_by_its_last_word_links_to_its_full_name_across_a_story() -> None:
    articles = [
        extract(Article(id="a", title="t", text="Fans cheered the Denver Comets.", outlet="o")),
        extract(Article(id="b", title="t", text="Scouts said the Comets were tired.", outlet="p")),
    ]
    names = {e.name: e for e in link_entities(articles)}
    assert "Comets" not in names
    assert "Comets" in names["Denver Comets"].aliases


def test_a_country_acting_is_not_the_body_named_after_it() -> None:
    articles = [
        extract(
            Article(
                id="a",
                title="t",
                text="The Veldoria Helsinki Foundation for Human Rights protested.",
                outlet="o",
            )
        ),
        extract(Article(id="b", title="t", text="Later, Estonia said it would reply.", outlet="p")),
        extract(
            Article(
                id="c", title="t", text="The Estonia Helsinki Group for Rights wrote.", outlet="q"
            )
        ),
    ]
    estonia = [e for e in link_entities(articles) if e.name == "Estonia"]
    assert len(estonia) == 1
    assert all("Helsinki" not in alias for alias in estonia[0].aliases)
