"""Canonical entities across the articles of one story.

Every mention is followed to the key of the named entity it stands for:

1. within its article (``resolve.py``): ``Putin`` -> ``vladimir putin``, ``KCNA`` -> the
   agency named in full, ``the Russian president`` -> the person titled so;
2. across the story, for what one article left open: a bare surname goes to the most
   mentioned full name in the story that has it as first or last word; a description goes to
   the one person the other articles give the same role and qualifier (``the UN boss`` ->
   ``UN secretary general Antonio Guterres``); an acronym to the organisation whose initials
   spell it; spelling variants without spaces or with one changed letter (``Kim Jong-un``,
   ``Kim Jongun``) merge, while different given names (``Kim Jong Il``) stay apart.

Capitals and seats used as governments (``Pyongyang``, ``the Kremlin``) stay entities of their
own: their mentions keep ``refers_to`` the country, but they are not merged into it.
Descriptions that resolve to no named person form no entity.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence

from rapidfuzz.distance import Levenshtein

from crossread.extract.gazetteer import gazetteer
from crossread.extract.mentions import find_mentions
from crossread.extract.sentences import split_sentences
from crossread.extract.titles import describe
from crossread.models import Article, Entity, EntityKind, Mention, MentionRef

_GENERIC_HEADS = frozenset(
    {
        "center",
        "centre",
        "clinic",
        "treatment",
        "hospital",
        "recovery",
        "rehab",
        "facility",
        "inc",
        "corp",
        "corporation",
        "company",
        "co",
        "ltd",
        "llc",
        "group",
        "plc",
    }
)
_KIND_ORDER: dict[EntityKind, int] = {"PERSON": 0, "ORG": 1, "PLACE": 2, "OTHER": 3}


def entity_id(kind: str, key: str) -> str:
    """Stable id of an entity: a hash of its kind and canonical key."""
    return hashlib.sha1(f"{kind}\x1f{key}".encode()).hexdigest()[:16]


def link_entities(articles: Sequence[Article]) -> tuple[Entity, ...]:
    """Canonical entities for ``articles`` (one story), most mentioned first.

    Uses each article's ``mentions``; an article with text but no mentions (not yet extracted)
    is read here. Entity ids are stable across runs: ``entity_id(kind, canonical key)``.
    """
    items: list[tuple[str, Mention]] = []
    for article in articles:
        mentions = article.mentions
        if not mentions and article.text:
            sentences = article.sentences or split_sentences(article.text)
            mentions = find_mentions(article.text, sentences)
        items.extend((article.id, m) for m in mentions)
    targets = resolve_story([m for _, m in items])
    groups: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for (article_id, mention), target in zip(items, targets, strict=True):
        if target is not None:
            groups[target].append((article_id, mention))
    captioned = _caption_names(articles)
    entities = [_entity(key, members, captioned.get(key, ())) for key, members in groups.items()]
    entities.sort(key=lambda e: (-len(e.mentions), _KIND_ORDER[e.kind], e.name))
    return tuple(entities)


def _caption_names(articles: Sequence[Article]) -> dict[str, tuple[str, ...]]:
    """Names that photo captions spell out, by key.

    Captions are removed from the text as boilerplate, but they often give the full name the
    body then shortens ("Kim Jong Un" in the caption, "Kim" in the text): the spelling is kept
    as an alias of the entity with that key. Captions never create entities of their own.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for removal in article.removed:
            if not removal.reason.startswith("caption"):
                continue
            text = removal.text
            for mention in find_mentions(text, split_sentences(text)):
                if not mention.nominal:
                    found[mention.key].add(mention.text)
    return {key: tuple(sorted(texts)) for key, texts in found.items()}


def resolve_story(mentions: Sequence[Mention]) -> list[str | None]:
    """The canonical key each mention stands for in this story (``None``: no entity).

    Exposed for evaluation: clusters are the mentions sharing a returned key.
    """
    countries = gazetteer().countries
    first: list[str | None] = []
    for m in mentions:
        if m.refers_to is not None and not (
            m.kind in ("PLACE", "ORG") and m.refers_to in countries
        ):
            first.append(m.refers_to)
        elif m.nominal:
            first.append(None)
        else:
            first.append(m.key)
    named = Counter(k for k in first if k)  # prominence: names and titles referring to them
    person_keys = {
        k for k, m in zip(first, mentions, strict=True) if k and m.kind == "PERSON" and " " in k
    }
    org_keys = {
        k for k, m in zip(first, mentions, strict=True) if k and m.kind == "ORG" and " " in k
    }
    places = gazetteer().places
    facility_keys = {
        k
        for k, m in zip(first, mentions, strict=True)
        if k and m.kind in ("ORG", "PLACE") and " " in k and k not in places
    }
    variants = _spelling_variants(person_keys, named)
    variants.update(_facility_variants(facility_keys, named))
    titled: dict[tuple[str | None, str | None], set[str]] = defaultdict(set)
    for key, m in zip(first, mentions, strict=True):
        if m.nominal and key is not None:
            titled[describe(m.key)].add(variants.get(key, key))
    out: list[str | None] = []
    for key, m in zip(first, mentions, strict=True):
        if key is None:
            out.append(_nominal_target(m, titled))
            continue
        key = variants.get(key, key)
        if " " not in key and m.kind in ("PERSON", "OTHER", "PLACE") and key not in places:
            key = (
                _surname_target(key, person_keys, named, variants)
                or (
                    None if m.kind == "PERSON" else _short_name_target(key, facility_keys, variants)
                )
                or key
            )
        elif " " not in key and m.kind == "ORG":
            key = (
                _acronym_target(key, org_keys)
                or _short_name_target(key, facility_keys, variants)
                or key
            )
        out.append(key)
    return out


def _spelling_variants(keys: set[str], counts: Counter[str]) -> dict[str, str]:
    """Map each person key to the most mentioned key that spells the same name."""
    ordered = sorted(keys, key=lambda k: (-counts[k], k))
    mapping: dict[str, str] = {}
    for i, key in enumerate(ordered):
        if key in mapping:
            continue
        for other in ordered[i + 1 :]:
            if other not in mapping and _same_spelling(key, other):
                mapping[other] = key
    return mapping


def _same_spelling(a: str, b: str) -> bool:
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    wa, wb = a.split(), b.split()
    if wa[0] == wb[0] and wa[-1] == wb[-1] and min(len(wa), len(wb)) >= 2:
        # middle names and initials come and go: "Mark Jay Heller" / "Mark Heller"
        short, long_ = sorted((wa, wb), key=len)
        if set(short) <= set(long_):
            return True
    if len(wa) != len(wb) or wa[0] != wb[0] or wa[-1][0] != wb[-1][0]:
        return False
    # one edit in a long enough name ("Muammar"/"Moammar" no: first letters differ; "Gaddafi"/
    # "Gadhafi" yes); short given names ("Il"/"Un") differ in too large a share to merge
    changed = [(x, y) for x, y in zip(wa, wb, strict=True) if x != y]
    return (
        len(changed) == 1
        and min(len(changed[0][0]), len(changed[0][1])) >= 5
        and (Levenshtein.distance(*changed[0]) == 1)
    )


def _facility_variants(keys: set[str], counts: Counter[str]) -> dict[str, str]:
    """Organisation and facility names that differ only in a generic head or one letter:
    ``Betty Ford Center`` / ``Betty Ford Centre`` / ``Betty Ford Clinic``."""
    generic = _GENERIC_HEADS
    cores: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        words = key.split()
        while len(words) > 1 and words[-1] in generic:
            words.pop()
        cores[" ".join(words)].append(key)
    mapping: dict[str, str] = {}
    for core, members in cores.items():
        if len(core.split()) < 2 and len(members) < 2:
            continue
        best = max(members, key=lambda k: (counts[k], len(k)))
        for key in members:
            if key != best:
                mapping[key] = best
    ordered = sorted(keys - set(mapping), key=lambda k: (-counts[k], k))
    for i, key in enumerate(ordered):
        for other in ordered[i + 1 :]:
            if other not in mapping and len(key) > 8 and Levenshtein.distance(key, other) == 1:
                mapping[other] = key
    return mapping


def _short_name_target(word: str, keys: set[str], variants: dict[str, str]) -> str | None:
    """``Promises`` -> the one organisation or facility of the story whose name starts so."""
    targets = {variants.get(k, k) for k in keys if k.split()[0] == word}
    return targets.pop() if len(targets) == 1 else None


def _surname_target(
    word: str, person_keys: set[str], counts: Counter[str], variants: dict[str, str]
) -> str | None:
    candidates = {variants.get(k, k) for k in person_keys if word in k.split()}
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda k: -counts[k])
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return ranked[0]


def _acronym_target(acronym: str, org_keys: set[str]) -> str | None:
    skip = {"of", "and", "the", "for", "&"}
    matches = [k for k in org_keys if "".join(w[0] for w in k.split() if w not in skip) == acronym]
    return matches[0] if len(matches) == 1 else None


def _nominal_target(
    mention: Mention, titled: dict[tuple[str | None, str | None], set[str]]
) -> str | None:
    qualifier, role = describe(mention.key)
    if role is None:
        return None
    targets: set[str] = set()
    for (q, r), keys in titled.items():
        if r == role and (qualifier is None or q == qualifier):
            targets |= keys
    return targets.pop() if len(targets) == 1 else None


def _entity(key: str, members: list[tuple[str, Mention]], captioned: Sequence[str] = ()) -> Entity:
    kinds = Counter(m.kind for _, m in members if not m.nominal) or Counter(
        m.kind for _, m in members
    )
    kind = min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER[k]))
    named = Counter(m.text for _, m in members if not m.nominal)
    gaz = gazetteer()
    if kind == "ORG" and key in gaz.org_names:
        name = gaz.org_names[key]
    elif named:
        name = max(named, key=lambda t: (len(t.replace("-", " ").split()), named[t], -len(t)))
        if kind == "PLACE" and key in gaz.countries and len(name.replace(".", "")) <= 3:
            name = key.title()  # "US" -> "United States"
    else:
        name = members[0][1].text
    aliases = sorted(({m.text for _, m in members} | set(captioned)) - {name})
    refs = tuple(
        MentionRef(article=article_id, text=m.text, start=m.start, end=m.end)
        for article_id, m in members
    )
    return Entity(
        id=entity_id(kind, key), name=name, kind=kind, aliases=tuple(aliases), mentions=refs
    )
