"""Who said it: attributions after a quote, and subjects set off from their cue."""

from quoting import only, quotes_of

from crossread.models import Quote


def spoken_by(text: str, quote: Quote) -> str:
    assert quote.speaker_start is not None and quote.speaker_end is not None
    return text[quote.speaker_start : quote.speaker_end]


def test_a_party_tag_after_the_name_leaves_the_name_the_speaker() -> None:
    text = (
        "The vote was close. “By moving the plant abroad, the firm is gaming the system,” "
        "Sen. Ana Ortiz (D-Ore.) said in a statement."
    )
    quote = only(quotes_of(text), "gaming the system")
    assert quote.speaker == "Ana Ortiz"
    assert "(D-Ore.)" not in spoken_by(text, quote)


def test_a_question_keeps_the_attribution_that_follows_it() -> None:
    text = "The deal was signed on Monday. “Is that not a bribe?” Lopez asked. “I think it is.”"
    quote = only(quotes_of(text), "a bribe")
    assert quote.speaker == "Lopez"
    assert quote.text.endswith("I think it is.")  # the quote goes on after its attribution


def test_a_sentence_after_a_question_is_not_its_attribution() -> None:
    text = "The deal was signed. “Why not?” Lopez then signed the bill and said it would pass."
    assert all(q.speaker != "Lopez" or "Why not" not in q.text for q in quotes_of(text))


def test_a_subject_with_a_relative_clause_between_commas_is_the_speaker() -> None:
    text = (
        "The bridge is old. A city official, who asked not to be named, said the bridge "
        "will close in May."
    )
    quote = only(quotes_of(text), "close in May")
    assert spoken_by(text, quote).startswith("A city official")


def test_a_name_with_a_party_tag_and_an_appositive_is_the_speaker() -> None:
    text = (
        "The bridge is old. Rep. Ana Ortiz (D-Ore.), chair of the transport committee, said "
        "the bridge will close in May."
    )
    assert only(quotes_of(text), "close in May").speaker == "Ana Ortiz"


def test_a_subject_with_a_clause_between_dashes_is_the_speaker() -> None:
    for dash in ("--", "—"):
        text = (
            f"The trial stalled. Judge Ana Ortiz {dash} who has heard the case twice {dash} "
            "said the trial will resume in June."
        )
        assert only(quotes_of(text), "resume in June").speaker == "Ana Ortiz"


def test_a_time_before_a_set_off_clause_is_no_speaker() -> None:
    text = "In December, the prince called for a recount, calling it a disgrace to the party."
    assert all(not (q.speaker or "").startswith("In December") for q in quotes_of(text))


def test_a_pronoun_with_a_clipped_auxiliary_is_the_speaker() -> None:
    text = "Tomas Reyes runs the ferry. He’s said the boats will stop in May."
    quote = only(quotes_of(text), "boats will stop")
    assert spoken_by(text, quote) == "He"
    assert quote.speaker == "Tomas Reyes"
