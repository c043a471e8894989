"""Canonical entities across the articles of one story.

Every mention is followed to the key of the named entity it stands for:

1. within its article (``resolve.py``): ``Putin`` -> ``vladimir putin``, ``KCNA`` -> the
   agency named in full, ``the Russian president`` -> the person titled so;
2. across the story, for what one article left open: a bare surname goes to the most
   mentioned full name in the story that has it as first or last word (a surname opened by
   a particle, ``de Blasio``, to the full name ending with it); a description goes to
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
import json
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast, get_args

from rapidfuzz.distance import Levenshtein

from crossread.extract.gazetteer import gazetteer
from crossread.extract.mentions import find_mentions
from crossread.extract.resolve import name_like_org
from crossread.extract.runs import LEADING_PARTICLES
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

Form = tuple[str, EntityKind, bool, str | None]
"""All that resolving reads of a mention: its key, kind, ``nominal`` and ``refers_to``."""
_Position = tuple[tuple[bool, int, int], int]
"""A mention's place in its story: its article's (undated, date ordinal, arrival), shared by
the article's mentions, then its index in the article."""


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
        items.extend((article.id, m) for m in _article_mentions(article))
    targets = resolve_story([m for _, m in items])
    groups: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for (article_id, mention), target in zip(items, targets, strict=True):
        if target is not None:
            groups[target].append((article_id, mention))
    captioned = _caption_names(articles)
    entities = [_entity(key, members, captioned.get(key, ())) for key, members in groups.items()]
    entities.sort(key=lambda e: (-len(e.mentions), _KIND_ORDER[e.kind], e.name))
    return tuple(entities)


def _article_mentions(article: Article) -> Sequence[Mention]:
    """The article's mentions, found here when the article was not extracted."""
    mentions = article.mentions
    if not mentions and article.text:
        sentences = article.sentences or split_sentences(article.text)
        mentions = tuple(find_mentions(article.text, sentences))
    return mentions


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
    forms = Counter(_form(m) for m in mentions)
    targets = resolve_forms(forms)
    return [targets[_form(m)] for m in mentions]


def _form(mention: Mention) -> Form:
    return (mention.key, mention.kind, mention.nominal, mention.refers_to)


def resolve_forms(forms: Mapping[Form, int]) -> dict[Form, str | None]:
    """The canonical key of each mention form of a story, given how often each occurs.

    Resolving reads nothing of a mention but its form, and of the story only which forms occur
    and how often (prominence), so mentions of one form always resolve alike: a story's
    mentions resolve by their distinct forms, however many times each was written.
    """
    countries = gazetteer().countries
    first: dict[Form, str | None] = {}
    for form in forms:
        key, kind, nominal, refers_to = form
        if refers_to is not None and not (kind in ("PLACE", "ORG") and refers_to in countries):
            first[form] = refers_to
        elif nominal:
            first[form] = None
        else:
            first[form] = key
    named: Counter[str] = Counter()  # prominence: names and titles referring to them
    for form, k in first.items():
        if k:
            named[k] += forms[form]
    person_keys = {k for form, k in first.items() if k and form[1] == "PERSON" and " " in k}
    org_keys = {k for form, k in first.items() if k and form[1] == "ORG" and " " in k}
    places = gazetteer().places
    facility_keys = {
        k
        for form, k in first.items()
        if k and form[1] in ("ORG", "PLACE") and " " in k and k not in places
    }
    variants = _spelling_variants(person_keys, named)
    variants.update(_facility_variants(facility_keys, named))
    titled: dict[tuple[str | None, str | None], set[str]] = defaultdict(set)
    for form, k in first.items():
        if form[2] and k is not None:
            titled[describe(form[0])].add(variants.get(k, k))
    # words to the multi-word keys they can stand for (first or last word, initials)
    persons_by_word: dict[str, set[str]] = defaultdict(set)
    for k in person_keys:
        words = k.split()
        for i, word in enumerate(words):
            persons_by_word[word].add(k)
            if i and word in LEADING_PARTICLES:
                # "de blasio" stands for "bill de blasio" as "putin" for "vladimir putin"
                persons_by_word[" ".join(words[i:])].add(k)
    facilities_by_first: dict[str, set[str]] = defaultdict(set)
    for k in facility_keys:
        facilities_by_first[k.split()[0]].add(k)
    # organisations named like people, by their last word ("yankees": "new york yankees")
    heads = gazetteer().org_words
    orgs_by_last: dict[str, set[str]] = defaultdict(set)
    for k in org_keys:
        if k not in places and name_like_org(k, heads):
            orgs_by_last[k.rsplit(" ", 1)[1]].add(k)
    orgs_by_initials: dict[str, list[str]] = defaultdict(list)
    for k in org_keys:
        orgs_by_initials[_initials(k)].append(k)
    out: dict[Form, str | None] = {}
    for form, found in first.items():
        kind = form[1]
        if found is None:
            out[form] = _nominal_target(form[0], titled)
            continue
        key = variants.get(found, found)
        if kind in ("PERSON", "OTHER") and key.split(" ", 1)[0] in LEADING_PARTICLES:
            others = persons_by_word.get(key, set()) - {key}
            key = _surname_target(others, named, variants) or key
        elif " " not in key and kind in ("PERSON", "OTHER", "PLACE") and key not in places:
            key = (
                _surname_target(
                    persons_by_word.get(key, set()) | orgs_by_last.get(key, set()), named, variants
                )
                or (
                    None
                    if kind == "PERSON"
                    else _short_name_target(facilities_by_first.get(key, set()), variants)
                )
                or key
            )
        elif " " not in key and kind == "ORG" and key not in places:
            # a country acting ("Turkmenistan said") is no body named after it
            matches = orgs_by_initials.get(key, [])
            key = (
                (matches[0] if len(matches) == 1 else None)
                or _short_name_target(facilities_by_first.get(key, set()), variants)
                or _surname_target(orgs_by_last.get(key, set()), named, variants)
                or key
            )
        out[form] = key
    return out


def _spelling_variants(keys: set[str], counts: Counter[str]) -> dict[str, str]:
    """Map each person key to the most mentioned key that spells the same name."""
    ordered = sorted(keys, key=lambda k: (-counts[k], k))
    rank = {k: i for i, k in enumerate(ordered)}
    # _same_spelling holds only for keys with the same first word or the same letters without
    # spaces: compare each key with those alone (in rank order, so the result is the same as
    # comparing every pair)
    by_first: dict[str, list[str]] = defaultdict(list)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key in ordered:
        by_first[key.split()[0]].append(key)
        by_letters[key.replace(" ", "")].append(key)
    mapping: dict[str, str] = {}
    for i, key in enumerate(ordered):
        if key in mapping:
            continue
        alike = {*by_first[key.split()[0]], *by_letters[key.replace(" ", "")]}
        for other in sorted((o for o in alike if rank[o] > i), key=rank.__getitem__):
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
    for key in sorted(keys):  # sorted: ties below go the same way in every run
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


def _short_name_target(keys: set[str], variants: dict[str, str]) -> str | None:
    """``Promises`` -> the one organisation or facility of the story whose name starts so
    (``keys``: those whose first word it is)."""
    targets = {variants.get(k, k) for k in keys}
    return targets.pop() if len(targets) == 1 else None


def _surname_target(
    person_keys: set[str], counts: Counter[str], variants: dict[str, str]
) -> str | None:
    """The most mentioned full name a single word stands for (``person_keys``: the names
    having it as one of their words); none on a tie."""
    candidates = {variants.get(k, k) for k in person_keys}
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda k: -counts[k])
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return ranked[0]


_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&"})


def _initials(key: str) -> str:
    """The acronym an organisation's name spells (``united nations`` -> ``un``)."""
    return "".join(w[0] for w in key.split() if w not in _ACRONYM_SKIP)


def _nominal_target(key: str, titled: dict[tuple[str | None, str | None], set[str]]) -> str | None:
    qualifier, role = describe(key)
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
    kind = _entity_kind(kinds)
    named = Counter(m.text for _, m in members if not m.nominal)
    name = _entity_name(key, kind, named, members[0][1].text)
    aliases = sorted(({m.text for _, m in members} | set(captioned)) - {name})
    refs = tuple(
        MentionRef(article=article_id, text=m.text, start=m.start, end=m.end)
        for article_id, m in members
    )
    return Entity(
        id=entity_id(kind, key), name=name, kind=kind, aliases=tuple(aliases), mentions=refs
    )


def _entity_kind(kinds: Counter[EntityKind]) -> EntityKind:
    """The kind most of an entity's mentions (names first) give it."""
    return min(kinds, key=lambda k: (-kinds[k], _KIND_ORDER[k]))


def _entity_name(key: str, kind: EntityKind, named: Counter[str], first: str) -> str:
    """An entity's display name: the fullest of its names (``named``: counts of the names it
    is written as, in order of first use), else the text of its first mention."""
    gaz = gazetteer()
    if kind == "ORG" and key in gaz.org_names:
        return gaz.org_names[key]
    if not named:
        return first
    name = max(named, key=lambda t: (len(t.replace("-", " ").split()), named[t], -len(t)))
    if kind == "PLACE" and key in gaz.countries and len(name.replace(".", "")) <= 3:
        name = key.title()  # "US" -> "United States"
    return name


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityCount:
    """An entity of a story without its mention offsets: what a story's entity index keeps."""

    id: str
    name: str
    kind: EntityKind
    mentions: int


class MentionTally:
    """The mentions of one story's articles, counted by form and text, so that the story's
    entities can be recomputed as articles arrive without reading the earlier ones again.

    :meth:`entities` gives the ids, names, kinds and mention counts that
    :func:`link_entities` gives for the same articles (in the store's order: undated last,
    then by date, then by arrival), because resolving reads nothing of a mention but its form
    and of the story only how often each form occurs. Its cost grows with the story's distinct
    forms, not with its articles; aliases and offsets (which need every mention) are not kept.
    """

    def __init__(self) -> None:
        self._counts: dict[tuple[Form, str], int] = {}
        self._first: dict[tuple[Form, str], _Position] = {}
        """Where each (form, text) is first used, in the story's order."""
        self._articles = 0

    def __len__(self) -> int:
        """How many distinct (form, text) pairs are held (a measure of memory)."""
        return len(self._counts)

    def add(self, article: Article) -> None:
        """Count one more article's mentions.

        Add a story's articles in arrival order or in the store's order; either way, among
        articles of the same date the earlier-stored one must come first.
        """
        published = article.published
        order = (published is None, published.toordinal() if published else 0, self._articles)
        self._articles += 1
        counts, first = self._counts, self._first
        for index, mention in enumerate(_article_mentions(article)):
            item = (_form(mention), mention.text)
            position = (order, index)
            if item in counts:
                counts[item] += 1
                # an article dated before those already counted moves the first use earlier
                first[item] = min(first[item], position)
            else:
                counts[item] = 1
                first[item] = position

    def entities(self) -> tuple[EntityCount, ...]:
        """The story's canonical entities, most mentioned first."""
        forms: Counter[Form] = Counter()
        for (form, _), count in self._counts.items():
            forms[form] += count
        targets = resolve_forms(forms)
        groups: dict[str, list[tuple[Form, str]]] = defaultdict(list)
        for item in self._counts:
            target = targets[item[0]]
            if target is not None:
                groups[target].append(item)
        out = []
        for key, members in groups.items():
            members.sort(key=self._first.__getitem__)
            kinds: Counter[EntityKind] = Counter()
            named: Counter[str] = Counter()  # in order of first use, as link_entities counts
            for form, text in members:
                if not form[2]:
                    kinds[form[1]] += self._counts[form, text]
                    named[text] += self._counts[form, text]
            if not kinds:
                for form, text in members:
                    kinds[form[1]] += self._counts[form, text]
            kind = _entity_kind(kinds)
            out.append(
                EntityCount(
                    id=entity_id(kind, key),
                    name=_entity_name(key, kind, named, members[0][1]),
                    kind=kind,
                    mentions=sum(self._counts[m] for m in members),
                )
            )
        out.sort(key=lambda e: (-e.mentions, _KIND_ORDER[e.kind], e.name, e.id))
        return tuple(out)

    # -- persistence ------------------------------------------------------------------------

    def dumps(self) -> str:
        """The tally as compact JSON, for the store to keep between runs (:meth:`loads`)."""
        rows = [
            [*form, text, count, *self._first[form, text][0], self._first[form, text][1]]
            for (form, text), count in self._counts.items()
        ]
        return json.dumps(
            {"v": 1, "articles": self._articles, "items": rows}, separators=(",", ":")
        )

    @property
    def articles(self) -> int:
        """How many articles have been added."""
        return self._articles

    @classmethod
    def loads(cls, data: str) -> MentionTally:
        """A tally from :meth:`dumps`; ValueError when ``data`` is not one."""
        try:
            raw = json.loads(data)
            if raw.get("v") != 1:
                raise ValueError(f"unknown tally version {raw.get('v')!r}")
            tally = cls()
            tally._articles = int(raw["articles"])
            kinds = get_args(EntityKind)
            for row in raw["items"]:
                key, kind, nominal, refers_to, text, count, undated, ordinal, arrival, index = row
                if kind not in kinds:
                    raise ValueError(f"unknown entity kind {kind!r}")
                ref = None if refers_to is None else str(refers_to)
                form: Form = (str(key), cast(EntityKind, kind), bool(nominal), ref)
                tally._counts[form, str(text)] = int(count)
                tally._first[form, str(text)] = (
                    (bool(undated), int(ordinal), int(arrival)),
                    int(index),
                )
        except (TypeError, KeyError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a mention tally: {exc}") from exc
        return tally
