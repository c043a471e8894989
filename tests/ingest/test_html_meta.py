"""Metadata rules behind read_html: dates, titles, authors, text repair; no network, no data."""

from __future__ import annotations

import pytest

from crossread.ingest.html import read_html, strip_site_name
from crossread.ingest.htmldates import dateline_date, normalize_date, url_date
from crossread.ingest.htmlmeta import fix_text, split_names


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        ("2022-08-16T10:00:00Z", None, "2022-08-16T10:00:00+00:00"),
        ("2022-08-16T10:00:00.123+0200", None, "2022-08-16T10:00:00+02:00"),
        ("2022-08-16", None, "2022-08-16"),
        ("20220816", None, "2022-08-16"),
        ("1660644000", None, "2022-08-16T10:00:00+00:00"),
        ("03.04.2022", "de", "2022-04-03"),  # day first, always
        ("03.04.2022", "en-US", "2022-04-03"),  # dotted dates are never US order
        ("04/03/2022", "en-GB", "2022-03-04"),
        ("04/03/2022", "en-US", "2022-04-03"),
        ("16 August 2022", "en", "2022-08-16"),
        ("August 16, 2022", "en", "2022-08-16"),
        ("16. August 2022", "de", "2022-08-16"),
        ("martes, 16 de agosto de 2022", "es", "2022-08-16"),
        # no language tag: English first, then every language
        ("16 August 2022", None, "2022-08-16"),
        ("martes, 16 de agosto de 2022", None, "2022-08-16"),
        # an English page is read in English only (asking every locale is slow and misreads)
        ("martes, 16 de agosto de 2022", "en", None),
        ("2022-02-30", None, None),
        ("last week", "en", None),
        ("", None, None),
        ("2099-01-01", None, None),  # the future is not a publication date
    ],
)
def test_normalize_date(value: str, language: str | None, expected: str | None) -> None:
    assert normalize_date(value, language) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/2022/08/16/kim-jong-un-missile", "2022-08-16"),
        ("https://example.com/news/2022-08-16-missile.html", "2022-08-16"),
        ("https://example.com/politics/20220816/missile", "2022-08-16"),
        ("https://example.com/2022/8/6/story", "2022-08-06"),
        ("https://example.com/2022/08/story", None),  # month only
        ("https://example.com/story/3000000218734/title", None),  # an id, not a date
        ("https://example.com/a?date=2022/08/16", None),  # the query is not the path
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: str | None) -> None:
    assert url_date(url) == expected


def test_dateline_prefers_published_over_updated() -> None:
    lines = ["Updated 18 August 2022", "Published 16 August 2022, 10:00", "Body text ..."]
    assert dateline_date(lines, "en") == "2022-08-16"
    assert dateline_date(["Aktualisiert am 18.08.2022"], "de") == "2022-08-18"
    assert dateline_date(["The talks began in 2019 and went nowhere for years."], "en") is None


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        (
            "Dam bursts after storm | The Valley Post",
            ("The Valley Post",),
            "Dam bursts after storm",
        ),
        ("Dam bursts after storm - valleypost.com", ("valleypost.com",), "Dam bursts after storm"),
        # only parts that name the site (or are dates) go; a section name cannot be told apart
        ("Dam bursts | World | Valley Post", ("Valley Post",), "Dam bursts | World"),
        ("Dam bursts after storm | 28.04.2023 | Valley", ("Valley",), "Dam bursts after storm"),
        ("Dam bursts after storm | 28.04.2023", (), "Dam bursts after storm"),
        ("Steuern steigen | Börsen-Zeitung", ("boersen-zeitung.de",), "Steuern steigen"),
        ("Storm: Dam bursts in the valley", ("Valley Post",), "Storm: Dam bursts in the valley"),
        ("Dam bursts - what we know", ("Valley Post",), "Dam bursts - what we know"),
    ],
)
def test_site_names_are_cut_from_titles(title: str, sites: tuple[str, ...], expected: str) -> None:
    assert strip_site_name(title, sites) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("By Maria Okafor and Tom Lindqvist", ("Maria Okafor", "Tom Lindqvist")),
        (
            "Isabel Caro, Rocío Latorre y José Wilson Tiempo de lectura: 5 min",
            ("Isabel Caro", "Rocío Latorre", "José Wilson"),
        ),
        ("Von Anna Muster | 12.03.2022", ("Anna Muster",)),
        ("Sara Zinnecker Stand: 12.03.2022", ("Sara Zinnecker",)),
        ("Nicolas Gutierrez C.", ("Nicolas Gutierrez C.",)),
        ("Anna Le Blanc", ("Anna Le Blanc",)),
        ("Redaktion", ()),
        ("admin", ()),
        ("https://example.com/authors/jane", ()),
        ("jane; Jane", ("jane",)),
    ],
)
def test_split_names(value: str, expected: tuple[str, ...]) -> None:
    assert split_names(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("R&uuml;ckbau von Atomkraftwerk", "Rückbau von Atomkraftwerk"),
        ("Trump: &quot;Es wird bald beginnen&quot;", 'Trump: "Es wird bald beginnen"'),
        ("sanciÃ³n del piloto", "sanción del piloto"),
        ("  a\n  b\u200b ", "a b"),
        ("Ça va, São Paulo", "Ça va, São Paulo"),
    ],
)
def test_fix_text(value: str, expected: str) -> None:
    assert fix_text(value) == expected


def test_visible_h1_confirmed_by_metadata_wins_over_kicker() -> None:
    page = (
        b"""<html lang="en"><head><title>Storm latest: Dam bursts | Valley Post</title>
    <meta property="og:title" content="Dam bursts after three days of rain">
    <meta property="og:type" content="article"></head><body><article>
    <h1>Dam bursts after three days of rain</h1>
    <p>"""
        + b"The old dam above the village gave way early on Sunday after three days of rain. " * 6
        + b"""</p>
    </article></body></html>"""
    )
    assert read_html(page, source="p.html").title == "Dam bursts after three days of rain"


def test_json_ld_article_body_fills_in_for_script_rendered_pages() -> None:
    body = "The council met on Monday and approved the plan. " * 12
    page = (
        '<html lang="en"><head><title>Plan approved</title><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Plan approved", "datePublished": "2021-01-05",'
        f' "articleBody": "{body}"}}</script></head><body><div id="app"></div></body></html>'
    ).encode()
    doc = read_html(page, source="app.html")
    assert doc.status == "ok"
    assert doc.text.startswith("The council met on Monday")


def test_site_name_preferred_over_a_company_publisher() -> None:
    page = (
        b"""<html lang="de"><head><title>x</title>
    <meta property="og:site_name" content="Tages-Anzeiger">
    <meta property="og:type" content="article">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Regen",
    "publisher": {"@type": "Organization", "name": "Tamedia AG"}}</script></head>
    <body><article><h1>Regen</h1><p>"""
        + b"Es regnet seit drei Tagen ohne Pause im ganzen Land. " * 8
        + b"""
    </p></article></body></html>"""
    )
    assert read_html(page, source="t.html").outlet == "Tages-Anzeiger"


def test_escaped_html_article_body_becomes_plain_paragraphs() -> None:
    from crossread.ingest.htmlmeta import article_body

    escaped = (
        "&lt;p class=&quot;texto&quot;&gt;Em busca de uma solu&amp;ccedil;&amp;atilde;o.&lt;/p&gt;"
        "&lt;p&gt;O &lt;b&gt;Senado&lt;/b&gt; votou.&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;"
    )
    assert article_body(escaped) == "Em busca de uma solução.\n\nO Senado votou."
    assert article_body("AT&amp;T said a < b.") == "AT&T said a < b."
    assert article_body(["  "]) is None
