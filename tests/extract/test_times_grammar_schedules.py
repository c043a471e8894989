"""Time grammar rules found by TimeBank error analysis: schedules, deadlines, quarters, names
that look like times; one test per rule; texts are our own."""

from __future__ import annotations

import datetime as dt

from timing import time_finders

ANCHOR = dt.date(2022, 10, 27)


found, one = time_finders(ANCHOR)


def test_a_period_ended_on_a_date_lies_behind_the_anchor_however_far() -> None:
    # nine months back: past the usual reach of a past-tense clause, still the closing date
    text = "In the fiscal year ended Jan. 31, the chain reported sales of $60 million."
    assert one(text, "Jan. 31").value == "2022-01-31"
    assert one("Results for the year ended in December were flat.", "December").value == ("2021-12")
    # a date without "ended" keeps the nearest reading
    assert one("The chain reports sales on Jan. 31.", "Jan. 31").value == "2023-01-31"


def test_by_a_month_is_a_deadline_ahead() -> None:
    # "untouched" is a participle, not a past-tense clause: the deadline still looks ahead
    text = "The airline will add flights by August in markets untouched by the crisis."
    assert one(text, "August").value == "2023-08"
    assert one("It plans to repay the loan by February.", "February").value == "2023-02"
    # a past perfect in an earlier clause does not make the deadline past
    text = "The sale, which had been expected, is part of a plan to repay the loan by February."
    assert one(text, "February").value == "2023-02"
    # past perfect narrative: the deadline was in the past
    assert one("Most of the debt had been repaid by February.", "February").value == "2022-02"


def test_soon_is_a_future_reference_but_not_as_soon_as() -> None:
    ref = one("Prosecutors may soon seek an indictment.", "soon")
    assert (ref.type, ref.value) == ("DATE", "FUTURE_REF")
    assert one("Sell it as soon as possible.", "as soon as possible").value == "FUTURE_REF"
    assert not [t for t in found("They left as soon as the talks ended.") if "soon" in t.text]
    assert not [t for t in found("He was freed soon after his arrest.") if "soon" in t.text]
    assert not [t for t in found("It is too soon to say.") if "soon" in t.text]


def test_one_more_unit_and_n_more_units_are_durations() -> None:
    assert one("The loan may run for an additional year.", "an additional year").value == "P1Y"
    assert one("They waited another week.", "another week").value == "P1W"
    assert one("They waited another two years.", "another two years").value == "P2Y"
    ref = one("The base is leased for at least 20 more years.", "at least 20 more years")
    assert (ref.value, ref.modifier) == ("P20Y", "EQUAL_OR_MORE")
    assert one("Over the next couple of years sales grow.", "the next couple of years").value == (
        "P2Y"
    )
    assert one("Sales rose for three straight years.", "three straight years").value == "P3Y"
    assert one("Prices rose for two consecutive months.", "two consecutive months").value == ("P2M")
    # "another" before a plural unit without an amount is not one unit
    assert not [t for t in found("They lost another months of work.") if t.type == "DURATION"]


def test_one_day_before_a_verb_is_some_day_in_the_future() -> None:
    ref = one("Analysts say the firm will one day be the largest in Asia.", "one day")
    assert (ref.type, ref.value) == ("DATE", "FUTURE_REF")
    ref = one("She voiced the hope she one day follows her mother.", "one day")
    assert ref.value == "FUTURE_REF"
    # a stretch of one day stays a duration
    ref = one("The repair took one day to finish.", "one day")
    assert (ref.type, ref.value) == ("DURATION", "P1D")


def test_a_quoted_title_case_unit_is_a_show_name() -> None:
    text = 'The minister said on ABC\'s "This Week" that the talks had failed.'
    assert not [t for t in found(text) if t.text.lower() == "this week"]
    assert one("This Week the talks failed, he said.", "This Week").value == "2022-W43"
    assert one('He said: "this week we failed."', "this week").value == "2022-W43"


def test_present_tense_schedule_verbs_look_ahead() -> None:
    wednesday = dt.date(2000, 6, 14)
    # news writes scheduled events in the present tense: the coming weekday
    assert one("The president visits China on Friday.", "Friday", wednesday).value == ("2000-06-16")
    assert one("He arrives Thursday.", "Thursday", wednesday).value == "2000-06-15"
    assert one("Results are due Friday.", "Friday", wednesday).value == "2000-06-16"
    assert one("The rally is planned for Saturday.", "Saturday", wednesday).value == ("2000-06-17")
    # a bare participle is no schedule ("as previously planned")
    text = "The offensive began as previously planned Saturday night."
    assert one(text, "Saturday night", wednesday).value == "2000-06-10TNI"
    # a nearer past form still wins, and "had planned" is a past plan
    assert one("Police said he arrived Monday.", "Monday", wednesday).value == "2000-06-12"
    assert one("They had planned a rally for Saturday.", "Saturday", wednesday).value == (
        "2000-06-10"
    )


def test_a_trailing_attribution_does_not_set_the_reported_events_tense() -> None:
    # found on AQUAINT's even-numbered half; the odd half stays unread
    monday = dt.date(2000, 4, 3)
    text = "The group could leave as soon as Tuesday, the lawyer said."
    assert one(text, "Tuesday", monday).value == "2000-04-04"
    text = "The boy may fly home as early as Tuesday, according to reports."
    assert one(text, "Tuesday", monday).value == "2000-04-04"
    text = "The family would be ready to leave Tuesday, their lawyer told reporters."
    assert one(text, "Tuesday", monday).value == "2000-04-04"
    # with nothing else in the clause, the report's tense still decides
    assert one("It happened on Friday, the lawyer said.", "Friday", monday).value == "2000-03-31"
    # a reporting verb that is the clause's own verb dates it
    text = "On Friday, the government announced a review."
    assert one(text, "Friday", monday).value == "2000-03-31"
    assert one("The lawyer said Friday that the boy would stay.", "Friday", monday).value == (
        "2000-03-31"
    )


def test_until_a_time_to_do_something_is_a_deadline_ahead() -> None:
    monday = dt.date(2000, 4, 3)
    text = "Officials have given the family until 9 a.m. Tuesday to sign the papers."
    assert one(text, "9 a.m. Tuesday", monday).value == "2000-04-04T09:00"
    text = "The agency gave them until Friday to respond, officials said."
    assert one(text, "Friday", monday).value == "2000-04-07"
    # "until" without a task is a span's end, read in the clause's tense
    assert one("The family stayed until Friday.", "Friday", monday).value == "2000-03-31"


def test_a_quarter_of_a_relative_year_is_one_expression() -> None:
    june = dt.date(2000, 6, 14)
    text = "The economy shrank in the third quarter of last year."
    assert one(text, "the third quarter of last year", june).value == "1999-Q3"
    text = "Sales fell in the fourth quarter of the previous year."
    assert one(text, "the fourth quarter of the previous year", june).value == "1999-Q4"
    assert one(
        "Sales rose in the year's first quarter.", "the year's first quarter", june
    ).value == ("2000-Q1")


def test_a_quarter_named_by_its_months() -> None:
    june = dt.date(2000, 6, 14)
    assert one(
        "Growth slowed in the April-June quarter.", "the April-June quarter", june
    ).value == ("2000-Q2")
    text = "Growth slowed in the July-September quarter of 1999."
    assert one(text, "the July-September quarter of 1999", june).value == "1999-Q3"
    # months that are not a calendar quarter name a fiscal one: no quarter value
    text = "Growth slowed in the November-January quarter."
    assert not [t for t in found(text, june) if "quarter" in t.text]


def test_fiscal_year_possessive_and_number_first_quarters() -> None:
    june = dt.date(2000, 6, 14)
    text = "Sales in fiscal 2000's third quarter rose."
    assert one(text, "fiscal 2000's third quarter", june).value == "2000-Q3"
    assert one("Sales rose in 2Q 2000.", "2Q 2000", june).value == "2000-Q2"
    assert one("Profit fell in 1H 1999.", "1H 1999", june).value == "1999-H1"
    # a digit and a lower-case q is no quarter
    assert not [t for t in found("The 2q code failed.", june) if t.type == "DATE"]


def test_a_decade_with_a_span_of_modifiers() -> None:
    ref = one("Prices grew in the mid-to-late 1990s.", "the mid-to-late 1990s")
    assert (ref.value, ref.modifier) == ("199", "MID")
    ref = one("Prices grew in the early to mid-1980s.", "the early to mid-1980s")
    assert (ref.value, ref.modifier) == ("198", "START")


def test_the_near_and_short_term_are_future_references() -> None:
    ref = one("We don't minimize the challenges of the near term.", "the near term")
    assert (ref.type, ref.value) == ("DATE", "FUTURE_REF")
    assert one("It may placate holders in the short term.", "the short term").value == (
        "FUTURE_REF"
    )
    # an adjective is not the reference
    assert not [t for t in found("He took a short-term loan.") if "term" in t.text]


def test_a_time_in_parentheses_keeps_the_day_before_it() -> None:
    june = dt.date(2000, 6, 14)
    text = "The raid began at about 3:30 a.m. Tuesday (0830 GMT)."
    assert one(text, "0830 GMT", june).value == "2000-06-13T08:30"
    assert one("He spoke on Monday (at 5 p.m.).", "5 p.m.", june).value == "2000-06-12T17:00"
    # without a day before the parenthesis, the anchor's day
    assert one("The raid began at 3:30 a.m. (0830 GMT).", "0830 GMT", june).value == (
        "2000-06-14T08:30"
    )


def test_the_season_noun_is_not_always_the_season() -> None:
    june = dt.date(2000, 6, 14)
    for text in (
        "Since the fall of the Berlin Wall, trade grew.",
        "The fall in prices hurt farmers.",
        "The spring water is clean.",
        "Millions travel for the Spring Festival holiday.",
    ):
        assert not [t for t in found(text, june) if t.type == "DATE"], text
    assert one("Prices rose in the fall, he said.", "the fall", june).value == "1999-FA"
    assert one("They meet in the summer in Paris.", "the summer", june).value == "2000-SU"
    assert one("The summer of 1999 was hot.", "The summer of 1999", june).value == "1999-SU"


def test_a_title_case_frequency_word_before_a_name_is_a_title() -> None:
    assert not found("The Daily Telegraph reported the talks.")
    assert not found("The Weekly Standard ran the story.")
    assert one("Prices are set daily in London.", "daily").value == "P1D"
    assert one("Daily, he walks to work.", "Daily").value == "P1D"


def test_by_a_weekday_is_a_deadline_unless_a_past_form_leads_to_it() -> None:
    wednesday = dt.date(2000, 6, 14)
    text = "Israel said Monday it would withdraw by Friday."
    assert one(text, "Friday", wednesday).value == "2000-06-16"
    text = "The tag was used over a million times by Thursday night."
    assert one(text, "Thursday night", wednesday).value == "2000-06-08TNI"
    assert one("Most of the debt had been repaid by Friday.", "Friday", wednesday).value == (
        "2000-06-09"
    )


def test_an_age_is_not_a_decade() -> None:
    assert not found("The senator, in his 70s, retired.")
    assert not found("She is in her early forties.")
    assert one("In the 1970s, his party grew.", "the 1970s").value == "197"


def test_named_days_and_years_that_are_names() -> None:
    june = dt.date(2000, 6, 14)
    assert one("The Fourth of July parade will go ahead.", "Fourth of July", june).value == (
        "2000-07-04"
    )
    assert not found("The Year of the Dragon began.", june)
    assert one("Profit for the year rose.", "the year", june).value == "2000"


def test_approximate_and_open_ended_dates_keep_their_words() -> None:
    june = dt.date(2000, 6, 14)
    ref = one("The sale will be completed around Nov. 1.", "around Nov. 1", june)
    assert (ref.value, ref.modifier) == ("2000-11-01", "APPROX")
    ref = one("It won't be profitable until 1994 or later.", "1994 or later", june)
    assert (ref.value, ref.modifier) == ("1994", "ON_OR_AFTER")
    ref = one("It is confident about 1990 and beyond.", "1990 and beyond", june)
    assert (ref.value, ref.modifier) == ("1990", "ON_OR_AFTER")
    assert one("It ends in 2003 or earlier.", "2003 or earlier", june).modifier == "ON_OR_BEFORE"
    # "about" is too often the preposition of a topic: left out
    assert one("They talked about Monday's vote.", "Monday", june).value == "2000-06-12"


def test_a_unit_adjective_and_its_period_noun_are_one_duration() -> None:
    ref = one("Earnings were overstated over a three-year period.", "a three-year period")
    assert (ref.type, ref.value) == ("DURATION", "P3Y")
    assert one("Shares convert during its one-year term.", "one-year term").value == "P1Y"
    # other nouns stay outside the extent
    assert one("He got a 10-year prison term.", "10-year").value == "P10Y"


def test_half_of_a_decade_and_more_recently() -> None:
    ref = one("Sales were flat in the last half of the '80s.", "the last half of the '80s")
    assert (ref.value, ref.modifier) == ("198", "END")
    assert one("More recently it has grown.", "More recently").value == "PAST_REF"


def test_a_weekday_coordinated_with_a_plural_part_is_a_set() -> None:
    text = "New flights leave Bombay on Monday and Tuesday nights from March 30."
    monday = one(text, "Monday", dt.date(1998, 2, 13))
    assert (monday.type, monday.value) == ("SET", "XXXX-WXX-1TNI")
    assert one(text, "Tuesday nights", dt.date(1998, 2, 13)).value == "XXXX-WXX-2TNI"
    # two single days stay dates
    assert one("He spoke Monday and Tuesday.", "Monday", dt.date(1998, 2, 13)).type == "DATE"


def test_a_part_of_the_day_the_story_is_at() -> None:
    monday = dt.date(1989, 10, 30)
    text = "Shares fell Friday. Dealers placed orders in the morning to start trading."
    ref = one(text, "the morning", monday)
    assert (ref.type, ref.value) == ("TIME", "1989-10-27TMO")
    ref = one("By mid afternoon, officials said it was over.", "mid afternoon", monday)
    assert ref.value == "1989-10-30TAF"
    # "the morning of ...", "the morning news" are not this
    assert not [t for t in found("He read it in the morning papers.", monday) if t.type == "TIME"]


def test_trading_days_and_as_recently_as() -> None:
    ref = one("Eight trading days after Oct. 12, stocks fell.", "Eight trading days")
    assert (ref.type, ref.value) == ("DURATION", "P8D")
    assert one("It closes in three business days.", "three business days").value == "P3D"
    # "as recently as Friday": the date is the expression, not "recently"
    assert [t.text for t in found("A deal seemed out of reach as recently as Friday.")] == [
        "Friday"
    ]
    assert one("He left recently.", "recently").value == "PAST_REF"


def test_and_later_after_a_date_is_an_adverb() -> None:
    ref = one("He joined in October 1984 and later became chief.", "October 1984")
    assert (ref.value, ref.modifier) == ("1984-10", None)


def test_unit_long_adjectives_are_one_unit() -> None:
    assert one("He returned after a week-long visit.", "week-long").value == "P1W"
    assert one("The yearlong strike ended.", "yearlong").value == "P1Y"
    assert one("The decade-long war ended.", "decade-long").value == "P10Y"
    assert not found("All night long they danced.")


def test_the_same_period_a_year_back() -> None:
    june = dt.date(2000, 6, 14)
    text = "Exports in May reached $20 billion, up from $15 billion in the same month last year."
    assert one(text, "the same month last year", june).value == "1999-05"
    text = "Profit for the first quarter rose from the corresponding period last year."
    assert one(text, "the corresponding period last year", june).value == "1999-Q1"
    text = "Exports rose 5 percent over the same period last year."
    assert one(text, "the same period last year", june).value == "1999"
    assert one(
        "Sales rose from the same period of 1998.", "the same period of 1998", june
    ).value == ("1998")
    text = (
        "Sales for the third quarter were $3 million, against $2 million for last year's quarter."
    )
    assert one(text, "last year's quarter", june).value == "1999-Q3"
    # a month needs a month named before it
    assert not [
        t for t in found("Sales fell in the same month last year.", june) if "same" in t.text
    ]


def test_military_clock_times_are_times_not_durations() -> None:
    june = dt.date(2000, 6, 14)
    ref = one("The attack began at 0900 hours.", "0900 hours", june)
    assert (ref.type, ref.value) == ("TIME", "2000-06-14T09:00")
    ref = one("The attack began at 1430 hours Tuesday.", "1430 hours Tuesday", june)
    assert ref.value == "2000-06-13T14:30"
    assert one("He worked 1,500 hours.", "1,500 hours", june).value == "PT1500H"


def test_more_fixed_and_weekday_holidays() -> None:
    june = dt.date(2000, 6, 14)
    assert one("The parade fell on St. Patrick's Day.", "St. Patrick's Day", june).value == (
        "2000-03-17"
    )
    # second Sunday of May; third Monday of February
    assert one("On Mother's Day she called.", "Mother's Day", june).value == "2000-05-14"
    assert one("Markets closed for Presidents' Day.", "Presidents' Day", june).value == (
        "2000-02-21"
    )
