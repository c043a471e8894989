"""Capitalised token runs: the candidate names of one article, before they are typed.

Steps 1 and 2 of ``mentions.py``: the article is tokenised once (``tokenise``; periods and
hyphenated prefixes/suffixes trimmed), and each sentence's maximal runs of capitalised tokens
are joined over name particles (``bin``, ``van``, ``de``) and ``of``/``and`` inside
organisation names (``find_runs``). In a headline written in title case or capitals, a word
the article also writes in lower case (``find_lower_words``) breaks a run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter
from typing import NamedTuple

from crossread.extract.gazetteer import Gazetteer, fold, gazetteer, word_set
from crossread.extract.names import UPPER
from crossread.models import Sentence

_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*[.’']?")
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")
# a lower-case word, ``\b[a-z][a-z]+\b``, written to open with a letter class: the regex
# engine then skips ahead to the next such letter, where a leading ``\b`` is tried at every
# position (the lookbehind is the ``\b`` before the first letter)
_LOWER_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z]+(?!\w)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PARTICLES = word_set("particles")
_JOINERS = frozenset({"of", "and", "for", "the", "&"})
_HYPHEN_PREFIX = word_set("hyphen_prefix")
_CONTRACTION = re.compile(r"^I$|^I[’']|[’'](?:ll|re|ve|m|d|t)$")
_TITLE_ABBREVIATIONS = word_set("title_abbreviations")
_RUN_BREAKERS = word_set("run_breakers")


class Run(NamedTuple):
    """A capitalised token run (a named tuple: built ~80 times an article, so cheap to make)."""

    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    sentence: int
    sentence_start: bool


def find_lower_words(toks: Tokens) -> frozenset[str]:
    """The words the tokenised text writes in lower case (``\\b[a-z][a-z]+\\b``).

    Every word character is inside a token and a token is bounded by non-word characters, so
    the distinct tokens joined by spaces hold the same lower-case words as the text, in less
    text to scan.
    """
    return frozenset(_LOWER_WORD.findall(" ".join(set(toks.raw_words))))


@dataclass(frozen=True, slots=True, kw_only=True)
class Tokens:
    """The tokens of a text span, found once and shared by all its sentences."""

    raw_starts: list[int]
    raw_ends: list[int]
    """token spans as the pattern matched them (what sentence boundaries are checked against)."""
    starts: list[int]
    ends: list[int]
    """token spans after trimming periods and hyphenated prefixes/suffixes (``_trim``); kept as
    two lists, not a list of pairs: only the tokens of runs are ever paired."""
    words: list[str]
    """the tokens' text after trimming."""
    raw_words: list[str]
    """the tokens' text as matched."""
    classes: str
    """per token, the class of its first character (``_first_class``): one character a token,
    so that a sentence's counts are ``str.count`` calls over a slice."""
    candidates: list[int]
    """indices of tokens that may be capitalised (``_is_cap``), in order."""


def tokenise(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """The tokens of ``text[start:end]``, with spans in ``text``'s offsets."""
    # splitting on the token pattern gives gap, token, gap, ..., gap; the running sum of
    # their lengths gives every token's span (the same matches ``finditer`` would find)
    parts = _TOKEN_SPLIT.split(text[start:end])
    bounds = list(accumulate(map(len, parts), initial=start))
    raw_starts = bounds[1:-1:2]
    raw_ends = bounds[2::2]
    raw_words: list[str] = parts[1::2]
    words = raw_words.copy()
    starts = raw_starts.copy()
    ends = raw_ends.copy()
    # only tokens ending in a period or holding a hyphen can be trimmed
    article_names = []
    for k in [k for k, w in enumerate(words) if w[-1] == "." or "-" in w]:
        cut_start, cut_end = _trim(words[k])
        starts[k] += cut_start
        ends[k] -= cut_end
        words[k] = text[starts[k] : ends[k]]
        if _ARTICLE_NAME.match(words[k]):
            article_names.append(k)
    classes = "".join(map(_first_class, map(itemgetter(0), words)))
    if article_names:  # "al-Assad" opens a name as a capital does
        chars = list(classes)
        for k in article_names:
            chars[k] = _UPPER_NAME
        classes = "".join(chars)
    return Tokens(
        raw_starts=raw_starts,
        raw_ends=raw_ends,
        starts=starts,
        ends=ends,
        words=words,
        raw_words=raw_words,
        classes=classes,
        candidates=[m.start() for m in _CANDIDATE_CLASS.finditer(classes)],
    )


_NOT_LETTER, _LOWER, _UPPER_OTHER, _UPPER_NAME, _DIGIT = "01234"
_CANDIDATE_CLASS = re.compile(f"[{_UPPER_NAME}{_DIGIT}]")


@lru_cache(maxsize=4096)
def _first_class(char: str) -> str:
    """A token's first character: a digit or a capital in ``UPPER`` starts a possible name; the
    headline test counts letters (lower, upper) against everything else."""
    if char.isalpha():
        if not char.isupper():
            return _LOWER
        return _UPPER_NAME if char in _UPPER_SET else _UPPER_OTHER
    return _DIGIT if char.isdigit() else _NOT_LETTER


@lru_cache(maxsize=1 << 14)
def _trim(token: str) -> tuple[int, int]:
    """How many characters to cut from the front and the back of a token."""
    front, back = 0, 0
    if token.endswith(".") and not (
        _INITIALS.fullmatch(token) or token[:-1].lower() in _TITLE_ABBREVIATIONS
    ):
        back = 1
    # "then-US", "Kremlin-controlled", "anti-Pyongyang": keep the name part only
    if "-" in token:
        parts = token.split("-")
        if parts[0].lower() in _HYPHEN_PREFIX and len(parts) == 2:
            front = len(parts[0]) + 1
        elif len(parts) == 2 and parts[1].islower() and _derived(parts[1]):
            back = len(token) - len(parts[0])
    return front, back


def _derived(word: str) -> bool:
    """A derived word after a hyphen (``controlled``, ``speaking``, ``era``), not the second
    syllable of a given name (``Cheuk-ting``, ``Kwok-hing``: ``-ing`` needs a stem of three
    letters or more)."""
    if len(word) < 4:
        return False
    return word.endswith(("ed", "ly", "era", "style")) or (len(word) >= 6 and word.endswith("ing"))


_UPPER_SET = frozenset(UPPER)


_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ash)-[A-Z]")
"""an Arabic name written with its article in lower case (``al-Assad``, ``el-Sisi``)."""


def _is_cap(token: str) -> bool:
    first = token[0]
    if first in _UPPER_SET:
        return True
    if first.isdigit():
        return any(c in _UPPER_SET for c in token)
    return first in "ae" and _ARTICLE_NAME.match(token) is not None


@lru_cache(maxsize=1 << 16)
def _capital_word(word: str) -> bool:
    return _is_cap(word) and fold(word) not in CALENDAR and not _CONTRACTION.search(word)


_HEADLINE_LOWER_WORDS = (
    "a an the of in on at to for and or but nor by with into from as up vs vs. over via per off "
    "than bin bint al de da del du van von la le"
)
_HEADLINE_LOWER = frozenset(_HEADLINE_LOWER_WORDS.split())
"""Short words a title-case headline may leave in lower case (AP style)."""


def find_runs(
    text: str, sentence: Sentence, lower_words: frozenset[str], toks: Tokens
) -> list[Run]:
    """Maximal capitalised token runs in one sentence (names not yet typed).

    In a headline written in title case or capitals ("Lohan Checks Into Betty Ford Rehab"),
    capitals say little: there a word the article also writes in lower case breaks a run.
    """
    raw_ends = toks.raw_ends
    lo = bisect_left(toks.raw_starts, sentence.start)
    hi = bisect_left(toks.raw_starts, sentence.end, lo)
    if (lo and raw_ends[lo - 1] > sentence.start) or (hi and raw_ends[hi - 1] > sentence.end):
        # a token of the whole text crosses the sentence boundary: tokenise the sentence alone
        toks = tokenise(text, sentence.start, sentence.end)
        lo, hi = 0, len(toks.raw_starts)
    starts, ends, words, candidates = toks.starts, toks.ends, toks.words, toks.candidates
    c = bisect_left(candidates, lo)
    if c == len(candidates) or candidates[c] >= hi:
        return []
    gaz = gazetteer()
    first_word = lo
    while first_word < hi and not words[first_word][0].isalnum():
        first_word += 1
    classes = toks.classes
    upper = classes.count(_UPPER_NAME, lo, hi) + classes.count(_UPPER_OTHER, lo, hi)
    letters = upper + classes.count(_LOWER, lo, hi)
    headline = letters >= 4 and upper >= 0.7 * letters
    if headline and text[sentence.start : sentence.end].rstrip().endswith("."):
        # a sentence full of names ("Saudi Crown Prince Mohammed bin Salman met Biden.") is
        # no title-case headline ("Lohan Checks Out Of Rehab."): its lower-case words are
        # more than the short words a headline leaves in lower case
        headline = all(words[n] in _HEADLINE_LOWER for n in range(lo, hi) if classes[n] == _LOWER)

    def headline_capital(word: str) -> bool:
        if not _capital_word(word):
            return False
        return not (word.lower() in lower_words or fold(word) in gaz.common)

    capital = headline_capital if headline else _capital_word

    runs: list[Run] = []
    index = sentence.index
    i = lo
    for first in candidates[c : bisect_left(candidates, hi, c)]:
        if first < i or not capital(words[first]):
            continue
        # the previous run ended at i: a particle after it may open this one
        i = _leading_particles(text, words, starts, ends, first, i)
        j = first + 1
        # the run is tokens i to j - 1
        while j < hi:
            ne = ends[j]
            gap = text[ends[j - 1] : starts[j]]
            if gap != " " and gap != "":
                break
            # a possessive ends a run, unless it is a plural's possessive inside a name
            # ("Korean People's Army", "Women's March")
            if words[j - 1].endswith(_POSSESSIVE_ENDINGS) and not (
                fold(words[j - 1]) in _NAME_POSSESSIVES and capital(words[j])
            ):
                break
            nxt = words[j]
            # a word opening in lower case is never capital
            if classes[j] != _LOWER and capital(nxt) and (headline or nxt not in _RUN_BREAKERS):
                j += 1
                continue
            if (
                nxt in _NAME_MONTHS
                and not (headline and nxt.lower() in lower_words)
                and not (
                    j + 1 < hi
                    and words[j + 1][:1].isdigit()
                    and text[ends[j] : starts[j + 1]] == " "
                )
            ):
                # a surname that is also a month ("Theresa May", "Brian May"), not a date
                # ("Paris May 5") nor a title-case headline's modal ("EU May Impose Tariffs")
                j += 1
                continue
            low = nxt.lower()
            # "Foundation for the Visual Arts", "Department of the Treasury"
            if (
                low in ("of", "for")
                and j + 2 < hi
                and words[j + 1] == "the"
                and text[ne : starts[j + 2]] == " the "
                and _is_cap(words[j + 2])
                and fold(words[j - 1]) in gaz.org_words
            ):
                j += 2
                continue
            if low in _PARTICLES and nxt == low:
                # "von der Leyen", "de la Rua": one or two lower-case particles before a capital
                m = _particles_end(text, words, starts, ends, j, hi)
                if m > j and m < hi and capital(words[m]):
                    j = m
                    continue
            if low in JOINERS_PARTICLES and j + 1 < hi:
                after = words[j + 1]
                if (
                    text[ne : starts[j + 1]] == " "
                    and _is_cap(after)
                    and fold(after) not in CALENDAR
                ) and _joinable(words[j - 1], low, after, gaz):
                    j += 1
                    continue
            break
        # a run opens with a capital: a one-token run holds no joiner
        if (
            j - i > 1
            and ("and" in words[i:j] or "&" in words[i:j])
            and fold(words[j - 1]) not in gaz.org_words
        ):
            j = next(n for n in range(i, j) if words[n] in ("and", "&"))
        if j == i + 1:  # most runs are one token
            tokens: tuple[tuple[int, int], ...] = ((starts[i], ends[i]),)
        else:
            tokens = tuple(zip(starts[i:j], ends[i:j], strict=True))
        runs.append(Run(starts[i], ends[j - 1], tokens, index, i == first_word))
        i = j
    return runs


CALENDAR = word_set("calendar")
_NAME_MONTHS = frozenset({"May", "June", "April", "August"})
"""Months that are also names: after a name word, without a day or year, part of the name."""
_NAME_POSSESSIVES = word_set("name_possessives")
_OF_HEADS = word_set("of_heads")
JOINERS_PARTICLES = _JOINERS | _PARTICLES


LEADING_PARTICLES = word_set("leading_particles")


def _particles_end(
    text: str, words: list[str], starts: list[int], ends: list[int], j: int, hi: int
) -> int:
    """The token after the lower-case particles starting at ``j`` (at most two, one space
    apart: ``von der``, ``de la``), or ``j`` when there are more or the gap is not a space."""
    m = j
    while m < hi and m - j < 3 and words[m] in _PARTICLES:
        if m > j and text[ends[m - 1] : starts[m]] != " ":
            return j
        m += 1
    if m == j or m - j > 2 or m >= hi or text[ends[m - 1] : starts[m]] != " ":
        return j
    return m


DETERMINERS = frozenset(
    {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
     "my", "your", "some", "any", "each", "every", "another"}
)  # fmt: skip


def _leading_particles(
    text: str, words: list[str], starts: list[int], ends: list[int], first: int, lo: int
) -> int:
    """Where a name starts once the lower-case particles right before it are included
    (``de Blasio``, ``von der Leyen``, ``bin Salman``): a particle belongs to the surname."""
    i = first
    while (
        i > lo
        and first - i < 2
        and words[i - 1] in LEADING_PARTICLES
        and text[ends[i - 1] : starts[i]] == " "
    ):
        i -= 1
    if i < first and any(w.lower() in DETERMINERS for w in words[max(lo, i - 2) : i]):
        # "drove a van Reuters said", "the bin Council", "the tour de France": a noun, no
        # particle of a surname
        return first
    return i


def _joinable(word: str, joiner: str, after: str, gaz: Gazetteer) -> bool:
    last = fold(word)
    if joiner in _PARTICLES:
        return True
    if joiner in ("of", "for"):
        return last in _OF_HEADS or last in gaz.org_words
    if joiner in ("and", "&"):
        return last in gaz.org_words or fold(after) in gaz.org_words or last in ("securities",)
    return False  # "the" joins only after "of", handled as a particle-free break


_POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
"""how a possessive token ends (``Korea's``, ``States’``)."""
