"""Titles and descriptions of people: ``Russian President``, ``the UN secretary general``.

A title in front of a name marks a PERSON and becomes a nominal mention that refers to the
name; descriptions without a name (``the Russian president``) are nominal mentions resolved
later (``resolve.py`` within an article, ``linking.py`` across a story) through ``describe``:
the (qualifier, role class) pair they share with a titled name.
"""

from __future__ import annotations

import re
from functools import cache

from crossread.extract.gazetteer import Gazetteer, fold, gazetteer
from crossread.extract.names import name_key, org_key, place_key
from crossread.models import Mention, Sentence


def nationality_at(
    text: str, tokens: list[tuple[int, int]], k: int, gaz: Gazetteer
) -> tuple[str, int] | None:
    for width in (2, 1):
        if k + width <= len(tokens) - 0:
            words = (
                fold(text[tokens[k][0] : tokens[k + width - 1][1]])
                if k + width <= len(tokens)
                else ""
            )
            if words in gaz.nationalities and k + width < len(tokens):
                return gaz.nationalities[words], k + width
    return None


def title_at(
    text: str, tokens: list[tuple[int, int]], k: int, gaz: Gazetteer
) -> tuple[str, int] | None:
    for width in (3, 2, 1):
        if k + width < len(tokens):
            words = fold(text[tokens[k][0] : tokens[k + width - 1][1]])
            if words in gaz.titles:
                return gaz.titles[words], _portfolio(text, tokens, k + width)
    return None


def _portfolio(text: str, tokens: list[tuple[int, int]], end: int) -> int:
    """Where a title ends once its ``of``/``for`` portfolio is included: ``Minister of
    Education`` before a full name (two words or more), or all of ``Minister of Foreign
    Affairs`` when no name follows."""
    if text[tokens[end][0] : tokens[end][1]] not in ("of", "for"):
        return end
    for stop in range(end + 2, min(end + 4, len(tokens)) + 1):
        if len(tokens) - stop >= 2 or stop == len(tokens):
            return stop
    return end


_WORD_BEFORE = re.compile(r"[\w.’'\-]+")


_WORD_CHARS = re.compile(r"[\w.’'\-]*")


def _word_start(text: str, end: int, near: int) -> int:
    """Where the run of ``[\\w.’'\\-]`` characters ending at ``end`` starts, not before ``near``.

    Matched on the reversed window: a regex search for the run at the end of the window would
    try every position from ``near``.
    """
    match = _WORD_CHARS.match(text[end - 1 : near - 1 if near else None : -1])
    return end - (match.end() if match else 0)


@cache
def _title_ends(gaz: Gazetteer) -> frozenset[str]:
    """Every title and every part of one after a space: what a title's last word can fold to."""
    ends = set(gaz.titles)
    for title in gaz.titles:
        ends.update(title[i + 1 :] for i, ch in enumerate(title) if ch == " ")
    return frozenset(ends)


def title_before(text: str, start: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """A lower-case title right before a name (``leader Kim Jong Un``, ``secretary general X``).

    Returns the role class and where the title starts, including a nationality or named
    qualifier in front of it (``North Korean leader``, ``UN secretary general``).
    """
    # cheap necessary conditions first: one space before the name, and the word before the
    # space is the end of some title (most names have no title before them)
    if start < 2 or text[start - 1] != " ":
        return None
    near = max(0, start - 40)
    last_end = start - 1
    # most often the word before is all letters after a space: then it is the whole run
    space = text.rfind(" ", near, last_end)
    word = text[space + 1 : last_end] if space >= 0 else ""
    if word.isalpha():
        if fold(word) not in _title_ends(gaz):
            return None
    else:
        # the word right before that space (what ``[\w.’'\-]+\Z`` searched from ``near`` finds)
        j = _word_start(text, last_end, near)
        if j == last_end:
            return None
        if (j > near or near == 0) and fold(text[j:last_end]) not in _title_ends(gaz):
            return None
    window_start = max(0, start - 60)
    words = [
        (m.start() + window_start, m.group())
        for m in _WORD_BEFORE.finditer(text[window_start:start])
    ]
    if not words or text[words[-1][0] + len(words[-1][1]) : start] != " ":
        return None
    for width in (3, 2, 1):
        if len(words) < width:
            continue
        phrase = fold(" ".join(w for _, w in words[-width:]))
        if phrase not in gaz.titles or not words[-width][1][0].islower():
            continue
        title_start = words[-width][0]
        rest = words[:-width]
        for qual_width in (2, 1):
            if len(rest) >= qual_width and rest[-qual_width][1].lower() != "the":
                qual = " ".join(w for _, w in rest[-qual_width:])
                if fold(qual) in gaz.nationalities or org_key(qual, gaz) or place_key(qual, gaz):
                    title_start = rest[-qual_width][0]
                    break
        return gaz.titles[phrase], title_start
    return None


# opens with a letter class, not ``\b``, so that the regex engine skips ahead to the next
# ``t``; the lookbehind is the ``\b`` in front of ``the``. Case is ignored, so the qualifier
# words (``[A-Z]...``) may be lower-case too ("the former president").
_NOMINAL = re.compile(
    r"[Tt](?<!\w[Tt])he\s+((?:[A-Z][\w.’'\-]*\s+){0,3}?)"
    r"(vice president|prime minister|secretary[ -]general|director[ -]general|supreme leader|"
    r"foreign minister|defen[cs]e minister|finance minister|president|premier|chancellor|leader|"
    r"chief|boss|chairman|chairwoman|minister|ambassador|envoy|spokesman|spokeswoman|"
    r"spokesperson|king|queen|pope|crown prince|crown princess)\b(?![ -]?(?:elect|ship|s\b))",
    re.IGNORECASE,
)


def find_nominals(
    text: str, sentences: tuple[Sentence, ...], gaz: Gazetteer, named: list[Mention]
) -> list[Mention]:
    """``the Russian president``, ``the UN secretary general``: nominal PERSON mentions."""
    out: list[Mention] = []
    matches = list(_NOMINAL.finditer(text))
    if not matches:  # most articles hold none: skip gathering the spans already named
        return out
    covered = {(m.start, m.end) for m in named}
    for match in matches:
        start, end = match.start(), match.end()
        if any(s <= start < e or s < end <= e for s, e in covered):
            continue
        qualifier_text = match.group(1).strip()
        if (
            qualifier_text
            and qualifier_text[0].islower()
            and fold(qualifier_text) not in gaz.nationalities
        ):
            continue  # "the former president": keep only nationality or named qualifiers
        phrase = text[start:end]
        out.append(
            Mention(
                text=phrase,
                start=start,
                end=end,
                kind="PERSON",
                key=name_key(phrase.split(None, 1)[1]),
                sentence=_sentence_at(sentences, start),
                nominal=True,
            )
        )
    return out


def _sentence_at(sentences: tuple[Sentence, ...], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if sentences[mid].end <= pos:
            lo = mid + 1
        elif sentences[mid].start > pos:
            hi = mid - 1
        else:
            return sentences[mid].index
    return -1


def describe(key: str) -> tuple[str | None, str | None]:
    """(qualifier, role class) of a nominal key: ``russian president`` -> (``russia``, ``top``).

    The qualifier is a country key or an organisation key; ``None`` when the description has
    none (``the president``). The role is ``None`` when the key holds no known title.
    """
    gaz = gazetteer()
    words = key.split()
    for width in (3, 2, 1):
        if len(words) >= width:
            title = " ".join(words[-width:])
            role = gaz.titles.get(title) or gaz.titles.get(title.replace(" ", "-"))
            if role is not None:
                qual = " ".join(words[:-width])
                if not qual:
                    return None, role
                qual = qual.removeprefix("the ")
                country = gaz.nationalities.get(qual) or place_key(qual, gaz)
                return country or gaz.orgs.get(qual) or qual, role
    return None, None
