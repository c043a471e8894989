"""Numbers with their units: ``more than 30 ballistic missiles``, ``$1.2 billion``, ``25%``.

What is found: digits (with thousands separators and decimals) and number words (``two``,
``a dozen``, ``dozens``, ``hundreds``) with a scale word (``million``, ``bn``), currency
symbols and codes (unit ``USD``, ``EUR``...), percentages (unit ``%``), ordinals (``77th``, unit
``ordinal``), and otherwise the noun phrase that follows as the unit (``ballistic missiles``).
Approximation words in front set ``approx``: ``more than``/``over``/``at least`` ->
``more_than``; ``less than``/``under``/``up to`` -> ``less_than``; ``about``/``nearly`` ->
``about``; plurals of vague quantities (``dozens``, ``hundreds``) are ``more_than``.

Skipped: years (``in 2017``, ``1910-1945``), day numbers next to a month name (``Feb. 24``),
clock times and numbers glued to letters (model names, ids). ``one`` is skipped as a word: in
news it is far more often a pronoun (``one of its officials``) than a count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Literal

from crossread.extract.cues import lstrip_start
from crossread.extract.gazetteer import word_map, word_set
from crossread.extract.wordtrie import trie_pattern
from crossread.models import NumberRef, Sentence

Approx = Literal["exact", "more_than", "less_than", "about"]
UnitGap = Literal["space", "space_of"]
"""What may stand between a number and its unit: white space, or also ``of`` (``dozens of``)."""

_WORDS = {k: float(v) for k, v in word_map("words").items()}
_VAGUE = {k: float(v) for k, v in word_map("vague").items()}
_SCALES = {k: float(v) for k, v in word_map("scales").items()}
_CURRENCY = word_map("currency")
_APPROX: tuple[tuple[re.Pattern[str], Approx], ...] = (
    (
        re.compile(
            r"\b(?:more than|over|at least|upwards of|in excess of|above|exceeding)\s+$", re.I
        ),
        "more_than",
    ),
    (
        re.compile(r"\b(?:less than|fewer than|under|up to|at most|below|no more than)\s+$", re.I),
        "less_than",
    ),
    (
        re.compile(
            r"\b(?:about|around|nearly|almost|roughly|approximately|some|an estimated|"
            r"close to|estimated)\s+$",
            re.I,
        ),
        "about",
    ),
)
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NUMBER = re.compile(
    r"(?P<cur>US\$|[$€£¥₩₹₽])?\s?"
    r"(?P<num>(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?)"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:\s?(?P<pct>%|percent\b|per cent\b))?"
    r"(?:[\s-]?(?P<scale>hundred|thousand|million|billion|trillion|bn|mn|tn|m|k)\b)?"
    r"(?![\w:])"
)
_WORD_FORMS = (
    "half a dozen",
    "a dozen",
    "tens of thousands",
    "hundreds of thousands",
    *sorted((w for w in list(_WORDS) + list(_VAGUE) if " " not in w), key=len, reverse=True),
)
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
_WORD_NUMBER = re.compile(
    r"\b(?P<word>" + "|".join(_WORD_FORMS) + r")"
    r"(?:[\s-](?P<scale>" + "|".join(_SCALE_WORDS) + r")\b)?\b",
    re.IGNORECASE,
)
_WORD_NUMBER_FOLDED = re.compile(
    r"\b(?P<word>" + trie_pattern(w.lower() for w in _WORD_FORMS) + r")"
    r"(?:[\s-](?P<scale>" + trie_pattern(_SCALE_WORDS) + r")\b)?\b"
)
"""``_WORD_NUMBER`` without IGNORECASE, for lower-cased text, its words as a trie (which tries
them longest first, as ``_WORD_FORMS`` lists them): about six times faster."""
_FOLDABLE = not any(ord(c) > 127 and c.lower() != c.upper() for c in _WORD_NUMBER.pattern)
# letters IGNORECASE equates with an ASCII letter although their lower case differs
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")
_DIGIT_RUN = re.compile(r"\d+")
_CURRENCY_REACH = 4
"""How far before its first digit a ``_NUMBER`` match may start (``US$`` and a space)."""
_MONTH_BEFORE = re.compile(_MONTHS + r"\s*$")
_MONTH_AFTER = re.compile(r"\s*" + _MONTHS + r"(?!\w)")
_MONTH_DAY_BEFORE = re.compile(_MONTHS + r"\s*\d{1,2},?\s*$")
_YEAR_LIKE = re.compile(r"1[5-9]\d\d|20\d\d")
_RANGE_YEAR = re.compile(r"[-–]\d{4}\b")
_CURRENCY_WORD = re.compile(r"\s+(?:US\s+)?([a-z]+)\b")
_OF_AHEAD = re.compile(r"\s+of\s+")
_OF = re.compile(r"\s+of")
_STOP = word_set("stop")
_IRREGULAR_PLURALS = word_set("irregular_plurals")
_UNIT_ADJECTIVES = frozenset({"armed", "unarmed", "registered", "injured", "wounded", "detained"})
_FRACTION = re.compile(r"-(?:thirds?|quarters?|fifths?|halves|tenths?)\b")
_UNIT_WORD = re.compile(r"\s+([a-z][a-z\-]*)")
_YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|since|by|of|from|until|till|before|after|during|year|early|late|mid|and|or|the|"
    r"his|her|its|their|our)\s+|['’]s\s+|[-–]\s*)$",
    re.I,
)


def find_numbers(text: str, sentences: tuple[Sentence, ...]) -> tuple[NumberRef, ...]:
    """Numbers in ``text`` with value, unit and approximation, in text order."""
    starts = [s.start for s in sentences]
    found: list[NumberRef] = []
    for match in _number_matches(text):
        ref = _digits(text, match, starts, sentences)
        if ref is not None:
            found.append(ref)
    taken = [(n.start, n.end) for n in found]
    for match in _word_matches(text):
        if any(s <= match.start() < e for s, e in taken):
            continue
        ref = _words(text, match, starts, sentences)
        if ref is not None:
            found.append(ref)
    found.sort(key=lambda n: n.start)
    return tuple(found)


def _number_matches(text: str) -> list[re.Match[str]]:
    """``_NUMBER.finditer(text)``, tried only near digits.

    Every match holds a digit run and starts at most ``_CURRENCY_REACH`` characters before
    it, so the leftmost match after the previous one is the first of those positions where
    the pattern matches.
    """
    found: list[re.Match[str]] = []
    after = 0
    for run in _DIGIT_RUN.finditer(text):
        digit = run.start()
        for pos in range(max(after, digit - _CURRENCY_REACH), digit + 1):
            m = _NUMBER.match(text, pos)
            if m is not None:
                found.append(m)
                after = m.end()
                break
    return found


def _word_matches(text: str) -> list[re.Match[str]]:
    """``_WORD_NUMBER.finditer(text)``, found case-sensitively over the lower-cased text when
    that reads the same (offsets kept, no letter that IGNORECASE equates otherwise)."""
    lowered = text.lower()
    if _FOLDABLE and len(lowered) == len(text) and not _CASE_TRAPS.search(text):
        found: list[re.Match[str]] = []
        for f in _WORD_NUMBER_FOLDED.finditer(lowered):
            m = _WORD_NUMBER.match(text, f.start())
            if m is None or m.end() != f.end():
                break  # not the same reading after all: scan the text itself
            found.append(m)
        else:
            return found
    return list(_WORD_NUMBER.finditer(text))


def _sentence(starts: list[int], sentences: tuple[Sentence, ...], pos: int) -> int:
    i = bisect_right(starts, pos) - 1
    return sentences[i].index if i >= 0 else -1


def _digits(text, match, starts, sentences) -> NumberRef | None:
    raw = match.group("num")
    num_start = match.start("num")
    before = text[max(0, num_start - 12) : num_start]
    after = text[match.end() : match.end() + 12]
    plain = raw.replace(",", "")
    if (
        _MONTH_BEFORE.search(before) or (_MONTH_AFTER.match(after) and not match.group("cur"))
    ) and (len(plain) <= 2 or _MONTH_DAY_BEFORE.search(text[max(0, num_start - 16) : num_start])):
        return None  # a day or the year of a date
    if _YEAR_LIKE.fullmatch(plain) and not (
        match.group("cur") or match.group("pct") or match.group("scale")
    ):
        counted = _unit_after(text, match.end())
        if (
            counted is None
            or not _plural(counted)
            or _YEAR_CONTEXT.search(text[max(0, num_start - 12) : num_start])
        ):
            return None
    if text[match.end() : match.end() + 1] == "(":
        return None  # "401(k)", "Article 5(2)"
    if _RANGE_YEAR.match(text[match.end() : match.end() + 5]):
        return None  # the first year of a range
    value = float(plain)
    scale = (match.group("scale") or "").lower()
    if scale:
        if scale in ("m", "k") and not match.group("cur"):
            return None  # "5m" without a currency is more often a distance or a typo
        value *= _SCALES[scale]
    unit: str | None
    if match.group("cur"):
        unit = _CURRENCY[match.group("cur")]
    elif match.group("pct"):
        unit = "%"
    elif match.group("ord"):
        unit = "ordinal"
    else:
        unit = _currency_word(text, match.end()) or _unit_after(text, match.end())
    start = match.start("cur") if match.group("cur") else num_start
    start, approx = _approx(text, start)
    spelled_unit = bool(unit) and unit not in ("%", "ordinal") and not match.group("cur")
    return _number_ref(
        text,
        start,
        match.end(),
        value=value,
        unit=unit,
        approx=approx,
        unit_gap="space" if spelled_unit else None,
        starts=starts,
        sentences=sentences,
    )


def _words(text, match, starts, sentences) -> NumberRef | None:
    word = match.group("word").lower()
    approx: Approx = "exact"
    if word in _VAGUE:
        value = float(_VAGUE[word])
        approx = "more_than"
    else:
        value = float(_WORDS[word])
    scale = (match.group("scale") or "").lower()
    if scale:
        value *= _SCALES[scale]
    unit = _currency_word(text, match.end()) or _unit_after(text, match.end())
    if word in ("hundred", "thousand") and not match.group(0)[0].isalpha():
        return None
    if _FRACTION.match(text, match.end()):
        return None  # "two-thirds": a share, not a count
    start, found = _approx(text, match.start())
    if found != "exact":
        approx = found
    return _number_ref(
        text,
        start,
        match.end(),
        value=value,
        unit=unit,
        approx=approx,
        unit_gap="space_of" if unit else None,
        starts=starts,
        sentences=sentences,
    )


def _number_ref(
    text: str,
    start: int,
    end: int,
    *,
    value: float,
    unit: str | None,
    approx: Approx,
    unit_gap: UnitGap | None,
    starts: list[int],
    sentences: tuple[Sentence, ...],
) -> NumberRef:
    """The reference, its span stretched over the unit words when ``unit_gap`` (what may
    stand between number and unit) is given and the unit follows."""
    if unit is not None and unit_gap is not None:
        end = _unit_end(text, end, unit, of=unit_gap == "space_of") or end
    return NumberRef(
        text=text[start:end],
        start=start,
        end=end,
        value=value,
        unit=unit,
        approx=approx,
        sentence=_sentence(starts, sentences, start),
    )


def _unit_end(text: str, pos: int, unit: str, *, of: bool) -> int | None:
    r"""Where ``unit`` ends when white space (and, with ``of``, an optional ``of`` and white
    space) leads from ``pos`` to it: the end of ``re.match(r"\s+(?:of\s+)?" +
    re.escape(unit), text[pos:])``, without a regex built (and missing the cache) per unit.
    A unit starts with a non-space, so no shorter run of space could let it match."""
    start = lstrip_start(text, pos)
    if start == pos:
        return None
    if of and text.startswith("of", start):
        after = lstrip_start(text, start + 2)
        if after > start + 2 and text.startswith(unit, after):
            return after + len(unit)
    return start + len(unit) if text.startswith(unit, start) else None


def _approx(text: str, start: int) -> tuple[int, Approx]:
    before = text[max(0, start - 30) : start]
    for pattern, label in _APPROX:
        m = pattern.search(before)
        if m:
            return start - (len(before) - m.start()), label
    return start, "exact"


def _currency_word(text: str, pos: int) -> str | None:
    m = _CURRENCY_WORD.match(text[pos : pos + 20])
    if m and m.group(1) in _CURRENCY:
        return _CURRENCY[m.group(1)]
    return None


def _plural(phrase: str) -> bool:
    last = phrase.split()[-1]
    return last in _IRREGULAR_PLURALS or (last.endswith("s") and not last.endswith("ss"))


def _unit_after(text: str, pos: int) -> str | None:
    """Up to three lower-case words after a number that name what is counted."""
    words: list[str] = []
    offset = pos
    if _OF_AHEAD.match(text[pos : pos + 5]):
        offset = _OF.match(text, pos).end()  # type: ignore[union-attr]
    while len(words) < 4:
        m = _UNIT_WORD.match(text, offset)
        if not m or m.group(1) in _STOP:
            break
        if m.group(1).endswith("ed") and m.group(1) not in _UNIT_ADJECTIVES:
            break  # "1,200 people signed": a verb ends the phrase
        words.append(m.group(1))
        offset = m.end()
        if _plural(words[-1]):
            break  # a plural noun closes the phrase: "ballistic missiles"
    return " ".join(words) or None
