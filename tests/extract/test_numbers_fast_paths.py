"""The number finder's shortcuts give what the plain regexes they stand for give.

``numbers.py`` scans lower-cased text with a trie of the number words instead of the
case-insensitive alternation, and finds the unit after a number by walking over white space
instead of compiling a regex per unit. These tests compare each shortcut with the regex it
replaces on many generated strings.
"""

import random
import re

from crossread.extract import numbers

_PIECES = [
    "two",
    "twenty",
    "Twenty",
    "seventy",
    "seventeen",
    "hundred",
    "hundreds",
    "hundreds of thousands",
    "tens of thousands",
    "thousands",
    "half a dozen",
    "a dozen",
    "dozens",
    "dozenth",
    "of",
    "offices",
    "million",
    "billion",
    "people",
    "troops",
    "-",
    " ",
    "  ",
    "\n",
    "\u00a0",
    ",",
    "x",
    "3",
]


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_folded_trie_scan_matches_the_alternation() -> None:
    alternation = re.compile(numbers._WORD_NUMBER.pattern)  # the same words, case-sensitive
    for text in _texts(3000, 7):
        lowered = text.lower()
        assert [m.span() for m in numbers._WORD_NUMBER_FOLDED.finditer(lowered)] == [
            m.span() for m in alternation.finditer(lowered)
        ], lowered


def test_unit_end_matches_the_regex() -> None:
    for text in _texts(500, 11):
        for unit in ("people", "troops", "offices", "of", "USD", "hundreds of thousands"):
            for of in (False, True):
                gap = r"\s+(?:of\s+)?" if of else r"\s+"
                for pos in range(len(text) + 1):
                    m = re.compile(gap + re.escape(unit)).match(text, pos)
                    assert numbers._unit_end(text, pos, unit, of=of) == (m.end() if m else None)
