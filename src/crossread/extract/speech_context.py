"""What quote finding knows about one article: its text, sentences and mentions, looked up
by position, and where the words that may start a cue verb are.

Built once per article by ``quotes.py`` and passed to the speaker and reported-speech finders
(``speakers.py``, ``speaker_names.py``, ``reported.py``, ``cue_clauses.py``, ``quote_spans.py``,
``trailing.py``). ``may_cue`` and
``cues_in`` spare a regex scan wherever the text-wide cue index shows no cue can match.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from crossread.extract.cues import cue_pattern, cue_start_pattern
from crossread.models import Mention, Sentence


@dataclass(slots=True)
class SpeechContext:
    text: str
    sentences: tuple[Sentence, ...]
    starts: list[int]
    mentions: tuple[Mention, ...]
    by_end: dict[int, Mention]
    by_start: dict[int, Mention]
    persons: list[Mention]
    full_names: dict[str, str]
    cue_starts: list[int] = field(default_factory=list)
    """Where the words that start with a cue form begin (``cue_start_pattern()`` over the
    text, in order) and end: see ``may_cue``."""
    cue_ends: list[int] = field(default_factory=list)
    indexed: bool = False
    mention_starts: list[int] | None = None
    """``m.start`` of each mention when the mentions are in start order (else None)."""

    def sentence_at(self, pos: int) -> Sentence | None:
        i = bisect_right(self.starts, pos) - 1
        return self.sentences[i] if i >= 0 else None

    def index_cues(self) -> None:
        """Find the cue words of the whole text once, for ``may_cue``."""
        pattern = cue_start_pattern()
        if pattern is not None:
            spans = [m.span() for m in pattern.finditer(self.text)]
            self.cue_starts = [a for a, _ in spans]
            self.cue_ends = [b for _, b in spans]
            self.indexed = True
        starts = [m.start for m in self.mentions]
        if starts == sorted(starts):
            self.mention_starts = starts

    def may_cue(self, lo: int, hi: int) -> bool:
        """False when no cue can match in ``text[lo:hi]``, not even one cut short at ``hi``:
        no word that starts with a cue form overlaps it. Wherever ``cue_pattern()`` matches,
        ``cue_start_pattern()`` matches too, and the text-wide scan either starts a match
        there or has one running over it; so one look-up here spares a regex scan."""
        if not self.indexed:
            return True
        i = bisect_right(self.cue_ends, lo)
        return i < len(self.cue_starts) and self.cue_starts[i] < hi

    def cues_in(self, lo: int, hi: int) -> list[re.Match[str]]:
        """``list(cue_pattern().finditer(text, lo, hi))``, trying the regex only where an
        indexed word starts (the only places a cue can match) instead of at every position."""
        if not self.indexed:
            return list(cue_pattern().finditer(self.text, lo, hi))
        pattern = cue_pattern()
        found: list[re.Match[str]] = []
        last = lo
        for k in range(bisect_left(self.cue_starts, lo), len(self.cue_starts)):
            start = self.cue_starts[k]
            if start >= hi:
                break
            if start < last:
                continue  # inside the cue found before ("told reporters")
            m = pattern.match(self.text, start, hi)
            if m is not None:
                found.append(m)
                last = m.end()
        return found

    def mentions_from(self, lo: int, hi: int) -> Iterable[Mention]:
        """The mentions that may start in ``lo:hi``, in order (all of them when unsorted)."""
        if self.mention_starts is None:
            return self.mentions
        return self.mentions[
            bisect_left(self.mention_starts, lo) : bisect_left(self.mention_starts, hi)
        ]
