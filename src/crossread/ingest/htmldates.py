"""Publication dates as web pages write them: ISO stamps, URL paths and visible datelines.

Every function returns an ISO string (``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM:SS+HH:MM``) or
``None``. Numeric dates are never read month-first unless the page's language says US English,
and ``DD.MM.YYYY`` is always day-first, so day and month are not swapped.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

MIN_YEAR = 1990

_ISO = re.compile(
    r"^\s*(\d{4})-?(\d{2})-?(\d{2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_EPOCH = re.compile(r"^\s*(\d{10})(\d{3})?\s*$")
_URL_YMD = re.compile(
    r"(?<![\d])((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2]|[1-9])\2(0[1-9]|[12]\d|3[01]|[1-9])(?![\d])"
)
_DOTTED = re.compile(
    r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.\s?(0?[1-9]|1[0-2])\.\s?((?:19|20)\d{2})\b"
)
_WORDY = re.compile(
    r"(?:\b(?:0?[1-9]|[12]\d|3[01])\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b)"
    r"|(?:\b[^\W\d_]{3,12}\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b)",
    re.UNICODE,
)
_DATELINE_HINT = re.compile(
    r"published|posted|updated|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|"
    r"\bam\b|\bon\b|\bstand\b|\bdate\b|\bdatum\b",
    re.IGNORECASE,
)
_UPDATED_HINT = re.compile(
    r"updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|bijgewerkt|last edited",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int, today: dt.date | None = None) -> dt.date | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    latest = (today or dt.date.today()) + dt.timedelta(days=2)
    return value if year >= MIN_YEAR and value <= latest else None


def normalize_date(value: str, language: str | None = None) -> str | None:
    """One date string from metadata as ISO; ``None`` when it holds no full, plausible date.

    Args:
        value: what the page wrote (ISO 8601, epoch seconds, ``16 August 2022``, ...).
        language: the page's language tag (``en-US`` makes ``08/16/2022`` month-first).
    """
    value = (value or "").strip()
    if not value or len(value) > 80:
        return None
    match = _EPOCH.match(value)
    if match:
        moment = dt.datetime.fromtimestamp(int(match.group(1)), tz=dt.UTC)
        return moment.isoformat() if _valid(moment.year, moment.month, moment.day) else None
    match = _ISO.match(value)
    if match:
        year, month, day = (int(match.group(i)) for i in (1, 2, 3))
        date = _valid(year, month, day)
        if date is None:
            return None
        if match.group(4) is None:
            return date.isoformat()
        hour, minute, second = int(match.group(4)), int(match.group(5)), int(match.group(6) or 0)
        if hour > 23 or minute > 59 or second > 59:
            return date.isoformat()
        stamp = f"{date.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"
        zone = match.group(7)
        if zone in {"Z", "UTC", "GMT"}:
            return stamp + "+00:00"
        if zone:
            zone = zone.replace(":", "")
            return f"{stamp}{zone[:3]}:{zone[3:]}"
        return stamp
    return _parse_loose(value, language)


def _parse_loose(value: str, language: str | None) -> str | None:
    dotted = _DOTTED.search(value)
    if dotted:
        date = _valid(int(dotted.group(3)), int(dotted.group(2)), int(dotted.group(1)))
        return date.isoformat() if date else None
    if not re.search(r"(?:19|20)\d{2}", value):
        return None
    parsed = _dateparser(value, _order(language), _lang(language))
    if parsed is None:
        return None
    date = _valid(parsed.year, parsed.month, parsed.day)
    return date.isoformat() if date else None


def _order(language: str | None) -> str:
    tag = (language or "").lower().replace("_", "-")
    return "MDY" if tag in {"en-us", "en-ph"} else "DMY"


def _lang(language: str | None) -> str | None:
    code = (language or "").lower().replace("_", "-").split("-")[0]
    return code if re.fullmatch(r"[a-z]{2}", code) else None


@lru_cache(maxsize=4096)
def _dateparser(value: str, order: str, language: str | None) -> dt.datetime | None:
    import dateparser  # slow to import; only needed for non-ISO dates

    settings = {
        "DATE_ORDER": order,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    # the page's language (and English, which pages of every language mix in) when it has
    # one; otherwise English first and every language only when English reads nothing (asking
    # all languages loads every locale: seconds, against milliseconds for one)
    if language:
        tries: list[list[str] | None] = [[language, "en"] if language != "en" else ["en"]]
    else:
        tries = [["en"], None]
    for languages in tries:
        try:
            parsed = dateparser.parse(value, languages=languages, settings=settings)
        except (ValueError, OverflowError, AttributeError, TypeError):
            parsed = None
        if parsed is not None:
            return parsed
    return None


def url_date(url: str | None) -> str | None:
    """The full date in a URL path (``/2022/08/16/``, ``/20220816/``, ``-2022-08-16-``)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE).split("?")[0].split("#")[0]
    for match in _URL_YMD.finditer(path):
        sep = match.group(2)
        month, day = match.group(3), match.group(4)
        if not sep and (len(month) != 2 or len(day) != 2):
            continue  # 2022816 is ambiguous
        date = _valid(int(match.group(1)), int(month), int(day))
        if date:
            return date.isoformat()
    return None


def dateline_date(lines: list[str], language: str | None = None) -> str | None:
    """A publication date from the visible dateline lines near an article's top.

    Only short lines that look like a dateline (``Published 16 August 2022``) count; a line
    that only gives an update time is used when nothing else is there.
    """
    updated: str | None = None
    for line in lines:
        line = line.strip()
        if not line or len(line) > 160:
            continue
        candidate = None
        for pattern in (_DOTTED, _WORDY):
            match = pattern.search(line)
            if match:
                candidate = normalize_date(match.group(0), language)
                if candidate:
                    break
        if not candidate:
            continue
        if _UPDATED_HINT.search(line) and not re.search(r"published|posted", line, re.I):
            updated = updated or candidate
            continue
        if len(line) < 60 or _DATELINE_HINT.search(line):
            return candidate
    return updated
