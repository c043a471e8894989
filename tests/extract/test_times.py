"""Time expressions: one test per grammar rule family, anchored on Tuesday 2022-08-16."""

from __future__ import annotations

import datetime as dt

import pytest

from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.models import TimeRef

ANCHOR = dt.date(2022, 8, 16)


def times(text: str, anchor: dt.date | None = ANCHOR) -> tuple[TimeRef, ...]:
    return find_times(text, anchor, split_sentences(text))


def one(text: str, expression: str, anchor: dt.date | None = ANCHOR) -> TimeRef:
    """The single TimeRef whose text is ``expression``; fails if it is absent."""
    found = [t for t in times(text, anchor) if t.text == expression]
    assert found, f"{expression!r} not found in {text!r}: {times(text, anchor)}"
    ref = found[0]
    assert text[ref.start : ref.end] == ref.text
    return ref


def value(text: str, expression: str, anchor: dt.date | None = ANCHOR) -> str | None:
    return one(text, expression, anchor).value


def test_yesterday_today_tomorrow() -> None:
    ref = one("Putin sent congratulations for the holiday yesterday.", "yesterday")
    assert (ref.type, ref.value, ref.granularity, ref.anchored) == (
        "DATE",
        "2022-08-15",
        "day",
        True,
    )
    assert value("The vote is today.", "today") == "2022-08-16"
    assert value("Talks resume tomorrow.", "tomorrow") == "2022-08-17"
    night = one("Rockets were fired tonight.", "tonight")
    assert (night.type, night.value) == ("TIME", "2022-08-16TNI")
    assert value("He spoke yesterday morning.", "yesterday morning") == "2022-08-15TMO"
    assert value("It rained last night.", "last night") == "2022-08-15TNI"


def test_weekdays() -> None:
    assert value("Yoon reiterated this message on Monday.", "Monday") == "2022-08-15"
    assert value("Officials met last Friday.", "last Friday") == "2022-08-12"
    assert value("The summit will open next Monday.", "next Monday") == "2022-08-22"
    assert value("The court will rule on Thursday.", "Thursday") == "2022-08-18"
    morning = one("Troops crossed the border Monday morning.", "Monday morning")
    assert (morning.type, morning.value) == ("TIME", "2022-08-15TMO")


def test_month_day_dates() -> None:
    assert value("Russia invaded Ukraine on Feb. 24.", "Feb. 24") == "2022-02-24"
    assert value("Russia invaded on Feb. 24, 2022.", "Feb. 24, 2022") == "2022-02-24"
    assert value("It happened on 15 August 2021.", "15 August 2021") == "2021-08-15"
    assert value("He was born August 15th, 1945.", "August 15th, 1945") == "1945-08-15"
    assert value("The deadline is Sept. 3.", "Sept. 3") == "2022-09-03"
    assert value("Filed 2022-08-01 in court.", "2022-08-01") == "2022-08-01"
    dateline = one("Friday, July 21, 2017 was hot.", "Friday, July 21, 2017")
    assert dateline.value == "2017-07-21"


def test_months_and_partial_months() -> None:
    late = one("China vetoed a resolution in late May.", "late May")
    assert (late.value, late.modifier, late.granularity) == ("2022-05", "END", "month")
    assert value("In July, Pyongyang said workers could go.", "July") == "2022-07"
    assert value("Prices rose in early March.", "early March") == "2022-03"
    assert one("The plan stalled in mid-July.", "mid-July").modifier == "MID"
    assert value("The test was the first since September 2017.", "September 2017") == "2017-09"
    assert value("Elections are due in November.", "November") == "2022-11"


def test_may_is_a_month_only_in_date_context() -> None:
    assert not [t for t in times("Officials May Decide Soon, he said.") if t.text == "May"]
    assert value("The talks began in May.", "May") == "2022-05"


def test_relative_calendar_units() -> None:
    assert value("NK News reported last month.", "last month") == "2022-07"
    assert value("In last year's message, Putin praised Kim.", "last year") == "2021"
    assert value("It fired missiles this year.", "this year") == "2022"
    assert value("The rules change next year.", "next year") == "2023"
    assert value("Talks collapsed last week.", "last week") == "2022-W32"
    earlier = one("It recognised them earlier this year.", "earlier this year")
    assert (earlier.value, earlier.modifier) == ("2022", "START")
    assert value("Inflation will peak by the end of the year.", "the end of the year") == "2022"


def test_ago() -> None:
    assert value("He arrived two days ago.", "two days ago") == "2022-08-14"
    assert value("The law passed three years ago.", "three years ago") == "2019"
    assert value("It closed a month ago.", "a month ago") == "2022-07"
    assert value("The firm was founded twenty-five years ago.", "twenty-five years ago") == "1997"


def test_years_decades_centuries() -> None:
    assert value("Korea was liberated in 1945.", "1945") == "1945"
    assert value("Sales fell in fiscal 2023.", "fiscal 2023") == "2023"
    assert value("Crime fell in the 1990s.", "the 1990s") == "199"
    assert value("Prices peaked in the early 1980s.", "the early 1980s") == "198"
    assert value("It was built in the 20th century.", "the 20th century") == "19"
    assert not [t for t in times("He counted 2000 people there.") if t.text == "2000"]
    assert value("Japan ruled from 1910-1945.", "1910") == "1910"


def test_seasons_and_quarters() -> None:
    assert value("Exports grew this summer.", "this summer") == "2022-SU"
    assert value("The deal was signed last fall.", "last fall") == "2021-FA"
    assert value("Profit rose in the third quarter.", "the third quarter") == "2022-Q3"
    assert value("Its third-quarter profit rose.", "third-quarter") == "2022-Q3"
    assert value("Profit fell in the fourth quarter of 2021.", "the fourth quarter of 2021") == (
        "2021-Q4"
    )
    assert value("Output fell in the first half of 2020.", "the first half of 2020") == "2020-H1"


def test_durations() -> None:
    ref = one("He has led the party for two years.", "two years")
    assert (ref.type, ref.value) == ("DURATION", "P2Y")
    assert value("Markets fell over the past 24 hours.", "the past 24 hours") == "PT24H"
    assert value("It has stockpiled artillery for decades.", "decades") == "PXDE"
    assert value("A five-year plan was drafted.", "five-year") == "P5Y"
    assert value("Growth slowed in the past two months.", "the past two months") == "P2M"
    approx = one("The talks lasted about three weeks.", "about three weeks")
    assert (approx.value, approx.modifier) == ("P3W", "APPROX")
    assert not [t for t in times("The 44-year-old driver fled.") if t.type == "DURATION"]


def test_sets() -> None:
    ref = one("The festival is held every year.", "every year")
    assert (ref.type, ref.value) == ("SET", "P1Y")
    assert value("Rates are reviewed annually.", "annually") == "P1Y"
    assert value("The board meets weekly.", "weekly") == "P1W"
    assert value("He jogs every Monday.", "every Monday") == "XXXX-WXX-1"
    assert not [t for t in times("She reads a daily newspaper.") if t.type == "SET"]


def test_references() -> None:
    assert value("Prices are now falling.", "now") == "PRESENT_REF"
    assert value("He is currently abroad.", "currently") == "PRESENT_REF"
    assert value("The firm recently hired him.", "recently") == "PAST_REF"
    assert value("Rates may rise in the future.", "the future") == "FUTURE_REF"


def test_clock_times() -> None:
    ref = one("The blast happened at 3 p.m. on the bridge.", "3 p.m.")
    assert (ref.type, ref.value) == ("TIME", "2022-08-16T15:00")
    assert value("Polls close at 10:30 a.m. EST Monday.", "10:30 a.m. EST Monday") == (
        "2022-08-15T10:30"
    )
    assert value("The ceasefire starts at noon.", "noon") == "2022-08-16T12:00"


def test_word_numbers() -> None:
    assert value("He served twenty-five years in prison.", "twenty-five years") == "P25Y"
    assert value("It took a couple of weeks.", "a couple of weeks") == "P2W"


def test_without_anchor_relative_values_are_none() -> None:
    text = "Yesterday he said last month's deal, signed Feb. 24, 2022, echoed 1945 and Feb. 24."
    found = {t.text: t for t in times(text, None)}
    assert found["Yesterday"].value is None and found["Yesterday"].anchored
    assert found["last month"].value is None
    assert found["Feb. 24, 2022"].value == "2022-02-24"
    assert found["1945"].value == "1945"
    assert found["Feb. 24"].value is None


def test_offsets_and_sentence_index() -> None:
    text = "He left. He came back on Monday."
    (ref,) = times(text)
    assert text[ref.start : ref.end] == "Monday"
    assert ref.sentence == 1


@pytest.mark.parametrize("anchor", [dt.date(2022, 1, 3), dt.date(2021, 12, 31)])
def test_year_boundaries(anchor: dt.date) -> None:
    found = {t.text: t.value for t in times("It began last month and ends in December.", anchor)}
    expected_month = "2021-12" if anchor.month == 1 else "2021-11"
    assert found["last month"] == expected_month
    assert found["December"] == "2021-12"


def test_day_of_month_and_numeric_dates() -> None:
    assert value("He arrives on the 20th.", "the 20th") == "2022-08-20"
    assert value("It was paid on the 3rd, officials said.", "the 3rd") == "2022-08-03"
    assert not times("He lives on the 1st floor.")
    assert value("Filed on 8/16/22 in Ohio.", "8/16/22") == "2022-08-16"
    assert value("Filed on 16/08/2022 in Leeds.", "16/08/2022") == "2022-08-16"
    stamp = one("Posted 2022-08-16T10:00 by staff.", "2022-08-16T10:00")
    assert (stamp.type, stamp.value) == ("TIME", "2022-08-16T10:00")
    assert value("The strike began at 0630 GMT.", "0630 GMT") == "2022-08-16T06:30"


def test_fractions_and_large_numbers() -> None:
    assert value("He served 2 1/2 years.", "2 1/2 years") == "P2Y6M"
    assert value("It took one and a half years.", "one and a half years") == "P1Y6M"
    assert value("It took half an hour.", "half an hour") == "PT30M"
    assert value("It lasted two thousand years.", "two thousand years") == "P2000Y"


def test_counts_are_not_years() -> None:
    assert not times("Some 2000 protesters marched.")
    assert value("By 2030 emissions must halve.", "2030") == "2030"
    assert not [t for t in times("Prices rose 15 percent to $2022.") if t.value == "2022"]


def test_business_periods() -> None:
    text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    assert value(text, "a year earlier") == "2021-Q3"
    assert value("Profit fell from the year-earlier quarter.", "the year-earlier quarter") == (
        "2021-Q2"
    )
    ended = one("Net income for the year ended June 30 rose.", "the year")
    assert (ended.type, ended.value) == ("DURATION", "P1Y")
    assert value("Shares hit a high for the year in June.", "the year") == "2022"
    assert value("Sales rose in the latest quarter.", "the latest quarter") == "2022-Q2"


def test_holidays_and_spoken_years() -> None:
    assert value("Troops will be home by Christmas.", "Christmas") == "2022-12-25"
    assert value("Crowds gathered on Thanksgiving Day, 2021.", "Thanksgiving Day, 2021") == (
        "2021-11-25"
    )
    assert value("It opened in nineteen ninety-six.", "nineteen ninety-six") == "1996"
    assert value("Born in January nineteen ninety-seven.", "January nineteen ninety-seven") == (
        "1997-01"
    )
    assert value("It shut in June last year.", "June last year") == "2021-06"


def test_tense_decides_the_direction() -> None:
    assert value("The deal had been due to expire Friday.", "Friday") == "2022-08-12"
    assert value("The deal will expire Friday.", "Friday") == "2022-08-19"
    # a date long past in a past clause still means the coming one
    assert value("The vote, it said, was set for Dec. 7.", "Dec. 7") == "2022-12-07"


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday, last week, on Monday, in July, late May, this summer, the third quarter, "
        "two days ago, the 15th, tonight, 3 p.m. Friday, next year, the end of the month, "
        "Christmas, earlier this year, a year earlier, year-end, the year."
    ],
)
def test_no_anchor_never_invents_values(text: str) -> None:
    found = times(text, None)
    assert len(found) >= 15
    for ref in found:
        if ref.anchored:
            assert ref.value is None, ref
        assert text[ref.start : ref.end] == ref.text


def test_narrative_steps_count_from_the_last_date() -> None:
    text = "Troops entered the city on March 3. The next day, they left."
    assert value(text, "The next day") == "2022-03-04"
    assert value("In 1995 it began. The following year it ended.", "The following year") == "1996"
    assert value("On Aug. 1 he quit. The previous week he was promoted.", "The previous week") == (
        "2022-W30"
    )
    # no date to count from: a day is not guessed, a month counts from publication
    assert value("It closed the next day.", "the next day") is None
    assert value("The following month he resigned.", "The following month") == "2022-09"
    # TimeML keeps "later" out: "three days" is a duration
    assert value("On March 3 talks began; three days later they failed.", "three days") == "P3D"
