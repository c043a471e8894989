"""Verdicts: turn aligned claim groups into corroborated, exclusive or conflicting facts.

A group is ``corroborated`` when two or more independent outlets state it (syndicated copies
and several articles of one outlet count once), ``exclusive`` when one does, and
``conflicting`` when two independent outlets state it differently: a different number, a
different resolved date, a different source it is attributed to, or one negates it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from crossread.compare.align import Alignment
from crossread.compare.claims import Claim
from crossread.compare.words import WORD_RE, is_stopword, normalize, word_set
from crossread.models import Article, ConflictKind, Fact, NumberRef, Support, TimeRef

# How sure each detector is when it fires (scaled by the claims' similarity).
_CERTAINTY: dict[ConflictKind, float] = {
    "number": 0.9,
    "date": 0.8,
    "attribution": 0.8,
    "negation": 0.7,
}
_NEGATION_MIN_SCORE = 0.45
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    kind: ConflictKind
    note: str
    score: float


def independence(articles: Sequence[Article], copies: Mapping[str, str]) -> dict[str, str]:
    """article id -> key of its independent source: copies map to the original's outlet."""
    by_id = {a.id: a for a in articles}
    keys: dict[str, str] = {}
    for article in articles:
        root = article.id
        seen = {root}
        while root in copies and copies[root] not in seen:
            root = copies[root]
            seen.add(root)
        original = by_id.get(root, article)
        keys[article.id] = (original.outlet or original.id).lower()
    return keys


def _quote(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _number_window(claim: Claim, number: NumberRef) -> set[str]:
    """What a number counts: its unit, or else the content words right after it."""
    if number.unit:
        return {normalize(w) for w in WORD_RE.findall(number.unit)[-1:]}
    after = claim.text[number.end - claim.start :]
    words = [w for w in WORD_RE.findall(after)[:3] if not is_stopword(w)]
    return {normalize(w) for w in words}


def _glued(claim: Claim, number: NumberRef) -> bool:
    """True when the number's qualifier was read inside a longer word (``cover 450``)."""
    offset = number.start - claim.start
    return 0 < offset <= len(claim.text) and claim.text[offset - 1].isalpha()


def _shown(claim: Claim, number: NumberRef) -> str:
    return number.text.split(None, 1)[-1] if _glued(claim, number) else number.text


def _interval(number: NumberRef, claim: Claim | None = None) -> tuple[float, float]:
    value = number.value
    if claim and _glued(claim, number):
        return (value, value)
    if number.approx == "more_than":
        return (value, math.inf)
    if number.approx == "less_than":
        return (-math.inf, value)
    if number.approx == "about":
        return (value * 0.85, value * 1.15)
    return (value, value)


def _is_year(number: NumberRef) -> bool:
    return not number.unit and number.value.is_integer() and 1800 <= number.value <= 2100


def number_conflict(a: Claim, b: Claim) -> str | None:
    """A note when the claims count the same thing with incompatible numbers."""
    for x in a.numbers:
        for y in b.numbers:
            if _is_year(x) or _is_year(y):
                continue
            if not (_number_window(a, x) & _number_window(b, y)):
                continue
            lo_x, hi_x = _interval(x, a)
            lo_y, hi_y = _interval(y, b)
            if hi_x < lo_y or hi_y < lo_x or (hi_x == lo_y and x.approx == "more_than"):
                return (
                    f"Numbers differ: {a.outlet} says {_quote(_shown(a, x))}, "
                    f"{b.outlet} says {_quote(_shown(b, y))}."
                )
    return None


_LINK_WORDS = frozenset(["on", "in", "at", "late", "early", "last", "this", "earlier", "later"])


def is_statement_time(claim: Claim, time: TimeRef) -> bool:
    """True when a time dates the reporting (``said on Wednesday``), not the event itself.

    The time follows a reporting verb (``said on Wednesday``, ``told reporters Monday``) or
    comes right before one (``on Wednesday said``).
    """
    offset = time.start - claim.start
    if not 0 <= offset <= len(claim.text):
        return False
    reporting = word_set("reporting.txt")
    before = [w.lower() for w in WORD_RE.findall(claim.text[:offset])]
    while before and before[-1] in _LINK_WORDS:
        before.pop()
    if before and (before[-1] in reporting or (len(before) > 1 and before[-2] in reporting)):
        return True
    after = [w.lower() for w in WORD_RE.findall(claim.text[time.end - claim.start :])[:1]]
    return bool(after) and after[0] in reporting


def date_conflict(a: Claim, b: Claim) -> str | None:
    """A note when the claims date the same event to different days, months or years.

    Only event dates count: the date of a statement (``said on Wednesday``) is not when the
    event happened, so it never conflicts with another outlet's event date.
    """
    for x in a.times:
        if is_statement_time(a, x):
            continue
        for y in b.times:
            if is_statement_time(b, y):
                continue
            if x.type != "DATE" or y.type != "DATE" or not x.value or not y.value:
                continue
            if not (_DATE_RE.match(x.value) and _DATE_RE.match(y.value)):
                continue
            if x.granularity != y.granularity or len(x.value) != len(y.value):
                continue
            # the same words resolved differently is our ambiguity, not the outlets' disagreement
            if " ".join(x.text.lower().split()) == " ".join(y.text.lower().split()):
                continue
            if x.value != y.value:
                return (
                    f"Dates differ: {a.outlet} dates it {x.value} ({_quote(x.text)}), "
                    f"{b.outlet} dates it {y.value} ({_quote(y.text)})."
                )
    return None


def _sources_text(claim: Claim) -> str:
    first, *rest = claim.sources
    via = f", per {', '.join(s.text for s in rest)}" if rest else ""
    return f"{first.text}{via}"


def attribution_conflict(a: Claim, b: Claim) -> str | None:
    """A note when both claims name who said it and they name different sources."""
    if not a.sources or not b.sources:
        return None
    if {s.head for s in a.sources} & {s.head for s in b.sources}:
        return None
    return (
        f"Attributed differently: {a.outlet} attributes it to {_sources_text(a)}; "
        f"{b.outlet} to {_sources_text(b)}."
    )


def negation_conflict(a: Claim, b: Claim, score: float) -> str | None:
    """A note when one of two closely matching claims negates what the other states."""
    if a.negated == b.negated or score < _NEGATION_MIN_SCORE:
        return None
    negated, plain = (a, b) if a.negated else (b, a)
    return (
        f"Contradiction: {negated.outlet} negates it ({_quote(negated.text)}), "
        f"{plain.outlet} states it ({_quote(plain.text)})."
    )


def find_conflicts(alignment: Alignment, source_of: Mapping[str, str]) -> list[Conflict]:
    """Every conflict between linked claims of different independent sources in a group."""
    detectors: tuple[tuple[ConflictKind, Callable[[Claim, Claim, float], str | None]], ...] = (
        ("number", lambda a, b, s: number_conflict(a, b)),
        ("date", lambda a, b, s: date_conflict(a, b)),
        ("attribution", lambda a, b, s: attribution_conflict(a, b)),
        ("negation", negation_conflict),
    )
    found: list[Conflict] = []
    for link in alignment.links:
        if source_of[link.left.article] == source_of[link.right.article]:
            continue
        for kind, detect in detectors:
            note = detect(link.left, link.right, link.score)
            if note and all(c.note != note for c in found):
                found.append(Conflict(kind=kind, note=note, score=link.score))
    return found


def _support(claims: Sequence[Claim]) -> tuple[Support, ...]:
    seen: set[tuple[str, int]] = set()
    refs = []
    for claim in claims:
        if (claim.article, claim.sentence) in seen:
            continue
        seen.add((claim.article, claim.sentence))
        refs.append(
            Support(
                article=claim.article,
                outlet=claim.outlet,
                sentence=claim.sentence_text,
                sentence_index=claim.sentence,
                start=claim.sentence_start,
                end=claim.sentence_end,
            )
        )
    return tuple(refs)


def _representative(alignment: Alignment) -> Claim:
    """The claim that best matches the rest of its group (ties: the longer, then the first)."""
    totals = {id(c): 0.0 for c in alignment.claims}
    for link in alignment.links:
        totals[id(link.left)] += link.score
        totals[id(link.right)] += link.score
    return max(alignment.claims, key=lambda c: (totals[id(c)], len(c.words)))


def verdict(alignment: Alignment, source_of: Mapping[str, str]) -> Fact:
    """The fact one aligned group states, with its status, evidence and confidence."""
    sources = {source_of[c.article] for c in alignment.claims}
    text = _representative(alignment).text
    support = _support(alignment.claims)
    conflicts = find_conflicts(alignment, source_of) if len(sources) > 1 else []
    if conflicts:
        first = conflicts[0]
        return Fact(
            status="conflicting",
            text=text,
            support=support,
            note=" ".join(c.note for c in conflicts),
            conflict=first.kind,
            confidence=round(_CERTAINTY[first.kind] * min(1.0, 0.5 + 0.5 * first.score), 3),
            independent_outlets=len(sources),
        )
    if len(sources) > 1:
        scores = [link.score for link in alignment.links] or [0.0]
        return Fact(
            status="corroborated",
            text=text,
            support=support,
            confidence=round(min(1.0, 0.5 + 0.5 * sum(scores) / len(scores)), 3),
            independent_outlets=len(sources),
        )
    return Fact(
        status="exclusive",
        text=text,
        support=support,
        confidence=round(max(0.0, 1.0 - alignment.best_other), 3),
        independent_outlets=1,
    )
