"""Storage: SQLite (with FTS5) by default, behind the ``Store`` protocol."""

from crossread.store.base import (
    EntitySummary,
    MergeRecord,
    SearchHit,
    Store,
    StoredArticle,
    StoryEntity,
    StoryFilter,
)
from crossread.store.sqlite import SqliteStore

__all__ = [
    "EntitySummary",
    "MergeRecord",
    "SearchHit",
    "SqliteStore",
    "Store",
    "StoredArticle",
    "StoryEntity",
    "StoryFilter",
]
