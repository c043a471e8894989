"""Round-4 rules (general errors, not one corpus's habits), one test per rule; texts are our own."""

from __future__ import annotations

import datetime as dt

import pytest
from timing import time_finders

ANCHOR = dt.date(2021, 3, 10)  # a Wednesday


found, one = time_finders(ANCHOR)


@pytest.mark.parametrize(
    "text",
    [
        "The governor told Metro This Morning that the bridge would reopen.",
        "An op-ed in Harbor Today argued against the levy.",
        "She was a guest on Channel Nine's This Week with the mayor.",
        "The comedian behind Late Week Tonight joked about the levy.",
    ],
)
def test_a_title_case_deictic_inside_a_sentence_is_part_of_a_name(text: str) -> None:
    assert not [t for t in found(text) if t.type in ("DATE", "TIME")]


def test_a_deictic_that_opens_a_sentence_or_a_quote_is_still_a_time() -> None:
    assert one("The vote failed. Today the council meets again.", "Today").value == "2021-03-10"
    assert one("She said: Tonight we decide.", "Tonight").value == "2021-03-10TNI"
    assert one("Council meets Thursday, March 11, 2021 Today, the vote", "Today").value == (
        "2021-03-10"
    )
    assert one("FERRY FARES RISE TODAY", "TODAY").value == "2021-03-10"
    assert one("The council met this morning.", "this morning").value == "2021-03-10TMO"


def test_a_time_of_day_anchors_the_next_part_of_day() -> None:
    text = "The fire started on Monday night. The next morning, crews were still on site."
    assert one(text, "Monday night").value == "2021-03-08TNI"
    assert one(text, "The next morning").value == "2021-03-09TMO"
    text = "Talks ran late on Saturday evening. The following day both sides signed."
    assert one(text, "The following day").value == "2021-03-07"


def test_the_unit_before_or_after_counts_from_the_named_date() -> None:
    text = "The bridge opened in 2009. The year before, the old ferry had sunk."
    ref = one(text, "The year before")
    assert (ref.type, ref.value) == ("DATE", "2008")
    ref = one("Prices fell in March 2019 and rose the month after.", "the month after")
    assert ref.value == "2019-04"
    # "the year before last" is a different expression: not read as "the year before"
    assert not [t for t in found("It sank the year before last.") if t.text == "the year before"]


@pytest.mark.parametrize(
    "text",
    [
        "Highs in the low 70s are expected on the coast.",
        "Jobless rates sat in the high 20s for years.",
        "Youth unemployment is in the mid-30s in the valley.",
        "Temperatures will climb into the 80s.",
    ],
)
def test_a_bare_two_digit_decade_that_counts_a_measure_is_no_date(text: str) -> None:
    assert not [t for t in found(text) if t.granularity == "decade"]


def test_bare_and_apostrophe_decades_still_name_decades() -> None:
    assert one("Music of the 60s was louder.", "the 60s").value == "196"
    assert one("In the '70s, rates rose.", "the '70s").value == "197"
    assert one("Rates rose sharply in the 1970s.", "the 1970s").value == "197"


@pytest.mark.parametrize(
    "text",
    [
        "The Hillside Weekly reported the closure first.",
        "She wrote for Riverside Monthly before the merger.",
        "THE COUNTY DAILY said so on its front page.",
        "The town's only paper is a free daily.",
    ],
)
def test_frequency_words_in_titles_and_as_nouns_are_not_sets(text: str) -> None:
    assert not [t for t in found(text) if t.type == "SET"]


def test_frequency_adverbs_are_still_sets() -> None:
    assert one("The paper is published weekly.", "weekly").value == "P1W"
    assert one("Fees are reviewed annually by the board.", "annually").value == "P1Y"
    assert one("Weekly, the board meets in the hall.", "Weekly").value == "P1W"


def test_the_year_and_a_number_is_one_year_expression() -> None:
    ref = one("The council vowed that by the year 2040 the port would be clean.", "the year 2040")
    assert (ref.type, ref.value) == ("DATE", "2040")
    ref = one("Work stopped at the end of the year 2001.", "the end of the year 2001")
    assert (ref.value, ref.modifier) == ("2001", "END")
    # "the year" alone still counts from the publication date
    assert one("Sales rose for the year.", "the year").value == "2021"


@pytest.mark.parametrize(
    ("text", "day", "value"),
    [
        ("Ministers meet again Monday in the capital.", "Monday", "2021-03-15"),
        ("A ruling is expected Friday.", "Friday", "2021-03-12"),
        ("The new fee takes effect Monday.", "Monday", "2021-03-15"),
        ("Negotiations resume Tuesday after a break.", "Tuesday", "2021-03-16"),
        ("The inquiry convenes Thursday.", "Thursday", "2021-03-11"),
    ],
)
def test_present_tense_schedule_phrases_look_ahead(text: str, day: str, value: str) -> None:
    assert one(text, day).value == value


def test_an_infinitive_schedule_verb_carries_no_future() -> None:
    # a past clause with "to meet" in it stays in the past
    assert one("It was hard to meet the orders Monday.", "Monday").value == "2021-03-08"
    assert one("Forecasts were expected Monday.", "Monday").value == "2021-03-08"


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("Exports rose for the first time in years.", "years", "PXY"),
        ("The lake hit its lowest level in decades, officials said.", "decades", "PXDE"),
        ("The accord follows months of haggling.", "months", "PXM"),
        ("After weeks of delay, the ferry sailed.", "weeks", "PXW"),
        ("Years of drought emptied the valley.", "Years", "PXY"),
    ],
)
def test_a_bare_plural_unit_spelled_out_as_a_stretch_is_a_duration(
    text: str, unit: str, value: str
) -> None:
    ref = one(text, unit)
    assert (ref.type, ref.value) == ("DURATION", value)


@pytest.mark.parametrize(
    "text",
    [
        "She recalled the early days of radio.",
        "The new hire has years of experience.",
        "In years to come the pier may close.",
    ],
)
def test_a_bare_plural_unit_that_names_an_era_or_an_amount_is_not_tagged(text: str) -> None:
    assert not [t for t in found(text) if t.type == "DURATION"]


def test_a_title_case_season_before_a_name_word_is_part_of_the_name() -> None:
    assert not found("Crowds came for the start of the Summer Games.")
    assert not found("The Spring Fair drew crowds to the square.")
    assert one("In Summer 2019 the pier closed.", "Summer 2019").value == "2019-SU"
    assert one("This Summer, the pier closed.", "This Summer").value == "2021-SU"


def test_the_quarter_of_a_group_is_a_share_not_a_period() -> None:
    assert not found("The mayor won the quarter of voters under thirty.")
    assert one("Profit fell in the quarter.", "the quarter").type == "DATE"
    assert one("Profit fell in the quarter of the fiscal year.", "the quarter").type == "DATE"


def test_a_24_hour_time_after_a_preposition_of_time() -> None:
    ref = one("The count began after the doors shut at 21:45.", "21:45")
    assert (ref.type, ref.value) == ("TIME", "2021-03-10T21:45")
    # a schedule's clock time names no day (see habitual.py)
    assert one("The bar serves food from 08:00 daily.", "08:00").value == "XXXX-XX-XXT08:00"
    # a score or a race time is no clock time
    assert not [t for t in found("The final score was 22:30 to the visitors.") if t.type == "TIME"]
    assert not [t for t in found("She finished at 02:31:15 in the race.") if t.type == "TIME"]


def test_throughout_the_weekend_is_the_weekend() -> None:
    ref = one("Stalls stayed open throughout the weekend, the council said.", "the weekend")
    assert (ref.type, ref.value) == ("DATE", "2021-W09-WE")


def test_this_weekend_in_a_past_clause_written_on_a_weekday_is_the_one_just_over() -> None:
    # ANCHOR is Wednesday 2021-03-10: the weekend before is 6-7 March (week 9)
    assert one("The regatta took place this weekend.", "this weekend").value == "2021-W09-WE"
    assert one("The regatta starts this weekend.", "this weekend").value == "2021-W10-WE"
    saturday = dt.date(2021, 3, 13)
    assert one("Crowds came this weekend.", "this weekend", saturday).value == "2021-W10-WE"


def test_a_narrative_step_reaches_back_a_few_paragraphs_for_its_date() -> None:
    filler = " The crew checked the pumps, the gauges and the valves on the old barge." * 7
    text = (
        "The barge ran aground on March 2, 2021." + filler + " The following Friday it was freed."
    )
    assert 500 < text.index("The following Friday") < 750
    assert one(text, "The following Friday").value == "2021-03-05"


def test_a_quarter_of_a_whole_is_a_share_not_a_duration() -> None:
    assert not found("Pension funds own more than a quarter of the harbour company.")
    assert not found("Nearly three quarters of all members voted.")
    assert one("Output fell after several quarters of losses.", "several quarters").value == "PXQ"
    assert one("The slump lasted more than a quarter.", "more than a quarter").value == "P1Q"


def test_a_generic_tomorrow_is_the_future_not_a_day() -> None:
    assert one("They hope to build the harbour of tomorrow.", "tomorrow").value == "FUTURE_REF"
    assert one("She promised a greener tomorrow.", "tomorrow").value == "FUTURE_REF"
    assert one("The ferry sails tomorrow.", "tomorrow").value == "2021-03-11"
    assert one("Tomorrow's sailing is full.", "Tomorrow").value == "2021-03-11"


def test_that_month_is_the_month_in_the_year_the_story_last_named() -> None:
    text = "The war began in February 1991, and more troops arrived that September."
    assert one(text, "that September").value == "1991-09"
    assert (
        one("Shares fell in 1987. The company was sold that same year.", "that same year").value
        == "1987"
    )
    # "that" opening a clause names no month; with no year named nearby it declines too
    said = found("Sales fell in 1991. He said that September was the worst month.")
    assert ("September", "2020-09") in [(t.text, t.value) for t in said]
    assert one("Troops arrived that September.", "September").value == "2020-09"
