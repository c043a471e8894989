"""Calendar arithmetic and TimeML value formatting for resolved time expressions.

Everything here is pure: given an anchor (the publication date) and a direction taken from the
sentence's tense, compute the calendar unit an expression points at and format it as a TimeML
``value`` (``2022-08-15``, ``2022-05``, ``2022-W33``, ``2022-Q3``, ``2022-SU``, ``199``).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from crossread.models import Granularity

Direction = Literal["past", "future", "none"]

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def day_value(day: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: dt.date) -> str:
    """ISO week of ``day``: ``2022-W33``."""
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """Shift a (year, month) pair by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_days(day: dt.date, delta: int) -> dt.date:
    return day + dt.timedelta(days=delta)


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def season_of(day: dt.date) -> tuple[int, str]:
    """(year, season code) of the season ``day`` falls in; December belongs to next winter."""
    if day.month in (3, 4, 5):
        return day.year, "SP"
    if day.month in (6, 7, 8):
        return day.year, "SU"
    if day.month in (9, 10, 11):
        return day.year, "FA"
    return (day.year if day.month == 12 else day.year - 1), "WI"


def nearest_weekday(anchor: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The ``weekday`` (1 = Monday) nearest the anchor in ``direction``; the anchor day counts.

    News reports the past far more than the future, so ``none`` resolves like ``past``.
    """
    diff = weekday - anchor.isoweekday()
    if direction == "future":
        return add_days(anchor, diff % 7)
    return add_days(anchor, -((-diff) % 7))


# A past-tense clause still means a coming date when the past reading lies this far back
# ("Dec. 7" written in November is next month's, not last year's).
PAST_REACH_DAYS = 240


# A future clause still means a date of the last few days rather than one almost a year
# ahead ("the show is to run from January 23 through March 9", written on January 28).
FUTURE_SLIP_DAYS = 14


def nearest_month(anchor: dt.date, month: int, direction: Direction) -> int:
    """Year of the named month nearest the anchor in ``direction`` (anchor's month counts).

    A past reading more than ~8 months back, or no tense cue, gives the closest such month.
    """
    back = (anchor.month - month) % 12
    ahead = (month - anchor.month) % 12
    if direction == "future":
        return anchor.year + (1 if month < anchor.month else 0)
    if direction == "past" and back * 30 <= PAST_REACH_DAYS:
        return anchor.year - (1 if month > anchor.month else 0)
    if back <= ahead:
        return anchor.year - (1 if month > anchor.month else 0)
    return anchor.year + (1 if month < anchor.month else 0)


def nearest_day(anchor: dt.date, month: int, day: int, direction: Direction) -> dt.date | None:
    """The month/day date nearest the anchor in ``direction``; else the closest one.

    A future clause gives way to a date of the last two weeks when its own reading lies
    more than ~10 months ahead.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    past = [c for c in candidates if c <= anchor]
    future = [c for c in candidates if c >= anchor]
    if direction == "future" and future:
        ahead = min(future)
        if past and (ahead - anchor).days > 300 and (anchor - max(past)).days <= FUTURE_SLIP_DAYS:
            return max(past)
        return ahead
    if direction == "past" and past and (anchor - max(past)).days <= PAST_REACH_DAYS:
        return max(past)
    return min(candidates, key=lambda c: (abs((c - anchor).days), c > anchor))


def latest_day(anchor: dt.date, month: int, day: int) -> dt.date | None:
    """The last month/day date on or before the anchor, however far back (Feb. 29 may skip)."""
    for year in range(anchor.year, anchor.year - 5, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate
    return None


def nearest_quarter(anchor: dt.date, quarter: int, direction: Direction) -> int:
    """Year of the named quarter: this year's if it has begun, else last year's (unless future)."""
    current = quarter_of(anchor)
    if quarter <= current or direction == "future":
        return anchor.year
    return anchor.year - 1


def nearest_season(anchor: dt.date, season: str, direction: Direction) -> int:
    """Year of the named season nearest the anchor, as TimeML writes it (``2022-SU``)."""
    year, current = season_of(anchor)
    start = SEASON_START[season]
    current_start = SEASON_START[current]
    if season == current:
        return year
    if direction == "future":
        return year if start > current_start else year + 1
    if direction == "past":
        return year if start < current_start else year - 1
    return anchor.year


def shift_season(anchor: dt.date, season: str, delta: int) -> int:
    """Year of ``this`` (0), ``last`` (-1) or ``next`` (+1) ``season`` relative to the anchor."""
    year, current = season_of(anchor)
    if delta == 0:
        # "this spring" in January is the coming spring of the calendar year, although the
        # winter under way is written with the year it began in (1997-WI for Feb. 1998)
        return year if season == current else anchor.year
    start = SEASON_START[season]
    current_start = SEASON_START[current]
    if delta < 0:
        return year if start < current_start else year - 1
    return year if start > current_start else year + 1


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based, -1 = last) ``weekday`` (1 = Monday) of a month."""
    if nth > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return add_days(first, offset + 7 * (nth - 1))
    ny, nm = add_months(year, month, 1)
    last = add_days(dt.date(ny, nm, 1), -1)
    return add_days(last, -((last.isoweekday() - weekday) % 7))


def shift(anchor: dt.date, unit: str, delta: int) -> tuple[str, Granularity]:
    """(value, granularity) of the calendar ``unit`` that lies ``delta`` units from the anchor.

    ``unit`` is a duration unit code (``D``, ``W``, ``M``, ``Q``, ``Y``, ``DE``, ``CE``,
    ``H``, ``MIN``, ``S``); sub-day units resolve to the day.
    """
    if unit in ("D", "H", "MIN", "S"):
        days = delta if unit == "D" else 0
        return day_value(add_days(anchor, days)), "day"
    if unit == "W":
        return week_value(add_days(anchor, 7 * delta)), "week"
    if unit == "FN":
        return week_value(add_days(anchor, 14 * delta)), "week"
    if unit == "M":
        year, month = add_months(anchor.year, anchor.month, delta)
        return month_value(year, month), "month"
    if unit == "Q":
        year, month = add_months(anchor.year, anchor.month, 3 * delta)
        return f"{year:04d}-Q{(month - 1) // 3 + 1}", "quarter"
    if unit == "DE":
        return f"{(anchor.year // 10 + delta):03d}", "decade"
    if unit == "CE":
        return f"{(anchor.year // 100 + delta):02d}", "century"
    if unit == "ML":
        return f"{(anchor.year // 1000 + delta):01d}", "century"
    return f"{anchor.year + delta:04d}", "year"


_COMPOSITE = {"Y": ("M", 12, False), "D": ("H", 24, True), "H": ("MIN", 60, True),
              "MIN": ("S", 60, True)}  # fmt: skip
"""Units whose mixed amounts are written in two parts: (smaller unit, per unit, after ``T``)."""


def duration_value(amount: float | None, unit: str) -> str:
    """TimeML duration: ``P2Y``, ``PT24H``, ``PXD`` (unknown amount), ``P20Y`` for two decades."""
    if amount is None:
        return {"H": "PTXH", "MIN": "PTXM", "S": "PTXS"}.get(unit, f"PX{unit}")
    if unit == "DE":
        amount, unit = amount * 10, "Y"
    elif unit == "CE":
        amount, unit = amount * 100, "Y"
    elif unit == "ML":
        amount, unit = amount * 1000, "Y"
    elif unit == "FN":
        amount, unit = amount * 2, "W"
    whole = int(amount)
    if amount != whole and whole >= 1 and unit in _COMPOSITE:
        # ISO 8601 / TimeML write a mixed amount in two units: "2 1/2 years" is P2Y6M,
        # "a minute and a half" PT1M30S, "a day and a half" P1DT12H
        small, per, time_part = _COMPOSITE[unit]
        rest = (amount - whole) * per
        if rest == int(rest):
            big = f"{whole}{'M' if unit == 'MIN' else unit}"
            tail = f"{int(rest)}{'M' if small == 'MIN' else small}"
            if unit in ("H", "MIN"):
                return f"PT{big}{tail}"
            return f"P{big}T{tail}" if time_part else f"P{big}{tail}"
    if amount != int(amount):
        # halves read better in the next smaller unit: half a year is P6M, half an hour PT30M
        smaller = {"Y": ("M", 12), "M": ("D", 30), "D": ("H", 24), "H": ("MIN", 60),
                   "W": ("D", 7), "MIN": ("S", 60)}.get(unit)  # fmt: skip
        if smaller and amount * smaller[1] == int(amount * smaller[1]):
            amount, unit = amount * smaller[1], smaller[0]
    text = f"{amount:g}" if amount != int(amount) else str(int(amount))
    if unit in ("H", "S"):
        return f"PT{text}{unit}"
    if unit == "MIN":
        return f"PT{text}M"
    return f"P{text}{unit}"
