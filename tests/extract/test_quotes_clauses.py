"""Reported speech after a cue: where its content starts, and opinions beside statements."""

from quoting import only, quotes_of


def test_a_bare_clause_is_the_content_not_a_later_relative_that() -> None:
    text = "Tomas Reyes said he met families in a city that has lost its mill."
    quote = only(quotes_of(text), "lost its mill")
    assert quote.text == "he met families in a city that has lost its mill"
    assert quote.speaker == "Tomas Reyes"


def test_that_after_an_addressee_and_a_day_still_opens_the_content() -> None:
    text = "Tomas Reyes told The Harbour Times on Monday that the mill will close."
    quote = only(quotes_of(text), "mill will close")
    assert text[quote.start : quote.end] == "that the mill will close"


def test_an_opinion_and_a_statement_joined_by_and_are_two_contents() -> None:
    text = "Ana Ruiz praised the harbour plan and later said the city will build two piers."
    quotes = quotes_of(text)
    opinion, statement = only(quotes, "harbour plan"), only(quotes, "two piers")
    assert opinion.text == "the harbour plan"
    assert opinion.speaker == statement.speaker == "Ana Ruiz"


def test_an_opinion_ends_before_a_participle_that_reports_speech() -> None:
    text = "Ana Ruiz criticized the new budget plan, saying it cuts too much from the schools."
    quotes = quotes_of(text)
    assert only(quotes, "budget plan").text == "the new budget plan"
    assert only(quotes, "cuts too much").speaker == "Ana Ruiz"


def test_an_opinion_inside_what_someone_said_is_not_a_content_of_its_own() -> None:
    text = "Ana Ruiz said the union endorsed the new budget plan last week."
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].text == "the union endorsed the new budget plan last week"


def test_an_opinion_runs_on_when_a_later_cue_is_not_a_clause_of_its_own() -> None:
    text = "Ana Ruiz blamed the paper for reporting that the mill had closed for good."
    assert all(not q.text.startswith("the paper for") for q in quotes_of(text))


def test_a_short_answer_after_say_is_what_was_said() -> None:
    text = "Asked if the mayor should go, 62 percent of voters said yes, while 30 percent said no."
    quotes = quotes_of(text)
    yes = only(quotes, "yes")
    no = next(q for q in quotes if q.text == "no")
    assert (yes.text, yes.speaker) == ("yes", "62 percent of voters")
    assert no.speaker == "30 percent"


def test_no_or_so_opening_a_phrase_is_no_answer() -> None:
    for text in (
        "Maria Lopez said no one would run against the mayor.",
        "Maria Lopez said so much about the harbour plan that nobody listened.",
    ):
        assert all(q.text not in ("no", "so") for q in quotes_of(text))


def test_an_opinion_of_one_word_is_a_content() -> None:
    text = "The vote is on Friday. Gov. Ana Ruiz endorsed Lopez. Ana Ruiz praised him, too."
    quotes = quotes_of(text)
    backed = only(quotes, "Lopez")
    assert (backed.text, backed.speaker) == ("Lopez", "Ana Ruiz")
    assert any(q.text.startswith("him") and q.speaker == "Ana Ruiz" for q in quotes)


def test_a_statement_of_two_words_is_still_too_short() -> None:
    assert quotes_of("The vote is on Friday. Ana Ruiz said maybe later.") == ()


def test_support_and_opposition_are_opinions_with_their_objects() -> None:
    text = (
        "The vote is on Friday. The union supported Maria Lopez in the primary. "
        "Ryan opposed the harbour bill."
    )
    quotes = quotes_of(text)
    assert only(quotes, "Maria Lopez").speaker == "The union"
    assert only(quotes, "harbour bill").text == "the harbour bill"


def test_a_second_cue_verb_of_the_same_subject_ends_the_first_content() -> None:
    text = "Ana Ruiz said the mill would stay open but did not suggest it would hire again."
    quotes = quotes_of(text)
    first, second = only(quotes, "stay open"), only(quotes, "hire again")
    assert first.text == "the mill would stay open"
    assert second.text == "it would hire again"
    assert first.speaker == second.speaker == "Ana Ruiz"


def test_a_second_claim_verb_after_and_speaks_for_the_first_subject() -> None:
    text = "He thinks the ferry will run all winter, and believes the port will pay for it."
    quotes = quotes_of(text)
    assert only(quotes, "ferry").text == "the ferry will run all winter"
    assert only(quotes, "port will pay").speaker_start == 0


def test_a_clause_with_a_cue_and_subject_of_its_own_ends_the_content_before() -> None:
    text = "Most tenants said rents were too high, and a third said they would move out soon."
    quotes = quotes_of(text)
    assert only(quotes, "too high").text == "rents were too high"
    assert only(quotes, "move out").text == "they would move out soon"


def test_a_present_tense_opinion_verb_attributes_its_object() -> None:
    text = "Mayor Ana Ruiz slams the harbour plan."
    quote = only(quotes_of(text), "harbour plan")
    assert quote.text == "the harbour plan"
    assert quote.speaker == "Ana Ruiz"


def test_a_cue_after_but_and_an_auxiliary_speaks_for_the_sentence_subject() -> None:
    text = "Ana Ruiz backed the harbour bill but has since said the piers will cost too much."
    quote = only(quotes_of(text), "piers")
    assert quote.text == "the piers will cost too much"
    assert quote.speaker == "Ana Ruiz"


def test_a_verb_of_going_on_before_the_cue_leaves_its_subject_the_speaker() -> None:
    text = "Ana Ruiz lost the vote. She went on to say the harbour plan will return next year."
    quote = only(quotes_of(text), "harbour plan")
    assert quote.text == "the harbour plan will return next year"
    assert quote.speaker == "Ana Ruiz"


def test_an_opinion_participle_after_a_comma_is_the_speakers_own_act() -> None:
    text = "“The piers are too costly,” said Ana Ruiz, a harbour board member, citing the tender."
    quote = only(quotes_of(text), "tender")
    assert quote.text == "the tender"
    assert quote.speaker == "Ana Ruiz"


def test_a_participle_after_an_attribution_speaks_for_its_speaker() -> None:
    text = (
        "The ferry runs twice a day. “We will add a third,” Tomas Reyes said, adding that "
        "fares will rise."
    )
    quote = only(quotes_of(text), "fares will rise")
    assert quote.speaker == "Tomas Reyes"


def test_calling_on_someone_to_act_attributes_the_call_with_whom_it_names() -> None:
    text = "Ana Ruiz called on the city council to approve the harbour plan."
    quote = only(quotes_of(text), "harbour plan")
    assert quote.text == "the city council to approve the harbour plan"
    assert quote.speaker == "Ana Ruiz"


def test_calling_on_someone_without_a_to_infinitive_attributes_nothing() -> None:
    assert quotes_of("Ana Ruiz called on the city council at its offices on Monday.") == ()


def test_a_clause_whose_subject_is_a_plain_noun_follows_a_verb_of_thinking() -> None:
    text = "The harbour board met on Monday. Ana Ruiz believes compromise was likely."
    quote = only(quotes_of(text), "compromise")
    assert quote.text == "compromise was likely"
    assert quote.speaker == "Ana Ruiz"


def test_a_plain_noun_after_a_verb_of_thinking_needs_a_finite_verb() -> None:
    text = "The harbour board met on Monday. Ana Ruiz believes in compromise above all."
    assert quotes_of(text) == ()


def test_a_participle_after_said_takes_the_subject_before_the_cue() -> None:
    # the words after "said" are its content, not an inverted speaker (review 2026-12-06)
    text = "Officials said the storm killed 12 people, warning that the toll could rise."
    quotes = quotes_of(text)
    assert [(q.speaker, q.cue) for q in quotes] == [("Officials", "said"), ("Officials", "warning")]
    # an inverted attribution still gives the name after the cue
    text = "“The toll will rise,” said Ann Fox, a spokeswoman, citing hospital figures."
    assert {q.speaker for q in quotes_of(text)} == {"Ann Fox"}


def test_nouns_and_plain_objects_are_no_attributions() -> None:
    # review of 2026-12-06: "blasts" the noun, "welcomed" tourists, knowing a thing,
    # "according to" meaning "in line with"
    for text in (
        "Two blasts rocked the capital.",
        "The city welcomed two million tourists last year.",
        "We know the names of the victims.",
        "Tickets are priced according to demand.",
    ):
        assert not quotes_of(text), text
    # the attributions they were meant for still are
    assert quotes_of("The senator blasted the plan as a giveaway.")
    assert quotes_of("Prices are high, according to the central bank.")


def test_a_question_set_off_by_commas_keeps_the_speaker_before_it() -> None:
    text = "The senator, asked about the leak on Monday, said she had not seen the memo."
    quote = only(quotes_of(text), "seen the memo")
    assert quote.text == "she had not seen the memo"
    assert quote.speaker == "The senator"
    # the aside is cut off a speaker found across it, and a relative pronoun is no speaker
    text = "A spokesman for the mill, asked for comment, said it was reviewing the report."
    assert only(quotes_of(text), "reviewing").speaker == "A spokesman for the mill"
    text = "The leak embarrassed the senator, who, asked about it, said she had not seen it."
    assert all(q.speaker != "who" for q in quotes_of(text))
