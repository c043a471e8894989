"""The quote finder's shortcuts give what the plain regex searches they stand for give.

``cues.py`` and ``speakers.py`` walk back over words instead of trying end-anchored regexes at
every position, start those searches a few words back, and try the cue regex only where a cue
word starts.
These tests compare each shortcut with the search it replaces on many generated strings.
"""

import random
import re

import pytest

from crossread.extract import speakers
from crossread.extract.cues import cue_pattern, tail_start, word_end
from crossread.extract.speech_context import SpeechContext

_PIECES = [
    "said",
    "says",
    "told reporters",
    "told",
    "reporters",
    "referring to",
    "writer",
    "unsaid",
    "sayings",
    "Kim",
    "Ann Fox",
    "last",
    "week",
    "on",
    "Monday",
    "however",
    "for their part",
    "Nearly",
    "half",
    "42",
    "%",
    "per cent",
    "one in four",
    "voters",
    "of",
    "them",
    "(D-Calif.)",
    "’s",
    "é",
    "_",
    "-",
    ".",
    ",",
    "\n",
    "\t",
    "  ",
]
_GLUE = [" ", " ", "", ", ", "  ", "\n"]


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_PIECES) + rng.choice(_GLUE) for _ in range(rng.randint(0, 14)))
        for _ in range(n)
    ]


def _windows(text: str, rng: random.Random) -> tuple[int, int]:
    lo = rng.randint(0, len(text))
    return lo, rng.randint(lo, len(text))


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_word_end_is_the_last_word_regex() -> None:
    pattern = re.compile(r"([\w.’'\-]+)\s*$")
    rng = random.Random(7)
    for text in _texts(1, 3000):
        lo, hi = _windows(text, rng)
        m = pattern.search(text, lo, hi)
        assert word_end(text, lo, hi) == (m.span(1) if m else None), (text, lo, hi)


@pytest.mark.parametrize(
    ("pattern", "runs"),
    [
        (speakers._TIME_BEFORE_CUE, 6),
        (speakers._QUANTITY_END, 14),
        (speakers._PARENTHESIS_END, 20),
    ],
)
def test_end_anchored_search_from_tail_start(pattern: re.Pattern[str], runs: int) -> None:
    rng = random.Random(11)
    for text in _texts(2, 3000):
        lo, hi = _windows(text, rng)
        assert _span(pattern.search(text, tail_start(text, lo, hi, runs), hi)) == _span(
            pattern.search(text, lo, hi)
        ), (text, lo, hi)


def _context(text: str) -> SpeechContext:
    ctx = SpeechContext(
        text=text,
        sentences=(),
        starts=[],
        mentions=(),
        by_end={},
        by_start={},
        persons=[],
        full_names={},
    )
    ctx.index_cues()
    return ctx


def test_indexed_cues_match_the_cue_regex_in_any_window() -> None:
    rng = random.Random(13)
    for text in _texts(3, 3000):
        ctx = _context(text)
        lo, hi = _windows(text, rng)
        expected = [m.span() for m in cue_pattern().finditer(text, lo, hi)]
        assert [m.span() for m in ctx.cues_in(lo, hi)] == expected, (text, lo, hi)
        if expected:
            assert ctx.may_cue(lo, hi)


def test_a_cue_cut_short_by_its_window_is_still_found() -> None:
    text = "The writers agreed."
    ctx = _context(text)
    # "write" is a cue form: a window that ends inside "writers" matches it
    assert [m.group() for m in ctx.cues_in(0, 9)] == ["write"]
    assert [m.group() for m in ctx.cues_in(0, len(text))] == ["agreed"]
