"""Running the grammar's rules over their trigger windows cheaply, with the same matches.

The result for each rule and window is exactly ``rule.finditer(text, lo, hi)``. Two costs
are cut:

- every rule regex pays a per-character toll over its windows (the look-behind at each
  position) even where it can never match. Rules that share trigger windows are probed
  together: one zero-width regex, the union of their patterns in a look-ahead, lists the
  positions where at least one of them matches, and each rule is then tried only there. A
  rule's ``finditer`` yields, after each match, its first match at or beyond the end, which
  is always one of the probed positions, so trying the positions in order with the same
  "not before the last end" rule reproduces it.
- case-insensitive matching costs the regex engine about three times a case-sensitive one.
  Over ``text.lower()`` a rule's lower-cased pattern without IGNORECASE matches at the same
  places, provided that (1) lowering keeps every offset, (2) the text has none of the
  letters that IGNORECASE equates with an ASCII letter although their lower case differs
  (dotted and dotless i, long s) and (3) the pattern holds no cased non-ASCII letter, no
  escape naming a character by code or an upper-case class, and no inline flags (``(?-i:``
  keeps case: those rules are probed case-insensitively over the text itself). Rules are
  always matched for real against the text at the probed positions (handlers read groups).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

_BEFORE = r"(?<![\w'’])"
_AFTER = r"(?![\w])"
_CASE_TRAPS = re.compile("[\u0130\u0131\u017f]")
_UNSAFE_SOURCE = re.compile(r"\\[^wdsbWDSB\W_]|\\[WDSB]|\(\?[aiLmsux-]")
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_LOWER_AHEAD = "(?![a-z])"


def wrap(pattern: str) -> str:
    """A rule's grammar as its own regex: whole words only."""
    return _BEFORE + "(?:" + pattern + ")" + _AFTER


def foldable(pattern: str) -> bool:
    """Whether ``pattern`` lower-cased, without IGNORECASE, reads lower-cased text the same."""
    return not _UNSAFE_SOURCE.search(pattern) and not any(
        ord(c) > 127 and c.lower() != c.upper() for c in pattern
    )


def widened(pattern: str) -> str | None:
    """``pattern`` with its case-sensitive ``(?-i:...)`` sections made case-insensitive and
    their ``(?![a-z])`` dropped: it then matches wherever ``pattern`` does, and more, so it
    may be folded for a probe (the rules themselves are matched for real afterwards).
    ``None`` where that would not hold: a negated class or another negative look-around in
    such a section, or a section inside a negative look-around."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif ch == "[":
            j = i + 1
            if pattern.startswith("^", j):
                if "sensitive" in stack:
                    return None
                j += 1
            if pattern.startswith("]", j):
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif pattern.startswith("(?-i:", i):
            if "negative" in stack:
                return None
            stack.append("sensitive")
            out.append("(?:")
            i += 5
        elif pattern.startswith(_LOWER_AHEAD, i) and "sensitive" in stack:
            i += len(_LOWER_AHEAD)
        elif ch == "(":
            if pattern.startswith(("(?!", "(?<!"), i):
                if "sensitive" in stack:
                    return None
                stack.append("negative")
            else:
                stack.append("group")
            out.append(ch)
            i += 1
        else:
            if ch == ")":
                stack.pop()
            out.append(ch)
            i += 1
    return "".join(out)


def folded_pattern(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` (meant for IGNORECASE) to run case-sensitively over ``lowered`` text with
    the same matches, or ``None`` where it is not foldable."""
    if not foldable(pattern):
        return None
    return re.compile(pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P="))


def lowered(text: str, low: str | None = None) -> str | None:
    """``text`` lower-cased (``low`` if given), or ``None`` where case folding is not safe
    (see module doc)."""
    low = text.lower() if low is None else low
    if len(low) != len(text) or _CASE_TRAPS.search(text):
        return None
    return low


def _probe(patterns: Sequence[str], fold: bool) -> re.Pattern[str]:
    bodies = [_GROUP_NAME.sub("(?:", p) for p in patterns]
    if fold:
        bodies = [b.lower() for b in bodies]
    union = "|".join("(?:" + b + ")" + _AFTER for b in bodies)
    return re.compile(_BEFORE + "(?=" + union + ")", 0 if fold else re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Group:
    """Rules (by order) that scan the same windows, with their probes."""

    members: tuple[int, ...]
    exact: re.Pattern[str]
    """Probe of all members over the text (IGNORECASE)."""
    folded_members: tuple[int, ...]
    folded: re.Pattern[str] | None
    """Probe of the foldable members over the lower-cased text (of some widened: it may
    list more positions, never fewer)."""
    rest_members: tuple[int, ...]
    rest: re.Pattern[str] | None
    """Probe of the other members over the text (IGNORECASE)."""


def group(members: Sequence[int], patterns: Sequence[str]) -> Group:
    """The probes for rules ``members`` whose grammars (unwrapped) are ``patterns``."""
    probed = {}
    for i, p in enumerate(patterns):
        source = p if foldable(p) else widened(p)
        if source is not None and foldable(source):
            probed[i] = source
    fold = list(probed)
    rest = [i for i in range(len(patterns)) if i not in probed]
    return Group(
        members=tuple(members),
        exact=_probe(patterns, fold=False),
        folded_members=tuple(members[i] for i in fold),
        folded=_probe([probed[i] for i in fold], fold=True) if fold else None,
        rest_members=tuple(members[i] for i in rest),
        rest=_probe([patterns[i] for i in rest], fold=False) if rest else None,
    )


def scan(
    grp: Group,
    compiled: Sequence[re.Pattern[str]],
    text: str,
    low: str | None,
    lo: int,
    hi: int,
) -> Iterator[tuple[int, re.Match[str]]]:
    """(rule order, match) for every member's ``finditer(text, lo, hi)`` match."""
    if low is None:
        yield from _try(grp.exact, grp.members, compiled, text, text, lo, hi)
        return
    if grp.folded is not None:
        yield from _try(grp.folded, grp.folded_members, compiled, text, low, lo, hi)
    if grp.rest is not None:
        yield from _try(grp.rest, grp.rest_members, compiled, text, text, lo, hi)


def _try(
    probe: re.Pattern[str],
    members: tuple[int, ...],
    compiled: Sequence[re.Pattern[str]],
    text: str,
    probed: str,
    lo: int,
    hi: int,
) -> Iterator[tuple[int, re.Match[str]]]:
    positions = [m.start() for m in probe.finditer(probed, lo, hi)]
    if not positions:
        return
    for order in members:
        pattern = compiled[order]
        after = lo
        for pos in positions:
            if pos < after:
                continue
            m = pattern.match(text, pos, hi)
            if m is not None:
                after = m.end() if m.end() > pos else pos + 1
                yield order, m
