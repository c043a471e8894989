"""Words of the time grammar, loaded once from ``extract/data/time_lexicon.json``.

Holds the word tables (months, weekdays, number words, units, modifiers) and the regular
expression fragments built from them, so the grammar reads as patterns of named pieces.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_PATH = Path(__file__).resolve().parent.parent / "data" / "time_lexicon.json"


_TOKEN = re.compile(r"\\s\+|\\.|.", re.S)
"""One unit of an escaped word: a run of white space, an escaped character or a character."""


def alternation(words: list[str] | dict[str, Any], *, escape: bool = True) -> str:
    """A non-capturing regex alternation of ``words``, longest first (so prefixes lose).

    Escaped words are written as a prefix tree (``t(?:en|w(?:enty|o))``): the regex engine
    tries a handful of branches at each character instead of every word. It matches exactly
    as the flat list does: two words that both match at one place are one a prefix of the
    other, and the tree tries the longer first, as the list does; siblings in the tree start
    differently (even ignoring case: where two words differ only in case there, the flat list
    is kept) and so never both match. Empty branches are written ``(?:...|)``, which means
    ``(?:...)?`` but runs faster in Python's engine.
    """
    items = sorted(words, key=len, reverse=True)
    body = [re.escape(w).replace(r"\ ", r"\s+") if escape else w for w in items]
    flat = "(?:" + "|".join(body) + ")"
    if not escape:
        return flat
    tree: dict[str, dict] = {}
    for word in body:
        node = tree
        for token in _TOKEN.findall(word):
            node = node.setdefault(token, {})
        node[""] = {}
    return "(?:" + _branches(tree) + ")" if _distinct(tree) else flat


def _distinct(node: dict[str, dict]) -> bool:
    keys = [k.lower() for k in node if k]
    return len(keys) == len(set(keys)) and all(_distinct(child) for child in node.values())


def _branches(node: dict[str, dict]) -> str:
    alts = [token + _branches(child) for token, child in node.items() if token]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?:" + body + "|)" if "" in node else body


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    """The word tables of the time grammar (lower-cased keys except proper names)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    unit_plurals: dict[str, str]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    modifiers: dict[str, str]
    approximators: dict[str, str]
    holidays: dict[str, str]
    weekday_holidays: dict[str, list[int]]
    holiday_years: dict[str, list[int]]
    """Holidays held only in some years, as [every, remainder]: US Super Tuesday comes with
    the presidential primaries, in years divisible by four ([4, 0])."""
    titles_with_times: tuple[str, ...]
    """Names of shows and papers that hold a time word ("Fox News Sunday", "USA Today")."""
    easter_holidays: dict[str, int]
    """Days from Easter Sunday (``Good Friday`` -2)."""
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    sets: dict[str, str]
    future_cues: tuple[str, ...]
    past_cues: tuple[str, ...]

    def month(self, word: str) -> int:
        """Month number of a month name or abbreviation (``Sept.`` -> 9)."""
        key = word.rstrip(".").strip()
        return self.months.get(key) or self.months[key.capitalize()]

    def weekday(self, word: str) -> int:
        """ISO weekday (1 = Monday) of a weekday name, singular or plural."""
        key = word.rstrip(".").strip().capitalize()
        if key not in self.weekdays and key.endswith("s"):
            key = key[:-1]
        return self.weekdays[key]

    def unit(self, word: str) -> str:
        """Duration unit code of a unit word (``years`` -> ``Y``, ``hours`` -> ``H``)."""
        key = re.sub(r"\s+", " ", word.lower())
        key = self.unit_plurals.get(key, key)
        return self.units[key]

    def number(self, text: str) -> float | None:
        """Value of a number (``24``, ``two``, ``twenty-five``, ``a couple of``); None if vague."""
        key = re.sub(r"[\s-]+", " ", text.lower()).strip()
        key = key.replace(",", "").replace("½", " 1/2").strip()
        half = 0.0
        for suffix in (" and a half", " 1/2"):
            if key.endswith(suffix) and key != suffix.strip():
                key, half = key[: -len(suffix)].strip(), 0.5
        if half:
            whole = self.number(key)
            return None if whole is None else whole + half
        if key in self.numbers:
            return self.numbers[key]
        try:
            return float(key)
        except ValueError:
            pass
        total = 0.0
        for part in key.split(" "):
            if part not in self.numbers:
                return None
            if part in ("hundred", "thousand") and total:
                total *= self.numbers[part]  # "two thousand", "three hundred"
            else:
                total += self.numbers[part]
        return total


@cache
def lexicon() -> Lexicon:
    """The time lexicon (read once per process)."""
    data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    tuples = {
        "vague_numbers",
        "present_ref",
        "past_ref",
        "future_ref",
        "future_cues",
        "past_cues",
        "titles_with_times",
    }
    fields: dict[str, Any] = {k: tuple(v) if k in tuples else v for k, v in data.items()}
    return Lexicon(**fields)


@dataclass(frozen=True, slots=True, kw_only=True)
class Fragments:
    """Regex fragments named after what they match; combined into rules in ``grammar``."""

    month: str
    month_full: str
    weekday: str
    day: str
    year: str
    number: str
    unit: str
    unit_singular: str
    season: str
    day_part: str
    ordinal: str
    approx: str
    holiday: str


@cache
def fragments() -> Fragments:
    """Regex fragments built from the lexicon (month and weekday names are case-sensitive)."""
    lex = lexicon()
    full_months = [m for m in lex.months if len(m) > 4 or m in ("May", "June", "July")]
    abbrev_months = [m for m in lex.months if m not in full_months]
    month = (
        "(?-i:(?:" + alternation(full_months) + "|" + alternation(abbrev_months) + r"\.?)(?![a-z]))"
    )
    month_full = "(?-i:" + alternation(full_months) + r"(?![a-z]))"
    full_weekdays = [w for w in lex.weekdays if w.endswith("day")]
    abbrev_weekdays = [w for w in lex.weekdays if not w.endswith("day")]
    weekday = (
        "(?-i:(?:"
        + alternation(full_weekdays)
        + "|"
        + alternation(abbrev_weekdays)
        + r"\.)(?![a-z]))"
    )
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    compound = alternation(tens) + r"(?:[\s-]" + alternation(ones) + ")"
    words = [w for w in lex.numbers if w not in ("a", "an")]
    simple = (
        r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?:\s+1/2|½)?|"
        + compound
        + "|"
        + alternation(words)
        + ")"
    )
    number = (
        rf"(?:{simple}(?:[\s-]+(?:hundred|thousand)(?![\w-]))?(?:\s+and\s+a\s+half)?|"
        + alternation(list(lex.vague_numbers))
        + r"|an?)(?![\w/])"
    )
    singular = alternation(list(lex.units))
    unit = r"(?:" + alternation(list(lex.unit_plurals)) + "|" + singular + r")(?![\w])"
    return Fragments(
        month=month,
        month_full=month_full,
        weekday=weekday,
        day=r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w])",
        year=r"(?<![\d$.,])(?:1[5-9]\d\d|20\d\d)(?![\d]|,\d|\.\d)",
        number=number,
        unit=unit,
        unit_singular=singular + r"(?![\w])",
        season=alternation(list(lex.seasons)) + r"(?![\w])",
        day_part=alternation(list(lex.day_parts)) + r"(?![\w])",
        ordinal=r"(?:\d{1,2}(?:st|nd|rd|th)|" + alternation(list(lex.ordinals)) + r")(?![\w])",
        approx=alternation(list(lex.approximators)),
        holiday="(?-i:"
        + alternation([*lex.holidays, *lex.weekday_holidays, *lex.easter_holidays])
        + r")(?![\w])",
    )


def ordinal_value(text: str) -> int | None:
    """Value of an ordinal (``3rd``, ``third``, ``last`` -> -1)."""
    key = text.lower()
    digits = re.match(r"\d+", key)
    if digits:
        return int(digits.group())
    return lexicon().ordinals.get(key)
