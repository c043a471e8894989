"""Paragraphs of a raw text: the unit every cleaning rule works on.

Scraped text puts one paragraph on a line, sometimes with blank lines between them and
sometimes not (captions often sit on consecutive lines). Text saved from e-mail or terminals
is hard-wrapped instead: a paragraph spans several lines of similar length. Each non-empty
line is a paragraph unless its block looks hard-wrapped, in which case the block's lines are
joined with single spaces. Nothing inside a line is changed.
"""

from __future__ import annotations

import itertools
import re

_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
_TERMINAL = re.compile(r"[.!?:;\"'”’)\]]$")

WRAP_MIN = 40
WRAP_MAX = 100
WRAP_SPREAD = 30


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of one block that continue each other rather than standing alone."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    if any(not WRAP_MIN <= len(line) <= WRAP_MAX for line in body):
        return False
    if len(lines[-1]) > WRAP_MAX:
        return False
    # The same line twice (an image's alt text, then its caption) is two paragraphs.
    if any(" ".join(a.split()) == " ".join(b.split()) for a, b in itertools.pairwise(lines)):
        return False
    # Wrapping breaks lines near one width, so their lengths are close...
    if max(map(len, body)) - min(map(len, body)) > WRAP_SPREAD:
        return False
    # ...mostly mid-sentence (separate paragraphs end cleanly), so some continuation line
    # starts in the middle of a sentence, with a lower-case word.
    open_ends = sum(1 for line in body if not _TERMINAL.search(line))
    continued = any(line[:1].islower() for line in lines[1:])
    return continued and open_ends * 2 >= len(body)


def paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text`` in order, each stripped of surrounding whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    for block in _BLANK.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _hard_wrapped(lines):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out
