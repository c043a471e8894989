"""Readers for time-expression gold data: TimeML ``.tml`` files and GUM ``<date>`` markup.

Both yield :class:`TimexDocument`: the raw text (tags removed, entities unescaped), the
document's creation date (the anchor), and the gold expressions with offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crossread.errors import EvalError


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    """TimeML value; for GUM, an interval ``start/end`` of ISO dates (see ``gum_interval``)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexDocument:
    name: str
    text: str
    anchor: dt.date | None
    gold: tuple[GoldTimex, ...]


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _anchor(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_timeml(path: Path) -> TimexDocument:
    """One TempEval-3 TimeML file: DCT as anchor, TIMEX3 elements inside ``<TEXT>`` as gold.

    Raises:
        EvalError: the file has no ``<TEXT>`` element.
    """
    source = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    anchor = _anchor(dict(_ATTR.findall(dct.group(1))).get("value")) if dct else None
    body = re.search(r"<TEXT>(.*?)</TEXT>", source, re.S)
    if body is None:
        raise EvalError(f"{path}: no <TEXT> element")
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[GoldTimex] = []
    pos = 0
    raw = body.group(1)
    for m in _TAG.finditer(raw):
        chunk = html.unescape(raw[pos : m.start()])
        pieces.append(chunk)
        length += len(chunk)
        pos = m.end()
        closing, name, attrs = m.group(1), m.group(2), m.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(attrs)))
        elif open_timex is not None:
            start, attributes = open_timex
            text = "".join(pieces)[start:length]
            gold.append(
                GoldTimex(
                    start=start,
                    end=length,
                    text=text,
                    type=attributes.get("type", ""),
                    value=attributes.get("value", ""),
                )
            )
            open_timex = None
    pieces.append(html.unescape(raw[pos:]))
    return TimexDocument(name=str(path), text="".join(pieces), anchor=anchor, gold=tuple(gold))


_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'|’s|’|n't|'re|'ve|'ll|'d|'m)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘"}


def read_gum(path: Path) -> TimexDocument:
    """One GUM XML file (token per line): ``<date when|from/to|notBefore/notAfter>`` as gold.

    The text is rebuilt from the tokens with ordinary English spacing. The anchor is the
    article's dateline (the bold ``<date>``), else the ``dateCreated`` attribute.
    """
    source = path.read_text(encoding="utf-8")
    head = re.search(r"<text([^>]*)>", source)
    attrs = dict(_ATTR.findall(head.group(1))) if head else {}
    dateline = re.search(r'<date when="([^"]+)" rend="bold"', source)
    anchor = _anchor(dateline.group(1) if dateline else attrs.get("dateCreated"))
    out: list[str] = []
    length = 0
    opened: list[tuple[int | None, dict[str, str]]] = []
    gold: list[GoldTimex] = []
    previous = ""
    in_word = 0
    quote_open = False
    for line in source.splitlines():
        if "\t" in line:
            token = line.split("\t", 1)[0]
            token = html.unescape(token)
            if token in ('"', "'"):
                # straight quotes alternate: an opening one takes the space before it
                quote_open = not quote_open
                glue = not out or not quote_open or previous in _NO_SPACE_AFTER
            else:
                glue = (
                    not out
                    or in_word > 1
                    or _NO_SPACE_BEFORE.match(token) is not None
                    or previous in _NO_SPACE_AFTER
                    or (previous in ('"', "'") and quote_open)
                )
            if in_word:
                in_word += 1
            piece = token if glue else " " + token
            token_start = length + len(piece) - len(token)
            # a <date> opened before this token starts where the token does
            opened = [(token_start if s is None else s, a) for s, a in opened]
            out.append(piece)
            length += len(piece)
            previous = token
            continue
        tag = _TAG.match(line.strip())
        if tag and tag.group(2) == "w":
            # <w> groups the tokens of one written word ("all-girl"): no spaces inside
            in_word = 0 if tag.group(1) else 1
            continue
        if not tag or tag.group(2) != "date":
            continue
        if not tag.group(1):
            opened.append((None, dict(_ATTR.findall(tag.group(3)))))
        elif opened:
            pending, attributes = opened.pop()
            start = length if pending is None else pending
            text = "".join(out)[start:length]
            gold.append(
                GoldTimex(
                    start=start, end=length, text=text, type="DATE", value=gum_interval(attributes)
                )
            )
    gold.sort(key=lambda g: g.start)
    return TimexDocument(name=str(path), text="".join(out), anchor=anchor, gold=tuple(gold))


def gum_interval(attributes: dict[str, str]) -> str:
    """GUM date attributes as an interval ``first/last`` of ISO days (``""`` if unknown)."""
    if "when" in attributes:
        interval = value_interval(attributes["when"])
        return f"{interval[0]}/{interval[1]}" if interval else ""
    first = attributes.get("from") or attributes.get("notBefore")
    last = attributes.get("to") or attributes.get("notAfter")
    if not first or not last:
        return ""
    lo, hi = value_interval(first), value_interval(last)
    return f"{lo[0]}/{hi[1]}" if lo and hi else ""


def value_interval(value: str) -> tuple[str, str] | None:
    """First and last day (ISO) a TimeML value covers, or None for durations and references."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T.*)?", value)
    if m:
        year = int(m.group(1))
        if m.group(3):
            day = f"{year:04d}-{m.group(2)}-{m.group(3)}"
            return day, day
        if m.group(2):
            month = int(m.group(2))
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            return f"{year:04d}-{month:02d}-01", last.isoformat()
        return f"{year:04d}-01-01", f"{year:04d}-12-31"
    m = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return (monday + dt.timedelta(days=5)).isoformat(), (
                monday + dt.timedelta(days=6)
            ).isoformat()
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        return f"{m.group(1)}0-01-01", f"{m.group(1)}9-12-31"
    m = re.fullmatch(r"(\d\d)", value)
    if m:
        return f"{m.group(1)}00-01-01", f"{m.group(1)}99-12-31"
    m = re.fullmatch(r"(\d{4})-(SU|SP|FA|WI|Q[1-4]|H[12])", value)
    if m:
        year, part = int(m.group(1)), m.group(2)
        months = {
            "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14), "Q1": (1, 3),
            "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12), "H1": (1, 6), "H2": (7, 12),
        }[part]  # fmt: skip
        first = dt.date(year, months[0], 1)
        end_year, end_month = year + (months[1] // 12), months[1] % 12 + 1
        last = dt.date(end_year, end_month, 1) - dt.timedelta(days=1)
        return first.isoformat(), last.isoformat()
    return None


def iter_documents(root: Path, fmt: str = "auto") -> Iterator[TimexDocument]:
    """Every gold document under ``root``: ``*.tml`` (TimeML) and GUM ``*.xml`` files.

    Args:
        fmt: ``timeml``, ``gum`` or ``auto`` (both, told apart by extension).
    """
    paths = [root] if root.is_file() else sorted(root.rglob("*"))
    for path in paths:
        if path.suffix == ".tml" and fmt in ("auto", "timeml"):
            yield read_timeml(path)
        elif path.suffix == ".xml" and fmt in ("auto", "gum") and _is_gum(path):
            yield read_gum(path)


def _is_gum(path: Path) -> bool:
    with path.open(encoding="utf-8", errors="replace") as handle:
        return handle.read(200).lstrip().startswith("<text")
