"""Grammar rules for holidays: fixed days ("Christmas"), nth weekdays ("Thanksgiving",
"Labor Day", "Election Day"), days counted from Easter ("Good Friday"), and the week or
weekend around them ("Easter week", "Labor Day weekend")."""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from crossread.extract.times import calendar as cal
from crossread.extract.times.lexicon import fragments, lexicon
from crossread.extract.times.readings import Context, Reading
from crossread.models import Granularity

F = fragments()
LEX = lexicon()


# 6. holidays: "Christmas", "Thanksgiving Day"
HOLIDAY = (
    rf"(?P<name>{F.holiday})(?:\s+(?P<span>week|weekend)(?![\w-]))?(?:,?\s+(?P<year>{F.year}))?"
)
HOLIDAY_REACH = 10
"""Days from the publication date within which a holiday is the one at hand, whatever the
tense ("as Easter week began", "as we move past Labor Day")."""


# "the Good Friday Agreement", "the Easter Rising", "the Tet Offensive": an event's name
_NAMED_AFTER_HOLIDAY = re.compile(
    r"\s+(?-i:Agreements?|Accords?|Rising|Uprising|Offensive|Massacre|Parade|Bombings?|Attacks?"
    r"|Island|Islands)\b"
)


def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    name = re.sub(r"\s+", " ", m["name"])
    if _NAMED_AFTER_HOLIDAY.match(ctx.text, m.end()):
        return None
    fixed = LEX.holidays.get(name)
    rule = LEX.weekday_holidays.get(name)
    from_easter = LEX.easter_holidays.get(name)

    def on(year_: int) -> dt.date:
        if fixed:
            return dt.date(year_, int(fixed[:2]), int(fixed[3:]))
        if from_easter is not None:
            return cal.add_days(easter(year_), from_easter)
        assert rule is not None
        # [month, weekday, nth] and an optional offset in days: US Election Day is the
        # Tuesday after the first Monday in November, [11, 1, 1, 1]
        offset = rule[3] if len(rule) > 3 else 0
        return cal.add_days(cal.nth_weekday(year_, rule[0], rule[1], rule[2]), offset)

    span = (m["span"] or "").lower()
    gran: Granularity = "week" if span else "day"

    def reading(day: dt.date, anchored: bool) -> Reading:
        if span == "week":  # "Easter week", "Thanksgiving week"
            value = cal.week_value(day)
        elif span == "weekend":  # "Labor Day weekend": the Saturday and Sunday next to it
            value = cal.week_value(cal.add_days(day, -1 if day.isoweekday() == 1 else 0)) + "-WE"
        else:
            value = day.isoformat()
        return Reading(type="DATE", value=value, granularity=gran, anchored=anchored)

    if m["year"]:
        return reading(on(int(m["year"])), False)
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity=gran, anchored=True)
    anchor = ctx.anchor
    every, remainder = LEX.holiday_years.get(name, (1, 0))
    years = range(anchor.year - every, anchor.year + every + 1)
    candidates = [on(y) for y in years if y % every == remainder]
    nearest = min(candidates, key=lambda c: abs((c - anchor).days))
    direction = ctx.direction(m.start(), m.end())
    if abs((nearest - anchor).days) <= HOLIDAY_REACH:
        day = nearest
    elif direction == "future":
        day = min(c for c in candidates if c >= anchor)
    elif direction == "past":
        day = max(c for c in candidates if c <= anchor)
    else:  # this year's, or for a holiday not held every year the nearest one
        day = next((c for c in candidates if c.year == anchor.year), nearest)
    return reading(day, True)
