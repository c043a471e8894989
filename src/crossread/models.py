"""The data that flows between crossread's stages.

Every stage takes and returns these frozen dataclasses; none of them holds behaviour beyond
small derived properties. Character offsets (``start``/``end``) always index into
``Article.text`` (the cleaned body), so every derived fact keeps its provenance.

Flow::

    RawDocument --clean--> Article --extract--> Article (with sentences, mentions, times,
    quotes, numbers) --cluster--> Assignment --compare--> Fact --brief--> Brief
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

EntityKind = Literal["PERSON", "ORG", "PLACE", "OTHER"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "century", "decade", "year", "half", "quarter", "season", "month", "week", "day", "time"
]
FactStatus = Literal["corroborated", "exclusive", "conflicting"]
ConflictKind = Literal["number", "date", "attribution", "negation"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True, kw_only=True)
class RawDocument:
    """What a reader found in one input, before cleaning.

    ``text`` is the body as the reader got it (for plain text files, the whole file; for HTML,
    the text trafilatura extracted). Metadata fields are ``None`` when the format did not say.
    """

    source: str
    """Where it came from: a file path, a path plus an entry index, or a URL."""
    fmt: Literal["text", "html", "json", "feed", "warc"]
    text: str
    title: str | None = None
    outlet: str | None = None
    byline: str | None = None
    published: str | None = None
    """Publication date or datetime as the input gave it (ISO preferred, any format accepted)."""
    url: str | None = None
    language: str | None = None
    removed: tuple[Removal, ...] = ()
    """Text the reader already dropped (e.g. HTML boilerplate), kept so a user can see it."""
    status: str = "ok"
    """``ok``, or why this is not an article: ``no_article``, ``paywall``, ``empty``..."""
    warnings: tuple[str, ...] = ()
    """Problems that did not stop reading (a truncated WARC record, a guessed encoding)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A piece of input text that cleaning dropped, and why."""

    text: str
    reason: str
    """Short machine-readable reason, e.g. ``reading-time``, ``caption``, ``repeated-line``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    """A named (or titled) reference to an entity inside one article."""

    text: str
    start: int
    end: int
    kind: EntityKind
    key: str
    """Normalised form used to link mentions (``kim jong un`` for ``Kim Jong-un``)."""
    sentence: int = -1
    nominal: bool = False
    """True for descriptions such as ``the Russian president`` rather than names."""
    refers_to: str | None = None
    """For nominals and metonyms: the key of the named mention this resolves to, if any."""


@dataclass(frozen=True, slots=True, kw_only=True)
class MentionRef:
    article: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world entity across the articles of a story."""

    id: str
    name: str
    kind: EntityKind
    aliases: tuple[str, ...] = ()
    mentions: tuple[MentionRef, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeRef:
    """A time expression resolved against the article's publication date."""

    text: str
    start: int
    end: int
    type: TimeType
    value: str | None
    """TimeML-style value: ``2022-08-15``, ``2022-05``, ``2022``, ``2022-W33``, ``P3M``,
    ``PRESENT_REF``; ``None`` when it could not be resolved (e.g. no publication date)."""
    granularity: Granularity | None = None
    anchored: bool = False
    """True when the value depended on the publication date (``yesterday``, ``on Monday``)."""
    modifier: str | None = None
    """TimeML mod such as ``START``, ``END``, ``MID``, ``APPROX``, ``MORE_THAN`` (``late May``)."""
    sentence: int = -1


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    """A direct quote or reported speech with its speaker, where the text names one."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    kind: QuoteKind = "direct"
    sentence: int = -1


@dataclass(frozen=True, slots=True, kw_only=True)
class NumberRef:
    text: str
    start: int
    end: int
    value: float
    unit: str | None = None
    approx: Literal["exact", "more_than", "less_than", "about"] = "exact"
    sentence: int = -1


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One cleaned article, optionally with what extraction found in it."""

    id: str
    """Content hash of title and cleaned text: re-ingesting the same article is a no-op."""
    title: str
    text: str
    outlet: str | None = None
    byline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    language: str | None = None
    source: str = ""
    removed: tuple[Removal, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    numbers: tuple[NumberRef, ...] = ()

    @property
    def label(self) -> str:
        """Outlet name for display, falling back to the name of the file it was read from."""
        if self.outlet:
            return self.outlet
        name = self.source.rstrip("/").rsplit("/", 1)[-1].split("#", 1)[0]
        return name or self.id


@dataclass(frozen=True, slots=True, kw_only=True)
class Assignment:
    """Where the cluster stage put one article."""

    article: str
    story: str
    similarity: float
    """Similarity to the story it joined (0 for a new story)."""
    is_new: bool
    copy_of: str | None = None
    """Id of an earlier article this one is a (near-)copy of: syndicated or republished text."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    id: str
    headline: str
    articles: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    first: dt.date | None = None
    last: dt.date | None = None
    aliases: tuple[str, ...] = ()
    """Ids of stories that were merged into this one."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Support:
    """One piece of evidence for a fact: an article's own sentence."""

    article: str
    outlet: str
    sentence: str
    sentence_index: int = -1
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Fact:
    status: FactStatus
    text: str
    support: tuple[Support, ...]
    note: str | None = None
    conflict: ConflictKind | None = None
    confidence: float = 1.0
    independent_outlets: int = 1
    """Outlets counted once each, syndicated copies collapsed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A summary sentence with the outlets and articles that support it."""

    text: str
    outlets: tuple[str, ...]
    articles: tuple[str, ...]
    support: tuple[Support, ...] = ()
    """The evidence: each supporting article's own sentence."""
    disputed: bool = False
    """Other outlets give this fact differently (see the brief's conflicting facts)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    date: str
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``."""
    expression: str
    sentence: str
    article: str
    outlet: str = ""
    estimated: bool = False
    """The article has no publication date: its relative expression (``on Monday``) was
    resolved against the date the story was first reported, an estimate."""


@dataclass(frozen=True, slots=True, kw_only=True)
class QuoteEntry:
    speaker: str | None
    text: str
    article: str
    outlet: str = ""
    entity: str | None = None
    """Id of the story entity the speaker resolved to."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Framing:
    """What one article emphasises compared with the others in its story."""

    article: str
    outlet: str
    entities: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    tone: float = 0.0
    quotes: tuple[str, ...] = ()
    exclusives: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Brief:
    """Everything crossread says about one story (or one ad-hoc set of articles)."""

    story: str
    headline: str
    same_story: bool
    similarity: float
    articles: tuple[Article, ...]
    summary: tuple[Citation, ...] = ()
    facts: tuple[Fact, ...] = ()
    entities: tuple[Entity, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    quotes: tuple[QuoteEntry, ...] = ()
    framing: tuple[Framing, ...] = ()
    copies: dict[str, str] = field(default_factory=dict)
    """article id -> id of the article it copies (syndication)."""
