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

# a clock time and nothing else ("6:00 a.m.", "9 p.m.", "noon", "22:00 GMT")
_CLOCK_ONLY = re.compile(
    r"(?:\d{1,2}(?::\d\d)?\s*(?:[ap]\.?\s?m\.?)?(?:\s+(?:[A-Z]{2,4}|Eastern|Pacific|Central))?"
    r"|noon|midnight)",
    re.I,
)
_DATED = re.compile(r"\d{4}-\d\d-\d\dT(?P<time>.+)")
_WEEKDAY_SET = re.compile(r"XXXX-WXX-(?P<day>\d)")
# schedule words the grammar does not mark as sets of their own
_SCHEDULE_WORDS = re.compile(r"\b(?:weekdays|weeknights|weekends|nightly)\b", re.I)


def habitual_times(
    text: str, refs: Sequence[TimeRef], bounds: Callable[[int], tuple[int, int]]
) -> list[TimeRef]:
    """``refs`` with the clock times of schedule sentences made generic (see the module)."""
    out = list(refs)
    for i, ref in enumerate(out):
        if ref.type != "TIME" or not ref.anchored or ref.value is None:
            continue
        dated = _DATED.fullmatch(ref.value)
        if dated is None or not _CLOCK_ONLY.fullmatch(ref.text):
            continue
        lo, hi = bounds(ref.start)
        sets = [r for r in out if r.type == "SET" and lo <= r.start < hi]
        if not sets and not _SCHEDULE_WORDS.search(text, lo, hi):
            continue
        weekday = next((m for r in sets if (m := _WEEKDAY_SET.match(r.value or ""))), None)
        day = f"XXXX-WXX-{weekday['day']}" if weekday else "XXXX-XX-XX"
        out[i] = dataclasses.replace(ref, value=f"{day}T{dated['time']}", anchored=False)
    return out
