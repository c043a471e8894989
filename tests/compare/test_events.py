"""Event words: what a clause says happened, found by the shape of English verbs."""

from __future__ import annotations

from crossread.compare.events import event_agreement, find_events
from crossread.compare.words import content_words, normalize


def test_past_auxiliary_and_infinitive_verbs_are_events() -> None:
    events = find_events("Putin has offered to expand relations with North Korea").words
    assert {normalize("offered"), normalize("expand")} <= events


def test_reporting_verbs_and_nouns_are_not_events() -> None:
    events = find_events("The ministry said the resolution was a mistake").words
    assert normalize("said") not in events
    assert normalize("resolution") not in events


def test_topic_words_without_a_shared_event_disagree() -> None:
    launch = "North Korea has launched more than 30 ballistic missiles this year"
    veto = "China and Russia vetoed a resolution over its ballistic missile tests this year"
    agree = event_agreement(
        [find_events(launch).words, find_events(veto).words],
        [frozenset(content_words(launch)), frozenset(content_words(veto))],
    )
    assert agree[0, 1] == 0.0


def test_an_event_word_may_match_the_other_claims_noun() -> None:
    backed = "North Korea has backed the invasion"
    support = "North Korea's support for Russia was demonstrated this year"
    agree = event_agreement(
        [find_events(backed).words, find_events(support).words],
        [frozenset(content_words(backed)), frozenset(content_words(support))],
    )
    assert agree[0, 1] == 1.0


def test_same_object_agrees_but_a_request_has_no_object() -> None:
    assert normalize("power") in find_events("A storm cut power to thousands of homes").objects
    assert normalize("power") in find_events("Thousands of homes lost power").objects
    assert not find_events("We need boats and helicopters").objects
