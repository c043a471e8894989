"""Grammar rules for expressions that need the anchor: days, weekdays, ``last month``, ``ago``,
the year-ago periods of business news, and clock times."""

from __future__ import annotations

import datetime as dt
import re

from crossread.extract.times import calendar as cal
from crossread.extract.times import dates
from crossread.extract.times.dates import modifier
from crossread.extract.times.lexicon import fragments, lexicon, ordinal_value
from crossread.extract.times.readings import Context, Reading
from crossread.extract.times.tense import date_direction, quoted
from crossread.models import Granularity, TimeType

F = fragments()
LEX = lexicon()

DAY_OFFSETS = {
    "yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").lower()).strip()


def _part(text: str | None) -> str | None:
    return LEX.day_parts.get(_words(text)) if text else None


# 1. days: "yesterday", "late yesterday", "yesterday morning", "tonight", "this morning"
DAY_WORD = (
    r"(?:(?P<mod>early|late|later|earlier)\s+)?"
    r"(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
    r"|tomorrow|tonight)(?!['’]s\s+(?:world|society|economy|market))"
    rf"(?:\s+(?P<part>{F.day_part}))?"
)
PART_OF_DAY = (
    r"(?:(?P<mod>early|late|later|earlier)\s+)?"
    rf"(?:(?P<rel>this|last|tomorrow|yesterday)\s+)(?P<part>{F.day_part})"
)


_GENERIC_BEFORE = re.compile(r"\b(?:of|a|our|your|their|the)\s+(?:[a-z]+er\s+)?$", re.I)


SPEECH_REACH_DAYS = 7
"""How many days before the publication date a speech quoted with "tonight" may lie."""


def _speech_day(m: re.Match[str], ctx: Context) -> dt.date | None:
    """The day a quotation's "today"/"tonight" was spoken: the day the story was last at,
    when that is a recent day before the publication date ("Sanders spoke Tuesday night.
    “What voters confirmed here tonight ...”" in Wednesday's paper); else None."""
    if ctx.anchor is None or not quoted(ctx.text, ctx.bounds(m.start()), m.start()):
        return None
    reference = ctx.reference(m.start())
    if reference is None or len(reference) < 10:
        return None
    day = dt.date.fromisoformat(reference[:10])
    return day if 0 < (ctx.anchor - day).days <= SPEECH_REACH_DAYS else None


def day_word(m: re.Match[str], ctx: Context) -> Reading | None:
    word = _words(m["word"])
    if (
        word == "tomorrow"
        and not m["part"]
        and not m["mod"]
        and _GENERIC_BEFORE.search(ctx.text, max(0, m.start() - 24), m.start())
    ):
        # "the people of tomorrow", "a brighter tomorrow": the future, not a day
        return Reading(type="DATE", value="FUTURE_REF")
    part = _part(m["part"]) or ("NI" if word == "tonight" else None)
    mod = modifier(m["mod"]) if m["mod"] else None
    kind: TimeType = "TIME" if part else "DATE"
    if ctx.anchor is None:
        return Reading(type=kind, value=None, granularity="day", anchored=True, modifier=mod)
    base = _speech_day(m, ctx) if word in ("today", "tonight") else None
    day = cal.add_days(base or ctx.anchor, DAY_OFFSETS[word]).isoformat()
    value = f"{day}T{part}" if part else day
    gran: Granularity = "time" if part else "day"
    return Reading(type=kind, value=value, granularity=gran, anchored=True, modifier=mod)


def part_of_day(m: re.Match[str], ctx: Context) -> Reading | None:
    rel = _words(m["rel"])
    part = _part(m["part"])
    if ctx.anchor is None:
        return Reading(type="TIME", value=None, granularity="time", anchored=True)
    offset = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel]
    if rel == "last" and part != "NI":
        offset = -1
    day = cal.add_days(ctx.anchor, offset).isoformat()
    mod = modifier(m["mod"]) if m["mod"] else None
    return Reading(
        type="TIME", value=f"{day}T{part}", granularity="time", anchored=True, modifier=mod
    )


# 2. weekdays: "Monday", "last Friday", "next Monday", "Monday morning", "early Tuesday"
WEEKDAY = (
    r"(?:(?P<rel>last|this\s+past|this\s+coming|this|next|early|late|earlier|later)\s+)?"
    rf"(?P<wd>{F.weekday})(?:\s+(?P<part>{F.day_part}))?"
)


# "the Good Friday Agreement", "Bloody Sunday": the weekday is part of a name (a holiday
# the holiday rule reads, or an event's)
_INDEFINITE_BEFORE = re.compile(r"\b(?:[Oo]n|[Ff]or|[Oo]f|[Dd]uring)\s+a\s+$")
_NAMED_DAY_BEFORE = re.compile(r"(?-i:Good|Holy|Maundy|Palm|Ash|Easter|Bloody)\s+$")


def weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    if not m["rel"] and _NAMED_DAY_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None
    rel = _words(m["rel"])
    part = _part(m["part"])
    if not rel and _INDEFINITE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        # "book on a Tuesday": any Tuesday (TimeML: XXXX-WXX-2)
        value = f"XXXX-WXX-{LEX.weekday(m['wd'])}" + (f"T{part}" if part else "")
        return Reading(type="TIME" if part else "DATE", value=value, granularity="day")
    mod = modifier(rel) if rel in ("early", "late", "earlier", "later") else None
    kind: TimeType = "TIME" if part else "DATE"
    gran: Granularity = "time" if part else "day"
    if ctx.anchor is None:
        return Reading(type=kind, value=None, granularity=gran, anchored=True, modifier=mod)
    target = LEX.weekday(m["wd"])
    if rel in ("last", "this past"):
        day = cal.nearest_weekday(cal.add_days(ctx.anchor, -1), target, "past")
    elif rel in ("next", "this coming"):
        day = cal.nearest_weekday(cal.add_days(ctx.anchor, 1), target, "future")
    else:
        direction, _ = date_direction(m, ctx)
        day = cal.nearest_weekday(ctx.anchor, target, direction)
    value = f"{day.isoformat()}T{part}" if part else day.isoformat()
    return Reading(type=kind, value=value, granularity=gran, anchored=True, modifier=mod)


# 2b. a part of day before the day it belongs to (TIMEX3 guidelines: one TIME expression,
# value day + part): "mid-afternoon yesterday", "late morning Tuesday". A bare part needs its
# "mid"/"early"/"late" (a bare "night Monday, March 5" is usually "at night" + a date).
PART_OF_DATE = (
    r"(?:(?P<mod>early|late)\s+(?P<part>morning|afternoon|evening|night)"
    r"|(?P<mid>mid[\s-]*(?:morning|afternoon|day)))"
    rf"\s+(?P<date>yesterday|today|tomorrow"
    rf"|(?:{F.weekday},?\s+)?{F.month}\s+{F.day}(?:,?\s+{F.year})?|{F.weekday})"
)
_MDY = re.compile(dates.MDY, re.I)
_WEEKDAY = re.compile(WEEKDAY, re.I)


def part_of_date(m: re.Match[str], ctx: Context) -> Reading | None:
    mid = re.sub(r"mid[\s-]*", "mid-", _words(m["mid"])).replace("mid-day", "midday")
    part = _part(m["part"]) if m["part"] else _part(mid)
    if part is None:
        return None
    mod = modifier(m["mod"]) if m["mod"] else None
    date = _words(m["date"])
    day: str | None
    if date in DAY_OFFSETS:
        day = cal.add_days(ctx.anchor, DAY_OFFSETS[date]).isoformat() if ctx.anchor else None
    else:
        sub = _MDY.match(ctx.text, m.start("date"))
        sub = sub if sub and sub.end() == m.end() else _WEEKDAY.match(ctx.text, m.start("date"))
        if sub is None or sub.end() != m.end():
            return None
        reading = dates.month_day(sub, ctx) if "mon" in sub.groupdict() else weekday(sub, ctx)
        if reading is None:
            return None
        day = reading.value
    if day is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return None
    value = f"{day}T{part}" if day else None
    return Reading(type="TIME", value=value, granularity="time", anchored=True, modifier=mod)


# 3. calendar units relative to the anchor: "last week", "this year", "earlier this month"
REL_UNIT = (
    r"(?P<rel>(?:(?:the\s+)?(?:very\s+)?(?:early|late|earlier|later|mid|end\s+of|beginning\s+of"
    r"|start\s+of|middle\s+of|close\s+of|rest\s+of|first\s+half\s+of|second\s+half\s+of)"
    r"(?:\s+in)?\s+)?(?:this|last|next|the\s+current|the\s+previous|the\s+following"
    r"|the\s+coming|this\s+past|this\s+coming|the|same|the\s+same))\s+"
    r"(?P<unit>week(?:end)?|month|year|decade|century|(?:fiscal|financial|full|calendar)\s+year)"
    r"(?![\w-])"
)


_OF_BEFORE = re.compile(r"\bof[\s-]+$", re.I)
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|its|their|my|our|your)\s+$", re.I)
_OPEN_QUOTE = re.compile(r"[\"“‘`]\s?$")
_NAME_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


def relative_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    if (
        m["unit"][:1].isupper()
        and m.group()[:1].isupper()
        and (
            _OPEN_QUOTE.search(ctx.text, max(0, m.start() - 2), m.start())
            or _NAME_OF.match(ctx.text, m.end())
        )
    ):
        # ABC's "This Week", "The Year of the Dragon": a title-case unit noun in quotes or
        # before "of" and a name is itself a name
        return None
    if m["unit"][:1].isupper() and _OF_BEFORE.search(ctx.text, max(0, m.start() - 4), m.start()):
        return None  # "Person of the Year": a title
    if _POSSESSIVE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()):
        return None  # "in 2008, his last year in office": his, not the calendar's
    rel = _words(m["rel"])
    unit_word = _words(m["unit"])
    head = rel.split(" ")[-1] if rel else ""
    if rel.endswith("the current"):
        head = "this"
    mod: str | None = None
    prefix = rel.rsplit(" ", 1)[0] if " " in rel else ""
    for lead in (
        "the previous",
        "the following",
        "the coming",
        "this past",
        "this coming",
        "the same",
    ):
        if rel.endswith(lead):
            head = lead
            prefix = rel[: -len(lead)].strip()
    if prefix.endswith(" in"):
        prefix = prefix[:-3]
    if prefix:
        mod = "END" if prefix.startswith(("rest",)) else modifier(prefix)
    if head in ("the", "same", "the same"):
        # "the week" alone refers back to some week; "the year" in news is nearly always
        # the current one ("profit for the year", "earlier in the year")
        # ("the fiscal year", "the full year" likewise, in business news)
        if not prefix and not unit_word.endswith("year"):
            return None
        if not prefix and re.match(r"\s+(?:ended|ending)\b", ctx.text[m.end() : m.end() + 10]):
            # "the year ended June 30": a twelve-month accounting period
            return Reading(type="DURATION", value="P1Y")
        head = "this"
    delta = {
        "this": 0,
        "last": -1,
        "next": 1,
        "the previous": -1,
        "the following": 1,
        "the coming": 1,
        "this past": -1,
        "this coming": 1,
    }.get(head)
    if delta is None:
        return None
    if unit_word == "weekend":
        weekday_anchor = ctx.anchor is not None and ctx.anchor.isoweekday() < 6
        if delta == 0 and weekday_anchor and ctx.direction(m.start(), m.end()) == "past":
            delta = -1  # "took place this weekend", written on a weekday: the one just over
        return _weekend(ctx, delta, mod)
    unit = "Y" if "year" in unit_word else LEX.unit(unit_word)
    gran = {"W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}[unit]
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity=gran, anchored=True, modifier=mod)  # type: ignore[arg-type]
    value, _ = cal.shift(ctx.anchor, unit, delta)
    return Reading(type="DATE", value=value, granularity=gran, anchored=True, modifier=mod)  # type: ignore[arg-type]


def _weekend(ctx: Context, delta: int, mod: str | None) -> Reading:
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="week", anchored=True, modifier=mod)
    if delta < 0:
        # "last weekend" is the one most recently over, whatever day the anchor is
        day = cal.nearest_weekday(cal.add_days(ctx.anchor, -1), 6, "past")
    else:
        day = cal.add_days(ctx.anchor, 7 * delta)
    value = cal.week_value(day) + "-WE"
    return Reading(type="DATE", value=value, granularity="week", anchored=True, modifier=mod)


THE_WEEKEND = r"(?:(?P<rel>over|during|on|at|throughout)\s+)the\s+weekend(?![\w-])"


def the_weekend(m: re.Match[str], ctx: Context) -> Reading | None:
    """``over the weekend``: the weekend nearest the anchor in the clause's tense."""
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="week", anchored=True)
    direction = ctx.direction(m.start(), m.end())
    day = cal.nearest_weekday(ctx.anchor, 6, "future" if direction == "future" else "past")
    return Reading(
        type="DATE", value=cal.week_value(day) + "-WE", granularity="week", anchored=True
    )


# 4. "two days ago", "three years ago", "a year earlier", "a decade ago"
NUMBER = F.number
AGO = (
    rf"(?:(?P<approx>{F.approx})\s+)?(?P<num>{NUMBER})[\s-]+(?:(?:or\s+so)\s+)?"
    rf"(?P<unit>{F.unit})\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|from\s+now|hence|back)(?![\w])"
)


def ago(m: re.Match[str], ctx: Context) -> Reading | None:
    direction = _words(m["dir"])
    amount = LEX.number(m["num"])
    unit = LEX.unit(m["unit"])
    mod = LEX.approximators.get(_words(m["approx"])) if m["approx"] else None
    mod = "APPROX" if mod else None
    sign = 1 if direction in ("later", "from now", "hence") else -1
    if amount is None:
        return Reading(type="DATE", value="PAST_REF" if sign < 0 else "FUTURE_REF", modifier=mod)
    gran_for: dict[str, Granularity] = {
        "D": "day",
        "H": "day",
        "MIN": "day",
        "S": "day",
        "W": "week",
        "FN": "week",
        "M": "month",
        "Q": "quarter",
        "Y": "year",
        "DE": "decade",
        "CE": "century",
        "ML": "century",
    }
    if ctx.anchor is None:
        return Reading(
            type="DATE",
            value=None,
            granularity=gran_for[unit],
            anchored=True,
            modifier=mod,
        )
    if unit == "Y" and amount == 1 and sign < 0:
        quarter = reported_quarter(m, ctx)
        if quarter:
            value = f"{ctx.anchor.year - 1}-Q{quarter}"
            return Reading(
                type="DATE", value=value, granularity="quarter", anchored=True, modifier=mod
            )
    if unit in ("D",) and amount == int(amount):
        value = cal.add_days(ctx.anchor, sign * int(amount)).isoformat()
        gran = "day"
    elif amount != int(amount) and unit in ("CE", "ML"):
        # "half a century ago": whole years back, a year (1948), not a century
        years = amount * (100 if unit == "CE" else 1000)
        value, gran = cal.shift(ctx.anchor, "Y", sign * round(years))
    elif amount != int(amount):
        months = {"Y": 12, "M": 1, "DE": 120}.get(unit)
        if months is None:
            return Reading(type="DATE", value=None, anchored=True, modifier=mod)
        value, gran = cal.shift(ctx.anchor, "M", sign * round(amount * months))
    else:
        value, gran = cal.shift(ctx.anchor, unit, sign * int(amount))
    return Reading(type="DATE", value=value, granularity=gran, anchored=True, modifier=mod)  # type: ignore[arg-type]


QUARTER_LOOKBACK = 800
_QUARTER_WORD = re.compile(
    r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?quarter\b", re.I
)


def reported_quarter(m: re.Match[str], ctx: Context) -> int | None:
    """The quarter an earnings comparison is about (``third-quarter profit ... a year ago``).

    Business news compares a quarter with the same quarter a year before: the quarter named
    most recently before the expression (within a few sentences), else, when its own sentence
    speaks of a quarter, the last quarter that has ended.
    """
    if ctx.anchor is None:
        return None
    named = [
        q
        for q in _QUARTER_WORD.finditer(ctx.text, max(0, m.start() - QUARTER_LOOKBACK), m.start())
        if q.group(1)
    ]
    if named:
        return ordinal_value(named[-1].group(1))
    lo, hi = ctx.bounds(m.start())
    if _QUARTER_WORD.search(ctx.text, lo, hi):
        return (cal.quarter_of(ctx.anchor) + 2) % 4 + 1
    return None


YEAR_AGO = (
    r"(?:(?P<the>the)\s+(?=(?:comparable\s+|corresponding\s+)?year-(?:earlier|ago)\s+"
    r"(?:period|quarter|(?:first|second|third|fourth)\s+quarter)))?(?:comparable\s+|"
    r"corresponding\s+)?year-(?:earlier|ago)(?:\s+(?P<noun>period|quarter|(?:first|second"
    r"|third|fourth)\s+quarter))?"
)


def year_ago(m: re.Match[str], ctx: Context) -> Reading | None:
    """``year-earlier``, ``the year-ago quarter``: the same period a year before."""
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="year", anchored=True)
    quarter = reported_quarter(m, ctx)
    if quarter:
        return Reading(
            type="DATE",
            value=f"{ctx.anchor.year - 1}-Q{quarter}",
            granularity="quarter",
            anchored=True,
        )
    return Reading(type="DATE", value=str(ctx.anchor.year - 1), granularity="year", anchored=True)


# 4b. "the 1988 quarter", "the 1989 period": the reported quarter in the year named
YEAR_PERIOD = rf"the\s+(?P<year>{F.year})\s+(?:(?P<q>quarter)|period)(?![\w-])"


def year_period(m: re.Match[str], ctx: Context) -> Reading | None:
    year = int(m["year"])
    quarter = reported_quarter(m, ctx)
    if quarter:
        return Reading(type="DATE", value=f"{year}-Q{quarter}", granularity="quarter")
    if m["q"]:
        return None
    return Reading(type="DATE", value=str(year), granularity="year")


# 6. clock times: "3 p.m.", "10:30 a.m. EST", "noon Saturday", "5 p.m. Monday"
_WHEN = rf"(?P<when>{F.weekday}|yesterday|today|tomorrow|tonight|{F.month}\s+{F.day})"
CLOCK = (
    r"(?:(?P<approx>about|around|approximately|roughly|shortly\s+(?:after|before)|just\s+"
    r"(?:after|before))\s+)?"
    r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|am|pm|AM|PM"
    r"|a\.m|p\.m))(?![\w])|(?P<h24>[01]\d|2[0-3]):?(?P<mi24>[0-5]\d)(?=\s*(?-i:GMT|UTC|hours|hrs"
    r"|local|[A-Z]{2,4}T)(?![\w]))|(?P<word>noon|midnight|midday)"
    # a 24-hour time after a preposition of time: "the polls closed at 22:30"
    r"|(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bbefore\s)|(?<=\bafter\s)"
    r"|(?<=\bfrom\s)|(?<=\bsince\s))(?P<h24p>[01]\d|2[0-3]):(?P<mi24p>[0-5]\d)(?![:.,]?\d))"
    r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC))|\s+local\s+time|(?<=\d)\s+(?:hours|hrs)\b)?"
    rf"(?:,?\s+(?:on\s+)?{_WHEN})?"
)
WHEN_CLOCK = rf"(?P<when>{F.weekday}|yesterday|today|tomorrow)\s+(?:at\s+)?(?P<word>noon|midnight)"


_WHEN_BEFORE_PAREN = re.compile(rf"(?<![\w-]){_WHEN}\s*\(\s*(?:at\s+)?$", re.I)
# "Friday at 10 a.m.": the day before "at" is the time's day (the anchor day otherwise)
_WHEN_BEFORE_AT = re.compile(rf"(?<![\w-]){_WHEN},?\s+at\s+$", re.I)


def clock(m: re.Match[str], ctx: Context) -> Reading | None:
    groups = m.groupdict()
    if groups.get("word"):
        word = groups["word"].lower()
        hour, minute = (24, 0) if word == "midnight" else (12, 0)
    elif groups.get("h24"):
        hour, minute = int(groups["h24"]), int(groups["mi24"])
    elif groups.get("h24p"):
        hour, minute = int(groups["h24p"]), int(groups["mi24p"])
    else:
        hour = int(groups["h"])
        minute = int(groups["mi"] or 0)
        if hour > 12 or hour == 0:
            return None
        if groups["ap"].lower().startswith("p") and hour != 12:
            hour += 12
        if groups["ap"].lower().startswith("a") and hour == 12:
            hour = 0
    mod = "APPROX" if groups.get("approx") else None
    when = groups.get("when")
    span = (m.start(), m.end())
    if not when:
        # "3:30 a.m. Tuesday (0830 GMT)": the time in another zone keeps the day before it
        window = (ctx.text, max(0, m.start() - 40), m.start())
        before = _WHEN_BEFORE_PAREN.search(*window) or _WHEN_BEFORE_AT.search(*window)
        when = before["when"] if before else None
        # the day reads its tense where it stands, as it does on its own
        span = (before.start("when"), m.end()) if before else span
    day = _when_day(when, span, ctx)
    if day is None:
        return Reading(type="TIME", value=None, granularity="time", anchored=True, modifier=mod)
    hh = f"{hour:02d}:{minute:02d}"
    return Reading(
        type="TIME",
        value=f"{day.isoformat()}T{hh}",
        granularity="time",
        anchored=True,
        modifier=mod,
    )


def _when_day(when: str | None, span: tuple[int, int], ctx: Context) -> dt.date | None:
    if ctx.anchor is None:
        return None
    if not when:
        return ctx.anchor
    word = _words(when)
    if word in DAY_OFFSETS:
        return cal.add_days(ctx.anchor, DAY_OFFSETS[word])
    month_day = re.match(rf"({F.month})\s+(\d+)", when)
    if month_day:
        month = LEX.month(month_day.group(1))
        return cal.nearest_day(ctx.anchor, month, int(month_day.group(2)), ctx.direction(*span))
    return cal.nearest_weekday(ctx.anchor, LEX.weekday(when), ctx.direction(*span))
