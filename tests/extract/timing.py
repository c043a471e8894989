"""What the time-grammar tests share: the time expressions found in a text of our own, and the
one with a given extent, against each test file's own anchor date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times
from crossread.models import TimeRef

Found = Callable[..., list[TimeRef]]
One = Callable[..., TimeRef]


def time_finders(default: dt.date) -> tuple[Found, One]:
    """``found(text, anchor=default)``, every TimeRef of ``text``, and ``one(text, expression,
    anchor=default)``, the first whose text is ``expression`` (the test fails when none is)."""

    def found(text: str, anchor: dt.date | None = default) -> list[TimeRef]:
        return list(find_times(text, anchor, split_sentences(text)))

    def one(text: str, expression: str, anchor: dt.date | None = default) -> TimeRef:
        hits = [t for t in found(text, anchor) if t.text == expression]
        assert hits, f"{expression!r} not found in {[t.text for t in found(text, anchor)]}"
        return hits[0]

    return found, one
