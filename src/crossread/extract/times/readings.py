"""What a grammar rule makes of one match: the reading, and the context it resolves against."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from crossread.extract.times.calendar import Direction
from crossread.extract.times.lexicon import alternation, lexicon
from crossread.models import Granularity, TimeType


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """A rule's interpretation of a match: TimeML type, value and the rest of a TimeRef."""

    type: TimeType
    value: str | None
    granularity: Granularity | None = None
    anchored: bool = False
    modifier: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What resolution may look at: the anchor date and the tense around a match."""

    text: str
    anchor: dt.date | None
    direction: Callable[[int, int], Direction]
    """(start, end) of the match -> the tense of its clause: past, future or none."""
    bounds: Callable[[int], tuple[int, int]]
    """offset -> (start, end) of the sentence around it."""
    reference: Callable[[int], str | None]
    """offset -> the date the narrative is at: the value (``2022-03-03``, ``2022-03``,
    ``2022``) of the last calendar date found shortly before it."""


@cache
def _cue_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = lexicon()
    future = re.compile(r"(?<![\w'’])" + alternation(list(lex.future_cues)) + r"(?![\w])", re.I)
    past_words = alternation(list(lex.past_cues))
    past = re.compile(
        r"(?<![\w'’])(?:" + past_words + r"|[a-z]{2,}ed|(?:has|have)\s+been)(?![\w])", re.I
    )
    return future, past


_PASSIVE_INFINITIVE = re.compile(r"\bbe\s+(?:\w+ly\s+)?$", re.I)
_PAST_AUXILIARY = re.compile(r"\b(?:had|was|were|been)\s+(?:\w+\s+)?$", re.I)


def clause_direction(text: str, start: int, end: int, bounds: tuple[int, int]) -> Direction:
    """Tense of the clause around ``text[start:end]``: the nearest tense cue in its sentence.

    Cues are future auxiliaries (``will``, ``is expected to``) and past forms (``said``,
    ``-ed`` verbs); the one closest to the expression wins, and none gives ``none``.
    """
    future, past = _cue_patterns()
    lo, hi = max(bounds[0], start - 120), min(bounds[1], end + 120)
    best: tuple[int, Direction] | None = None
    window = text[lo:hi]
    cues: tuple[tuple[re.Pattern[str], Direction], ...] = ((future, "future"), (past, "past"))
    for pattern, direction in cues:
        for m in pattern.finditer(window):
            pos = lo + m.start()
            if start <= pos < end:
                continue
            distance = start - (lo + m.end()) if pos < start else pos - end
            if direction == "future" and _PAST_AUXILIARY.search(text, max(lo, pos - 16), pos):
                # "had been due to expire", "was scheduled to": a plan in the past
                direction = "past"
            elif direction == "past" and _PASSIVE_INFINITIVE.search(text, max(lo, pos - 24), pos):
                # "will be named", "is to be completed": a participle after "be" carries
                # no tense of its own (the auxiliary before it does)
                continue
            if best is None or distance < best[0]:
                best = (distance, direction)
    return best[1] if best else "none"
