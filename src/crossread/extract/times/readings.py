"""What a grammar rule makes of one match: the reading, and the context it resolves against."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from crossread.extract.times.calendar import Direction
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
    folded: str | None = None
    """The text lower-cased where that is safe to match case-folded (``scan.lowered``)."""
