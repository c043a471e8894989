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
   (``Pyongyang said``, ``the Kremlin``) kept as PLACE/ORG with ``refers_to`` their country.

Keys are folded (lower case, accents, hyphens and periods removed) so that ``Kim Jong-un`` and
``Kim Jong Un`` share ``kim jong un``; countries use their canonical key (``us`` -> ``united
states``); known organisations their canonical name (``kcna`` -> ``korean central news agency``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from crossread.extract.gazetteer import Gazetteer, fold, gazetteer
from crossread.models import EntityKind, Mention, Sentence

_UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_TOKEN = re.compile(r"\w+(?:[’'\-.&]\w+)*[.’']?")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_PARTICLES = frozenset(
    [
        "bin",
        "ibn",
        "al",
        "el",
        "de",
        "del",
        "della",
        "di",
        "da",
        "dos",
        "das",
        "du",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "y",
    ]
)
_JOINERS = frozenset({"of", "and", "for", "the", "&"})
_HYPHEN_PREFIX = frozenset(["then", "anti", "pro", "ex", "non", "pre", "post", "mid", "former"])
_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
    ]
)
_CONTRACTION = re.compile(r"^I$|^I[’']|[’'](?:ll|re|ve|m|d|t)$")
_ROMAN = re.compile(r"[IVX]+|\d+")
_PERSON_FOLLOWERS = frozenset(
    ["administration", "campaign", "presidency", "family", "government", "era"]
)
_LOCATIVE = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "near",
        "outside",
        "around",
        "across",
        "via",
        "into",
        "toward",
        "towards",
        "through",
        "inside",
        "within",
        "between",
        "visit",
        "visited",
        "visiting",
    ]
)
_ORG_SUFFIX_STRIP = ("news agency", "agency", "news")
_TITLE_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sen",
        "rep",
        "gov",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "prof",
        "st",
        "jr",
        "sr",
    ]
)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Run:
    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    sentence: int
    sentence_start: bool


@cache
def _speech_forms() -> frozenset[str]:
    text = resources.files("crossread.extract.data").joinpath("speech_verbs.txt").read_text()
    forms: set[str] = set()
    for line in text.splitlines():
        if line and not line.startswith("#"):
            forms.update(line.split("\t")[1].split("|"))
    return frozenset(forms)


def name_key(text: str) -> str:
    """Fold a name for linking: ``Kim Jong-un`` -> ``kim jong un``, ``U.S.`` -> ``us``."""
    folded = fold(text)
    folded = re.sub(r"['’]s$|['’]$", "", folded)
    folded = folded.replace(".", "").replace("-", " ")
    return " ".join(folded.split())


def place_key(text: str, gaz: Gazetteer) -> str | None:
    """Canonical key of a place name, or ``None`` when the gazetteer does not know it."""
    folded = fold(text).rstrip(".")
    for candidate in (folded, folded.removeprefix("the "), name_key(text)):
        if candidate in gaz.places:
            return gaz.places[candidate]
        with_dots = candidate if candidate.endswith(".") else candidate + "."
        if with_dots in gaz.places:
            return gaz.places[with_dots]
    return None


def org_key(text: str, gaz: Gazetteer) -> str | None:
    """Canonical key of a well-known organisation name or alias, else ``None``."""
    folded = fold(text)
    for candidate in (folded, folded.removeprefix("the "), name_key(text)):
        key = gaz.orgs.get(candidate)
        if key is not None:
            if candidate in gaz.acronyms and not text.replace("the ", "").isupper():
                return None
            return key
    return None


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
    mentions: list[Mention] = []
    for sentence in sentences:
        for run in _runs(text, sentence):
            mentions.extend(_classify(text, run, gaz, lower_words))
    mentions.extend(_nominals(text, sentences, gaz, mentions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    openers = {s.start for s in sentences} | {s.start + 1 for s in sentences}
    # an unknown capitalised word opening a sentence, and matching no name, is most often no name
    return tuple(
        m
        for m in _resolve(mentions, gaz)
        if not (
            m.kind == "OTHER" and m.refers_to is None and " " not in m.key and m.start in openers
        )
    )


def _lower_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"\b[a-z][a-z]+\b", text))


def _token_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    for match in _TOKEN.finditer(text, start, end):
        s, e = match.span()
        token = text[s:e]
        if token.endswith(".") and not (
            _INITIALS.fullmatch(token) or token[:-1].lower() in _TITLE_ABBREVIATIONS
        ):
            e -= 1
        # "then-US", "Kremlin-controlled", "anti-Pyongyang": keep the name part only
        if "-" in token:
            parts = token.split("-")
            if parts[0].lower() in _HYPHEN_PREFIX and len(parts) == 2:
                s += len(parts[0]) + 1
            elif (
                len(parts) == 2
                and parts[1].islower()
                and (len(parts[1]) >= 4 and parts[1].endswith(("ed", "ing", "ly", "era", "style")))
            ):
                e = s + len(parts[0])
        spans.append((s, e))
    return spans


def _is_cap(token: str) -> bool:
    return token[0] in _UPPER or (token[0].isdigit() and any(c in _UPPER for c in token))


def _runs(text: str, sentence: Sentence) -> list[_Run]:
    """Maximal capitalised token runs in one sentence (names not yet typed)."""
    tokens = _token_spans(text, sentence.start, sentence.end)
    gaz = gazetteer()
    runs: list[_Run] = []
    i = 0
    first_word = 0
    while first_word < len(tokens) and not text[tokens[first_word][0]].isalnum():
        first_word += 1
    while i < len(tokens):
        s, e = tokens[i]
        word = text[s:e]
        if not _is_cap(word) or fold(word) in _CALENDAR or _CONTRACTION.search(word):
            i += 1
            continue
        group = [(s, e)]
        j = i + 1
        while j < len(tokens):
            prev_end = group[-1][1]
            ns, ne = tokens[j]
            gap = text[prev_end:ns]
            if gap not in (" ", "") or (
                text[prev_end - 1 : prev_end] in "’'"
                and (text[prev_end - 2 : prev_end] in ("’s", "'s"))
            ):
                break
            if _possessive(text[group[-1][0] : prev_end]):
                break
            nxt = text[ns:ne]
            if _is_cap(nxt) and fold(nxt) not in _CALENDAR:
                group.append((ns, ne))
                j += 1
                continue
            low = nxt.lower()
            if (low in _JOINERS or low in _PARTICLES) and j + 1 < len(tokens):
                after = text[tokens[j + 1][0] : tokens[j + 1][1]]
                if (
                    text[ne : tokens[j + 1][0]] == " "
                    and _is_cap(after)
                    and fold(after) not in _CALENDAR
                ) and _joinable(text, group, low, after, gaz):
                    group.append((ns, ne))
                    j += 1
                    continue
            break
        joins = [n for n, (gs, ge) in enumerate(group) if text[gs:ge] in ("and", "&")]
        if joins and fold(text[group[-1][0] : group[-1][1]]) not in gaz.org_words:
            j = i + joins[0]
            group = group[: joins[0]]
        runs.append(
            _Run(
                start=group[0][0],
                end=group[-1][1],
                tokens=tuple(group),
                sentence=sentence.index,
                sentence_start=i == first_word,
            )
        )
        i = j
    return runs


_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)
_OF_HEADS = frozenset(
    [
        "republic",
        "kingdom",
        "university",
        "bank",
        "ministry",
        "department",
        "church",
        "gulf",
        "sea",
        "bay",
        "city",
        "province",
        "state",
        "states",
        "island",
        "islands",
        "house",
        "court",
        "council",
        "secretary",
        "minister",
        "duke",
        "prince",
        "king",
        "queen",
        "museum",
        "institute",
        "school",
        "college",
        "federation",
        "union",
        "party",
        "army",
        "league",
        "commission",
        "committee",
        "office",
        "bureau",
        "board",
        "association",
        "organization",
        "organisation",
        "society",
        "academy",
        "chamber",
        "people's",
        "friends",
        "sons",
        "daughters",
        "sisters",
        "brothers",
    ]
)


def _joinable(
    text: str, group: list[tuple[int, int]], joiner: str, after: str, gaz: Gazetteer
) -> bool:
    last = fold(text[group[-1][0] : group[-1][1]])
    if joiner in _PARTICLES:
        return True
    if joiner in ("of", "for"):
        return last in _OF_HEADS or last in gaz.org_words
    if joiner in ("and", "&"):
        return last in gaz.org_words or fold(after) in gaz.org_words or last in ("securities",)
    return False  # "the" joins only after "of", handled as a particle-free break


def _possessive(token: str) -> bool:
    return token.endswith(("’s", "'s", "s’", "s'")) or token.endswith(("’", "'"))


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
    tokens[-1] = (tokens[-1][0], _strip_possessive(text, tokens[-1][0], tokens[-1][1]))
    full = text[tokens[0][0] : tokens[-1][1]]
    # 1. a name the gazetteer knows as a whole ("The Hague", "Korean Peninsula") stays whole
    if _lookup(full, gaz) is not None:
        if full[:4] in ("The ", "the ") and fold(full) not in gaz.orgs and len(tokens) > 1:
            tokens.pop(0)
        return _emit(text, tokens, run, None, -1, 0, gaz, lower_words)
    # 2. drop sentence openers and other common words at the front
    while tokens and _common(text[tokens[0][0] : tokens[0][1]], gaz, lower_words, run, tokens):
        tokens.pop(0)
        while tokens and text[tokens[0][0] : tokens[0][1]].lower() in _JOINERS | _PARTICLES:
            tokens.pop(0)
    if not tokens:
        return []
    # 3. nationality adjectives and titles in front of a name ("Russian President Putin"),
    # or an organisation/place before a title ("NASA Administrator Charles Bolden")
    role: str | None = None
    k = 0
    extra: list[Mention] = []
    for t in range(1, min(4, len(tokens) - 1)):
        if _title_at(text, tokens, t, gaz) is not None:
            left = text[tokens[0][0] : tokens[t - 1][1]]
            if fold(left) not in gaz.nationalities or place_key(left, gaz):
                extra.extend(_plain(text, tokens[:t], run, gaz))
                k = t
            break
    while k < len(tokens):
        nat = _nationality(text, tokens, k, gaz) if role is None else None
        if nat is not None:
            qualifier = text[tokens[k][0] : tokens[nat[1] - 1][1]]
            if place_key(qualifier, gaz) is not None:  # "U.S. Senator": the U.S. is a place
                extra.extend(_plain(text, tokens[k : nat[1]], run, gaz))
            k = nat[1]
            continue
        got = _title_at(text, tokens, k, gaz)
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
    kind, key, refers = _type(text, text[start:stop], start, stop, None, gaz)
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
        before = _title_before(text, rest[0][0], gaz)
        if before is not None:
            role, title_start = before
            title_end = len(text[: rest[0][0]].rstrip())
    start, stop = rest[0][0], rest[-1][1]
    name = text[start:stop]
    acronym = name.isupper() and len(name) > 1
    if (name.rstrip(".").lower() in gaz.common and not acronym) or fold(name) in _CALENDAR:
        return out
    opener = len(rest) == 1 and run.sentence_start and k == 0 and start == run.start
    if opener and _common_word(name, gaz, lower_words):
        return out
    if fold(name) in gaz.nationalities and place_key(name, gaz) is None:
        return out
    kind, key, refers = _type(text, name, start, stop, role, gaz)
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


def _common(
    word: str, gaz: Gazetteer, lower_words: frozenset[str], run: _Run, tokens: list[tuple[int, int]]
) -> bool:
    folded = fold(word).rstrip(".")
    if folded in gaz.common and not word.isupper():
        return True
    first = run.sentence_start and tokens[0][0] == run.start
    return first and _common_word(word, gaz, lower_words) and len(tokens) > 0


def _common_word(word: str, gaz: Gazetteer, lower_words: frozenset[str]) -> bool:
    folded = fold(word).rstrip(".")
    if _lookup(word, gaz) is not None:
        return False
    return folded in gaz.common or folded in lower_words


def _lookup(name: str, gaz: Gazetteer) -> tuple[EntityKind, str] | None:
    folded = fold(name)
    if folded.removeprefix("the ") in gaz.metonyms:
        kind, _ = gaz.metonyms[folded.removeprefix("the ")]
        return ("ORG" if kind == "ORG" else "PLACE"), name_key(folded.removeprefix("the "))
    org = org_key(name, gaz)
    if org is not None:
        return "ORG", org
    place = place_key(name, gaz)
    if place is not None:
        return "PLACE", place
    return None


def _nationality(
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


def _title_at(
    text: str, tokens: list[tuple[int, int]], k: int, gaz: Gazetteer
) -> tuple[str, int] | None:
    for width in (3, 2, 1):
        if k + width < len(tokens):
            words = fold(text[tokens[k][0] : tokens[k + width - 1][1]])
            if words in gaz.titles:
                return gaz.titles[words], k + width
    return None


_WORD_BEFORE = re.compile(r"[\w.’'\-]+")


def _title_before(text: str, start: int, gaz: Gazetteer) -> tuple[str, int] | None:
    """A lower-case title right before a name (``leader Kim Jong Un``, ``secretary general X``).

    Returns the role class and where the title starts, including a nationality or named
    qualifier in front of it (``North Korean leader``, ``UN secretary general``).
    """
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


def _type(
    text: str, name: str, start: int, stop: int, role: str | None, gaz: Gazetteer
) -> tuple[EntityKind | None, str, str | None]:
    """Kind, key and (for metonyms) the country referred to."""
    folded = fold(name)
    before = text[max(0, start - 20) : start].split()
    prev = before[-1].lower() if before else ""
    locative = prev in _LOCATIVE
    bare = folded.removeprefix("the ")
    if bare in gaz.metonyms:
        kind, country = gaz.metonyms[bare]
        return ("ORG" if kind == "ORG" else "PLACE"), name_key(bare), country
    if bare in gaz.capitals:
        return "PLACE", gaz.places.get(bare, bare), None if locative else gaz.capitals[bare]
    org = org_key(name, gaz)
    if org is not None:
        return "ORG", org, None
    place = place_key(name, gaz)
    if place is not None:
        return "PLACE", place, None
    words = name.split()
    last = fold(words[-1])
    if last in gaz.org_words or (
        len(words) > 1 and fold(words[0]) in gaz.org_words and "of" in folded
    ):
        # "KCNA news agency" and the like: the acronym is the name
        stripped = _strip_org_suffix(folded)
        if stripped != folded:
            known = org_key(stripped, gaz)
            if known is not None:
                return "ORG", known, None
        return "ORG", name_key(name), None
    if _is_acronym(name):
        return "ORG", name_key(name), None
    head = gaz.name_heads.get(last)
    if head is None and len(words) > 2 and _ROMAN.fullmatch(words[-1]):
        head = gaz.name_heads.get(fold(words[-2]))  # "World War II"
    if head is not None and len(words) > 1:
        return ("PLACE" if head == "PLACE" else "OTHER"), name_key(name), None
    after = text[stop : stop + 30].split()
    nxt = after[0].strip(",.;:").lower() if after else ""
    if role is not None:
        return "PERSON", name_key(name), None
    if len(words) >= 2 and fold(words[0]) in _DIRECTIONS and place_key(" ".join(words[1:]), gaz):
        return "PLACE", name_key(name), None  # "East Los Angeles"
    if len(words) >= 2 and all(w[0] in _UPPER for w in words if w.lower() not in _PARTICLES):
        return "PERSON", name_key(name), None
    if nxt in _speech_forms() or nxt in _PERSON_FOLLOWERS:
        return "PERSON", name_key(name), None
    if locative:
        return "PLACE", name_key(name), None
    return "OTHER", name_key(name), None


def _strip_org_suffix(folded: str) -> str:
    for suffix in _ORG_SUFFIX_STRIP:
        if folded.endswith(" " + suffix):
            return folded[: -len(suffix) - 1]
    return folded


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


_NOMINAL = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w.’'\-]*\s+){0,3}?|(?:[a-z]+\s+)?)"
    r"(vice president|prime minister|secretary[ -]general|director[ -]general|supreme leader|"
    r"foreign minister|defen[cs]e minister|finance minister|president|premier|chancellor|leader|"
    r"chief|boss|chairman|chairwoman|minister|ambassador|envoy|spokesman|spokeswoman|"
    r"spokesperson|king|queen|pope)\b(?![ -]?(?:elect|ship|s\b))",
    re.IGNORECASE,
)


def _nominals(
    text: str, sentences: tuple[Sentence, ...], gaz: Gazetteer, named: list[Mention]
) -> list[Mention]:
    """``the Russian president``, ``the UN secretary general``: nominal PERSON mentions."""
    out = []
    covered = {(m.start, m.end) for m in named}
    for match in _NOMINAL.finditer(text):
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


def _resolve(mentions: list[Mention], gaz: Gazetteer) -> tuple[Mention, ...]:
    """Article-level pass: partial names to full names, nominals to titled persons."""
    from crossread.extract.resolve import resolve_article

    return resolve_article(mentions)
