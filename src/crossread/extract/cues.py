"""Cue verbs and the text scans that quote finding leans on.

Used by ``speakers.py``, ``cue_clauses.py``, ``quotes.py`` and ``speech_context.py``. Cue verbs
(``data/speech_verbs.txt``, ``data/claim_verbs.txt``, ``data/stance_verbs.txt``,
``data/intent_verbs.txt``) become one trie regex, ``cue_pattern()``; ``cue_start_pattern()``
finds the words a cue can start at, for an index built once per article. The scans give what
an end-anchored regex search gives without trying every position from the start of a
sentence: ``word_end`` walks back over the last word, ``tail_start`` says how far back such a
search needs to start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crossread.extract.wordtrie import trie_pattern

_WORD_EXTRA = "_.’'-"


def rstrip_end(text: str, end: int, lo: int = 0) -> int:
    """``len(text[:end].rstrip())`` (not below ``lo``), without copying the text."""
    while end > lo and text[end - 1].isspace():
        end -= 1
    return end


def rstrip_chars(text: str, end: int, chars: str) -> int:
    """``len(text[:end].rstrip(chars))`` without copying the text."""
    while end > 0 and text[end - 1] in chars:
        end -= 1
    return end


def lstrip_start(text: str, start: int, hi: int | None = None, chars: str | None = None) -> int:
    """Where ``text[start:hi].lstrip(chars)`` starts (white space when ``chars`` is None),
    without copying the text."""
    hi = len(text) if hi is None else hi
    if chars is None:
        while start < hi and text[start].isspace():
            start += 1
    else:
        while start < hi and text[start] in chars:
            start += 1
    return start


def word_end(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    r"""The span of the last word of ``text[lo:hi]`` when only space follows it: group 1 of
    ``re.search(r"([\w.’'\-]+)\s*$")`` on the window, found by walking back from ``hi`` instead
    of trying the regex at every position from ``lo``."""
    end = rstrip_end(text, hi, lo)
    start = end
    while start > lo and (text[start - 1].isalnum() or text[start - 1] in _WORD_EXTRA):
        start -= 1
    return (start, end) if start < end else None


def tail_start(text: str, lo: int, hi: int, runs: int) -> int:
    """Where an end-anchored search of ``text[lo:hi]`` can start when the pattern's matches
    hold at most ``runs`` runs of white space: no match can start before the last ``runs + 1``
    runs, so trying those positions (as ``search(text, lo, hi)`` does) is wasted work."""
    pos = hi
    for _ in range(runs + 1):
        space = text.rfind(" ", lo, pos)
        if space < 0:
            return lo
        pos = space
        while pos > lo and text[pos - 1].isspace():
            pos -= 1
    return pos


_CUE_FILES = ("speech_verbs.txt", "claim_verbs.txt", "stance_verbs.txt", "intent_verbs.txt")


@dataclass(frozen=True, slots=True, kw_only=True)
class Cue:
    lemma: str
    needs_that: bool
    clause: bool = False  # a bare clause with its subject will do instead of "that"
    stance: bool = False  # an opinion verb ("endorsed"): yields to a speech verb in its sentence
    infinitive: bool = False  # a to-infinitive is its content too ("vowed to cut taxes")


@cache
def cues() -> dict[str, Cue]:
    """Every cue verb form: of ``data/speech_verbs.txt``, ``data/claim_verbs.txt``,
    ``data/stance_verbs.txt`` and ``data/intent_verbs.txt``."""
    data = resources.files("crossread.extract.data")
    text = "\n".join(data.joinpath(name).read_text() for name in _CUE_FILES)
    cues: dict[str, Cue] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        mark = parts[2].strip() if len(parts) > 2 else ""
        for form in parts[1].split("|"):
            if form:
                cues[form] = Cue(
                    lemma=parts[0],
                    needs_that=mark in ("that", "clause", "infinitive"),
                    clause=mark == "clause",
                    stance=mark == "stance",
                    infinitive=mark in ("to", "infinitive"),
                )
    return cues


@cache
def cue_pattern(ignore_case: bool = False) -> re.Pattern[str]:
    """Any speech verb form; ``ignore_case`` for title-case headlines (``Trump Says He ...``)."""
    return re.compile(r"\b(?:" + trie_pattern(cues()) + r")\b", re.IGNORECASE if ignore_case else 0)


@cache
def cue_start_pattern() -> re.Pattern[str] | None:
    """A word that starts with the first word of a cue form (``said``, ``point``, but also
    ``writer``): wherever ``cue_pattern()`` matches, also in a window cut short mid-word, this
    matches at the same place, and its matches never run over the start of another word.
    None if a cue form has a first word of other than word characters (then nothing is
    indexed)."""
    firsts = {form.split(" ")[0] for form in cues()}
    if not all(re.fullmatch(r"\w+", word) for word in firsts):
        return None
    return re.compile(r"\b(?:" + trie_pattern(firsts) + r")")


def last_cue(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The last cue in ``text[lo:hi]`` (also ``warned of``, ``called it``, ``described as``)
    as its start, end and words."""
    last = None
    for m in _last_cue_pattern().finditer(text[lo:hi]):
        last = m
    if last is None:
        return None
    return lo + last.start(), lo + last.end(), last.group()


@cache
def _last_cue_pattern() -> re.Pattern[str]:
    """``cue_pattern()`` and the phrases only ``last_cue`` counts, compiled once (the trie
    pattern is long: building and hashing the joined string per call was wasted work)."""
    return re.compile(
        cue_pattern().pattern + r"|\b(?:warn(?:ed|s)? of|call(?:ed|s)? it|described as)\b"
    )
