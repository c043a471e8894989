"""SqliteStore: one SQLite file in WAL mode, with an FTS5 index over article text.

Writes happen inside :meth:`SqliteStore.transaction`, so an ingest either lands whole or not at
all. Articles are keyed by content hash and inserted with ``INSERT OR IGNORE``: ingesting the
same article twice changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crossread import codec
from crossread.errors import NotFoundError, StoreError
from crossread.models import Article, Assignment, Entity, Story
from crossread.store.base import (
    EntitySummary,
    MergeRecord,
    SearchHit,
    StoredArticle,
    StoryEntity,
    StoryFilter,
)
from crossread.store.queries import SCHEMA_VERSION, fts_query, migrations, story_filter_sql
from crossread.store.state import PipelineStateMixin

_HEADLINE = (
    "SELECT title FROM articles WHERE story = ?"
    " ORDER BY copy_of IS NOT NULL, published IS NULL, published, seq LIMIT 1"
)
"""A story's headline (see :meth:`SqliteStore._headline`): one ``articles_headline`` lookup."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class SqliteStore(PipelineStateMixin):
    """The default store. Safe to share between threads (one connection, serialised)."""

    def __init__(self, path: str | Path = "crossread.db") -> None:
        self.path = str(path)
        self._lock = threading.RLock()
        self._depth = 0
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.path, isolation_level=None, check_same_thread=False, timeout=30.0
            )
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc

    @classmethod
    def memory(cls) -> SqliteStore:
        """A throwaway in-memory store (tests, ``crossread compare``)."""
        return cls(":memory:")

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Apply every migration newer than the database, each in its own transaction."""
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: database schema {version} is newer than this crossread "
                f"({SCHEMA_VERSION}); upgrade crossread"
            )
        for number, sql in migrations():
            if number <= version:
                continue
            with self.transaction():
                for statement in sql.split(";\n"):
                    if statement.strip():
                        self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version={number}")

    # -- transactions -------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside commit together or not at all (nested calls join the outer one)."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def _read(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                raise StoreError(f"{self.path}: {exc}") from exc

    def _write(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        if not self._depth:
            raise StoreError("write outside a transaction")
        return self._conn.execute(sql, params)

    # -- articles -----------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return bool(self._read("SELECT 1 FROM articles WHERE id = ?", (article_id,)))

    def add_article(self, article: Article, assignment: Assignment) -> bool:
        """Store one article in its story; False when it was already stored (a no-op)."""
        with self.transaction():
            # the next arrival number is read in the insert itself (one statement less)
            cursor = self._write(
                "INSERT OR IGNORE INTO articles (id, seq, title, outlet, byline, published, url,"
                " source, language, story, copy_of, similarity, added, data)"
                " VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles),"
                " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.title,
                    article.outlet,
                    article.byline,
                    article.published.isoformat() if article.published else None,
                    article.url,
                    article.source,
                    article.language,
                    assignment.story,
                    assignment.copy_of,
                    assignment.similarity,
                    _now(),
                    codec.dumps(article),
                ),
            )
            if cursor.rowcount == 0:
                return False
            self._write(
                "INSERT INTO articles_fts (id, title, text, outlet) VALUES (?, ?, ?, ?)",
                (article.id, article.title, article.text, article.outlet or ""),
            )
            self._add_to_story(assignment.story, article)
            return True

    def _stored(self, row: sqlite3.Row) -> StoredArticle:
        return StoredArticle(
            article=codec.loads(Article, row["data"]),
            story=row["story"],
            copy_of=row["copy_of"],
            similarity=row["similarity"],
        )

    def article(self, article_id: str) -> StoredArticle:
        rows = self._read("SELECT * FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r}")
        return self._stored(rows[0])

    def story_articles(self, story_id: str) -> list[StoredArticle]:
        story = self._resolve(story_id)
        rows = self._read(
            "SELECT * FROM articles WHERE story = ? ORDER BY published IS NULL, published, seq",
            (story,),
        )
        return [self._stored(r) for r in rows]

    def iter_articles(
        self, batch: int = 500, *, newest: int | None = None, since: dt.date | None = None
    ) -> Iterator[StoredArticle]:
        """Every stored article in arrival order, read in batches; only the last ``newest``
        to arrive, and of those only the undated and those published on or after ``since``,
        when given."""
        last = 0
        if newest is not None:
            top = self._read("SELECT COALESCE(MAX(seq), 0) FROM articles")[0][0]
            last = max(0, int(top) - newest)
        dated = "" if since is None else " AND (published IS NULL OR published >= ?)"
        extra = () if since is None else (since.isoformat(),)
        while True:
            rows = self._read(
                f"SELECT * FROM articles WHERE seq > ?{dated} ORDER BY seq LIMIT ?",
                (last, *extra, batch),
            )
            if not rows:
                return
            for row in rows:
                yield self._stored(row)
            last = rows[-1]["seq"]

    def story_assignments(self, batch: int = 5000) -> Iterator[tuple[str, str]]:
        """``(source, story)`` of every stored article in arrival order, read in batches
        without decoding the articles (scoring a million-article stream against gold
        stories needs nothing else)."""
        last = 0
        while True:
            rows = self._read(
                "SELECT seq, source, story FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, batch),
            )
            if not rows:
                return
            for row in rows:
                yield row["source"], row["story"]
            last = rows[-1]["seq"]

    # -- stories ------------------------------------------------------------------------------

    def _resolve(self, story_id: str) -> str:
        rows = self._read("SELECT story FROM story_aliases WHERE alias = ?", (story_id,))
        return rows[0]["story"] if rows else story_id

    def _add_to_story(self, story_id: str, article: Article) -> None:
        """Update a story's summary row for one article just inserted into it.

        The same row :meth:`_refresh_story` computes, without reading the story's articles:
        counts, dates and outlets follow from the row, the headline is one lookup in the
        ``articles_headline`` index (whose order is the one ``_refresh_story`` picks by).
        """
        row = self._conn.execute(
            "SELECT first, last, articles, outlets FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        if row is None:
            self._refresh_story(story_id)  # a new story: its one article is all there is
            return
        dates = [d for d in (row["first"], row["last"]) if d]
        if article.published is not None:
            dates.append(article.published.isoformat())
        outlets = json.loads(row["outlets"])
        if article.outlet and article.outlet not in outlets:
            outlets = sorted([*outlets, article.outlet])
        now = _now()
        self._write(
            f"UPDATE stories SET headline = ({_HEADLINE}), first = ?, last = ?, articles = ?,"
            " outlets = ?, updated = ?, sort_date = ? WHERE id = ?",
            (
                story_id,
                min(dates) if dates else None,
                max(dates) if dates else None,
                row["articles"] + 1,
                json.dumps(outlets, ensure_ascii=False),
                now,
                max(dates) if dates else now[:10],
                story_id,
            ),
        )

    def _headline(self, story_id: str) -> str:
        """The title of the story's earliest original report (of its earliest article when all
        are copies): copies and later follow-ups rarely name the event better than the first
        full account. One lookup in the ``articles_headline`` index, whatever the story's size.
        """
        row = self._conn.execute(_HEADLINE, (story_id,)).fetchone()
        return str(row["title"])

    def _refresh_story(self, story_id: str) -> None:
        """Recompute a story's summary row from its articles (inside a transaction)."""
        rows = self._conn.execute(
            "SELECT outlet, published FROM articles WHERE story = ?", (story_id,)
        ).fetchall()
        if not rows:
            self._write("DELETE FROM stories WHERE id = ?", (story_id,))
            return
        dates = [r["published"] for r in rows if r["published"]]
        outlets = sorted({r["outlet"] for r in rows if r["outlet"]})
        now = _now()
        self._write(
            "INSERT INTO stories (id, headline, first, last, articles, outlets, created, updated,"
            " sort_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET headline = excluded.headline,"
            " first = excluded.first, last = excluded.last, articles = excluded.articles,"
            " outlets = excluded.outlets, updated = excluded.updated,"
            " sort_date = excluded.sort_date",
            (
                story_id,
                self._headline(story_id),
                min(dates) if dates else None,
                max(dates) if dates else None,
                len(rows),
                json.dumps(outlets, ensure_ascii=False),
                now,
                now,
                max(dates) if dates else now[:10],
            ),
        )

    def _stories_from(self, rows: Sequence[sqlite3.Row]) -> list[Story]:
        """Story records for story rows, with their article ids and aliases in two queries."""
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        articles: dict[str, list[str]] = {i: [] for i in ids}
        for r in self._read(
            f"SELECT id, story FROM articles WHERE story IN ({marks})"
            " ORDER BY published IS NULL, published, seq",
            ids,
        ):
            articles[r["story"]].append(r["id"])
        aliases: dict[str, list[str]] = {i: [] for i in ids}
        for r in self._read(
            f"SELECT alias, story FROM story_aliases WHERE story IN ({marks}) ORDER BY alias", ids
        ):
            aliases[r["story"]].append(r["alias"])
        return [
            Story(
                id=row["id"],
                headline=row["headline"],
                articles=tuple(articles[row["id"]]),
                outlets=tuple(json.loads(row["outlets"])),
                first=_date(row["first"]),
                last=_date(row["last"]),
                aliases=tuple(aliases[row["id"]]),
            )
            for row in rows
        ]

    def story(self, story_id: str) -> Story:
        """A story by id or by the id of a story merged into it."""
        rows = self._read("SELECT * FROM stories WHERE id = ?", (self._resolve(story_id),))
        if not rows:
            raise NotFoundError(f"no story with id {story_id!r}")
        return self._stories_from(rows)[0]

    def stories(
        self, where: StoryFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[Story]:
        """Stories matching ``where``, newest (or biggest) first."""
        sql, params = story_filter_sql(where)
        order = (
            "s.articles DESC, s.sort_date DESC"
            if where is not None and where.order == "biggest"
            else "s.sort_date DESC, s.articles DESC"
        )
        rows = self._read(
            f"SELECT s.* FROM stories s{sql} ORDER BY {order}, s.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return self._stories_from(rows)

    def count_stories(self, where: StoryFilter | None = None) -> int:
        sql, params = story_filter_sql(where)
        return int(self._read(f"SELECT COUNT(*) FROM stories s{sql}", params)[0][0])

    def merge_stories(self, kept: str, merged: str) -> None:
        """Move every article of ``merged`` into ``kept`` and record ``merged`` as an alias."""
        kept, merged = self._resolve(kept), self._resolve(merged)
        if kept == merged:
            return
        with self.transaction():
            now = _now()
            self._write("UPDATE articles SET story = ? WHERE story = ?", (kept, merged))
            self._write("UPDATE story_aliases SET story = ? WHERE story = ?", (kept, merged))
            self._write(
                "INSERT OR REPLACE INTO story_aliases (alias, story, merged_at) VALUES (?, ?, ?)",
                (merged, kept, now),
            )
            self._write("DELETE FROM story_entities WHERE story = ?", (merged,))
            self._write("DELETE FROM story_tallies WHERE story IN (?, ?)", (kept, merged))
            self._write("DELETE FROM stories WHERE id = ?", (merged,))
            self._refresh_story(kept)

    def merges(self, since: dt.date | None = None) -> list[MergeRecord]:
        rows = self._read(
            "SELECT * FROM story_aliases WHERE merged_at >= ? ORDER BY merged_at, alias",
            ((since or dt.date.min).isoformat(),),
        )
        return [
            MergeRecord(alias=r["alias"], story=r["story"], merged_at=r["merged_at"]) for r in rows
        ]

    # -- entities -----------------------------------------------------------------------------

    def set_story_entities(self, story_id: str, entities: Sequence[Entity | StoryEntity]) -> None:
        """Replace the entity index of one story."""
        rows = [
            (
                story_id,
                e.id,
                e.name,
                e.kind,
                e.mentions if isinstance(e, StoryEntity) else len(e.mentions),
            )
            for e in entities
        ]
        with self.transaction():
            self._write("DELETE FROM story_entities WHERE story = ?", (story_id,))
            self._conn.executemany(
                "INSERT OR REPLACE INTO story_entities (story, entity, name, kind, mentions)"
                " VALUES (?, ?, ?, ?, ?)",
                rows,
            )

    def _entity_summaries(
        self, where: str, params: Sequence[Any], tail: str = ""
    ) -> list[EntitySummary]:
        """Entities aggregated over the stories they appear in, filtered by ``where``."""
        rows = self._read(
            "SELECT entity, MAX(name) AS name, MAX(kind) AS kind, COUNT(*) AS stories,"
            f" SUM(mentions) AS mentions FROM story_entities {where} GROUP BY entity {tail}",
            params,
        )
        return [
            EntitySummary(
                id=r["entity"],
                name=r["name"],
                kind=r["kind"],
                stories=r["stories"],
                mentions=r["mentions"],
            )
            for r in rows
        ]

    def entities(
        self, query: str | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[EntitySummary]:
        """Entities by the number of stories they appear in, optionally filtered by name."""
        where, params = "", []
        if query:
            where = "WHERE name LIKE ? ESCAPE '\\'"
            escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            params.append(f"%{escaped}%")
        order = "ORDER BY stories DESC, mentions DESC, name LIMIT ? OFFSET ?"
        return self._entity_summaries(where, [*params, limit, offset], order)

    def entity(self, entity_id: str) -> EntitySummary:
        found = self._entity_summaries("WHERE entity = ?", (entity_id,))
        if not found:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        return found[0]

    def entity_stories(self, entity_id: str) -> list[Story]:
        """Every story an entity appears in, oldest first."""
        rows = self._read(
            "SELECT s.* FROM stories s JOIN story_entities e ON e.story = s.id"
            " WHERE e.entity = ? ORDER BY s.first IS NULL, s.first, s.id",
            (entity_id,),
        )
        return self._stories_from(rows)

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[SearchHit]:
        """Full-text search over titles, text and outlets, best matches first."""
        match = fts_query(query)
        if not match:
            return []
        rows = self._read(
            "SELECT a.id, a.story, a.title, a.outlet, a.published,"
            " snippet(articles_fts, 2, '[', ']', ' … ', 16) AS snip"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.id"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 0, 4.0, 1.0, 2.0)"
            " LIMIT ? OFFSET ?",
            (match, limit, offset),
        )
        return [
            SearchHit(
                article=r["id"],
                story=self._resolve(r["story"]),
                title=r["title"],
                outlet=r["outlet"],
                published=_date(r["published"]),
                snippet=r["snip"],
            )
            for r in rows
        ]

    def counts(self) -> dict[str, int]:
        return {
            "articles": int(self._read("SELECT COUNT(*) FROM articles")[0][0]),
            "stories": int(self._read("SELECT COUNT(*) FROM stories")[0][0]),
            "entities": int(self._read("SELECT COUNT(DISTINCT entity) FROM story_entities")[0][0]),
        }
