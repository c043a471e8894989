"""Entity mentions in one article: names typed PERSON/ORG/PLACE/OTHER, titles, metonyms.

No statistical NER model is available offline, so recognition is rules plus gazetteers:

1. capitalised runs (``Kim Jong-un``, ``Korean Central News Agency``, ``U.S.``) joined over
   name particles (``bin``, ``van``, ``de``) and ``of``/``and`` inside organisation names;
2. sentence openers and calendar words dropped (a word counts as common when it is in
   ``data/common_words.txt`` or written in lower case elsewhere in the same article);
3. leading nationality adjectives and titles (``Russian President``) split off: the title
   marks the name as a PERSON and is kept as a nominal mention that refers to it;
4. typing from gazetteers (pycountry, capitals, well-known organisations), organisation head
   words, acronyms, title cues and speech verbs (``X said``), then article-level propagation:
   ``Putin`` is a PERSON when ``Vladimir Putin`` is, and refers to him;
5. nominal descriptions (``the Russian president``, ``the UN boss``) resolved to the one named
   person in the article with a fitting title, and capitals/buildings used as governments
   (``Pyongyang said``, ``the Kremlin``) given ``refers_to`` their country;
6. countries, capitals and seats typed by their use (``resolve.type_by_role``): acting
   (``North Korea fired``, ``Pyongyang said``) or a team given a score, ORG; after a locative
   word (``in Pyongyang``, ``outside the Kremlin``), PLACE. The key never changes, so the
   canonical entity is the same whichever way the text uses the name. This follows what the
   text means (and GUM's annotation: ``Sweden defeated South Korea`` names two teams);
7. single names still untyped take an organisation cue (``X officials``, ``members of X``)
   or the kind most of their other mentions in the article have (``resolve.type_by_context``).

Keys are folded (lower case, accents, hyphens and periods removed) so that ``Kim Jong-un`` and
``Kim Jong Un`` share ``kim jong un``; countries use their canonical key (``us`` -> ``united
states``); known organisations their canonical name (``kcna`` -> ``korean central news agency``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter, itemgetter
from typing import NamedTuple

from crossread.extract.gazetteer import Gazetteer, fold, gazetteer, word_set
from crossread.extract.names import UPPER, lookup, name_key, place_key, type_name
from crossread.extract.resolve import resolve_article, type_by_context, type_by_role
from crossread.extract.titles import find_nominals, nationality_at, title_at, title_before
from crossread.models import Mention, Sentence

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


class _Run(NamedTuple):
    """A capitalised token run (a named tuple: built ~80 times an article, so cheap to make)."""

    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    sentence: int
    sentence_start: bool


def find_mentions(text: str, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """Typed entity mentions in ``text``, in text order.

    Named mentions have ``nominal=False``; titles and descriptions (``the Russian president``)
    have ``nominal=True`` and ``refers_to`` the key of the named person they resolve to when the
    article makes that unambiguous. Capitals and seats used as governments (``Pyongyang said``,
    ``the Kremlin``) keep their own kind and key, with ``refers_to`` their country's key. A
    partial person name (``Putin``) has its own key and ``refers_to`` the full name's key.
    """
    gaz = gazetteer()
    lower_words = _lower_words(text)
    toks = _tokenise(text)
    mentions: list[Mention] = []
    for sentence in sentences:
        for run in _runs(text, sentence, lower_words, toks):
            mentions.extend(_classify(text, run, gaz, lower_words))
    mentions.extend(find_nominals(text, sentences, gaz, mentions))
    # by start, then longest first: two stable sorts on C-level keys
    mentions.sort(key=attrgetter("end"), reverse=True)
    mentions.sort(key=attrgetter("start"))
    openers = {s.start for s in sentences} | {s.start + 1 for s in sentences}
    # an unknown capitalised word opening a sentence, and matching no name, is most often no name
    return tuple(
        m
        for m in type_by_context(type_by_role(resolve_article(mentions, text), text), text)
        if not (
            m.kind == "OTHER" and m.refers_to is None and " " not in m.key and m.start in openers
        )
    )


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(_LOWER_WORD.findall(text))


@dataclass(frozen=True, slots=True, kw_only=True)
class _Tokens:
    """The tokens of a text span, found once and shared by all its sentences."""

    raw: list[tuple[int, int]]
    """spans as the token pattern matched them (what sentence boundaries are checked against)."""
    spans: list[tuple[int, int]]
    """spans after trimming periods and hyphenated prefixes/suffixes (``_trim``)."""
    words: list[str]
    classes: str
    """per token, the class of its first character (``_first_class``): one character a token,
    so that a sentence's counts are ``str.count`` calls over a slice."""
    candidates: list[int]
    """indices of tokens that may be capitalised (``_is_cap``), in order."""


def _tokenise(text: str, start: int = 0, end: int | None = None) -> _Tokens:
    # splitting on the token pattern gives gap, token, gap, ..., gap; the running sum of
    # their lengths gives every token's span (the same matches ``finditer`` would find)
    parts = _TOKEN_SPLIT.split(text[start:end])
    bounds = list(accumulate(map(len, parts), initial=start))
    raw = list(zip(bounds[1:-1:2], bounds[2::2], strict=True))
    words: list[str] = parts[1::2]
    spans = raw.copy()
    # only tokens ending in a period or holding a hyphen can be trimmed
    for k in [k for k, w in enumerate(words) if w[-1] == "." or "-" in w]:
        s, e = raw[k]
        cut_start, cut_end = _trim(words[k])
        spans[k] = (s + cut_start, e - cut_end)
        words[k] = text[s + cut_start : e - cut_end]
    classes = "".join(map(_first_class, map(itemgetter(0), words)))
    return _Tokens(
        raw=raw,
        spans=spans,
        words=words,
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
        elif (
            len(parts) == 2
            and parts[1].islower()
            and (len(parts[1]) >= 4 and parts[1].endswith(("ed", "ing", "ly", "era", "style")))
        ):
            back = len(token) - len(parts[0])
    return front, back


_UPPER_SET = frozenset(UPPER)


def _is_cap(token: str) -> bool:
    return token[0] in _UPPER_SET or (token[0].isdigit() and any(c in _UPPER_SET for c in token))


@lru_cache(maxsize=1 << 16)
def _capital_word(word: str) -> bool:
    return _is_cap(word) and fold(word) not in _CALENDAR and not _CONTRACTION.search(word)


def _runs(text: str, sentence: Sentence, lower_words: frozenset[str], toks: _Tokens) -> list[_Run]:
    """Maximal capitalised token runs in one sentence (names not yet typed).

    In a headline written in title case or capitals ("Lohan Checks Into Betty Ford Rehab"),
    capitals say little: there a word the article also writes in lower case breaks a run.
    """
    raw = toks.raw
    lo = bisect_left(raw, (sentence.start,))
    hi = bisect_left(raw, (sentence.end,))
    if (lo and raw[lo - 1][1] > sentence.start) or (hi and raw[hi - 1][1] > sentence.end):
        # a token of the whole text crosses the sentence boundary: tokenise the sentence alone
        toks = _tokenise(text, sentence.start, sentence.end)
        lo, hi = 0, len(toks.raw)
    spans, words, candidates = toks.spans, toks.words, toks.candidates
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

    def headline_capital(word: str) -> bool:
        if not _capital_word(word):
            return False
        return not (word.lower() in lower_words or fold(word) in gaz.common)

    capital = headline_capital if headline else _capital_word

    runs: list[_Run] = []
    i = lo
    while c < len(candidates) and candidates[c] < hi:
        first = candidates[c]
        c += 1
        if first < i or not capital(words[first]):
            continue
        i = first
        j = i + 1
        # the run is spans[i:j]
        while j < hi:
            prev_end = spans[j - 1][1]
            ns, ne = spans[j]
            gap = text[prev_end:ns]
            if gap != " " and gap != "":
                break
            # a possessive ends a run, unless it is a plural's possessive inside a name
            # ("Korean People's Army", "Women's March")
            if words[j - 1].endswith(_POSSESSIVE_ENDINGS) and not (
                fold(words[j - 1]) in _NAME_POSSESSIVES and capital(words[j])
            ):
                break
            nxt = words[j]
            if capital(nxt):
                j += 1
                continue
            low = nxt.lower()
            # "Foundation for the Visual Arts", "Department of the Treasury"
            if (
                low in ("of", "for")
                and j + 2 < hi
                and words[j + 1] == "the"
                and text[ne : spans[j + 2][0]] == " the "
                and _is_cap(words[j + 2])
                and fold(words[j - 1]) in gaz.org_words
            ):
                j += 2
                continue
            if low in _JOINERS_PARTICLES and j + 1 < hi:
                after = words[j + 1]
                if (
                    text[ne : spans[j + 1][0]] == " "
                    and _is_cap(after)
                    and fold(after) not in _CALENDAR
                ) and _joinable(words[j - 1], low, after, gaz):
                    j += 1
                    continue
            break
        # a run opens with a capital: a one-token run holds no joiner
        joins = [n for n in range(i, j) if words[n] in ("and", "&")] if j - i > 1 else []
        if joins and fold(words[j - 1]) not in gaz.org_words:
            j = joins[0]
        runs.append(
            _Run(
                start=spans[i][0],
                end=spans[j - 1][1],
                tokens=tuple(spans[i:j]),
                sentence=sentence.index,
                sentence_start=i == first_word,
            )
        )
        i = j
    return runs


_CALENDAR = word_set("calendar")
_NAME_POSSESSIVES = word_set("name_possessives")
_OF_HEADS = word_set("of_heads")
_JOINERS_PARTICLES = _JOINERS | _PARTICLES


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


def _strip_possessive(text: str, start: int, end: int) -> int:
    token = text[start:end]
    if token.endswith(("’s", "'s")):
        return end - 2
    if token.endswith(("’", "'")):
        return end - 1
    return end


def _classify(text: str, run: _Run, gaz: Gazetteer, lower_words: frozenset[str]) -> list[Mention]:
    """Type one capitalised run, splitting off openers, nationalities and titles."""
    tokens = list(run.tokens)
    last_start, last_end = tokens[-1]
    if text[last_end - 1] in "’'s":  # only then can the name end in a possessive
        tokens[-1] = (last_start, _strip_possessive(text, last_start, last_end))
    full = text[tokens[0][0] : tokens[-1][1]]
    # 1. a name the gazetteer knows as a whole ("The Hague", "Korean Peninsula") stays whole
    if lookup(full, gaz) is not None:
        if full[:4] in ("The ", "the ") and fold(full) not in gaz.orgs and len(tokens) > 1:
            tokens.pop(0)
        return _emit(text, tokens, run, None, -1, 0, gaz, lower_words)
    # 2. drop sentence openers and other common words at the front
    while tokens and _common(text[tokens[0][0] : tokens[0][1]], gaz, lower_words, run, tokens):
        tokens.pop(0)
        while tokens and text[tokens[0][0] : tokens[0][1]].lower() in _JOINERS_PARTICLES:
            tokens.pop(0)
    if not tokens:
        return []
    if len(tokens) == 1:  # no room for a nationality or title in front of a name
        return _emit(text, tokens, run, None, -1, 0, gaz, lower_words)
    # 3. nationality adjectives and titles in front of a name ("Russian President Putin"),
    # or an organisation/place before a title ("NASA Administrator Charles Bolden")
    role: str | None = None
    k = 0
    extra: list[Mention] = []
    for t in range(1, min(4, len(tokens) - 1)):
        if title_at(text, tokens, t, gaz) is not None:
            left = text[tokens[0][0] : tokens[t - 1][1]]
            if fold(left) not in gaz.nationalities or place_key(left, gaz):
                extra.extend(_plain(text, tokens[:t], run, gaz))
                k = t
            break
    while k < len(tokens):
        nat = nationality_at(text, tokens, k, gaz) if role is None else None
        if nat is not None:
            qualifier = text[tokens[k][0] : tokens[nat[1] - 1][1]]
            if place_key(qualifier, gaz) is not None:  # "U.S. Senator": the U.S. is a place
                extra.extend(_plain(text, tokens[k : nat[1]], run, gaz))
            k = nat[1]
            continue
        got = title_at(text, tokens, k, gaz)
        if got is None:
            break
        role, k = got
    if k and role is None and fold(text[tokens[-1][0] : tokens[-1][1]]) in gaz.org_words:
        k = 0  # "Russian Foreign Ministry": a nationality in front of an organisation stays
        extra = []
    if k >= len(tokens):
        return extra
    return extra + _emit(text, tokens, run, role, tokens[0][0] if role else -1, k, gaz, lower_words)


def _plain(text: str, tokens: list[tuple[int, int]], run: _Run, gaz: Gazetteer) -> list[Mention]:
    """A qualifier in front of a title as a mention of its own (``NASA``, ``U.S.``)."""
    start, stop = tokens[0][0], tokens[-1][1]
    kind, key, refers = type_name(text, text[start:stop], start, stop, None, gaz)
    if kind is None or kind == "OTHER":
        return []
    return [
        Mention(
            text=text[start:stop],
            start=start,
            end=stop,
            kind=kind,
            key=key,
            sentence=run.sentence,
            refers_to=refers,
        )
    ]


def _emit(
    text: str,
    tokens: list[tuple[int, int]],
    run: _Run,
    role: str | None,
    title_start: int,
    k: int,
    gaz: Gazetteer,
    lower_words: frozenset[str],
) -> list[Mention]:
    """The name after ``k`` title tokens, with its title as a nominal mention if it has one."""
    out: list[Mention] = []
    rest = tokens[k:]
    title_end = tokens[k - 1][1] if k else -1
    if role is None:
        before = title_before(text, rest[0][0], gaz)
        if before is not None:
            role, title_start = before
            title_end = len(text[: rest[0][0]].rstrip())
    start, stop = rest[0][0], rest[-1][1]
    name = text[start:stop]
    if _never_name(name, gaz):
        return out
    opener = len(rest) == 1 and run.sentence_start and k == 0 and start == run.start
    if opener and _common_word(name, gaz, lower_words):
        return out
    kind, key, refers = type_name(text, name, start, stop, role, gaz, lower_words)
    if kind is None:
        return out
    if (
        kind == "PERSON"
        and role is not None
        and role != "mr"
        and title_start >= 0
        and title_end > title_start
    ):
        title_text = text[title_start:title_end]
        out.append(
            Mention(
                text=title_text,
                start=title_start,
                end=title_end,
                kind="PERSON",
                key=name_key(title_text),
                sentence=run.sentence,
                nominal=True,
                refers_to=key,
            )
        )
    out.append(
        Mention(
            text=name,
            start=start,
            end=stop,
            kind=kind,
            key=key,
            sentence=run.sentence,
            refers_to=refers,
        )
    )
    return out


@lru_cache(maxsize=1 << 16)
def _never_name(name: str, gaz: Gazetteer) -> bool:
    """A common word (not in capitals), a calendar word, or a nationality adjective that is no
    place name (``Russian``): never a name by itself."""
    acronym = name.isupper() and len(name) > 1
    if (name.rstrip(".").lower() in gaz.common and not acronym) or fold(name) in _CALENDAR:
        return True
    return fold(name) in gaz.nationalities and place_key(name, gaz) is None


@lru_cache(maxsize=1 << 16)
def _common_always(word: str, gaz: Gazetteer) -> bool:
    return fold(word).rstrip(".") in gaz.common and not word.isupper()


def _common(
    word: str, gaz: Gazetteer, lower_words: frozenset[str], run: _Run, tokens: list[tuple[int, int]]
) -> bool:
    if _common_always(word, gaz):
        return True
    first = run.sentence_start and tokens[0][0] == run.start
    return first and _common_word(word, gaz, lower_words) and len(tokens) > 0


def _common_word(word: str, gaz: Gazetteer, lower_words: frozenset[str]) -> bool:
    folded = fold(word).rstrip(".")
    if lookup(word, gaz) is not None:
        return False
    return folded in gaz.common or folded in lower_words
