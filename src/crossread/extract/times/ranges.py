"""Values one expression lends the next: the year a range or list names once.

``July 30-Aug. 14, 1932``, ``August 15th to September 8th, 1963``, ``Oct. 9, 11, 1981``:
the first date names no year of its own, and its year is the one the range closes with,
not the publication year. ``2015, the year the Paris agreement was adopted``, ``July 24,
the day before the convention``: the apposition names the date before it again.
``the 2021 July unrest``: a month right after a year is that year's. ``on a Tuesday,
Wednesday or Sunday``: the days listed after an indefinite weekday are any such day too.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from crossread.extract.times.lexicon import fragments
from crossread.models import TimeRef

# between the open date and the dated one: a range dash or word, a list comma, and any
# bare day numbers of the same list ("April 7-8, 1979", "Oct. 9, 11, 1981")
_JOIN = re.compile(
    r"\s*(?:[-–—]|to|through|thru|until|till|and|,)\s*"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:[-–—,]|and|to)\s*)*",
    re.I,
)
_MONTH_VALUE = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)(?P<rest>(?:-\d\d)?)")
_YEAR_FIRST = re.compile(r"\d{4}(?:$|-\d\d)")
_COMMA = re.compile(r",\s*")
_APPOSITION = re.compile(r"the\s+(?P<unit>day|month|year)(?:\s+(?:before|after))?", re.I)
_MONTH = re.compile(fragments().month)
_WEEKDAY = re.compile(fragments().weekday)
_WEEKDAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")
_LIST_JOIN = re.compile(r"\s*(?:,|or|and|,\s*or|,\s*and)\s*")


def _explicit_year(ref: TimeRef, carried: bool = False) -> str | None:
    """The year a date names in its own words (``Aug. 14, 1932``, ``1963``) or was lent
    by the range it opens (``carried``), else None."""
    if ref.anchored or ref.type != "DATE" or ref.value is None:
        return None
    if not _YEAR_FIRST.match(ref.value) or not (carried or ref.value[:4] in ref.text):
        return None
    return ref.value[:4]


def carry_years(text: str, refs: Sequence[TimeRef]) -> list[TimeRef]:
    """``refs`` (in text order) with what neighbours lend them: the years of ranges and lists,
    the dates of appositions, the year before a month, the genericity of weekday lists."""
    out = _range_years(text, list(refs))
    out = _appositions(text, out)
    return _any_weekday_lists(text, out)


def _open_month(ref: TimeRef) -> re.Match[str] | None:
    """The value of a month or month-day that took its year from the publication date."""
    if not ref.anchored or ref.value is None or ref.type != "DATE" or not _MONTH.search(ref.text):
        return None
    return _MONTH_VALUE.fullmatch(ref.value)


def _range_years(text: str, out: list[TimeRef]) -> list[TimeRef]:
    """``July 30-Aug. 14, 1932``: a date opening a range or list takes the year it closes with
    (read backwards, so a list lends its year all along)."""
    lent: set[int] = set()
    for i in range(len(out) - 2, -1, -1):
        ref, nxt = out[i], out[i + 1]
        own = _open_month(ref)
        year = _explicit_year(nxt, i + 1 in lent)
        if not (own and year and ref.end < nxt.start and _JOIN.fullmatch(text, ref.end, nxt.start)):
            continue
        carried = int(year)
        if nxt.value and _MONTH_VALUE.match(nxt.value) and own["month"] > nxt.value[5:7]:
            carried -= 1  # "Dec. 28 to Jan. 3, 1999" starts in 1998
        value = f"{carried:04d}-{own['month']}{own['rest']}"
        out[i] = dataclasses.replace(ref, value=value, anchored=False)
        lent.add(i)
    return out


def _appositions(text: str, out: list[TimeRef]) -> list[TimeRef]:
    """``2015, the year the treaty was signed``, ``July 24, the day before the convention``:
    the apposition names the date before it again; ``the 2021 July unrest``: a month right
    after a year is that year's."""
    for i in range(1, len(out)):
        prev, ref = out[i - 1], out[i]
        if not ref.anchored or ref.value is None or ref.type != "DATE":
            continue
        between = text[prev.end : ref.start]
        unit = _APPOSITION.fullmatch(ref.text)
        if unit and _COMMA.fullmatch(between) and prev.type == "DATE" and prev.value:
            size = {"day": 10, "month": 7, "year": 4}[unit["unit"].lower()]
            value = prev.value[:size]
            if len(prev.value) >= size and (_MONTH_VALUE.match(value) or value.isdigit()):
                out[i] = dataclasses.replace(ref, value=value, anchored=prev.anchored)
            continue
        own = _open_month(ref)
        year = _explicit_year(prev)
        if own and year and not own["rest"] and between.isspace() and len(between) <= 2:
            out[i] = dataclasses.replace(ref, value=f"{year}-{own['month']}", anchored=False)
    return out


def _any_weekday_lists(text: str, out: list[TimeRef]) -> list[TimeRef]:
    """``on a Tuesday, Wednesday or Sunday``: the weekdays listed after an indefinite one
    are any such day too (``XXXX-WXX-3``)."""
    for i in range(1, len(out)):
        prev, ref = out[i - 1], out[i]
        if not (prev.value and prev.value.startswith("XXXX-WXX-") and ref.value):
            continue
        day = _WEEKDAY_VALUE.fullmatch(ref.value)
        if day and _WEEKDAY.fullmatch(ref.text) and _LIST_JOIN.fullmatch(text, prev.end, ref.start):
            value = f"XXXX-WXX-{dt.date.fromisoformat(day[0]).isoweekday()}"
            out[i] = dataclasses.replace(ref, value=value, anchored=False)
    return out
