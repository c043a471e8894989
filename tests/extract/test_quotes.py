import pytest
from quoting import only, quotes_of

from crossread.models import Article


def test_seed_yoon_quote_with_resolved_pronoun(seed_articles: tuple[Article, Article]) -> None:
    other, _ = seed_articles
    quote = only(other.quotes, "agricultural production")
    assert quote.speaker == "Yoon Suk Yeol"
    assert quote.kind == "direct"
    assert other.text[quote.speaker_start : quote.speaker_end] == "he"
    assert quote.cue == "added"


def test_seed_kim_son_gyong_quote(seed_articles: tuple[Article, Article]) -> None:
    other, _ = seed_articles
    quote = only(other.quotes, "grossly lack impartiality")
    assert quote.speaker == "Kim Son Gyong"


def test_seed_fire_and_fury_with_trump(seed_articles: tuple[Article, Article]) -> None:
    _, bloomberg = seed_articles
    quote = only(bloomberg.quotes, "fire and fury")
    assert quote.speaker == "Donald Trump"
    assert quote.kind == "mixed"


def test_seed_kcna_reported_the_message(seed_articles: tuple[Article, Article]) -> None:
    _, bloomberg = seed_articles
    quote = only(bloomberg.quotes, "comprehensive and constructive")
    assert quote.speaker == "Korean Central News Agency"


def test_scare_quotes_are_skipped() -> None:
    assert quotes_of("The ‘expand’ pledge came as prices rose.") == ()


def test_said_after_the_quote_names_the_speaker() -> None:
    quote = only(quotes_of('"We will not back down," said Prime Minister Jane Doe.'), "back down")
    assert quote.speaker == "Jane Doe"
    assert quote.kind == "direct"


def test_quote_continued_after_its_attribution_is_one_quote() -> None:
    text = "“We are ready,” Ana Silva told reporters. “Nobody can stop us now.”"
    quote = only(quotes_of(text), "We are ready")
    assert "Nobody can stop us now." in quote.text
    assert quote.speaker == "Ana Silva"
    assert quote.cue == "told reporters"


def test_reported_speech_is_indirect() -> None:
    text = "Finance Minister Rui Costa said that the budget would be balanced by 2026."
    quote = only(quotes_of(text), "budget would be balanced")
    assert quote.kind == "indirect"
    assert quote.text == "the budget would be balanced by 2026"
    assert quote.speaker == "Rui Costa"


def test_according_to_and_trailing_attribution() -> None:
    quotes = quotes_of(
        "According to the World Bank, growth will slow this year.\n\n"
        "The economy is recovering faster than expected, officials said on Monday."
    )
    assert only(quotes, "growth will slow").speaker == "World Bank"
    trailing = only(quotes, "recovering faster")
    assert trailing.speaker == "officials"
    assert trailing.kind == "indirect"


def test_partly_quoted_reported_speech_is_mixed() -> None:
    text = "Russia has said its relationship with North Korea will “expand” next year."
    quote = only(quotes_of(text), "relationship")
    assert quote.kind == "mixed"
    assert quote.speaker == "Russia"
    assert all(q.text != "expand" for q in quotes_of(text))


def test_she_resolves_to_the_nearest_person_before() -> None:
    text = "Maria Lopez joined the board in May.\n\n“It was time,” she said."
    assert only(quotes_of(text), "It was time").speaker == "Maria Lopez"


def test_sentences_without_speech_give_no_quote() -> None:
    assert quotes_of("The bridge was closed on Monday after a storm damaged it.") == ()


def test_unattributed_quote_carries_the_previous_speaker() -> None:
    text = "“We will rebuild,” Mayor Ines Ruiz said on Friday.\n\n“The money is already there.”"
    quotes = quotes_of(text)
    assert only(quotes, "money is already there").speaker == "Ines Ruiz"


def test_a_day_after_said_is_not_a_speaker() -> None:
    text = "The vote will pass, the leader of the house said Tuesday."
    assert all(q.speaker != "Tuesday" for q in quotes_of(text))


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Sen. Ann Fox (D-Vt.) said she will publish her records.", "Ann Fox", "she will"),
        ("The actress said she was tired of the status quo.", "The actress", "she was tired"),
        ("He praised Ted Cruz, who said he would end the program.", "Ted Cruz", "he would"),
        ("Wilson told The Post and Courier on Saturday that he voted for Rubio.", "Wilson", "he"),
        ("One of the authors, Ari Fleischer, said the test will be hard.", "Ari Fleischer", "the"),
    ],
)
def test_reported_speech_speakers(text: str, speaker: str, content: str) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].text.startswith(content)


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("The latest poll shows Cruz has fallen to 27 percent.", "The latest poll", "Cruz has"),
        ("I think we still have bases in Japan.", "I", "we still have"),
        ("Republicans believe they have a new round of ammunition.", "Republicans", "they have"),
        ("Many aides fear the senator will lose the primary.", "Many aides", "the senator"),
    ],
)
def test_belief_and_finding_verbs_report_a_bare_clause(
    text: str, speaker: str, content: str
) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1
    assert quotes[0].speaker == speaker
    assert quotes[0].text.startswith(content)


@pytest.mark.parametrize(
    "text",
    [
        "He believes in hard work and thinks of his family first.",
        "The mayor thought about the offer for a week.",
        "The band shows up late to every concert.",
    ],
)
def test_belief_verbs_without_a_clause_report_nothing(text: str) -> None:
    assert quotes_of(text) == ()


@pytest.mark.parametrize(
    ("text", "source", "content"),
    [
        ("According to state law, no one may vote twice in one election.", "state law", "no one"),
        ("The mayor resigned last week, according to him.", "him", "The mayor resigned"),
        (
            "Turnout was low in the north, according to early results of the exit poll.",
            "early results of the exit poll",
            "Turnout was low",
        ),
    ],
)
def test_according_to_takes_any_noun_phrase_as_source(text: str, source: str, content: str) -> None:
    quote = only(quotes_of(text), content)
    assert quote.speaker_start is not None and quote.speaker_end is not None
    assert text[quote.speaker_start : quote.speaker_end] == source
    assert quote.cue == "according to"


def test_headline_and_transcript_colons_attribute_the_line() -> None:
    text = (
        "Clinton: I support statehood for the district\n\n"
        "Hillary Clinton spoke in Washington on Monday.\n\n"
        "BOLDUAN: Why not debate? The campaign wanted more debates.\n\n"
        "UPDATE: The story was changed after publication.\n\n"
        "Delegate Update: The latest count in the race."
    )
    quotes = quotes_of(text)
    assert only(quotes, "I support statehood").cue == ":"
    turn = only(quotes, "Why not debate?")
    assert turn.speaker == "BOLDUAN"
    assert "more debates" in turn.text
    assert not [q for q in quotes if "story was changed" in q.text or "latest count" in q.text]


def test_title_case_headline_cue() -> None:
    text = "Trump Says He Never Pledged To Kill Family Members\n\nThe candidate spoke on Monday."
    quote = only(quotes_of(text), "He Never Pledged")
    assert quote.cue == "Says"
    assert quote.speaker == "Trump"


def test_passive_asked_reports_the_question_without_a_speaker() -> None:
    text = "When asked if her email practices were illegal, she did not answer."
    quote = only(quotes_of(text), "her email practices")
    assert quote.text.startswith("if her email")
    assert quote.speaker is None


def test_a_poll_named_up_front_sources_its_finding() -> None:
    quote = only(quotes_of("In a Fox poll, Cruz had 38 percent support."), "Cruz had")
    assert quote.cue == "in"
    assert quote.speaker == "a Fox poll"
    assert quotes_of("In the past, the city banned cars from the old town.") == ()


def test_parenthetical_attribution_covers_the_whole_sentence() -> None:
    text = "A comic tone, she said, would make the subject more accessible."
    quote = only(quotes_of(text), "comic tone")
    assert quote.start == 0
    assert quote.text == "A comic tone would make the subject more accessible"
    assert text[quote.speaker_start : quote.speaker_end] == "she"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Nearly half said they prefer someone with experience.", "Nearly half", "they prefer"),
        ("On economic issues, 42% say they are liberal voters.", "42%", "they are liberal"),
        ("Others, however, say a recalibration is overdue.", "Others", "a recalibration"),
        ("Ann Fox (D-Vt.) last week said the bill was dead.", "Ann Fox", "the bill was"),
        ("Cruz said if elected he could work with the leaders.", "Cruz", "if elected"),
    ],
)
def test_share_subjects_and_words_between_subject_and_cue(
    text: str, speaker: str, content: str
) -> None:
    quote = only(quotes_of(text), content)
    assert quote.speaker == speaker


def test_said_then_a_pronoun_opening_a_clause_is_not_a_trailing_attribution() -> None:
    text = (
        "Stephen Moore, a conservative economist and former member of the editorial board, "
        "said he is considering an endorsement."
    )
    quote = only(quotes_of(text), "considering")
    assert quote.text.startswith("he is considering")


def test_an_opening_connective_is_not_part_of_the_content() -> None:
    quote = only(quotes_of("But the plan will fail next year, the senator said."), "plan")
    assert quote.text == "the plan will fail next year"


@pytest.mark.parametrize(
    "speaker",
    [
        "sources familiar with the talks",
        "people close to the president",
        "officials in the ministry",
    ],
)
def test_unnamed_qualified_sources_after_the_content(speaker: str) -> None:
    quote = only(quotes_of(f"The trade deal is off for now, {speaker} said."), "trade deal")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    "headline",
    [
        "The Daily Show Takes A Closer Look At The GOP Candidates So You Don’t Have To",
        "Marco Rubio Responds To Question About Minimum Wage By Saying We Need Fewer Jobs",
    ],
)
def test_headline_capitals_do_not_make_cues(headline: str) -> None:
    assert quotes_of(headline + "\n\nThe show aired on Monday night.") == ()


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Senator Maria Lopez endorsed the governor's housing plan.",
            "Maria Lopez",
            "housing plan",
        ),
        ("Mayor Tom Reyes criticized the budget cuts in an interview.", "Tom Reyes", "budget cuts"),
        ("The council praised the volunteers who cleaned the river.", "The council", "volunteers"),
        ("Jane Holt defended her vote against the bridge project.", "Jane Holt", "her vote"),
    ],
)
def test_stance_verbs_attribute_an_opinion(text: str, speaker: str, content: str) -> None:
    quote = only(quotes_of(text), content)
    assert quote.kind == "indirect"
    assert quote.speaker == speaker


def test_passive_stance_verb_has_no_speaker() -> None:
    assert quotes_of("The budget cuts were criticized at length.") == ()


def test_stance_verb_yields_to_a_speech_verb_in_its_sentence() -> None:
    quotes = quotes_of("Governor Lee praised Ann Fox, who said the plan would cut costs.")
    assert len(quotes) == 1
    assert quotes[0].cue == "said"
    assert quotes[0].speaker == "Ann Fox"


def test_words_before_a_mid_sentence_quote_are_part_of_its_content() -> None:
    text = "The harbour plan was “a costly mistake from the start,” Maria Lopez said on Friday."
    quote = only(quotes_of(text), "costly mistake")
    assert text[quote.start : quote.end].startswith("The harbour plan was “a costly")
    assert quote.speaker == "Maria Lopez"


def test_a_cue_before_a_mid_sentence_quote_keeps_the_quote_alone() -> None:
    text = "He said the harbour plan was “a costly mistake from the start,” Maria Lopez added."
    direct = [q for q in quotes_of(text) if q.kind == "direct"]
    # the direct quote is the marked words alone: the words before the marks are what the
    # cue before them reports, not part of the quote
    assert [text[q.start : q.end] for q in direct] == ["“a costly mistake from the start,”"]
    assert direct[0].speaker == "Maria Lopez"


def test_a_connective_opening_the_sentence_stays_out_of_the_content() -> None:
    text = "But the harbour plan was “a costly mistake from the start,” Maria Lopez said."
    quote = only(quotes_of(text), "costly mistake")
    assert text[quote.start : quote.end].startswith("the harbour plan")


@pytest.mark.parametrize("verb", ["wants", "sought", "intends"])
def test_a_wish_or_plan_with_a_to_infinitive_is_attributed(verb: str) -> None:
    text = f"Maria Lopez {verb} to rebuild the old harbour before the next winter storms."
    quote = only(quotes_of(text), "rebuild")
    assert quote.text.startswith("to rebuild the old harbour")
    assert quote.speaker == "Maria Lopez"


def test_a_wish_for_a_thing_is_no_attribution() -> None:
    assert quotes_of("Maria Lopez wants a new car for the long drive to the coast.") == ()


def test_seed_kim_responds_by_saying(seed_articles: tuple[Article, Article]) -> None:
    # "Kim responded to his Russian counterpart by saying ...": Kim speaks, not the object
    other, _ = seed_articles
    quote = next(q for q in other.quotes if q.text == "the two countries were closer than ever")
    assert quote.speaker == "Kim Jong Un"
    assert quote.cue == "saying"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The minister replied to critics by saying the plan would work.", "The minister"),
        ("Ann Fox ended the rally after saying the count was fair.", "Ann Fox"),
        ("He closed the meeting by telling staff the plant would stay open.", "He"),
    ],
)
def test_a_participle_cue_after_a_preposition_is_the_subjects(text: str, speaker: str) -> None:
    quote = next(q for q in quotes_of(text) if q.cue and q.cue.endswith("ing"))
    assert text[quote.speaker_start : quote.speaker_end] == speaker


def test_coordinated_speakers_speak_together() -> None:
    text = "Washington and Seoul warned that Pyongyang could be preparing a nuclear test."
    quote = only(quotes_of(text), "nuclear test")
    assert quote.speaker == "Washington and Seoul"
    text = "Senator Ted Cruz and Marco Rubio said the deal was bad."
    assert only(quotes_of(text), "deal was bad").speaker == "Ted Cruz and Marco Rubio"


def test_reported_content_stops_at_a_trailing_attribution() -> None:
    text = (
        "Russia’s ambassador to Pyongyang said that North Korea might send workers to the "
        "occupied areas, NK News reported last month."
    )
    said = next(q for q in quotes_of(text) if q.cue == "said")
    assert said.text == "North Korea might send workers to the occupied areas"
    reported = next(q for q in quotes_of(text) if q.cue == "reported")
    assert reported.speaker == "NK News"


def test_the_country_speaks_for_the_country_the_text_was_about() -> None:
    text = (
        "North Korea backed the invasion of Ukraine. In July, Pyongyang said its workers could "
        "help in the occupied areas. The country has also said Washington caused the war."
    )
    quote = only(quotes_of(text), "Washington caused the war")
    assert quote.speaker == "North Korea"
    assert text[quote.speaker_start : quote.speaker_end] == "The country"
    # with no country named before it, the words stay as written
    assert only(quotes_of("The country said it would retaliate."), "retaliate").speaker == (
        "The country"
    )


def test_a_quote_goes_on_over_its_attribution_but_not_over_a_second_one() -> None:
    text = "“A fine day for us,” Jeff Weaver, his campaign manager, said. “We won it all today.”"
    (quote,) = quotes_of(text)
    assert quote.text == "A fine day for us, We won it all today."
    text = "“Be very careful out there,” Trump said, adding a plug for himself. “Who can fix it?”"
    quotes = quotes_of(text)
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "Be very careful out there,",
        "Who can fix it?",
    ]
    # what the participle adds is Trump's too, not the start of the next quote
    assert only(quotes, "a plug").speaker == "Trump"
    text = (
        "“We make sure the donors are legal,” said Ann Fox, a spokeswoman. Donations are "
        "vetted, Fox said, but “we do not ask about income.”"
    )
    assert only(quotes_of(text), "donors are legal").text == "We make sure the donors are legal,"


def test_a_headline_attributes_to_an_unnamed_source_with_a_colon() -> None:
    text = "Poll: Trump trails by six points in Ohio\n\nThe survey was taken last week."
    quote = only(quotes_of(text), "trails by six points")
    assert (quote.speaker, quote.cue) == ("Poll", ":")
    # a label is no source
    assert quotes_of("Update: Trump trails by six points in Ohio\n\nThe race is close.") == ()


def test_a_short_quote_that_is_a_sentence_of_its_own_is_speech() -> None:
    (quote,) = quotes_of("“A fine day for us,” Ann Fox said. “We won.”")
    assert quote.text == "A fine day for us, We won."
    # a short quote inside a sentence, with no speech verb, stays a scare quote
    assert quotes_of("The ‘expand’ pledge came as prices rose.") == ()


def test_a_participle_after_most_or_very_is_an_adjective_not_a_cue() -> None:
    assert quotes_of("It would thwart one of Trump's most promising paths to victory.") == ()
    text = "The most telling promise Mrs. Clinton made was modest."
    assert quotes_of(text) == ()
    # "most" as a subject still says
    assert only(quotes_of("Most said they were very worried."), "very worried").cue == "said"


def test_according_to_without_a_comma_sources_the_words_before_it() -> None:
    text = "The mayor leads her rival by nine points according to a count by the Harbour Times."
    quote = only(quotes_of(text), "nine points")
    assert quote.text == "The mayor leads her rival by nine points"
    assert quote.speaker_start is not None
    assert text[quote.speaker_start : quote.speaker_end] == "a count by the Harbour Times"


def test_according_to_opening_a_bracket_and_a_long_source_still_source_the_rest() -> None:
    text = (
        "(According to early results of the exit polls conducted for the three big networks by "
        "a research firm in Ohio, turnout fell in every county.)"
    )
    quote = only(quotes_of(text), "turnout fell")
    assert quote.text.startswith("turnout fell in every county")
