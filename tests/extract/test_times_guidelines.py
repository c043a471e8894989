"""Round-2 rules from the TimeML/TIMEX3 annotation guidelines (1.2.1), anchored on 2022-08-16."""

from __future__ import annotations

import datetime as dt

from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.models import TimeRef

ANCHOR = dt.date(2022, 8, 16)


def one(text: str, expression: str, anchor: dt.date = ANCHOR) -> TimeRef:
    found = [t for t in find_times(text, anchor, split_sentences(text)) if t.text == expression]
    assert found, f"{expression!r} not found in {text!r}"
    return found[0]


def test_last_and_next_month_name_ignore_distance() -> None:
    # "last <month>": the most recent such month before the anchor's month, however far back
    assert one("He left last September.", "last September").value == "2021-09"
    assert one("He left last May.", "last May").value == "2022-05"
    assert one("He left last August.", "last August").value == "2021-08"
    assert one("It ended this past December.", "this past December").value == "2021-12"
    # "next <month>": the first such month after the anchor's month
    assert one("It opens next July.", "next July").value == "2023-07"
    assert one("It opens next August.", "next August").value == "2023-08"
    assert one("It opens next October.", "next October").value == "2022-10"


def test_mixed_amounts_are_written_in_two_units() -> None:
    # ISO 8601 durations as TIMEX3 values: whole units, then the remainder in the next unit
    assert one("It took an hour and a half.", "an hour and a half").value == "PT1H30M"
    assert one("It took a minute and a half.", "a minute and a half").value == "PT1M30S"
    assert one("It took a day and a half.", "a day and a half").value == "P1DT12H"
    assert one("It took 1.5 hours.", "1.5 hours").value == "PT1H30M"
    assert one("It took half a year.", "half a year").value == "P6M"  # below one: one unit


def test_part_of_day_before_its_day() -> None:
    # one TIME expression whose value is the day plus the part's code (TMO, TAF, TEV, TNI)
    ref = one("Shares fell mid-afternoon yesterday.", "mid-afternoon yesterday")
    assert (ref.type, ref.value) == ("TIME", "2022-08-15TAF")
    assert one("Trading stopped mid afternoon today.", "mid afternoon today").value == (
        "2022-08-16TAF"
    )
    late = one("They met late morning Friday.", "late morning Friday")
    assert (late.type, late.value) == ("TIME", "2022-08-12TMO")
    # a bare part before a date is not joined to it ("at night Monday, March 5, 2007")
    bare = one("They left at night Monday, March 5, 2007.", "Monday, March 5, 2007")
    assert (bare.type, bare.value) == ("DATE", "2007-03-05")


def test_this_season_during_winter() -> None:
    winter = dt.date(2022, 2, 10)  # the winter under way began in 2021: 2021-WI
    assert one("Talks resume this spring.", "this spring", winter).value == "2022-SP"
    assert one("It was mild this winter.", "this winter", winter).value == "2021-WI"
    assert one("He came last summer.", "last summer", winter).value == "2021-SU"
    assert one("He comes next winter.", "next winter", winter).value == "2022-WI"


def test_the_fiscal_and_full_year() -> None:
    # like "the year": the current (reporting) year in business news
    assert one("Sales for the full year rose.", "the full year").value == "2022"
    assert one("Profit for the fiscal year fell.", "the fiscal year").value == "2022"
    # an accounting period named by its end stays a twelve-month duration
    period = one("Profit for the fiscal year ended June 30 fell.", "the fiscal year")
    assert (period.type, period.value) == ("DURATION", "P1Y")


def test_that_unit_takes_the_last_named_date() -> None:
    story = "On March 3, 2021, they met. That day, they argued. Later that month, they split."
    assert one(story, "That day").value == "2021-03-03"
    assert one(story, "Later that month").value == "2021-03"
    assert one("In 1995 they met. That year, they married.", "That year").value == "1995"
    assert one("On March 3, 2021, they met. That week, they argued.", "That week").value == (
        "2021-W09"
    )
    # no date to refer to, or one too coarse: not an expression we can date
    assert not find_times("I remember that day well.", ANCHOR)
    assert not [t for t in find_times("In 1995 they met. That day, they married.", ANCHOR)
                if t.text == "That day"]  # fmt: skip


def test_part_of_day_keeps_its_modifier_in_the_extent() -> None:
    later = one("He will arrive later this afternoon.", "later this afternoon")
    assert (later.type, later.value) == ("TIME", "2022-08-16TAF")
    assert one("It rained late last night.", "late last night").value == "2022-08-15TNI"
    assert one("He spoke early this morning.", "early this morning").modifier == "START"


def test_frequency_adverb_of_a_rate_is_not_a_set() -> None:
    def sets(text: str) -> list[str]:
        return [t.text for t in find_times(text, ANCHOR) if t.type == "SET"]

    assert sets("Revenue will increase by 20% annually, he said.") == []
    assert sets("It pays C$17.9 million annually.") == []
    assert sets("It sells 3 million copies weekly in Europe.") == []
    assert sets("The report is published annually.") == ["annually"]
    assert sets("The board meets quarterly.") == ["quarterly"]


def test_spelled_days_and_weekday_led_dates() -> None:
    # transcripts spell the day out; a weekday with its own "this coming"/"last" stays one date
    ref = one("The vote is this coming Sunday, August 21st.", "this coming Sunday, August 21st")
    assert ref.value == "2022-08-21"
    assert one("It ended March twenty-first, 2021.", "March twenty-first, 2021").value == (
        "2021-03-21"
    )
    assert one("It ended on March thirtieth, 2021.", "March thirtieth, 2021").value == (
        "2021-03-30"
    )
    assert one("It ended May thirty-first, 1998.", "May thirty-first, 1998").value == "1998-05-31"
    assert one("The vote is this coming Sunday, August twenty-first.",
               "this coming Sunday, August twenty-first").value == "2022-08-21"  # fmt: skip
    # a date before a colon (a dateline or a schedule) is still a date
    assert one("Saturday, August 20: the vote.", "Saturday, August 20").value == "2022-08-20"


def test_or_so_belongs_to_the_expression() -> None:
    ref = one("Prices will rise over the next year or so.", "the next year or so")
    assert (ref.type, ref.value, ref.modifier) == ("DATE", "2023", "APPROX")
    assert one("It took a week or so.", "a week or so").value == "P1W"
    assert one("It happened a week or so ago.", "a week or so ago").value == "2022-W32"


def test_the_past_calendar_unit_is_the_previous_one() -> None:
    # TimeBank: "over the past year" is the year before (DATE), like "last year"
    ref = one("Hate groups grew over the past year, the report said.", "the past year")
    assert (ref.type, ref.value) == ("DATE", "2021")
    assert one("Wages fell in the last decade.", "the last decade").value == "201"
    assert one("Sales slipped in the past quarter.", "the past quarter").value == "2022-Q2"
    assert one("Rents will rise in the coming month.", "the coming month").value == "2022-09"
    # shorter than a week it stays a stretch of time
    ref = one("Prices fell over the past day.", "the past day")
    assert (ref.type, ref.value) == ("DURATION", "P1D")


def test_recurring_months_seasons_and_weekday_parts_are_sets() -> None:
    def sets(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.value) for t in find_times(text, ANCHOR) if t.type == "SET"]

    assert sets("Prices rise each July.") == [("each July", "XXXX-07")]
    assert sets("Every summer the town floods.") == [("Every summer", "XXXX-SU")]
    assert sets("The show airs Tuesday nights.") == [("Tuesday nights", "XXXX-WXX-2TNI")]
    assert sets("He came on Tuesday night.") == []  # one night: a TIME


def test_year_named_period_of_an_earnings_report() -> None:
    text = "Third-quarter profit rose 10% from $5 million in the 1988 quarter."
    assert one(text, "the 1988 quarter").value == "1988-Q3"
    text = "Net income for the second quarter rose, compared with the 2021 period."
    assert one(text, "the 2021 period").value == "2021-Q2"
    assert one("Sales in the 1990 period were lower.", "the 1990 period").value == "1990"


def test_season_of_a_spoken_year() -> None:
    text = "It was cold in the winter of nineteen ninety-four."
    assert one(text, "the winter of nineteen ninety-four").value == "1994-WI"
    assert one(
        "Rain fell in spring two thousand and one.", "spring two thousand and one"
    ).value == ("2001-SP")


def test_previous_and_following_weekday_count_from_the_named_day() -> None:
    story = "On Wednesday, March 4, 1998, he resigned. He had met her the previous Friday."
    assert one(story, "the previous Friday").value == "1998-02-27"
    story = "On Wednesday, March 4, 1998, he resigned. He left the following Monday."
    assert one(story, "the following Monday").value == "1998-03-09"
    # no day named before: the bare weekday reading, from the publication date
    assert one("He had met her the previous Friday.", "Friday").value == "2022-08-12"


def test_participle_after_be_carries_no_past_tense() -> None:
    march = dt.date(2022, 3, 4)
    text = "Collins will be named commander for a mission in December."
    assert one(text, "December", march).value == "2022-12"
    assert one("The plant is to be completed in December.", "December", march).value == "2022-12"
    assert one("The plant was completed in December.", "December", march).value == "2021-12"


def test_a_future_clause_keeps_a_date_of_the_last_two_weeks() -> None:
    text = "The exhibit is to run from August 9 through October 30."
    assert one(text, "August 9").value == "2022-08-09"
    assert one(text, "October 30").value == "2022-10-30"
    # further back, the future clause wins: the coming one
    assert one("The vote will be held on July 20.", "July 20").value == "2023-07-20"


def test_the_quarter_ended_a_date_is_the_quarter_of_that_date() -> None:
    text = "Acme reported a loss for the quarter ended March 31, the company said."
    ref = one(text, "the quarter")
    assert (ref.type, ref.value) == ("DATE", "2022-Q1")
    # without a closing date it is the last quarter that has ended
    assert one("Profit rose in the quarter.", "the quarter").value == "2022-Q2"


def test_a_unit_after_a_frequency_is_a_set() -> None:
    ref = one("The board meets three times a year.", "a year")
    assert (ref.type, ref.value) == ("SET", "P1Y")
    assert one("He calls home twice a week.", "a week").type == "SET"
    # a rate is no time expression at all
    assert not find_times("Prices rose 5% a year.", ANCHOR)
