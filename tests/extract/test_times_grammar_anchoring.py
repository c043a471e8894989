"""Time grammar rules on anchoring: tense of schedules, halves and quarters of a year, ranges,
two-digit years; one test per rule; texts are our own."""

from __future__ import annotations

import datetime as dt

from timing import time_finders

ANCHOR = dt.date(1998, 3, 5)  # a Thursday


found, one = time_finders(ANCHOR)


def test_a_present_copula_before_a_day_schedules_it() -> None:
    assert one("The deadline is Friday.", "Friday").value == "1998-03-06"
    assert one("The deadline is midnight Friday.", "midnight Friday").value == ("1998-03-06T24:00")
    assert one("The vote is set for noon Saturday.", "noon Saturday").value == ("1998-03-07T12:00")
    assert one("The summit is Saturday night.", "Saturday night").value == "1998-03-07TNI"
    assert one("Today is Thursday.", "Thursday").value == "1998-03-05"
    # a past copula, or none, still reads back
    assert one("The deadline was Friday.", "Friday").value == "1998-02-27"
    assert one("The vote, officials said, took place Saturday.", "Saturday").value == ("1998-02-28")


def test_a_year_is_not_the_low_end_of_a_duration_range() -> None:
    text = "He was sentenced in 1996 to 10 years in prison."
    assert [(t.text, t.value) for t in found(text)] == [("1996", "1996"), ("10 years", "P10Y")]
    # number ranges still read as one duration (TimeBank: "two to three weeks" P2W)
    rng = one("The project will take two to three years.", "two to three years")
    assert (rng.value, rng.modifier) == ("P2Y", "EQUAL_OR_MORE")
    assert one("It could take 10 or 12 years.", "10 or 12 years").value == "P10Y"


def test_a_half_or_quarter_of_the_year_keeps_its_half_or_quarter() -> None:
    # TimeML values halves and quarters as 1998-H1 / 1998-Q4 ("the last half of 1989" is
    # 1989-H2 in TimeBank), not as the year with mod START; "the year" names no year, so
    # the nearest such half or quarter in the clause's tense is meant (anchor: March 1998)
    first = one("Sales rose in the first half of the year.", "the first half of the year")
    assert (first.value, first.modifier) == ("1998-H1", None)
    text = "Sales rose in the second half of the year."
    assert one(text, "the second half of the year").value == "1997-H2"
    text = "Sales will rise in the second half of the fiscal year."
    assert one(text, "the second half of the fiscal year").value == "1998-H2"
    text = "Profit fell in the fourth quarter of the year."
    assert one(text, "the fourth quarter of the year").value == "1997-Q4"
    text = "Profit will rise in the fourth quarter of the year."
    assert one(text, "the fourth quarter of the year").value == "1998-Q4"
    # a named year still wins, and a half without a year stays unmarked (a game's)
    text = "Sales rose in the first half of this year."
    assert one(text, "the first half of this year").value == "1998-H1"
    assert found("The team played the second half of the game.") == []


def test_a_time_after_a_day_and_at_takes_that_day() -> None:
    # "Friday at 10 a.m.": the clock time is Friday's, not the anchor day's
    assert one("The meeting was held Monday at 10 a.m.", "10 a.m.").value == "1998-03-02T10:00"
    assert one("The meeting will be held Monday at 10 a.m.", "10 a.m.").value == (
        "1998-03-09T10:00"
    )
    # the day resolves where it stands, so both expressions agree
    text = "The meeting is Friday at 10 a.m."
    assert one(text, "Friday").value == "1998-03-06"
    assert one(text, "10 a.m.").value == "1998-03-06T10:00"
    assert one("The ship arrives on March 9 at 6 a.m.", "6 a.m.").value == "1998-03-09T06:00"
    # "at" that does not lead to the time leaves the anchor day
    text = "He said Friday at a news conference that 10 a.m. was the deadline."
    assert one(text, "10 a.m.").value == "1998-03-05T10:00"


def test_half_a_century_ago_is_a_year_back() -> None:
    assert one("The war ended half a century ago.", "half a century ago").value == "1948"
    nearly = one("The war ended nearly half a century ago.", "nearly half a century ago")
    assert (nearly.value, nearly.modifier) == ("1948", "APPROX")
    # a whole century keeps its century
    assert one("The firm was founded a century ago.", "a century ago").value == "18"


def test_a_two_digit_year_is_at_most_ten_years_ahead_of_the_anchor() -> None:
    # "3/5/98" written in 1998 was read as 2098
    assert one("The vote was on 3/5/98.", "3/5/98").value == "1998-03-05"
    assert one("The vote was on 12/5/89.", "12/5/89").value == "1989-12-05"
    assert one("The vote is on 1/5/00.", "1/5/00").value == "2000-01-05"
    later = dt.date(2022, 10, 27)
    assert one("The vote is on 3/5/24.", "3/5/24", later).value == "2024-03-05"
    assert one("The vote was on 3/5/95.", "3/5/95", later).value == "1995-03-05"
    assert one("The vote was on 3/5/95.", "3/5/95", None).value == "1995-03-05"
    # a birth date decades back is not a date decades ahead
    assert one("He was born on 3/5/65.", "3/5/65", dt.date(2016, 6, 1)).value == "1965-03-05"
    assert one("The vote was on 3/5/40.", "3/5/40", None).value == "1940-03-05"
    # up to ten years ahead is still ahead
    assert one("The lease ends on 3/5/32.", "3/5/32", later).value == "2032-03-05"


def test_a_spelled_day_of_a_month() -> None:
    assert one("It was signed on the fifth of March.", "the fifth of March").value == ("1998-03-05")
    text = "It will be signed on the twenty-first of March."
    assert one(text, "the twenty-first of March").value == "1998-03-21"
    text = "It was signed on the first of March, 1997."
    assert one(text, "the first of March, 1997").value == "1997-03-01"
    # without "of" a spelled ordinal is not a day; the Fourth of July stays a holiday
    texts = [t.text for t in found("The second March on Washington was held.")]
    assert not any(t.lower().startswith(("second", "the second")) for t in texts)
    assert one("The Fourth of July parade was fun.", "Fourth of July").value == "1997-07-04"


def test_the_second_month_of_a_range_follows_the_first() -> None:
    text = "The exhibit runs from May through September."
    assert [t.value for t in found(text)] == ["1998-05", "1998-09"]
    text = "The exhibit ran from November to February."
    assert [t.value for t in found(text)] == ["1997-11", "1998-02"]
    text = "The exhibit runs from May 1998 through September."
    assert [t.value for t in found(text)] == ["1998-05", "1998-09"]


def test_a_quotation_keeps_its_tense_to_itself() -> None:
    # the reporting clause is past; the future inside the quotation is the speaker's
    text = "Fox, who waived her anonymity in January, said: “I will testify.”"
    assert one(text, "January").value == "1998-01"
    text = "He joked, in a hot-mic moment on Tuesday evening, “She is going to lose.”"
    assert one(text, "Tuesday evening").value == "1998-03-03TEV"
    # inside the quotation its own tense counts, the attribution's only when it has none
    assert one("“We will meet on Friday,” she said.", "Friday").value == "1998-03-06"
    assert one("“The vote on Friday,” she said, “matters.”", "Friday").value == "1998-02-27"


def test_an_adjective_in_ed_is_no_past_tense() -> None:
    # "star-studded", "United" are not verbs: the clause's tense is the modal's
    text = "She will be honoured at a star-studded gala on May 4, where she'll speak."
    assert one(text, "May 4").value == "1998-05-04"
    text = "He will speak to the United Nations on Friday."
    assert one(text, "Friday").value == "1998-03-06"


def test_may_and_might_look_ahead_but_not_may_have() -> None:
    assert one("Storms may reach the coast on Saturday.", "Saturday").value == "1998-03-07"
    assert one("The rain might ease by Sunday.", "Sunday").value == "1998-03-08"
    assert one("The thief may have left on Saturday.", "Saturday").value == "1998-02-28"
    # the month, the name: no modal
    assert one("Theresa May left on Saturday.", "Saturday").value == "1998-02-28"
    assert one("Theresa May's speech on Saturday.", "Saturday").value == "1998-02-28"


def test_a_range_or_list_lends_its_year_to_the_dates_before_it() -> None:
    def values(text: str) -> list[tuple[str, str | None]]:
        return [(t.text, t.value) for t in found(text)]

    assert values("The games ran July 30-Aug. 14, 1932.")[0] == ("July 30", "1932-07-30")
    assert values("The crusade ran August 15th to September 8th, 1963.")[0] == (
        "August 15th",
        "1963-08-15",
    )
    assert values("April 7-8, 1979: a festival.")[0] == ("April 7", "1979-04-07")
    assert values("Oct. 9, 11, 1981: two concerts.")[0] == ("Oct. 9", "1981-10-09")
    # a list lends its year along; a range over New Year starts the year before
    assert values("Polls on Jan. 5, Feb. 10 and March 3, 1999.")[:2] == [
        ("Jan. 5", "1999-01-05"),
        ("Feb. 10", "1999-02-10"),
    ]
    assert values("The strike ran Dec. 28 to Jan. 3, 1990.")[0] == ("Dec. 28", "1989-12-28")
    # a weekday is no part of a dated list; a date followed by other words keeps its own year
    assert values("On Friday and on June 5, 1990, it rained.")[0] == ("Friday", "1998-02-27")
    assert values("It opened on May 2 with 1990 prices.")[0] == ("May 2", "1997-05-02")


def test_a_month_after_a_year_and_the_year_in_apposition_are_that_year() -> None:
    assert [t.value for t in found("Messages posted during the 1994 July unrest.")] == [
        "1994",
        "1994-07",
    ]
    text = "Emissions grew since 1992, the year the treaty was signed."
    assert [t.value for t in found(text)] == ["1992", "1992"]


def test_a_fronted_time_phrase_dates_the_main_clause_after_a_comma() -> None:
    # "told" is the main verb, not a trailing attribution; "the next debate" no future cue
    text = "On Monday night, in a bid to set the tone of the next debate, Trump told a rally."
    assert one(text, "Monday night").value == "1998-03-02TNI"
    # no other past word: only the fronted reading keeps "told" from being a trailing report
    text = "On Monday night, in a bid to calm the crowd, Trump told a rally it would win."
    assert one(text, "Monday night").value == "1998-03-02TNI"
    # a trailing attribution still gives way to the reported clause's own tense
    assert one("The plant will open on Monday, the mayor said.", "Monday").value == "1998-03-09"


def test_a_present_tense_condition_clause_looks_ahead() -> None:
    text = "He promised reform if he and his allies take office in January."
    assert one(text, "January").value == "1999-01"
    # a past verb in the clause, or a bare preposition, is no such clause
    assert one("He said he would quit if the vote failed in January.", "January").value == (
        "1998-01"
    )
    assert one("Until Thursday, they had not named a suspect.", "Thursday").value == "1998-03-05"


def test_an_apposition_names_the_day_before_it_again() -> None:
    text = "She quit on March 1, the day before the convention opened."
    assert [t.value for t in found(text)] == ["1998-03-01", "1998-03-01"]
    # a new sentence is a narrative step, not an apposition
    text = "She quit on March 1. The day before, she had met donors."
    assert [t.value for t in found(text)] == ["1998-03-01", "1998-02-28"]
