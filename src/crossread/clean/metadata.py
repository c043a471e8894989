"""Article metadata: publication dates, and outlet, byline and dateline lines in the text.

Scraped pages put a few short lines between the headline and the body: the outlet's name
(``Bloomberg``), a byline (``By Jane Doe, Reuters``), a dateline (``Published 16 Aug 2022``).
:func:`head_line` recognises such a line; the caller decides which lines count as the head.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from crossread.clean.boilerplate import collapse, data_lines
from crossread.clean.dates import parse_date

# A date-like line: optional "Published"/"Updated" label, then something with a year in it.
_DATE_LABEL = re.compile(
    r"^\W*(?P<label>published|updated|posted|first published|last updated|last modified|"
    r"modified|date)?(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.*)$",
    re.I,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_BY = re.compile(r"^\W*by\s+(?P<rest>.+)$", re.I)
_SEPARATORS = re.compile(r"\s+(?:\||·|•|–|—|-)\s+|,\s+")
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|van|von|der|del|la|le|bin|al|el)|and|&)$"
)
_SENTENCE_END = re.compile(r"[.!?]$|[.!?][\"'”’]$")
_DOMAIN = re.compile(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|co\.uk|co|io|info|tv|[a-z]{2})$",
    re.I,
)
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},?[^()]{0,40}\((?P<agency>[A-Za-z .&-]{2,40})\)\s*[-–—]"
)
_CONNECTORS = frozenset(
    ["the", "of", "and", "&", "de", "la", "le", "du", "der", "die", "el", "for"]
)


@dataclass(frozen=True, slots=True, kw_only=True)
class HeadLine:
    """What one line under the headline turned out to be."""

    kind: str
    """``outlet-line``, ``byline`` or ``dateline``."""
    outlet: str | None = None
    byline: str | None = None
    published: dt.date | None = None


@cache
def known_outlets() -> dict[str, str]:
    """Known outlet names, case-folded -> as written in ``outlets.txt``."""
    return {name.casefold(): name for _, name in data_lines("outlets.txt")}


@cache
def outlet_words() -> frozenset[str]:
    return frozenset(word.casefold() for _, word in data_lines("outlet_words.txt"))


def looks_like_outlet(line: str, *, guess: bool = True) -> bool:
    """A line that is a news outlet's name: a listed name or a domain; with ``guess``, also
    a short title-case name with an outlet word (``Korea Herald``) or a single capitalised
    word that is not a country (``Axios``, but not ``Pakistan``)."""
    text = collapse(line)
    if not text or len(text) > 60 or _SENTENCE_END.search(text):
        return False
    if is_known_outlet(text):
        return True
    words = text.split()
    if not guess or len(words) > 6 or any(ch in text for ch in ',;:!?"“”'):
        return False
    capitalised = all(
        w[0].isupper() or w[0].isdigit() or w.casefold() in _CONNECTORS for w in words
    )
    if not capitalised or not words[0][0].isupper() or _is_country(text):
        return False
    if any(w.casefold().strip(".'’") in outlet_words() for w in words):
        return len(words) >= 2 or words[0].casefold() in outlet_words()
    # "The Harbour Ledger", "The Athletic": newspapers like a leading article.
    if words[0] == "The" and 2 <= len(words) <= 4:
        return True
    return len(words) == 1 and words[0].isalpha() and len(words[0]) >= 4


def _is_country(text: str) -> bool:
    import pycountry  # imported lazily: only outlet guesses need it

    for name in (text, text.removeprefix("The ")):
        try:
            pycountry.countries.lookup(name)
        except LookupError:
            continue
        return True
    return False


def _outlet_name(text: str) -> str:
    return known_outlets().get(text.casefold(), text)


def _outlet_part(text: str) -> bool:
    """The last piece of a byline names an outlet: listed, a domain, or a name with an
    outlet word (``Evening Courier``); ``Jane Doe`` and ``Frankfurt`` do not."""
    if is_known_outlet(text):
        return True
    words = text.split()
    return (
        len(words) >= 2
        and looks_like_outlet(text)
        and any(w.casefold().strip(".'’") in outlet_words() for w in words)
    )


def _looks_like_names(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 12 and all(_NAME_WORD.match(w.strip(",")) for w in words)


def parse_byline(line: str) -> HeadLine | None:
    """``By Jane Doe``, ``By Jane Doe and John Roe, Reuters``, ``Jane Doe | Bloomberg``.

    A bare name without ``By`` counts only when an outlet follows it: a name alone on a
    line could as well be a caption or a section label.
    """
    text = collapse(line)
    if len(text) > 120:
        return None
    match = _BY.match(text)
    rest = match.group("rest") if match else text
    parts = [p.strip() for p in _SEPARATORS.split(rest) if p.strip()]
    outlet = None
    if len(parts) >= 2 and _outlet_part(parts[-1]):
        outlet, parts = _outlet_name(parts[-1]), parts[:-1]
    # Date and reading-time pieces may share the line ("By Jane Doe · Aug 16, 2022").
    names = [p for p in parts if not re.search(r"\d", p)]
    date_text = ", ".join(p for p in parts if re.search(r"\d", p))
    if not names:
        return None
    if match:
        ok = all(_looks_like_names(n) or (" " not in n and n[:1].isupper()) for n in names)
    else:
        ok = outlet is not None and all(_looks_like_names(n) for n in names)
    if not ok:
        return None
    published = parse_date(date_text) if _YEAR.search(date_text) else None
    return HeadLine(kind="byline", byline=", ".join(names), outlet=outlet, published=published)


def parse_dateline(line: str) -> HeadLine | None:
    """``Published 16 August 2022``, ``Aug. 16, 2022 10:23 am ET``, ``2022-08-16``."""
    text = collapse(line)
    if len(text) > 80 or not _YEAR.search(text):
        return None
    match = _DATE_LABEL.match(text)
    rest = match.group("rest") if match else text
    # Free text with a year is not a date line unless nearly all of it is date material.
    words = re.findall(r"[A-Za-z]{4,}", rest)
    if len(words) > 4:
        return None
    published = parse_date(rest)
    if published is None:
        return None
    label = (match.group("label") or "").casefold() if match else ""
    if label in ("updated", "last updated", "last modified", "modified"):
        return HeadLine(kind="dateline")
    return HeadLine(kind="dateline", published=published)


def head_line(line: str, *, guess_outlet: bool = True) -> HeadLine | None:
    """What a short line under the headline is (outlet, byline, dateline), or None.

    ``guess_outlet`` allows outlet names recognised by shape alone (see
    :func:`looks_like_outlet`); without it only listed outlets and domains count.
    """
    text = collapse(line)
    if not text or len(text) > 120:
        return None
    dateline = parse_dateline(text)
    if dateline is not None:
        return dateline
    if looks_like_outlet(text, guess=guess_outlet):
        return HeadLine(kind="outlet-line", outlet=_outlet_name(text))
    return parse_byline(text)


def is_known_outlet(line: str) -> bool:
    """A line that is exactly a listed outlet's name or a domain (strong evidence)."""
    text = collapse(line)
    return text.casefold() in known_outlets() or bool(_DOMAIN.match(text))


def dateline_outlet(paragraph: str) -> str | None:
    """The agency of a wire dateline opening the body: ``SEOUL, Aug 16 (Reuters) -``."""
    match = re.match(
        r"^[A-Z][A-Za-z .'-]{1,40},?[^()]{0,40}\((?P<agency>[A-Za-z .&-]{2,40})\)\s*[-–—]",
        paragraph,
    )
    if match and match.group("agency").casefold() in known_outlets():
        return _outlet_name(match.group("agency"))
    return None
