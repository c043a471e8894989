"""What the rest of crossread needs from a store, and the records a store returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from crossread.models import Article, Assignment, Entity, Story


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredArticle:
    """An article with where the cluster stage put it."""

    article: Article
    story: str
    copy_of: str | None = None
    similarity: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    article: str
    story: str
    title: str
    outlet: str | None
    published: dt.date | None
    snippet: str
    """Matching text with the hits wrapped in ``[`` and ``]`` (plain text, never HTML)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class EntitySummary:
    id: str
    name: str
    kind: str
    stories: int
    mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryEntity:
    """One row of a story's entity index: an entity and how often the story mentions it."""

    id: str
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeRecord:
    alias: str
    story: str
    merged_at: str


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryFilter:
    """Which stories a listing returns; empty fields do not filter."""

    query: str | None = None
    outlet: str | None = None
    entity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    order: str = "newest"
    """``newest`` (latest publication first) or ``biggest`` (most articles first)."""


class Store(Protocol):
    """The storage interface the pipeline, CLI and web app use."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def has_article(self, article_id: str) -> bool: ...
    def add_article(self, article: Article, assignment: Assignment) -> bool: ...
    def article(self, article_id: str) -> StoredArticle: ...
    def story(self, story_id: str) -> Story: ...
    def story_articles(self, story_id: str) -> list[StoredArticle]: ...
    def iter_articles(
        self, batch: int = 500, *, newest: int | None = None, since: dt.date | None = None
    ) -> Iterator[StoredArticle]: ...
    def story_assignments(self, batch: int = 5000) -> Iterator[tuple[str, str]]: ...
    def stories(
        self, where: StoryFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[Story]: ...
    def count_stories(self, where: StoryFilter | None = None) -> int: ...
    def merge_stories(self, kept: str, merged: str) -> None: ...
    def merges(self, since: dt.date | None = None) -> list[MergeRecord]: ...
    def set_story_entities(
        self, story_id: str, entities: Sequence[Entity | StoryEntity]
    ) -> None: ...
    def entities(
        self, query: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[EntitySummary]: ...
    def entity(self, entity_id: str) -> EntitySummary: ...
    def entity_stories(self, entity_id: str) -> list[Story]: ...
    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]: ...
    def counts(self) -> dict[str, int]: ...
    def close(self) -> None: ...
    # the pipeline's own state, kept with the articles it describes
    def story_tally(self, story_id: str, *, added: int = 0) -> str | None: ...
    def set_story_tally(self, story_id: str, articles: int, tally: str) -> None: ...
    def story_size(self, story_id: str) -> int: ...
    def newest_date(self) -> dt.date | None: ...
    def state(self, name: str) -> bytes | None: ...
    def set_state(self, name: str, data: bytes) -> None: ...
    def states(self, prefix: str) -> list[tuple[str, bytes]]: ...
    def delete_states(self, prefix: str) -> None: ...
