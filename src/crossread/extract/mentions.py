"""Entity mentions in one article: names typed PERSON/ORG/PLACE/OTHER, titles, metonyms.

No statistical NER model is available offline, so recognition is rules plus gazetteers:

1. capitalised runs (``Kim Jong-un``, ``Korean Central News Agency``, ``U.S.``) joined over
   name particles (``bin``, ``van``, ``de``) and ``of``/``and`` inside organisation names; a
   particle in lower case before a capital opens the name (``de Blasio``, ``al-Assad``);
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
   or the kind most of their other mentions in the article have (``resolve.type_by_context``);
8. a single name that is the subject or object of a verb of personal action (``Macron met``,
   ``met Trump``) is a PERSON, and so are its untyped mentions elsewhere in the article;
   surnames opened by a particle refer to the full name before them (``persons.py``).

Steps 1-2 (tokens and capitalised runs) live in ``runs.py``; titles and descriptions in
``titles.py``; steps 5-7 in ``resolve.py``.

Keys are folded (lower case, accents, hyphens and periods removed) so that ``Kim Jong-un`` and
``Kim Jong Un`` share ``kim jong un``; countries use their canonical key (``us`` -> ``united
states``); known organisations their canonical name (``kcna`` -> ``korean central news agency``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from operator import attrgetter

from crossread.extract.gazetteer import Gazetteer, fold, gazetteer
from crossread.extract.names import lookup, name_key, place_key, type_name
from crossread.extract.persons import type_persons
from crossread.extract.resolve import (
    follow_names,
    resolve_article,
    type_by_context,
    type_by_role,
)
from crossread.extract.runs import (
    CALENDAR,
    DETERMINERS,
    JOINERS_PARTICLES,
    LEADING_PARTICLES,
    Run,
    find_lower_words,
    find_runs,
    tokenise,
)
from crossread.extract.titles import find_nominals, nationality_at, title_at, title_before
from crossread.models import Mention, Sentence


def find_mentions(text: str, sentences: tuple[Sentence, ...]) -> tuple[Mention, ...]:
    """Typed entity mentions in ``text``, in text order.

    Named mentions have ``nominal=False``; titles and descriptions (``the Russian president``)
    have ``nominal=True`` and ``refers_to`` the key of the named person they resolve to when the
    article makes that unambiguous. Capitals and seats used as governments (``Pyongyang said``,
    ``the Kremlin``) keep their own kind and key, with ``refers_to`` their country's key. A
    partial person name (``Putin``) has its own key and ``refers_to`` the full name's key.
    """
    gaz = gazetteer()
    toks = tokenise(text)
    lower_words = find_lower_words(toks)
    mentions: list[Mention] = []
    for sentence in sentences:
        for run in find_runs(text, sentence, lower_words, toks):
            mentions.extend(_classify(text, run, gaz, lower_words))
    mentions.extend(find_nominals(text, sentences, gaz, mentions))
    # by start, then longest first: two stable sorts on C-level keys
    mentions.sort(key=attrgetter("end"), reverse=True)
    mentions.sort(key=attrgetter("start"))
    openers = {s.start for s in sentences} | {s.start + 1 for s in sentences}
    # an unknown capitalised word opening a sentence, and matching no name, is most often no name
    return tuple(
        m
        for m in follow_names(
            type_persons(
                type_by_context(type_by_role(resolve_article(mentions, text), text), text), text
            )
        )
        if not (
            m.kind == "OTHER" and m.refers_to is None and " " not in m.key and m.start in openers
        )
    )


def _strip_possessive(text: str, start: int, end: int) -> int:
    token = text[start:end]
    if token.endswith(("’s", "'s")):
        return end - 2
    if token.endswith(("’", "'")):
        return end - 1
    return end


def _classify(text: str, run: Run, gaz: Gazetteer, lower_words: frozenset[str]) -> list[Mention]:
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
    # 2. drop sentence openers and other common words at the front; a name particle stays
    # when a name follows it ("De Blasio said", "Yesterday de Blasio said"), and so does a
    # word that opens a known name inside a longer one ("the New Zealand Herald")
    while (
        tokens
        and _common(text[tokens[0][0] : tokens[0][1]], gaz, lower_words, run, tokens)
        and not _opens_surname(text, tokens)
        and not _opens_known_name(text, tokens, gaz)
        and not _honorific(text, tokens, gaz)
    ):
        tokens.pop(0)
        while (
            tokens
            and text[tokens[0][0] : tokens[0][1]].lower() in JOINERS_PARTICLES
            and not _opens_surname(text, tokens)
        ):
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


def _opens_known_name(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer) -> bool:
    """Whether the run's first two or three tokens are a name the gazetteer knows (``New
    Zealand`` in ``the New Zealand Herald``): its common first word is part of the name."""
    if text[tokens[0][0] : tokens[0][1]] in ("The", "the"):
        return False  # "The US State Department": the article is no part of "US"
    for width in (2, 3):
        if len(tokens) > width and lookup(text[tokens[0][0] : tokens[width - 1][1]], gaz):
            return True
    return False


def _honorific(text: str, tokens: list[tuple[int, int]], gaz: Gazetteer) -> bool:
    """Whether the run opens with an honorific before a name (``Mr Key``, ``Dr. Kim``): a
    title, so it stays and step 3 reads it as one (GUM's person spans include it)."""
    return len(tokens) > 1 and gaz.titles.get(fold(text[tokens[0][0] : tokens[0][1]])) in (
        "mr",
        "doctor",
    )


_DETERMINER_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(DETERMINERS)) + r")\s+$", re.I)


def _opens_surname(text: str, tokens: list[tuple[int, int]]) -> bool:
    """Whether the run's first token is a name particle followed by the rest of a surname
    (``De Blasio``, ``von der Leyen``): the particle belongs to the name."""
    if len(tokens) < 2 or fold(text[tokens[0][0] : tokens[0][1]]) not in LEADING_PARTICLES:
        return False
    if _DETERMINER_BEFORE.search(text, max(0, tokens[0][0] - 12), tokens[0][0]):
        return False  # "the bin Council", "the van Mr. Smith rented": a noun, no particle
    rest = [text[s:e] for s, e in tokens[1:]]
    return any(w[:1].isupper() for w in rest) and all(
        w[:1].isupper() or w in LEADING_PARTICLES for w in rest
    )


def _plain(text: str, tokens: list[tuple[int, int]], run: Run, gaz: Gazetteer) -> list[Mention]:
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
    run: Run,
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
    if kind == "PERSON" and role is not None and title_start >= 0 and title_end > title_start:
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
    if (name.rstrip(".").lower() in gaz.common and not acronym) or fold(name) in CALENDAR:
        return True
    return fold(name) in gaz.nationalities and place_key(name, gaz) is None


@lru_cache(maxsize=1 << 16)
def _common_always(word: str, gaz: Gazetteer) -> bool:
    return fold(word).rstrip(".") in gaz.common and not word.isupper()


def _common(
    word: str, gaz: Gazetteer, lower_words: frozenset[str], run: Run, tokens: list[tuple[int, int]]
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
