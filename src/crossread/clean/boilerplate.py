"""Boilerplate rules: page furniture, photo captions and credit tails, as data files.

Each rule file in ``clean/data`` (``boilerplate.txt``, ``captions.txt``, ``tails.txt``) holds
one rule a line, ``<reason> <regex>``; a paragraph is dropped with that reason when the regex
is found in it (whitespace collapsed). Section labels (``sections.txt``) match whole lines.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

RULE_FILES = ("captions.txt", "tails.txt", "boilerplate.txt")
TAIL_CHARS = 240


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One boilerplate pattern and the reason recorded when it drops a paragraph."""

    reason: str
    pattern: re.Pattern[str]
    origin: str
    """``file:line`` the rule came from, for error messages and debugging."""
    tail: bool = False
    """True for rules anchored only at the end (credits): searched in the line's last
    ``TAIL_CHARS`` characters, which keeps long paragraphs cheap."""


def data_lines(name: str) -> list[tuple[int, str]]:
    """Non-empty, non-comment lines of a file in ``clean/data``, with their line numbers."""
    text = resources.files("crossread.clean").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append((number, stripped))
    return out


def load_rules(name: str) -> tuple[Rule, ...]:
    """Parse a rule file; raises ValueError naming the file and line of a bad regex."""
    rules = []
    for number, line in data_lines(name):
        reason, _, regex = line.partition(" ")
        try:
            pattern = re.compile(regex.strip())
        except re.error as exc:
            raise ValueError(f"{name}:{number}: bad regex: {exc}") from exc
        body = re.sub(r"^\(\?[a-z]+\)", "", pattern.pattern)
        tail = not body.startswith("^") and body.endswith("$")
        rules.append(Rule(reason=reason, pattern=pattern, origin=f"{name}:{number}", tail=tail))
    return tuple(rules)


@cache
def rules() -> tuple[Rule, ...]:
    """All boilerplate rules, captions first (so a credited caption is reported as one)."""
    return tuple(rule for name in RULE_FILES for rule in load_rules(name))


@cache
def section_labels() -> frozenset[str]:
    return frozenset(line.casefold() for _, line in data_lines("sections.txt"))


@cache
def _longest_label() -> int:
    return max(map(len, section_labels()), default=0)


_LABEL_MARKS = " .:|»›-"


def collapse(text: str) -> str:
    """Whitespace runs to single spaces, ends stripped (``str.split`` and ``\\s`` agree on
    what whitespace is; splitting is several times faster than a regex substitution)."""
    return " ".join(text.split())


def _search(rule: Rule, line: str) -> re.Match[str] | None:
    if rule.tail and len(line) > TAIL_CHARS:
        return rule.pattern.search(line, len(line) - TAIL_CHARS)
    return rule.pattern.search(line)


# A rule opening with ``^(?=.{0,N}$)`` only matches lines of at most N characters.
_LENGTH_CAP = re.compile(r"^(?:\(\?[aiux]+\))?\^\(\?=\.\{0,(\d+)\}\$\)")


@cache
def _plan() -> tuple[tuple[str, Callable[[str, int], re.Match[str] | None], bool, float], ...]:
    """Each rule as (reason, bound search, tail, longest line it can match): the loop in
    :func:`match_reason` runs for every paragraph, so its per-rule work is kept minimal."""
    out = []
    for rule in rules():
        cap = _LENGTH_CAP.match(rule.pattern.pattern)
        max_chars = int(cap.group(1)) if cap else math.inf
        out.append((rule.reason, rule.pattern.search, rule.tail, max_chars))
    return tuple(out)


@lru_cache(maxsize=8192)
def match_reason(paragraph: str) -> str | None:
    """Why ``paragraph`` is boilerplate (a rule's reason), or None when it is not."""
    line = collapse(paragraph)
    if not line:
        return None
    # Case folding changes letters only (never into these marks) and never shortens a text,
    # so a line longer than every label once stripped is no label: skip folding long lines.
    if len(line.strip(_LABEL_MARKS)) <= _longest_label() and (
        line.casefold().strip(_LABEL_MARKS) in section_labels()
    ):
        return "section-label"
    size = len(line)
    tail_start = size - TAIL_CHARS if size > TAIL_CHARS else 0
    for reason, search, tail, max_chars in _plan():
        if size <= max_chars and search(line, tail_start if tail else 0):
            return reason
    return None


@lru_cache(maxsize=8192)
def strip_credit(paragraph: str) -> str:
    """A caption without its trailing credit, so that credited and bare copies compare equal."""
    line = collapse(paragraph)
    if match_reason(paragraph) is None:
        return line  # no rule matches anywhere in it, so no caption rule does
    starts = [start for start in _credit_starts(line) if start > 0]
    return line[: min(starts)].rstrip(" .,-–—|") if starts else line


def credit_start(line: str) -> int | None:
    """Where the longest trailing photo credit of a collapsed ``line`` starts (the earliest
    start of a caption rule's match that reaches the end), or None when it has none."""
    return min(_credit_starts(line), default=None)


def _credit_starts(line: str) -> list[int]:
    """Where each caption rule's match that reaches the end of ``line`` starts."""
    starts = []
    for rule in rules():
        if rule.reason == "caption":
            match = _search(rule, line)
            if match and match.end() == len(line):
                starts.append(match.start())
    return starts
