"""Grammar rules for expressions anchored to the story's own reference time, not the
publication date (TimeML: the last date the narrative named): "the next day", "that year",
"the previous Friday"."""

from __future__ import annotations

import datetime as dt
import re

from crossread.extract.times import calendar as cal
from crossread.extract.times.dates import modifier
from crossread.extract.times.lexicon import fragments, lexicon
from crossread.extract.times.readings import Context, Reading
from crossread.extract.times.relative import reported_quarter
from crossread.models import Granularity, TimeType

F = fragments()
LEX = lexicon()


def _part(text: str | None) -> str | None:
    """TimeML code of a part of day (``morning`` -> ``MO``), else None."""
    return LEX.day_parts.get(re.sub(r"\s+", " ", text.lower()).strip()) if text else None


# 5. narrative steps from the last date mentioned: "the next day", "the following month",
# "the year before"
# ("three days later" stays a duration plus a signal word, as TimeML annotates it)
ANAPHORIC = (
    r"(?:the\s+)?(?:(?P<rel>following|previous|preceding|prior)\s+(?P<unit>day|morning|evening"
    r"|night|week|month|year)|next\s+(?P<unit_next>day|morning|evening|night))(?![\w-])"
    r"|the\s+(?P<side_unit>day|week|month|year|night|morning|evening)\s+(?P<side>before|after)"
    r"(?!\s+(?:yesterday|tomorrow|next|last))"
)


def anaphoric(m: re.Match[str], ctx: Context) -> Reading | None:
    """A day counted from the date the story last named (``On March 3 ... the next day``).

    Without such a date within a few sentences, a week or month counts from the publication
    date (``the previous week``) and a day stays ``None``: ``the next day`` counted from the
    publication date would be a guess.
    """
    if m["side"]:
        sign, unit_word = (1 if m["side"].lower() == "after" else -1), m["side_unit"]
    else:
        rel = (m["rel"] or "next").lower()
        sign = 1 if rel in ("following", "next") else -1
        unit_word = m["unit"] or m["unit_next"]
    part = _part(unit_word)
    unit = "D" if part else LEX.unit(unit_word)
    amount = 1
    gran_for: dict[str, Granularity] = {"D": "day", "W": "week", "M": "month", "Y": "year"}
    if unit not in gran_for:
        return None
    gran: Granularity = "time" if part else gran_for[unit]
    kind: TimeType = "TIME" if part else "DATE"
    # the reference must be at least as fine as the step: a day counts from a day
    needed = {"D": 10, "W": 10, "M": 7, "Y": 4}[unit]
    value_ = ctx.reference(m.start())
    reference = None
    if value_ is not None and len(value_) >= needed:
        reference = dt.date.fromisoformat((value_ + "-01-01")[:10] if len(value_) < 10 else value_)
    if reference is None and unit in ("W", "M", "Y"):
        reference = ctx.anchor
    if reference is None:
        return Reading(type=kind, value=None, granularity=gran, anchored=True)
    value, _ = cal.shift(reference, unit, sign * amount)
    if part:
        value = f"{value}T{part}"
    return Reading(type=kind, value=value, granularity=gran, anchored=True)


# 5b. the unit of the date the story last named: "that year", "the same day", "later that
# month" (TimeML: anchored to the reference time, at the unit's granularity). Without a fine
# enough date nearby the rule declines ("that day" may name an event's day we cannot date).
THAT_UNIT = (
    r"(?:(?P<mod>later|earlier|early|late)\s+(?:in\s+)?)?(?:that(?:\s+same)?|the\s+same)\s+"
    rf"(?:(?P<unit>day|week|month|year)|(?P<month>{F.month_full}))(?![\w-])"
)


# "said that September was hard": "that" opens a clause, it points at no month
_CONJUNCTION_THAT = re.compile(
    r"\b(?:said|says|say|told|tell|added|noted|reported|announced|believed?|believes|thinks?"
    r"|thought|knows?|knew|hopes?|hoped|expects?|expected|shows?|showed|means?|meant|so|such)"
    r"\s+$",
    re.I,
)


_VERB_AFTER = re.compile(
    r"\s+(?:is|was|are|were|has|had|have|will|would|could|should|can|may|might|did|does|do"
    r"|[a-z]+ed)\b"
)
_PUNCT_OR_PREP_AFTER = re.compile(r"\s*(?:[,.;:!?)]|$)|\s+(?:when|as|and|in|of)\b")


def that_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """``that year``, ``that same day``; ``that September`` is the month in the year the
    story last named (``the invasion began in February 2022 ... more left that September``)."""
    if m["month"]:
        reference = ctx.reference(m.start())
        if (
            reference is None
            or _CONJUNCTION_THAT.search(ctx.text, max(0, m.start() - 20), m.start())
            or _VERB_AFTER.match(ctx.text, m.end())
            or (m["month"] == "May" and not _PUNCT_OR_PREP_AFTER.match(ctx.text, m.end()))
        ):
            # "warned that September is the worst month", "argued that May had misjudged":
            # "that" opens a clause whose subject the month (or Mrs May) is
            return None
        value = cal.month_value(int(reference[:4]), LEX.month(m["month"]))
        mod = modifier(m["mod"]) if m["mod"] else None
        return Reading(type="DATE", value=value, granularity="month", anchored=True, modifier=mod)
    unit = LEX.unit(m["unit"])
    needed = {"D": 10, "W": 10, "M": 7, "Y": 4}[unit]
    reference = ctx.reference(m.start())
    if reference is None or len(reference) < needed:
        return None
    gran: Granularity = {"D": "day", "W": "week", "M": "month", "Y": "year"}[unit]  # type: ignore[assignment]
    if unit == "W":
        value, _ = cal.shift(dt.date.fromisoformat(reference), "W", 0)
    else:
        value = reference[:needed]
    mod = modifier(m["mod"]) if m["mod"] else None
    return Reading(type="DATE", value=value, granularity=gran, anchored=True, modifier=mod)


# 5b'. a month of the year the story last named: "in early June of that year" (one TIMEX3)
MONTH_OF_THAT_YEAR = (
    r"(?:(?P<mod>early|late|mid|the\s+end\s+of|the\s+beginning\s+of)(?:\s+|-))?"
    rf"(?P<month>{F.month_full})\s+of\s+(?:that|the\s+same)\s+year(?![\w-])"
)


def month_of_that_year(m: re.Match[str], ctx: Context) -> Reading | None:
    reference = ctx.reference(m.start())
    if reference is None:
        return None
    value = cal.month_value(int(reference[:4]), LEX.month(m["month"]))
    mod = modifier(m["mod"]) if m["mod"] else None
    return Reading(type="DATE", value=value, granularity="month", anchored=True, modifier=mod)


# 5c. a weekday counted from the day the story last named: "the previous Friday",
# "the following Monday" (TimeML: anchored to that reference day, not the publication date)
NARRATIVE_WEEKDAY = rf"the\s+(?P<rel>previous|preceding|following)\s+(?P<wd>{F.weekday})"


def narrative_weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    reference = ctx.reference(m.start())
    if reference is None or len(reference) < 10:
        return None
    day = dt.date.fromisoformat(reference)
    target = LEX.weekday(m["wd"])
    if m["rel"].lower() == "following":
        value = cal.nearest_weekday(cal.add_days(day, 1), target, "future")
    else:
        value = cal.nearest_weekday(cal.add_days(day, -1), target, "past")
    return Reading(type="DATE", value=value.isoformat(), granularity="day", anchored=True)


# 5d. a part of the day the story is at: "placed orders in the morning", "by mid-afternoon"
# (TIMEX3: a TIME on the reference day; the preposition stays outside the extent)
NARRATIVE_PART = (
    r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=during\s)|(?<=until\s))"
    r"(?:the\s+(?:(?P<early>early|late)\s+)?(?P<part>morning|afternoon|evening)"
    r"|(?P<mid>mid[\s-]?(?:morning|afternoon)))"
    r"(?![\w-])(?!\s+(?:of|hours|session|edition|news|paper|papers|show|shows)\b)"
)


def narrative_part(m: re.Match[str], ctx: Context) -> Reading | None:
    part = _part(m["part"] or re.sub(r"mid[\s-]?", "mid-", m["mid"].lower()))
    reference = ctx.reference(m.start())
    if part is None:
        return None
    if reference is not None and len(reference) >= 10:
        day = reference[:10]
    elif ctx.anchor is not None:
        day = ctx.anchor.isoformat()  # no day named nearby: the publication day's
    else:
        return Reading(type="TIME", value=None, granularity="time", anchored=True)
    mod = modifier(m["early"]) if m["early"] else None
    return Reading(
        type="TIME", value=f"{day}T{part}", granularity="time", anchored=True, modifier=mod
    )


# 5e. the same unit a year back: "the same month last year", "the corresponding period of
# 1999" (business news compares the period just reported with the one a year before)
SAME_LAST_YEAR = (
    r"the\s+(?:same|corresponding|comparable)\s+(?P<unit>period|quarter|month|week|day)\s+"
    rf"(?:of\s+|in\s+)?(?:last\s+year|the\s+previous\s+year|a\s+year\s+(?:ago|earlier)|(?P<year>{F.year}))"
    r"(?![\w-])|(?:last|the\s+previous)\s+year['’]s\s+(?P<unit2>period|quarter)(?![\w-])"
)


def same_last_year(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = (m["unit"] or m["unit2"]).lower()
    if ctx.anchor is None and not m["year"]:
        return Reading(type="DATE", value=None, anchored=True)
    year = int(m["year"]) if m["year"] else ctx.anchor.year - 1  # type: ignore[union-attr]
    if unit in ("period", "quarter"):
        quarter = reported_quarter(m, ctx)
        if quarter:
            return Reading(type="DATE", value=f"{year}-Q{quarter}", granularity="quarter")
        if unit == "quarter":
            return None
        return Reading(type="DATE", value=str(year), granularity="year", anchored=True)
    needed = {"month": 7, "week": 10, "day": 10}[unit]
    reference = ctx.reference(m.start())
    if reference is None or len(reference) < needed:
        return None
    try:
        day = dt.date.fromisoformat((reference + "-01")[:10]).replace(year=year)
    except ValueError:  # Feb. 29
        return None
    if unit == "month":
        return Reading(type="DATE", value=cal.month_value(year, day.month), granularity="month")
    if unit == "week":
        return Reading(type="DATE", value=cal.week_value(day), granularity="week")
    return Reading(type="DATE", value=day.isoformat(), granularity="day")
