"""Whom a speaker phrase names: pronouns and ``who`` resolved to a named person, partial
names to full names (``resolve_speaker``), and the nearest named subject before a cue
(``subject_of``, for quotes too short to carry an attribution of their own).

Used by ``quotes.py`` and ``quote_spans.py``; the phrases themselves are found by
``speakers.py``.
"""

from __future__ import annotations

from crossread.extract.gazetteer import fold, gazetteer
from crossread.extract.speech_context import SpeechContext
from crossread.models import Mention

_PERSONAL = frozenset({"he", "she"})
_COUNTRY_NOUNS = frozenset({"the country", "the nation"})
_COUNTRY_REACH = 3
"""Sentences back (besides its own) where ``the country`` looks for the country it means."""
_RELATIVE = frozenset({"who", "which"})


def subject_of(ctx: SpeechContext, lo: int, cue_start: int) -> tuple[int, int] | None:
    """The nearest named PERSON or ORG before a cue in the same sentence."""
    best = None
    for m in ctx.mentions:
        if lo <= m.start and m.end <= cue_start and m.kind in ("PERSON", "ORG") and not m.nominal:
            best = m
    return (best.start, best.end) if best else None


def resolve_speaker(ctx: SpeechContext, start: int, end: int) -> str:
    """The speaker's name for the words at ``start:end``: pronouns and ``who`` resolved to a
    named person, partial names to full names; otherwise the words themselves."""
    surface = ctx.text[start:end]
    if surface.lower() in _PERSONAL:
        last = next((m for m in reversed(ctx.persons) if m.end <= start), None)
        return _full_name(ctx, last) if last is not None else surface
    if fold(surface) in _COUNTRY_NOUNS:
        country = _country_before(ctx, start)
        if country is not None:
            return country
    if surface in _RELATIVE:
        # "Ted Cruz, who said": the name the relative clause hangs on
        antecedent = ctx.by_end.get(len(ctx.text[:start].rstrip(" ,")))
        return _full_name(ctx, antecedent) if antecedent is not None else surface
    named = [
        m
        for m in ctx.mentions_from(start, end)
        if start <= m.start < end and m.kind in ("PERSON", "ORG")
    ]
    if " and " in surface:  # "Washington and Seoul warned": both speak
        pair = [m for m in ctx.mentions_from(start, end) if start <= m.start and m.end <= end]
        pair = [m for m in pair if not m.nominal and m.kind in ("PERSON", "ORG", "PLACE")]
        if len(pair) == 2 and ctx.text[pair[0].end : pair[1].start] == " and ":
            return " and ".join(_full_name(ctx, m) for m in pair)
    for m in named:
        if not m.nominal and m.end <= end:  # not a headline run such as "Trump Says He"
            return _full_name(ctx, m)
    for m in named:
        if m.refers_to in ctx.full_names:
            return ctx.full_names[m.refers_to]
    return surface


def _country_before(ctx: SpeechContext, start: int) -> str | None:
    """The country ``the country`` at ``start`` means: the first country (or capital standing
    for its government, ``Pyongyang`` for North Korea) of the nearest sentence that names one,
    its own words before ``start`` first; a sentence's first such name is most often its
    subject (``In July, Pyongyang also said ... The country has also blamed ...``)."""
    countries = gazetteer().countries
    here = ctx.sentence_at(start)
    lowest = (here.index if here else 0) - _COUNTRY_REACH
    first: dict[int, tuple[int, str]] = {}  # sentence -> (start, country key) of its first
    names: dict[str, str] = {}
    for m in ctx.mentions:
        if m.start >= start or m.nominal:
            continue  # (mentions need not be in text order)
        if m.key in countries:
            names.setdefault(m.key, m.text)
        key = m.key if m.key in countries else m.refers_to
        if key is not None and key in countries and m.sentence >= lowest:
            first[m.sentence] = min(first.get(m.sentence, (m.start, key)), (m.start, key))
    if not first:
        return None
    key = first[max(first)][1]
    return names.get(key, key.title())


def _full_name(ctx: SpeechContext, mention: Mention) -> str:
    if mention.refers_to and mention.refers_to in ctx.full_names:
        return ctx.full_names[mention.refers_to]
    return mention.text
