"""Clock times of a schedule: "airs weekdays from 6 a.m.", "every Sunday at 9 a.m.".

A clock time with no day of its own is read on the publication day ("polls closed at 8 p.m."),
but in a sentence that states a recurring schedule it names no day at all: it takes the
set's weekday when the set has one (``XXXX-WXX-7T09:00``) and an unknown day otherwise
(``XXXX-XX-XXT06:00``), so a timeline does not pin a programme's slot to one date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from crossread.models import TimeRef

# a clock time and nothing else ("6:00 a.m.", "9 p.m.", "noon", "22:00 GMT", "6 a.m. local time")
_CLOCK_ONLY = re.compile(
    r"(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?(?:\s+(?:[A-Z]{2,4}|Eastern|Pacific|Central))?"
    r"|noon|midnight)(?:\s+local\s+time)?",
    re.I,
)
_DATED = re.compile(r"\d{4}-\d\d-\d\dT(?P<time>.+)")
_WEEKDAY_SET = re.compile(r"XXXX-WXX-(?P<day>\d)")
# schedule words the grammar does not mark as sets of their own
_SCHEDULE_WORDS = re.compile(r"\b(?:weekdays|weeknights|weekends|nightly)\b", re.I)
# what ends a clause between a schedule and a clock time: "popular on weekends, was raided
# at 1 a.m.", "met weekly with ... and arrived at 9 a.m."
_CLAUSE_BREAK = re.compile(
    r"[,;()—–]|\b(?:and|but|or|which|who|that|after|before|because|when|while|since)\b", re.I
)


def _schedules(text: str, refs: Sequence[TimeRef], lo: int, hi: int) -> list[tuple[int, int, str]]:
    """(start, end, day) of the sets and schedule words in ``text[lo:hi]``; day is the ISO
    weekday of a weekday set ("every Sunday" -> "7") or ""."""
    out = []
    for r in refs:
        if r.type == "SET" and lo <= r.start < hi:
            weekday = _WEEKDAY_SET.match(r.value or "")
            out.append((r.start, r.end, weekday["day"] if weekday else ""))
    out.extend((m.start(), m.end(), "") for m in _SCHEDULE_WORDS.finditer(text, lo, hi))
    return out


def habitual_times(
    text: str,
    refs: Sequence[TimeRef],
    bounds: Callable[[int], tuple[int, int]],
    direction: Callable[[int, int], str],
) -> list[TimeRef]:
    """``refs`` with the clock times of schedule clauses made generic (see the module): the
    schedule must share the time's clause, and the clause must not be in the past tense
    ("the gunman, who visited every week, opened fire at 11 p.m." keeps its day)."""
    out = list(refs)
    for i, ref in enumerate(out):
        if ref.type != "TIME" or not ref.anchored or ref.value is None:
            continue
        dated = _DATED.fullmatch(ref.value)
        if dated is None or not _CLOCK_ONLY.fullmatch(ref.text):
            continue
        lo, hi = bounds(ref.start)
        near = None
        for start, end, day in _schedules(text, out, lo, hi):
            gap = (end, ref.start) if end <= ref.start else (ref.end, start)
            if gap[0] > gap[1] or _CLAUSE_BREAK.search(text, *gap):
                continue
            if near is None or gap[1] - gap[0] < near[0]:
                near = (gap[1] - gap[0], day)
        if near is None or direction(ref.start, ref.end) == "past":
            continue
        day = f"XXXX-WXX-{near[1]}" if near[1] else "XXXX-XX-XX"
        out[i] = dataclasses.replace(ref, value=f"{day}T{dated['time']}", anchored=False)
    return out
