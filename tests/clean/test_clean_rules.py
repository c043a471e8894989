"""Boilerplate rules and metadata detection on single lines, positive and negative cases."""

from __future__ import annotations

import datetime as dt

import pytest

from crossread.clean.boilerplate import RULE_FILES, load_rules, match_reason
from crossread.clean.metadata import head_line, parse_date


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("·2-min read", "reading-time"),
        ("3 min read", "reading-time"),
        ("Reading time: 4 minutes", "reading-time"),
        (
            "North Korean leader Kim Jong Un poses in Vladivostok, in April 2019. (REUTERS)",
            "caption",
        ),
        ("Crowds gather in the square on Monday. Photo: AFP", "caption"),
        ("The ice front in June. Photograph: Lena Vogt/AFP/Getty Images", "caption"),
        ("Traffic near the port, March 3, 2023. REUTERS/Carla Mendes/File Photo", "caption"),
        ("Officials meet in Seoul. (AP Photo/Lee Jin-man)", "caption"),
        ("Soldiers march in Pyongyang. KCNA via REUTERS", "caption"),
        ("Scott Olson via Getty Images.", "caption"),
        ("FILE PHOTO: A view of the harbour", "caption"),
        ("Pictured: the twin cubs with their mother", "caption"),
        ("In this photo taken on Monday, soldiers march.", "caption"),
        ("Additional reporting from agencies", "reporting-credit"),
        ("Reporting by Hana Sato; Editing by Ruth Adler", "reporting-credit"),
        (
            "(Additional reporting by Kylie MacLellan; Editing by Michael Holden.)",
            "reporting-credit",
        ),
        ("This story has been updated with comments from the mayor.", "reporting-credit"),
        ("— with agencies", "agency-signoff"),
        ("Share this article", "share-prompt"),
        ("Follow us on Twitter for the latest news", "share-prompt"),
        ("Sign up for our free daily newsletter", "subscribe-prompt"),
        ("Already a subscriber? Log in", "subscribe-prompt"),
        ("Read more: Ski resorts brace for a shorter season", "read-more"),
        ("READ MORE:", "read-more"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("We use cookies to improve your experience on our site.", "cookie-notice"),
        ("© 2024 Alpine Observer. All rights reserved.", "copyright"),
        ("Updated 3 hours ago", "timestamp"),
        ("World", "section-label"),
        ("* * *", "separator"),
        ("Lesen Sie auch: Neue Regeln für Radfahrer", "read-more"),
        ("À lire aussi", "read-more"),
        ("Anzeige", "advertisement"),
        ("Keine Kommentare", "share-prompt"),
        ("Getty/Instagram.", "caption"),
        ("Rescuers search the rubble in Antakya. (Kim Hong-ji/Reuters)", "caption"),
        ("The president leaves the White House. (Evan Vucci/AP)", "caption"),
        ("Fans wait outside the stadium. (Ed Jones/AFP via Getty Images)", "caption"),
    ],
)
def test_boilerplate_lines(line: str, reason: str) -> None:
    assert match_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # Body sentences that share words with the rules must stay.
        "According to a Reuters/Ipsos poll, the two candidates are in a dead heat nationally.",
        "The key picture: inflation is rising faster than wages.",
        "Top Republicans were mostly mute about the summit.",
        "He said the photo was taken by a tourist on Monday.",
        "Shares in the company fell 4% after the results.",
        "The minister read more than 200 letters from residents.",
        "Reporters were told to sign up for the briefing by Friday, officials said.",
        "Cookies and cakes were handed out to the crowd.",
        "Putin sent congratulations to North Korea for its Liberation Day holiday yesterday.",
        "The 3-minute video was shared widely online.",
        "Getty said it would appeal the ruling.",
        "The deal (worth $2 billion/AP estimate) was signed on Monday.",
        "Talks stalled (Smith/Jones, the mediators, said) before the vote.",
        "Russia’s ambassador said North Korea might send workers, NK News reported last month.",
    ],
)
def test_body_lines_are_kept(line: str) -> None:
    assert match_reason(line) is None


def test_every_rule_file_compiles() -> None:
    for name in RULE_FILES:
        rules = load_rules(name)
        assert rules and all(r.reason and r.pattern.pattern for r in rules)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-08-16", dt.date(2022, 8, 16)),
        ("2024-07-01T21:15:00-04:00", dt.date(2024, 7, 1)),  # the stated day, not UTC's
        ("Tue, 09 Apr 2024 18:30:00 +0100", dt.date(2024, 4, 9)),
        ("Aug. 16, 2022 10:23 AM ET", dt.date(2022, 8, 16)),
        ("12 February 2024", dt.date(2024, 2, 12)),
        ("Tue 9 Jul 2024 09.00 CEST", dt.date(2024, 7, 9)),
        ("Tuesday, Sept. 13, 2022", dt.date(2022, 9, 13)),
        ("16 August, 2022", dt.date(2022, 8, 16)),
        ("February 30, 2022", None),  # no such day
        ("16. März 2022", dt.date(2022, 3, 16)),  # other languages still read
        ("3 de marzo de 2021", dt.date(2021, 3, 3)),
        ("16.08.2022", dt.date(2022, 8, 16)),
        ("Friday, March 8, 2013 at 12: 46 PM / Updated at 12: 48 PM", None),
        ("May 14", None),  # no year: not guessed
        ("yesterday", None),
        ("2022-13-45", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("line", "kind", "outlet", "byline"),
    [
        ("Bloomberg", "outlet-line", "Bloomberg", None),
        ("The Korea Herald", "outlet-line", "The Korea Herald", None),
        ("nknews.org", "outlet-line", "nknews.org", None),
        ("Valley Courier", "outlet-line", "Valley Courier", None),
        ("The Harbour Ledger", "outlet-line", "The Harbour Ledger", None),
        ("Frankfurter Allgemeine Zeitung", "outlet-line", "Frankfurter Allgemeine Zeitung", None),
        ("By Jane Doe", "byline", None, "Jane Doe"),
        ("By Jane Doe and John Roe, Reuters", "byline", "Reuters", "Jane Doe and John Roe"),
        ("Jake Turner | Evening Courier", "byline", "Evening Courier", "Jake Turner"),
        ("Published: 16 August 2022", "dateline", None, None),
    ],
)
def test_head_lines(line: str, kind: str, outlet: str | None, byline: str | None) -> None:
    found = head_line(line)
    assert found is not None
    assert (found.kind, found.outlet, found.byline) == (kind, outlet, byline)


@pytest.mark.parametrize(
    "line",
    [
        "Pakistan",  # a country, not an outlet
        "The Netherlands",
        "Kim Jong Un",  # a bare name is no byline without "By" or an outlet
        "By the end of the year prices had doubled",
        "Russian President Vladimir Putin has offered to expand relations with North Korea.",
    ],
)
def test_not_head_lines(line: str) -> None:
    assert head_line(line) is None


def test_shape_guesses_can_be_turned_off() -> None:
    assert head_line("Valley Courier", guess_outlet=False) is None
    found = head_line("Reuters", guess_outlet=False)
    assert found is not None and found.outlet == "Reuters"


def test_byline_with_date() -> None:
    found = head_line("By Jane Doe · Aug 16, 2022")
    assert found is not None
    assert (found.byline, found.published) == ("Jane Doe", dt.date(2022, 8, 16))
