"""Where each grammar rule needs to look: windows of text around its trigger words.

Running every rule's regex over the whole text costs one attempt per rule per character.
Every rule needs a word of its own kind (a month name, a unit word, a four-digit number...),
so one cheap pass over the words finds, per rule, the few windows where it can match; the
rules then scan only those. Output is identical to scanning the whole text, as long as no
expression reaches further than ``MARGIN`` characters from its trigger word.
"""

from __future__ import annotations

import re
from functools import cache

from crossread.extract.times.lexicon import lexicon
from crossread.extract.wordtrie import trie_pattern

MARGIN = 80
"""Characters before and after a trigger word that a rule may still match."""

_WORD = re.compile(r"[^\W_]+")
_SMALL = frozenset(["the", "a", "an", "in", "at", "of", "to", "and", "on", "s"])
# Words too common to trigger on; each phrase that holds one has a rarer word too.
_COMMON = frozenset(
    [
        "other",
        "some",
        "while",
        "these",
        "right",
        "time",
        "old",
        "new",
        "may",
        "day",
        "year",
        "eve",
        "one",
    ]
)


def _words_of(phrases: object) -> set[str]:
    words: set[str] = set()
    for phrase in phrases:  # type: ignore[attr-defined]
        words.update(w for w in re.split(r"[\s'’-]+", str(phrase).lower()) if w)
    return words - _SMALL


@cache
def vocabulary() -> dict[str, frozenset[str]]:
    """Lower-cased word -> the trigger categories it belongs to."""
    lex = lexicon()
    categories: dict[str, set[str]] = {
        "month": {w.lower() for w in lex.months},
        "weekday": {w.lower() for w in lex.weekdays}
        | {w.lower() + "s" for w in lex.weekdays if w.endswith("day")},
        "unit": set(lex.units)
        | set(lex.unit_plurals)
        | {"weekend", "weekends"}
        | {u + "long" for u in ("day", "week", "month", "year", "decade", "hour", "night")},
        "season": set(lex.seasons),
        "part": set(_words_of(lex.day_parts)) | {"noon", "midnight", "midday", "am", "pm"},
        "dayword": {"yesterday", "today", "tomorrow", "tonight"},
        "ref": _words_of((*lex.present_ref, *lex.past_ref, *lex.future_ref)) - _COMMON,
        "set": _words_of(lex.sets) - set(lex.units) - set(lex.unit_plurals) - _COMMON,
        "holiday": _words_of((*lex.holidays, *lex.weekday_holidays, *lex.easter_holidays))
        - _COMMON,
        "spoken": {"nineteen", "twenty", "thousand"},
        "quarter": {
            "quarter",
            "quarters",
            "period",
            "half",
            "q1",
            "q2",
            "q3",
            "q4",
            "h1",
            "h2",
            "1q",
            "2q",
            "3q",
            "4q",
            "1h",
            "2h",
        },
        "decadeword": {
            "twenties",
            "thirties",
            "forties",
            "fifties",
            "sixties",
            "seventies",
            "eighties",
            "nineties",
        },
        "fy": {"fy"},
        "end": {"end"},
        "century": {"century", "centuries"},
        "weekend": {"weekend"},
        "yearago": {"earlier", "ago"},
    }
    vocab: dict[str, set[str]] = {}
    for name, words in categories.items():
        for word in words:
            vocab.setdefault(word, set()).add(name)
    return {w: frozenset(c) for w, c in vocab.items()}


@cache
def _vocabulary_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The vocabulary words (those that are whole words), each up to a word end: from a
    word boundary only, and from anywhere."""
    trie = "(?:" + trie_pattern([w for w in vocabulary() if _WORD.fullmatch(w)]) + r")(?![^\W_])"
    return re.compile(r"\b" + trie), re.compile(trie)


# Patterns that open with a digit (or a fixed letter pair) let the regex engine skip ahead.
# (category, pattern, letters every match holds, lower-cased)
_DIGIT_TRIGGERS = (
    ("year4", re.compile(r"(?:1[5-9]|20)\d\d(?!\d)"), ""),
    ("fy", re.compile(r"[Ff][Yy]\s?['’]?\d\d"), "fy"),
    ("shortyear", re.compile(r"['’]\d\d(?![\d'’]|s\b)"), ""),
    (
        "digit",
        re.compile(
            r"\d(?:0['’]?s\b|\s*[aApP]\.?[mM]\b|[:.]\d\d|/\d|(?:st|nd|rd|th)\b"
            r"|\d{3}\s+(?:GMT|UTC|hours|hrs))"
        ),
        "",
    ),
    ("holiday", re.compile(r"[Nn]ew\s+[Yy]ear"), "new"),
)


def trigger_spans(text: str, lower: str | None = None) -> dict[str, list[tuple[int, int]]]:
    """Category -> merged windows ``(lo, hi)`` around the words of that category in ``text``
    (``lower``: ``text.lower()`` if the caller has it)."""
    vocab = vocabulary()
    hits: dict[str, list[tuple[int, int]]] = {}
    lowered = text.lower() if lower is None else lower
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep offsets
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    for category, pattern, needs in _DIGIT_TRIGGERS:
        if needs and needs not in lowered:
            continue  # the pattern spells these letters out: it cannot match
        found = [(m.start(), m.end()) for m in pattern.finditer(text)]
        if found:
            hits[category] = found
    # whole words of the vocabulary: the trie regex ends each at a word end, and a match that
    # starts inside a word (``today`` in ``birthday``) cannot hide one, it ends where the
    # word does
    # (``\b`` skips the starts inside words, but it counts "_" as a letter: not with one)
    at_start, anywhere = _vocabulary_patterns()
    for m in (anywhere if "_" in lowered else at_start).finditer(lowered):
        pos = m.start()
        if pos and lowered[pos - 1].isalnum():
            continue
        for category in vocab[m.group()]:
            hits.setdefault(category, []).append((pos, m.end()))
    length = len(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    for category, found in hits.items():
        found.sort()
        windows: list[tuple[int, int]] = []
        for start, end in found:
            lo, hi = max(0, start - MARGIN), min(length, end + MARGIN)
            if windows and lo <= windows[-1][1]:
                windows[-1] = (windows[-1][0], hi)
            else:
                windows.append((lo, hi))
        spans[category] = windows
    return spans


def merge(windows: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Union of several sorted window lists, as sorted disjoint windows."""
    every = sorted(w for group in windows for w in group)
    merged: list[tuple[int, int]] = []
    for lo, hi in every:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged
