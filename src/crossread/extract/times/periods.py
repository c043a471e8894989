"""Grammar rules for the parts of a year: seasons, quarters and halves.

``this summer``, ``the summer of 2017``, ``the third quarter``, ``Q3 2022``, ``the first half
of 2021``, ``the latest quarter``. Same shape as :mod:`dates`: a pattern and a function that
turns a match into a :class:`Reading`.
"""

from __future__ import annotations

import re

from crossread.extract.times import calendar as cal
from crossread.extract.times.dates import MOD_PREFIX, SPOKEN_YEAR, modifier, spoken_year
from crossread.extract.times.lexicon import fragments, lexicon, ordinal_value
from crossread.extract.times.readings import Context, Reading
from crossread.models import Granularity

F = fragments()
LEX = lexicon()


# 4. seasons: "this summer", "last fall", "summer 2017", "the summer of 2017", "early spring"
SEASON = (
    MOD_PREFIX
    + r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|the|past|coming)\s+)?"
    + rf"(?P<season>{F.season})(?:(?:\s+of)?\s+(?:(?P<year>{F.year})|(?P<spoken>{SPOKEN_YEAR})))?"
)


# what may follow "the summer" when it is the season: the end of a phrase, a conjunction, a
# verb group, or a preposition that starts a new phrase ("in the summer when...",
# "the summer in Paris"; "fall" takes no "in": "the fall in prices")
_SEASON_ENDS_PHRASE = re.compile(
    r"\s*(?:[,.;:!?)\"”’'-]|$)|\s+(?:and|or|but|when|before|after|as|until|while|is|was|were"
    r"|will|would|has|had|could|should|may|might|to|at|with|for|by|on)\b"
    r"|(?<!fall)(?<!Fall)\s+in\b"
)


_TITLE_WORD_AFTER = re.compile(r"[ \t]+(?-i:[A-Z][a-z])")


_SEASON_PREPOSITION = re.compile(
    r"\b(?:in|since|until|till|by|this|during|over|through|throughout|before|from)\s*$"
)


def season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = LEX.seasons[m["season"].lower()]
    mod = modifier(m["mod"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["year"] or m["spoken"]:
        year = m["year"] or str(spoken_year(m["spoken"]))
        return Reading(type="DATE", value=f"{year}-{code}", granularity="season", modifier=mod)
    if m["season"][:1].isupper() and _TITLE_WORD_AFTER.match(ctx.text, m.end()):
        return None  # "the Summer Olympics", "the Spring Festival": a name
    if rel == "the" and not m["mod"] and not _SEASON_ENDS_PHRASE.match(ctx.text, m.end()):
        # "the fall of Saigon", "the fall in prices", "the spring water", "the Spring
        # Festival": a noun or a name, not the season
        return None
    bare = not rel and not m["mod"]
    if bare or (rel == "the" and not m["mod"] and m["season"].lower() == "fall"):
        # a bare "summer" is too often a noun ("summer camp"), and "the fall" a decline
        # ("the factors behind the fall"): only after a preposition of time
        before = ctx.text[max(0, m.start() - 12) : m.start()].lower()
        if not _SEASON_PREPOSITION.search(before):
            return None
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="season", anchored=True, modifier=mod)
    if rel in ("last", "this past", "past"):
        year = cal.shift_season(ctx.anchor, code, -1)
    elif rel in ("next", "this coming", "coming"):
        year = cal.shift_season(ctx.anchor, code, 1)
    elif rel == "this":
        year = cal.shift_season(ctx.anchor, code, 0)
    else:
        year = cal.nearest_season(ctx.anchor, code, ctx.direction(m.start(), m.end()))
    return Reading(
        type="DATE", value=f"{year}-{code}", granularity="season", anchored=True, modifier=mod
    )


# 5. quarters and halves: "the third quarter", "third-quarter", "Q3 2022", "the first half of 2021"
QUARTER = (
    r"(?:(?P<the>the)\s+(?![\w.]+-quarter|fiscal\s+[\w.]+-quarter))?(?:(?P<rel>this\s+year's|last\s+year's|next\s+year's|(?:fiscal\s+)?year['’]s|(?:fiscal\s+)?(?P<yearpos>"
    + F.year
    + r")(?:'s)?)\s+)?(?:(?:fiscal|financial)[\s-]+)?"
    r"(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal[\s-]+)?"
    r"(?P<unit>quarter|half)(?![\w-])"
    r"(?:(?:\s+of|,)?\s+(?:(?:fiscal|the\s+fiscal\s+year|the\s+year)\s+)?(?P<year>"
    + F.year
    + r")|\s+of\s+(?P<relyear>this|last|next|the\s+current|the\s+previous|the)\s+(?:fiscal\s+)?year"
    + r"(?![\w-]))?"
)
Q_SHORT = r"(?-i:(?P<unit>Q|H)(?P<ord>[1-4]))(?:\s+(?P<year>" + F.year + r"))?(?![\w])"
Q_LEAD = r"(?-i:(?P<ord>[1-4])(?P<unit>Q|H))(?:\s+(?P<year>" + F.year + r"))?(?![\w])"
"""The quarter number first, as market reports write it: ``2Q 2000``, ``1H``."""
LATEST_QUARTER = (
    r"(?:the\s+(?:(?P<rel>latest|most\s+recent|current|previous|past|last|same"
    r"|prior|preceding)\s+)?(?:fiscal\s+)?(?P<unit>quarter)|the\s+(?P<rel2>latest|most\s+recent)"
    r"\s+(?P<period>period)|(?P<this>this)\s+quarter)(?![\w-])"
)


def quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    unit = m["unit"].lower()
    number = ordinal_value(m["ord"]) or 0
    if unit.startswith("q"):
        unit = "quarter"
    if unit.startswith("h"):
        unit = "half"
    limit = 4 if unit == "quarter" else 2
    if number == -1:
        number = limit
    if not 1 <= number <= limit:
        return None
    groups = m.groupdict()
    named_year = m["year"] or groups.get("yearpos") or groups.get("rel") or groups.get("relyear")
    if unit == "half" and not named_year:
        # "the second half" alone is as often a match's as a year's
        return None
    letter = "Q" if unit == "quarter" else "H"
    gran: Granularity = "quarter" if unit == "quarter" else "half"
    explicit = m["year"] or m.groupdict().get("yearpos")
    if explicit:
        return Reading(type="DATE", value=f"{explicit}-{letter}{number}", granularity=gran)
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity=gran, anchored=True)
    rel = (groups.get("rel") or groups.get("relyear") or "").lower()
    # "the first half of the year" (TimeML: 2022-H1, not 2022 START) names no year: the
    # nearest such half or quarter in the clause's tense, as "the third quarter" alone
    rel = {"the previous": "last", "the current": "this", "the": ""}.get(rel, rel)
    if rel.startswith(("year", "fiscal")):
        rel = "this"  # "the year's first quarter"
    if rel.startswith("last"):
        year_ = ctx.anchor.year - 1
    elif rel.startswith("next"):
        year_ = ctx.anchor.year + 1
    elif rel.startswith("this"):
        year_ = ctx.anchor.year
    elif letter == "Q":
        year_ = cal.nearest_quarter(ctx.anchor, number, ctx.direction(m.start(), m.end()))
    else:
        current = 1 if ctx.anchor.month <= 6 else 2
        if ctx.direction(m.start(), m.end()) == "future":
            year_ = ctx.anchor.year if number >= current else ctx.anchor.year + 1
        else:
            year_ = ctx.anchor.year if number <= current else ctx.anchor.year - 1
    return Reading(type="DATE", value=f"{year_}-{letter}{number}", granularity=gran, anchored=True)


# "the April-June quarter", "the July-September quarter of 2000": a calendar quarter by months
MONTH_QUARTER = (
    rf"(?:the\s+)?(?P<first>{F.month})\s*[-–/]\s*(?P<last>{F.month})\s+quarter(?![\w-])"
    rf"(?:(?:\s+of|,)?\s+(?P<year>{F.year}))?"
)


def month_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    first, last = LEX.month(m["first"]), LEX.month(m["last"])
    if first % 3 != 1 or last != first + 2:
        return None  # not a calendar quarter (a fiscal one we cannot name)
    number = (first - 1) // 3 + 1
    if m["year"]:
        return Reading(type="DATE", value=f"{m['year']}-Q{number}", granularity="quarter")
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="quarter", anchored=True)
    year_ = cal.nearest_quarter(ctx.anchor, number, ctx.direction(m.start(), m.end()))
    return Reading(type="DATE", value=f"{year_}-Q{number}", granularity="quarter", anchored=True)


_ENDED = re.compile(
    rf"\s+(?:ended|ending)\s+(?P<mon>{F.month})\s+(?P<day>[0-3]?\d)\b(?:,\s*(?P<year>{F.year}))?",
    re.I,
)


_SHARE_OF = re.compile(
    r"\s+of\s+(?!(?:the\s+|this\s+|last\s+|next\s+)?(?:fiscal\s+|financial\s+)?(?:year|\d{4}))",
    re.I,
)


def latest_quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    """``the latest quarter``: the last quarter that has ended (the one being reported)."""
    if m["unit"] and _SHARE_OF.match(ctx.text, m.end()):
        return None  # "the quarter of voters who ...": a share, not a period
    if ctx.anchor is None:
        return Reading(type="DATE", value=None, granularity="quarter", anchored=True)
    rel = (m["rel"] or m["rel2"] or m["this"] or "").lower()
    delta = 0 if rel in ("current", "same", "this") else -1
    if rel in ("previous", "prior", "preceding"):
        delta = -2
    ended = _ENDED.match(ctx.text, m.end())
    if ended and delta == -1:
        # "the quarter ended Sept. 30": the calendar quarter of its closing day
        end = cal.nearest_day(ctx.anchor, LEX.month(ended["mon"]), int(ended["day"]), "past")
        if ended["year"] and end is not None:
            end = end.replace(year=int(ended["year"]))
        if end is not None:
            value = f"{end.year:04d}-Q{cal.quarter_of(end)}"
            return Reading(type="DATE", value=value, granularity="quarter", anchored=True)
    value, _gran = cal.shift(ctx.anchor, "Q", delta)
    return Reading(type="DATE", value=value, granularity="quarter", anchored=True)
