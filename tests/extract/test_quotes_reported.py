"""Reported speech: several attributions in one sentence, and where a content ends."""

import pytest
from quoting import only, quotes_of


def test_two_shares_in_one_sentence_each_report_their_own_clause() -> None:
    text = (
        "Among the members, 70 percent said they back the deal, "
        "while 25 percent said they might not."
    )
    quotes = quotes_of(text)
    first, second = only(quotes, "back the deal"), only(quotes, "might not")
    assert "might not" not in first.text
    assert second.speaker == "25 percent"


def test_a_relative_clause_speech_ends_before_the_main_cue() -> None:
    text = "Mara Quist, who said she rarely votes, said the new mayor deserves a chance."
    quotes = quotes_of(text)
    inner, outer = only(quotes, "rarely votes"), only(quotes, "deserves a chance")
    assert inner.text == "she rarely votes"
    assert inner.speaker == outer.speaker == "Mara Quist"


def test_a_participle_after_the_main_cue_reports_a_second_content() -> None:
    text = (
        "Paulo Brandt said the mill will reopen in May, saying that the new owners "
        "had signed the lease."
    )
    quotes = quotes_of(text)
    assert only(quotes, "mill will reopen").speaker == "Paulo Brandt"
    assert only(quotes, "signed the lease").speaker == "Paulo Brandt"


def test_words_after_a_direct_quote_attribution_are_not_reported_speech() -> None:
    text = "“We will win this,” Dana Oyelaran said in an interview aboard her campaign bus."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker == "Dana Oyelaran"


def test_trailing_attribution_with_an_appositive_after_the_name() -> None:
    text = (
        "The plant will close before the winter, said Ines Falk, an analyst at the "
        "regional bank in Lyon."
    )
    quote = only(quotes_of(text), "plant will close")
    assert quote.text == "The plant will close before the winter"
    assert quote.speaker == "Ines Falk"


def test_trailing_attribution_with_an_appositive_before_the_cue() -> None:
    text = "Turnout will be low this year, Omar Reyes, a spokesman for the party, said."
    quote = only(quotes_of(text), "Turnout")
    assert quote.text == "Turnout will be low this year"
    assert quote.speaker == "Omar Reyes"


def test_trailing_attribution_followed_by_a_participle() -> None:
    text = "The talks will resume on Monday, Ana Leal said, adding that no date was set for a vote."
    quote = only(quotes_of(text), "talks will resume")
    assert quote.text == "The talks will resume on Monday"
    assert quote.speaker == "Ana Leal"


def test_a_fronted_clause_is_not_content_of_a_long_subject() -> None:
    text = (
        "Instead of debating the budget, the mayor has spent most of her week in the "
        "council chamber responding to the residents."
    )
    assert not any("debating the budget" in q.text for q in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Governor Ada Lind blasted the new toll on the river bridge.", "Ada Lind", "new toll"),
        ("Rep. Tom Okafor dismissed the report as partisan theatre.", "Tom Okafor", "the report"),
        ("The union cited rising rents in the northern districts.", "The union", "rising rents"),
        ("Mayor Ruth Ode called for a recount in two wards.", "Ruth Ode", "a recount"),
    ],
)
def test_more_stance_verbs_attribute_an_opinion(text: str, speaker: str, content: str) -> None:
    quote = only(quotes_of(text), content)
    assert quote.speaker == speaker


def test_a_vow_reports_its_infinitive() -> None:
    quote = only(
        quotes_of("Mayor Ines Duarte vowed to rebuild the harbour wall by spring."), "rebuild"
    )
    assert quote.text == "to rebuild the harbour wall by spring"
    assert quote.speaker == "Ines Duarte"


def test_a_refusal_reports_its_infinitive_but_not_its_object() -> None:
    text = "The minister, Paul Berger, refused to answer questions about the contract."
    assert only(quotes_of(text), "answer questions").speaker == "Paul Berger"
    assert quotes_of("The minister, Paul Berger, refused the offer from the bank.") == ()


def test_a_second_verb_of_the_subject_reports_speech() -> None:
    text = (
        "Senator Lena Moreau toured the flooded streets on Monday and said the levee "
        "repairs would start within a week."
    )
    quote = only(quotes_of(text), "levee repairs")
    assert quote.speaker == "Lena Moreau"
    assert quote.text.startswith("the levee repairs")


def test_asking_someone_to_act_reports_whom_and_what() -> None:
    text = "The tenants' union asked the city council to freeze rents for a year."
    quote = only(quotes_of(text), "freeze rents")
    assert quote.text.startswith("the city council to freeze")
    assert quote.speaker == "The tenants' union"


def test_a_sentence_opening_asked_reports_the_question() -> None:
    text = "Asked whether she would run again, Mayor Ruth Ode smiled and left the room."
    quote = only(quotes_of(text), "run again")
    assert quote.text == "whether she would run again"


def test_a_poll_named_at_the_end_sources_its_finding() -> None:
    text = "The governor leads her rival by nine points in the latest Ridgeway College poll."
    quote = only(quotes_of(text), "leads her rival")
    assert quote.text == "The governor leads her rival by nine points"
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == "the latest Ridgeway College poll"


def test_reported_content_ends_before_a_participle_cue() -> None:
    text = "Chief executive Mira Holm said the plant would close, citing the cost of power."
    quote = only(quotes_of(text), "plant would close")
    assert quote.text == "the plant would close"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Organizers of the march through the old town said they expect ten thousand people.",
            "Organizers of the march through the old town",
        ),
        (
            "A person familiar with the hiring plans says the firm will add staff in May.",
            "A person familiar with the hiring plans",
        ),
    ],
)
def test_a_long_subject_noun_phrase_is_the_speaker(text: str, speaker: str) -> None:
    (quote,) = quotes_of(text)
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_an_infinitive_before_a_cue_is_no_subject() -> None:
    text = "Visitors used chalk to write notes to the team on the stadium wall."
    assert quotes_of(text) == ()


def test_asked_which_reports_the_question() -> None:
    text = "Asked which district she liked best, Mayor Ruth Ode smiled and left the room."
    quote = only(quotes_of(text), "district")
    assert quote.text == "which district she liked best"


def test_an_expectation_with_no_one_named_is_attributed_content() -> None:
    text = "The council met on Monday. The city council is expected to approve the budget."
    found = quotes_of(text)
    assert len(found) == 1
    quote = found[0]
    assert text[quote.start : quote.end].startswith("The city council is expected to approve")
    assert quote.speaker is None


def test_expected_as_an_adjective_is_no_attribution() -> None:
    assert quotes_of("The expected rain never came to the valley that spring.") == ()


def test_an_impression_runs_from_its_subject_to_the_end_of_its_clause() -> None:
    text = "In the past week, the harbour plan seemed to lose support, despite a new map."
    found = quotes_of(text)
    assert [text[q.start : q.end] for q in found] == ["the harbour plan seemed to lose support"]


def test_a_relative_pronoun_opens_an_expectation_inside_a_sentence() -> None:
    text = "The vote falls on Sunday, which is expected to draw a large crowd to the hall."
    quote = only(quotes_of(text), "large crowd")
    assert text[quote.start : quote.end].startswith("which is expected to draw")


def test_a_person_who_seems_to_suggest_is_the_speaker() -> None:
    text = "Maria Lopez seemed to suggest that the harbour plan would be dropped soon."
    assert any(q.speaker == "Maria Lopez" for q in quotes_of(text))


def test_according_to_between_commas_leaves_one_content_around_it() -> None:
    text = "The next morning, according to Maria Lopez, the council dropped the harbour plan."
    quote = only(quotes_of(text), "council dropped")
    assert text[quote.start : quote.end] == text[: text.index(".")]
    assert quote.speaker == "Maria Lopez"


def test_what_someone_was_asked_about_is_the_question_with_no_speaker() -> None:
    text = "Asked at a meeting on Tuesday about the new ferry fares, Mayor Ruth Ode said they stay."
    quote = only(quotes_of(text), "ferry fares")
    assert quote.text == "the new ferry fares"
    assert quote.speaker is None


def test_the_asker_after_by_is_the_speaker_of_the_question() -> None:
    text = "When asked by a student whether the library would close, Ruth Ode shook her head."
    quote = only(quotes_of(text), "library would close")
    assert quote.text == "whether the library would close"
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == "a student"


def test_whom_an_active_asker_asked_is_left_out_of_the_question() -> None:
    text = "The radio host Ivo Lind asked Ruth Ode about her plans for the harbour."
    quote = only(quotes_of(text), "harbour")
    assert quote.text == "her plans for the harbour"
    assert quote.speaker == "Ivo Lind"


def test_a_speaker_carries_past_a_question_put_to_her() -> None:
    text = (
        "“We built it in a year,” Ruth Ode said, asked about the new pier. "
        "“Nobody thought we could.”"
    )
    quote = only(quotes_of(text), "Nobody thought")
    assert quote.speaker == "Ruth Ode"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mayor Ruth Ode notes that the ferry runs late in winter.", "the ferry runs late"),
        ("Ivo Lind felt that the new fares were unfair to students.", "the new fares were unfair"),
        ("Ruth Ode expects the harbour will reopen by the spring.", "the harbour will reopen"),
    ],
)
def test_more_speech_and_claim_verbs_report_their_clause(text: str, content: str) -> None:
    assert only(quotes_of(text), content).speaker is not None


def test_a_noun_form_of_a_cue_without_that_reports_nothing() -> None:
    assert quotes_of("The notes of the meeting ran to forty pages.") == ()


def test_a_decision_or_offer_reports_its_to_infinitive() -> None:
    text = "Mayor Ruth Ode decided to close the old pier for the winter."
    quote = only(quotes_of(text), "old pier")
    assert quote.text == "to close the old pier for the winter"
    assert quote.speaker == "Ruth Ode"
    assert quotes_of("The firm offered a refund to every passenger on the ferry.") == ()
    assert quotes_of("Her plans to close the old pier were dropped in May.") == ()


def test_a_quote_introduced_by_that_is_reported_speech_from_that() -> None:
    text = "Ana Ruiz told the Harbour Times that “the piers will be built by May.”"
    quote = only(quotes_of(text), "piers")
    assert text[quote.start : quote.end] == "that “the piers will be built by May.”"
    assert quote.kind == "mixed"
    assert quote.speaker == "Ana Ruiz"


def test_that_after_an_addressee_named_with_the_is_not_part_of_the_addressee() -> None:
    text = "Ana Ruiz told the Guardian that the piers will be built by May."
    quote = only(quotes_of(text), "piers")
    assert text[quote.start : quote.end] == "that the piers will be built by May"


def test_the_plain_forms_hope_and_know_report_a_clause() -> None:
    text = "The harbour board met. Ana Ruiz and her crew hope the piers will open in May."
    assert only(quotes_of(text), "piers").text == "the piers will open in May"
    text = "The harbour board met. “We know the ferry is late,” Ana Ruiz said. You know, it is."
    assert all(q.text != "it is" for q in quotes_of(text))
