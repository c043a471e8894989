"""Grammar rules for calendar dates: explicit dates, months, years, decades (holidays are in
``holidays``).

Each rule is a pattern plus a function that turns a match into a :class:`Reading`. Patterns
are built from the lexicon's fragments; extents follow TimeBank's TIMEX3 conventions (a
leading ``the`` belongs to ``the third quarter`` and ``the 1990s``; ``on`` and ``in`` do not).
"""

from __future__ import annotations

import datetime as dt
import re

from crossread.extract.times import calendar as cal
from crossread.extract.times.lexicon import fragments, lexicon, ordinal_value
from crossread.extract.times.readings import Context, Reading
from crossread.extract.times.tense import date_direction

F = fragments()
LEX = lexicon()

MOD_PREFIX = (
    r"(?:(?P<mod>(?:the\s+)?(?:very\s+)?(?:early|late|mid|beginning\s+of|start\s+of|end\s+of"
    r"|middle\s+of|close\s+of|first\s+half\s+of|second\s+half\s+of|last\s+half\s+of"
    r"|latter\s+part\s+of))(?:\s+|-|\s*-\s*))?"
)


def modifier(text: str | None) -> str | None:
    """TimeML mod of a partial-expression prefix (``late`` -> END, ``the start of`` -> START)."""
    if not text:
        return None
    words = re.sub(r"\s+", " ", text.lower()).strip(" -")
    words = words.removeprefix("the ").removeprefix("very ")
    if words.startswith(("early", "earlier", "beginning", "start", "first half")):
        return "START"
    if words.startswith(("late", "end", "close", "second half", "last half", "latter", "rest")):
        return "END"
    return "MID"


_UNIT_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth")  # fmt: skip
SPELLED_DAY = (
    r"(?:(?:twenty|thirty)[\s-](?:"
    + "|".join(_UNIT_ORDINALS)
    + r")|"
    + "|".join(_UNIT_ORDINALS)
    + r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth"
    r"|eighteenth|nineteenth|twentieth|thirtieth)(?![\w-])"
)
"""A day of the month spelled out, as transcripts write it: ``March eighth``, ``twenty-fifth``."""


def _day(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    words = re.split(r"[\s-]+", text.lower())
    if words[-1] == "thirtieth":
        return 30
    tens = {"twenty": 20, "thirty": 30}.get(words[0], 0)
    return tens + (ordinal_value(words[-1]) or 0)


# 1. explicit dates: ISO, "Feb. 24, 2022", "24 February 2022", "Friday, July 21, 2017"
ISO = (
    r"(?<![\d-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
    r"(?:[T ](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"(?![\d-])"
)
NUMERIC = r"(?<![\d/.-])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])"
THE_NTH = (
    r"the\s+(?P<day>[12]?\d(?:st|nd|rd|th)"
    r"|3[01](?:st|th))(?=\s*[,.;:)]|\s+(?:and|or|at|in|when|to|through|until|of\s+(?:this|next|last)"
    r"\s+month)\b|\s*$)(?:\s+of\s+(?P<rel>this|next|last)\s+month)?"
)
MDY = (
    r"(?:(?:(?:this\s+coming|this\s+past|this|next|last)\s+)?"
    rf"(?P<wd>{F.weekday}),?\s+)?(?:(?P<mod>early|late|mid)[\s-]+)?"
    rf"(?P<mon>{F.month})\s+(?P<day>{F.day}|{SPELLED_DAY})(?!:\d|\d|,\d)"
    rf"(?:(?:,\s*|\s+)(?P<year>{F.year}))?"
)
DMY = (
    # a spelled day only before "of": "the fifth of March" (not "second March on ..."); the
    # Fourth of July is left to the holiday rule
    rf"(?:(?P<wd>{F.weekday}),?\s+)?(?:the\s+)?"
    rf"(?P<day>{F.day}|(?!fourth\s+of\s+july)(?:{SPELLED_DAY})(?=\s+of\s))"
    r"(?:\s+of)?\s+"
    rf"(?P<mon>{F.month})(?:,?\s+(?P<year>{F.year}))?"
)


def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        value = f"{day.isoformat()}T{m['hh']}:{m['mi']}"
        return Reading(type="TIME", value=value, granularity="time")
    return Reading(type="DATE", value=cal.day_value(day), granularity="day")


_TWO_DIGIT_AHEAD = 10


def numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """``8/16/2022`` (US order) or ``16/08/2022`` (day first when the first number is > 12)."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        # the latest year ending in these digits at most _TWO_DIGIT_AHEAD years after the
        # anchor: news cites past dates far more than distant future ones ("3/5/98" in 1998
        # is 1998, "1/5/00" 2000, "3/5/65" in 2016 1965); without an anchor 00-10 are 20xx
        latest = (ctx.anchor.year if ctx.anchor else 2000) + _TWO_DIGIT_AHEAD
        y = latest - (latest - y) % 100
    month, day = (b, a) if a > 12 else (a, b)
    try:
        return Reading(type="DATE", value=dt.date(y, month, day).isoformat(), granularity="day")
    except ValueError:
        return None


_DATE_PREPOSITION = re.compile(r"\b(?:on|by|until|till|since|from|before|after|to)\s+$", re.I)


def nth_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """``on the 15th``: that day of this month, or of the month the tense points to."""
    day = _day(m["day"])
    before = ctx.text[max(0, m.start() - 8) : m.start()]
    if not _DATE_PREPOSITION.search(before):
        return None
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="day", anchored=True)
    rel = (m["rel"] or "").lower()
    if rel:
        year_, month = cal.add_months(
            ctx.anchor.year, ctx.anchor.month, {"this": 0, "next": 1, "last": -1}[rel]
        )
    else:
        year_, month = ctx.anchor.year, ctx.anchor.month
        direction = ctx.direction(m.start(), m.end())
        if direction == "past" and day > ctx.anchor.day:
            year_, month = cal.add_months(year_, month, -1)
        elif direction == "future" and day < ctx.anchor.day:
            year_, month = cal.add_months(year_, month, 1)
    try:
        value = dt.date(year_, month, day).isoformat()
    except ValueError:
        return None
    return Reading(type="DATE", value=value, granularity="day", anchored=True)


_SEPT_11_AFTER = re.compile(
    r"\s+(?:terrorist\s+|terror\s+)?(?:attacks|hijack(?:ers|ings?)|commission|memorial|museum"
    r"|victims|families|anniversary|plot)\b",
    re.I,
)


def month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """``Feb. 24`` (nearest such day in the clause's tense) or ``Feb. 24, 2022``."""
    month = LEX.month(m["mon"])
    day = _day(m["day"])
    mod = modifier(m.groupdict().get("mod"))
    if m["year"]:
        try:
            value = cal.day_value(dt.date(int(m["year"]), month, day))
        except ValueError:
            return None
        return Reading(type="DATE", value=value, granularity="day", modifier=mod)
    if (month, day) == (9, 11) and (
        _SEPT_11_AFTER.match(ctx.text, m.end())
        or ctx.text[max(0, m.start() - 5) : m.start()].lower().endswith(("post-", "pre-"))
    ):
        # "the Sept. 11 attacks": the day has a name in the news, and its year
        return Reading(type="DATE", value="2001-09-11", granularity="day", modifier=mod)
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="day", anchored=True, modifier=mod)
    if m["wd"]:
        # a weekday pins the year: pick the candidate whose weekday agrees
        weekday = LEX.weekday(m["wd"])
        for year in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
            try:
                candidate = dt.date(year, month, day)
            except ValueError:
                continue
            if candidate.isoweekday() == weekday:
                return Reading(
                    type="DATE", value=candidate.isoformat(), granularity="day", anchored=True
                )
    direction, certain = date_direction(m, ctx)
    resolved: dt.date | None = cal.nearest_day(ctx.anchor, month, day, direction)
    if certain and direction == "past":
        resolved = cal.latest_day(ctx.anchor, month, day)
    if resolved is None:
        resolved = cal.nearest_day(ctx.anchor, month, day, "none")
    resolved_value = cal.day_value(resolved) if resolved else None
    return Reading(
        type="DATE", value=resolved_value, granularity="day", anchored=True, modifier=mod
    )


# 2. months: "September 2017", "late May", "in July", "mid-July"
SPOKEN_YEAR = (
    r"(?:nineteen|twenty)[\s-]+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|oh[\s-](?:one|two|three|four"
    r"|five|six|seven|eight|nine))(?![\w-])|(?:the\s+year\s+)?two\s+thousand(?:\s+and)?"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?(?![\w-])"
)
SPOKEN_YEAR = (
    "(?:"
    + SPOKEN_YEAR
    + r")(?!\s+(?:years?|months?|weeks?|days?|decades?|centuries|hours?|people|dollars"
    + r"|times|of|more|or|to)\b)"
)
MONTH_YEAR = (
    MOD_PREFIX
    + rf"(?P<mon>{F.month})(?:,?\s+|\s+of\s+)(?:(?P<year>{F.year})|(?P<spoken>{SPOKEN_YEAR})"
    + r"|(?P<rel>this|last|next)\s+year)"
)
MONTH = (
    MOD_PREFIX
    + rf"(?P<rel>(?:this|last|next|this\s+past|this\s+coming)\s+)?(?P<mon>{F.month_full})"
)


def month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """``September 2017``, ``January nineteen ninety-seven``, ``June last year``."""
    mod = modifier(m["mod"])
    if m["rel"]:
        if ctx.anchor is None:
            return Reading(
                type="DATE", value=None, granularity="month", anchored=True, modifier=mod
            )
        delta = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
        value = cal.month_value(ctx.anchor.year + delta, LEX.month(m["mon"]))
        return Reading(type="DATE", value=value, granularity="month", anchored=True, modifier=mod)
    year_ = int(m["year"]) if m["year"] else spoken_year(m["spoken"])
    value = cal.month_value(year_, LEX.month(m["mon"]))
    return Reading(type="DATE", value=value, granularity="month", modifier=mod)


def spoken_year(text: str) -> int:
    """``nineteen ninety-six`` -> 1996, ``the year two thousand`` -> 2000."""
    words = re.sub(r"[\s-]+", " ", text.lower()).removeprefix("the year ").split(" ")
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + int(LEX.number(" ".join(rest)) or 0 if rest else 0)
    century = int(LEX.number(words[0]) or 0)
    rest = [w for w in words[1:] if w != "oh"]
    return century * 100 + int(LEX.number(" ".join(rest)) or 0)


def spoken_year_rule(m: re.Match[str], ctx: Context) -> Reading | None:
    return Reading(type="DATE", value=str(spoken_year(m.group())), granularity="year")


YEAR_END = r"(?:the\s+)?(?:(?P<rel>this|last|next)\s+)?year(?:-|\s+|['’]s\s+)end(?![\w-])"


def year_end(m: re.Match[str], ctx: Context) -> Reading | None:
    """``year-end``, ``year's end``: the end of the anchor's (or the named) year."""
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="year", anchored=True, modifier="END")
    delta = {"this": 0, "last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return Reading(
        type="DATE",
        value=str(ctx.anchor.year + delta),
        granularity="year",
        anchored=True,
        modifier="END",
    )


# "from May through September", "between June and August": the second month follows the first
_RANGE_START_BEFORE = re.compile(
    rf"\b(?:from|between)\s+{F.month}(?:,?\s+{F.year})?\s*(?:to|through|until|till|and|-|–)\s*$",
    re.I,
)


_MARCH_THE_NOUN = re.compile(r"(?:\b(?:the|a|this)|['’]s)\s+(?:\d{4}\s+)?$", re.I)
_NAMED_MARCH_BEFORE = re.compile(r"\b(?-i:[A-Z])\w+['’]s?\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:on|in|at|to|for|was|were|is|are|and|or|which|that|who|has|had|will|drew|saw)\b)"
    r"(?-i:[a-z])"
)
_MARCH_ON = re.compile(r"\s+(?:on|to|for|against|through|across|from)\s+(?-i:[A-Z])")


def month_alone(m: re.Match[str], ctx: Context) -> Reading | None:
    """A month name without a year: this year's, or the nearest one in the clause's tense."""
    month = LEX.month(m["mon"])
    mod = modifier(m["mod"])
    if m["mon"] == "May" and not (m["mod"] or m["rel"]):
        # "May" is also a modal verb: only a month next to a preposition or a date word
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not re.search(
            r"\b(?:in|since|until|till|by|from|to|of|through|early|late|mid)\s*$", before
        ):
            return None
    if (
        m["mon"] == "March"
        and not (m["mod"] or m["rel"])
        and _MARCH_THE_NOUN.search(ctx.text, max(0, m.start() - 12), m.start())
        and _MARCH_ON.match(ctx.text, m.end())
    ):
        return None  # "the March on Washington": a march, not the month
    if (
        m["mon"] == "March"
        and _NAMED_MARCH_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start())
        and not _NOUN_AFTER.match(ctx.text, m.end())
    ):
        return None  # "the Women's March, which ...": a name ("China's March exports" is not)
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="month", anchored=True, modifier=mod)
    rel = (m["rel"] or "").lower().split()
    if rel[:1] == ["last"] or rel == ["this", "past"]:
        # "last May" is the most recent May that is over, however far back (TimeML: the
        # nearest such month before the reference time; the anchor's own month is "this")
        year = ctx.anchor.year - (1 if month >= ctx.anchor.month else 0)
    elif rel[:1] == ["next"] or rel == ["this", "coming"]:
        year = ctx.anchor.year + (1 if month <= ctx.anchor.month else 0)
    elif rel == ["this"]:
        year = ctx.anchor.year
    else:
        direction, certain = date_direction(m, ctx)
        year = cal.nearest_month(ctx.anchor, month, direction)
        if certain and direction == "past":
            year = ctx.anchor.year - (1 if month > ctx.anchor.month else 0)
        start = ctx.reference(m.start())
        if (
            start
            and len(start) == 7
            and _RANGE_START_BEFORE.search(ctx.text, max(0, m.start() - 40), m.start())
        ):
            first_year, first_month = int(start[:4]), int(start[5:])
            year = first_year + (1 if month < first_month else 0)
    return Reading(
        type="DATE",
        value=cal.month_value(year, month),
        granularity="month",
        anchored=True,
        modifier=mod,
    )


# 3. years, decades, centuries: "1945", "fiscal 2023", "the 1990s", "the 20th century"
YEAR = (
    MOD_PREFIX
    + r"(?P<named>the\s+year\s+)?"  # "the year 2000": one expression (TIMEX3 extent)
    + rf"(?P<fiscal>(?:fiscal|FY)(?:\s+year)?\s*)?(?P<year>{F.year})"
    + r"(?!\s*(?:%|percent|[-\s](?:\w+-)?(?:year|month|day)s?\b))"
)
FY_SHORT = r"(?-i:FY)\s?'?(?P<yy>\d\d)(?!\d)"
DECADE = (
    r"(?:(?P<half>(?:the\s+)?(?:first|second|last|latter)\s+half\s+of)\s+)?"
    r"(?:the\s+)?(?:(?P<mod>(?:early|mid)(?:\s+|-)to(?:\s+|-)(?:mid|late)|early|late|mid)"
    r"(?:\s+|-|\s*-\s*))?(?P<dec>(?:1[5-9]|20)\d0|['’]\d0|[1-9]0)(?:'s|s)(?![\w])"
)
DECADE_WORD = (
    r"(?:the\s+)?(?:(?P<mod>early|late|mid)(?:\s+|-))?"
    r"(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![\w])"
)
CENTURY = (
    r"(?:the\s+)?(?:(?P<mod>early|late|mid)(?:\s+|-))?"
    r"(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
    + "|".join(w for w in LEX.ordinals if LEX.ordinals[w] > 0)
    + r")[\s-]+century(?![\w])"
)
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5,
    "sixties": 6, "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip
_PLURAL_NOUN_AFTER = re.compile(r"\s+(?:[a-z]+s|people|men|women|children)\b(?!\s+(?:of|ago))")
# "about 2000 pages of records": a count however its noun goes on
_COUNTED_AFTER = re.compile(r"\s+(?:pages|people|copies|documents|words|files|records|jobs)\b")
# "1775 Naramata Rd.": a street number
_STREET_AFTER = re.compile(
    r"(?:\s+[A-Z][\w'’-]*){1,3}\s+(?-i:Rd|Road|St|Street|Ave|Avenue|Blvd|Boulevard|Lane|Ln"
    r"|Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy|Parkway|Pkwy)\b"
)
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|by|since|until|till|from|to|before|after|during|through|of|between|and|or"
    r"|around|circa|early|late|mid|as|when|while|because|but)\s+$",
    re.I,
)
# "the 2016 candidates" is that year's; "the 1800 workers" a count (years this early are rare
# in the news, counts of hundreds common)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|these|those|his|her|their|its|our)\s+$", re.I)
MODERN_YEAR = 1900
_NOT_YEAR_BEFORE = re.compile(
    r"(?:No\.|#|\$|€|£|[A-Z]{2,}\s?|[Rr]oute|[Hh]ighway|[Rr]oom|[Ff]light|[Ss]ection|[Pp]age"
    r"|[Nn]umber|[Pp]lan|[Rr]esolution|[Aa]rticle|[Ff]ormula|[Mm]odel|[Hh]otline|[Ll]aw)\s*$"
)


def year(m: re.Match[str], ctx: Context) -> Reading | None:
    """A four-digit year; rejected when it reads as a count (``2000 people``) or an id."""
    if not m["mod"] and not m["fiscal"] and not m["named"]:
        before = ctx.text[max(0, m.start() - 14) : m.start()]
        if _NOT_YEAR_BEFORE.search(before):
            return None
        if (
            _PLURAL_NOUN_AFTER.match(ctx.text, m.end())
            and not _TIME_PREPOSITION_BEFORE.search(before)
            and not (_DETERMINER_BEFORE.search(before) and int(m["year"]) >= MODERN_YEAR)
        ):
            return None
        if _COUNTED_AFTER.match(ctx.text, m.end()) or _STREET_AFTER.match(ctx.text, m.end()):
            return None
    return Reading(type="DATE", value=m["year"], granularity="year", modifier=modifier(m["mod"]))


# "in '08 and '12", "the '16 race": a year written with two digits after an apostrophe
SHORT_YEAR = r"(?<![\w'’])['’](?P<yy>\d\d)(?![\d\w'’])"
_SHORT_YEAR_BEFORE = re.compile(
    r"\b(?:in|of|since|and|or|the|from|to|until|between|class|fall|spring|summer|winter)\s+$",
    re.I,
)


def short_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if not _SHORT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # "a '57 Chevy" stays, "rock 'n' roll '68" is not worth the guess
    yy = int(m["yy"])
    pivot = (ctx.anchor.year % 100 + 5) if ctx.anchor else 30
    century = 2000 if yy <= pivot else 1900
    return Reading(type="DATE", value=str(century + yy), granularity="year")


def fiscal_short(m: re.Match[str], ctx: Context) -> Reading | None:
    yy = int(m["yy"])
    pivot = (ctx.anchor.year % 100 + 20) if ctx.anchor else 50
    century = 2000 if yy <= pivot else 1900
    return Reading(type="DATE", value=str(century + yy), granularity="year")


_AGE_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our|its)\s+$", re.I)


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    """``in his 70s``, ``in her early forties``: a person's age, not a decade."""
    return bool(_AGE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()))


_LEVEL_BEFORE = re.compile(r"\b(?:low|lower|high|upper)[\s-]+$", re.I)
_MEASURE_WORDS = re.compile(
    r"\b(?:temperatures?|degrees|highs|lows|percent|per\s+cent|unemployment|approval|ratings?"
    r"|rates?|mph|points|scores?)\b|%",
    re.I,
)


_TEMPERATURE = re.compile(r"\b(?:temperatures?|thermometers?)\b|°|\d\s*degrees\b", re.I)


def _is_measure(m: re.Match[str], ctx: Context) -> bool:
    """``the low 70s``, ``unemployment in the mid-30s``, ``temperatures in the 80s``: a bare
    two-digit "decade" (no apostrophe) that counts degrees or percent, not years."""
    if len(m["dec"]) != 2:
        return False
    if _LEVEL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start("dec")):
        return True
    lo, hi = ctx.bounds(m.start())
    return _MEASURE_WORDS.search(ctx.text, lo, hi) is not None


def decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if _is_age(m, ctx) or _is_measure(m, ctx):
        return None
    digits = m["dec"].lstrip("'’")
    if len(digits) == 2:
        anchor_year = ctx.anchor.year if ctx.anchor else 1999
        century = anchor_year // 100
        if int(digits) > anchor_year % 100 + 5:
            century -= 1
        digits = f"{century}{digits}"
    mod = modifier(m["mod"] or m["half"])
    return Reading(type="DATE", value=digits[:3], granularity="decade", modifier=mod)


def decade_word(m: re.Match[str], ctx: Context) -> Reading | None:
    if _is_age(m, ctx) or _LEVEL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start("word")):
        return None  # "in her sixties", "the high thirties"
    lo, hi = ctx.bounds(m.start())
    if _TEMPERATURE.search(ctx.text, lo, hi):
        return None  # "temperatures got into the sixties"
    tens = DECADE_WORDS[m["word"].lower()]
    anchor_year = ctx.anchor.year if ctx.anchor else 1999
    century = anchor_year // 100 - (1 if tens * 10 > anchor_year % 100 else 0)
    return Reading(
        type="DATE",
        value=f"{century}{tens}",
        granularity="decade",
        modifier=modifier(m["mod"]),
    )


def century(m: re.Match[str], ctx: Context) -> Reading | None:
    number = ordinal_value(m["ord"])
    if not number or number < 1:
        return None
    return Reading(
        type="DATE",
        value=f"{number - 1:02d}",
        granularity="century",
        modifier=modifier(m["mod"]),
    )
