from crossread.extract.sentences import split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_offsets_index_the_text() -> None:
    text = "First one here.  Second one there!\nThird line"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert [s.index for s in split_sentences(text)] == [0, 1, 2]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = (
        "Mr. Kim met U.S. officials on Feb. 24 in Washington. J. R. Smith left at 5 p.m. on Monday."
    )
    assert texts(text) == [
        "Mr. Kim met U.S. officials on Feb. 24 in Washington.",
        "J. R. Smith left at 5 p.m. on Monday.",
    ]


def test_abbreviation_that_ends_a_sentence() -> None:
    assert texts("Sanctions were imposed by the U.S. The move angered Moscow.") == [
        "Sanctions were imposed by the U.S.",
        "The move angered Moscow.",
    ]


def test_no_split_inside_a_quotation() -> None:
    text = "“We will go. We will win,” he said. Then he left."
    assert texts(text) == ["“We will go. We will win,” he said.", "Then he left."]


def test_period_inside_closing_quote_ends_after_the_mark() -> None:
    text = "Trump warned of “fire and fury.” China and Russia vetoed the resolution."
    assert texts(text) == [
        "Trump warned of “fire and fury.”",
        "China and Russia vetoed the resolution.",
    ]


def test_straight_quotes_and_lower_case_continuation() -> None:
    text = '"It is over." he said. "Really?" she asked.'
    assert texts(text) == ['"It is over." he said.', '"Really?" she asked.']


def test_lines_are_sentences_and_empty_lines_vanish() -> None:
    text = "Headline without period\n\nBody starts here. It goes on.\n"
    assert texts(text) == ["Headline without period", "Body starts here.", "It goes on."]


def test_ellipsis_and_question_marks_end_sentences() -> None:
    assert texts("He paused... Why? Nobody knew.") == ["He paused...", "Why?", "Nobody knew."]


def test_no_is_an_abbreviation_only_before_a_number() -> None:
    assert texts("He ranked No. 5 in the poll. She said no. Then she left.") == [
        "He ranked No. 5 in the poll.",
        "She said no.",
        "Then she left.",
    ]


def test_abbreviation_read_whole_however_long_the_run_before_the_period() -> None:
    # the letters-and-periods run before "Corp." reaches far back: it is read whole
    text = "He joined " + "A." * 30 + " Corp. Then he left."
    assert [s.text for s in split_sentences(text)] == [
        "He joined " + "A." * 30,
        "Corp. Then he left.",
    ]


def test_quote_marks_far_apart_in_a_long_paragraph_still_hold_a_quotation() -> None:
    text = "“" + "We go. " * 40 + "We win,” he said. Then it rained."
    assert [s.text for s in split_sentences(text)][-1] == "Then it rained."
    assert len(split_sentences(text)) == 2
