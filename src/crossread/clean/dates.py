"""Publication dates from metadata values and head lines, cheaply.

``dateparser`` reads dates in about 200 languages, but its first call costs a fraction of a
second and a text it cannot read costs seconds (it loads every language to be sure). The
common English forms (``Aug. 16, 2022``, ``16 August 2022``) are read here directly; other
text goes to ``dateparser`` in English first, and to every language only when the text could
be a date in another one.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from functools import cache
from typing import Any

from crossread.clean.boilerplate import collapse, data_lines

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?)"
)
_WEEKDAY = (
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?),?\s)?"
)
# "Aug. 16, 2022", "Tuesday, August 16 2022", "16 Aug 2022", "16 August, 2022".
_ENGLISH_DAY = re.compile(
    rf"{_WEEKDAY}(?:(?P<m1>{_MONTH})\s(?P<d1>\d{{1,2}})(?:,\s?|\s)|(?P<d2>\d{{1,2}})\s(?P<m2>{_MONTH}),?\s)"
    r"(?P<y>(?:19[5-9]\d|20\d\d))",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_SETTINGS: dict[str, Any] = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


@cache
def english_date_words() -> frozenset[str]:
    return frozenset(word for _, word in data_lines("date_words.txt"))


def _english_day(text: str) -> dt.date | None:
    """The date of an exact common English form; None for other text or an impossible day
    (``dateparser`` gives None for those too)."""
    match = _ENGLISH_DAY.fullmatch(text)
    if match is None:
        return None
    month = _MONTH_NUMBERS[(match.group("m1") or match.group("m2"))[:3].casefold()]
    try:
        return dt.date(int(match.group("y")), month, int(match.group("d1") or match.group("d2")))
    except ValueError:
        return None


def _maybe_foreign(text: str) -> bool:
    """Whether a text English parsing failed on may still be a date in another language: it
    has a day and a year (two numbers), and a word that is not English date vocabulary (a
    text with no words at all may be a numeric date in another day order)."""
    if len(_DIGITS.findall(text)) < 2:
        return False
    words = _WORD.findall(text.casefold())
    return not words or any(word not in english_date_words() for word in words)


def _dateparser(text: str) -> dt.date | None:
    import dateparser  # imported lazily: slow to import, needed only for free-text dates

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    if parsed is None and _maybe_foreign(text):
        parsed = dateparser.parse(text, settings=_SETTINGS)
    return parsed.date() if parsed else None


def parse_date(value: str | dt.date | None) -> dt.date | None:
    """A calendar date from an ISO string, an RFC 822 date, or free text such as ``Aug. 16,
    2022``; None when ``value`` has no day, month and year. The date is the one the input
    states (its own time zone), not converted to UTC."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = collapse(value)
    if not text:
        return None
    iso = _ISO_DAY.match(text)
    if iso:
        try:
            return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    if not _YEAR.search(text):
        return None
    if _ENGLISH_DAY.fullmatch(text):
        return _english_day(text)
    return _dateparser(text)
