"""Repeated paragraphs: image alt text printed again as a caption, pull quotes, page glitches.

Paragraphs are compared with whitespace collapsed, case folded and trailing photo credits
stripped (``... in April 2019.  (REUTERS)`` equals ``... in April 2019. (REUTERS)`` and the
same caption without a credit); long paragraphs also match when nearly identical.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from crossread.clean.boilerplate import collapse, strip_credit

NEAR_MIN_LENGTH = 40
"""Shorter paragraphs must match exactly: a near-match of short lines is often a real change."""
NEAR_RATIO = 95.0
# A sentence end followed by the start of another sentence.
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]?\s+[\"“‘(]?[A-Z0-9]")


def repeat_key(paragraph: str) -> str:
    """The form two copies of one paragraph share."""
    # strip_credit's result is already collapsed (a collapsed line or a stripped prefix of one)
    return strip_credit(paragraph).casefold().rstrip(" .")


def repeat_groups(paragraphs: Sequence[str]) -> list[list[int]]:
    """Indexes of paragraphs that repeat each other, in order; groups of two or more only."""
    groups: list[list[int]] = []
    exact: dict[str, int] = {}
    long_keys: list[str] = []
    long_groups: list[int] = []
    for index, paragraph in enumerate(paragraphs):
        key = repeat_key(paragraph)
        if not key:
            continue
        found = exact.get(key)
        if found is None and len(key) >= NEAR_MIN_LENGTH and long_keys:
            near = process.extractOne(key, long_keys, scorer=fuzz.ratio, score_cutoff=NEAR_RATIO)
            if near is not None:
                found = long_groups[near[2]]
        if found is not None:
            groups[found].append(index)
            continue
        exact[key] = len(groups)
        if len(key) >= NEAR_MIN_LENGTH:
            long_keys.append(key)
            long_groups.append(len(groups))
        groups.append([index])
    return [g for g in groups if len(g) > 1]


def _one_sentence(paragraph: str) -> bool:
    return _SENTENCE_BREAK.search(collapse(paragraph)) is None


def repeat_reasons(
    paragraphs: Sequence[str], reasons: Sequence[str | None], *, head: int = 0
) -> dict[int, str]:
    """Which paragraphs to drop as repeats, and why.

    A repeated caption goes entirely (every copy is ``caption``); a repeated body paragraph
    keeps its first copy and the later ones go as ``repeated-line``. ``reasons`` holds what
    other rules already decided for each paragraph (None: kept so far).

    A caption may carry no credit at all; its tell is then the page layout: an image's alt
    text printed again as its caption gives two adjacent copies of one sentence near the top.
    So a one-sentence paragraph repeated on the very next line within the first ``head``
    paragraphs counts as a caption too.
    """
    out: dict[int, str] = {}
    for group in repeat_groups(paragraphs):
        adjacent = any(b - a == 1 and b < head for a, b in itertools.pairwise(group))
        captioned = any(reasons[i] == "caption" for i in group)
        if captioned or (adjacent and _one_sentence(paragraphs[group[0]])):
            out.update({i: "caption" for i in group if reasons[i] is None})
            continue
        kept = [i for i in group if reasons[i] is None]
        out.update({i: "repeated-line" for i in kept[1:]})
    return out
