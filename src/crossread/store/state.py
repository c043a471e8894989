"""The pipeline's own state in the SQLite store: per-story mention tallies and named blobs.

Kept apart from :mod:`crossread.store.sqlite` (articles, stories, search): these rows are
derived, written in the same transactions as the articles they describe, and safe to lose (a
missing or stale tally is rebuilt from the story's articles).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from typing import Any, Protocol


class _Connection(Protocol):
    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]: ...
    def _write(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor: ...
    def _resolve(self, story_id: str) -> str: ...


class PipelineStateMixin:
    """Tallies and state blobs; mixed into :class:`~crossread.store.sqlite.SqliteStore`."""

    def story_tally(self: _Connection, story_id: str, *, added: int = 0) -> str | None:
        """The saved mention tally of a story, or None when there is none or it is stale: it
        must count all of the story's articles but the ``added`` ones stored since it was
        saved (a merge or an interrupted run leaves it counting a different number)."""
        rows = self._read(
            "SELECT t.tally FROM story_tallies t JOIN stories s ON s.id = t.story"
            " WHERE t.story = ? AND t.articles + ? = s.articles",
            (self._resolve(story_id), added),
        )
        return str(rows[0]["tally"]) if rows else None

    def set_story_tally(self: _Connection, story_id: str, articles: int, tally: str) -> None:
        """Save a story's tally, which counts ``articles`` of its articles (inside a
        transaction, with the articles it counts)."""
        self._write(
            "INSERT OR REPLACE INTO story_tallies (story, articles, tally) VALUES (?, ?, ?)",
            (self._resolve(story_id), articles, tally),
        )

    def story_size(self: _Connection, story_id: str) -> int:
        """How many articles a story holds now (0 for an unknown story)."""
        rows = self._read("SELECT articles FROM stories WHERE id = ?", (self._resolve(story_id),))
        return int(rows[0]["articles"]) if rows else 0

    def newest_date(self: _Connection) -> dt.date | None:
        """The newest publication date of any stored article."""
        value = self._read("SELECT MAX(published) FROM articles")[0][0]
        return dt.date.fromisoformat(value) if value else None

    def state(self: _Connection, name: str) -> bytes | None:
        """A named blob of pipeline state, or None."""
        rows = self._read("SELECT data FROM pipeline_state WHERE name = ?", (name,))
        return bytes(rows[0]["data"]) if rows else None

    def set_state(self: _Connection, name: str, data: bytes) -> None:
        """Save a named blob (inside a transaction)."""
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        self._write(
            "INSERT OR REPLACE INTO pipeline_state (name, data, updated) VALUES (?, ?, ?)",
            (name, data, now),
        )

    def states(self: _Connection, prefix: str) -> list[tuple[str, bytes]]:
        """The named blobs whose names start with ``prefix``, in name order."""
        rows = self._read(
            "SELECT name, data FROM pipeline_state WHERE substr(name, 1, ?) = ? ORDER BY name",
            (len(prefix), prefix),
        )
        return [(str(r["name"]), bytes(r["data"])) for r in rows]

    def delete_states(self: _Connection, prefix: str) -> None:
        """Delete the named blobs whose names start with ``prefix`` (inside a transaction)."""
        self._write(
            "DELETE FROM pipeline_state WHERE substr(name, 1, ?) = ?", (len(prefix), prefix)
        )
