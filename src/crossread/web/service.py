"""The web app's access to crossread: stores for readers, one writer, and a brief cache.

Readers (listing, search, article and entity pages) must not wait for an ingest, so when the
app is given a database *file* every worker thread reads through its own connection (SQLite
WAL lets readers run beside the one writer). Ingests go through a single writer store and are
serialised by a lock. Given a store *object* instead (e.g. an in-memory store in tests), every
request shares it; :class:`~crossread.store.SqliteStore` serialises access itself.

The cluster index is shared mutable state: it is used under ``_index_lock`` by ingests (which
change it) and by the compare view of ad-hoc article sets (which reads its similarity
statistics). A stored story's brief needs no index, so story pages never wait for an ingest.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from crossread.config import Settings
from crossread.errors import CrossreadError, NotFoundError
from crossread.models import Brief
from crossread.pipeline import (
    Failure,
    IngestReport,
    Overrides,
    Pipeline,
    build_brief,
    stored_brief,
)
from crossread.store import SqliteStore
from crossread.store.base import Store, StoredArticle

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Upload:
    """One input to ingest: its bytes and the name messages should use."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True, kw_only=True)
class FileResult:
    """What ingesting one upload did."""

    name: str
    report: IngestReport


class WebService:
    """Everything the routers need, shared by the app for its lifetime.

    Args:
        db: a database file (readers get a connection per thread) or a store object (shared).
        settings: crossread settings; ``settings.db`` is ignored when ``db`` is given.
        brief_cache: how many briefs to keep; a brief is recomputed when its story changes.
    """

    def __init__(
        self,
        db: str | Path | Store,
        settings: Settings | None = None,
        *,
        brief_cache: int = 256,
    ) -> None:
        self.settings = settings or Settings()
        if isinstance(db, str | Path):
            self._path: str | None = str(db)
            self._writer: Store = SqliteStore(self._path)
        else:
            self._path = None
            self._writer = db
        self._local = threading.local()
        self._readers: list[Store] = []
        self._readers_lock = threading.Lock()
        self._ingest_lock = threading.Lock()
        self._index_lock = threading.RLock()
        self._pipeline = Pipeline(self._writer, self.settings)
        self._cache: OrderedDict[tuple[str, ...], Brief] = OrderedDict()
        self._cache_size = brief_cache
        self._cache_lock = threading.Lock()

    # -- stores -------------------------------------------------------------------------------

    @property
    def reader(self) -> Store:
        """The store the current thread reads through."""
        if self._path is None:
            return self._writer
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = SqliteStore(self._path)
            self._local.store = store
            with self._readers_lock:
                self._readers.append(store)
        return store

    def close(self) -> None:
        """Close every connection this service opened (not a store object it was given)."""
        with self._readers_lock:
            for store in self._readers:
                store.close()
            self._readers.clear()
        if self._path is not None:
            self._writer.close()

    def warm(self) -> threading.Thread:
        """Load the cluster index in the background, so the first brief need not wait for it
        (with many stored articles that takes a while); briefs and ingests wait on its lock."""

        def load() -> None:
            with self._index_lock:
                try:
                    _ = self._pipeline.index
                except Exception:
                    log.exception("loading the cluster index failed; the first brief will retry")

        thread = threading.Thread(target=load, name="crossread-index", daemon=True)
        thread.start()
        return thread

    # -- briefs -------------------------------------------------------------------------------

    def _cached(self, key: tuple[str, ...]) -> Brief | None:
        with self._cache_lock:
            brief = self._cache.get(key)
            if brief is not None:
                self._cache.move_to_end(key)
            return brief

    def _remember(self, key: tuple[str, ...], brief: Brief) -> Brief:
        with self._cache_lock:
            self._cache[key] = brief
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return brief

    def brief(self, story_id: str) -> Brief:
        """The brief of a stored story (by id or alias).

        Raises:
            NotFoundError: no such story.
        """
        reader = self.reader
        story = reader.story(story_id)
        # The key holds the article ids, so a story that gained articles gets a fresh brief;
        # the articles themselves are only loaded (and decoded) on a miss.
        key = ("story", story.id, *story.articles)
        cached = self._cached(key)
        if cached is not None:
            return cached
        # A stored story's brief needs no cluster index, so it never waits for an ingest.
        brief = stored_brief(story.id, reader.story_articles(story.id), settings=self.settings)
        return self._remember(key, brief)

    def articles(self, article_ids: Sequence[str]) -> list[StoredArticle]:
        """Stored articles by id, in the order given, duplicates dropped.

        Raises:
            NotFoundError: one of the ids is unknown (the message names it).
        """
        reader = self.reader
        return [reader.article(i) for i in dict.fromkeys(article_ids)]

    def compare(self, article_ids: Sequence[str]) -> Brief:
        """A brief over an ad-hoc set of stored articles, side by side.

        ``same_story`` says whether the store put them all in one story.

        Raises:
            NotFoundError: one of the ids is unknown.
        """
        stored = self.articles(article_ids)
        if not stored:
            raise NotFoundError("no articles to compare")
        key = ("compare", *(s.article.id for s in stored))
        cached = self._cached(key)
        if cached is not None:
            return cached
        reader = self.reader
        stories = {reader.story(s.story).id for s in stored}
        ids = {s.article.id for s in stored}
        copies = {
            s.article.id: s.copy_of for s in stored if s.copy_of is not None and s.copy_of in ids
        }
        story_id = next(iter(stories)) if len(stories) == 1 else "compare"
        with self._index_lock:
            brief = build_brief(
                story_id,
                [s.article for s in stored],
                copies=copies,
                index=self._pipeline.index,
                same_story=len(stories) == 1,
            )
        return self._remember(key, brief)

    # -- ingest -------------------------------------------------------------------------------

    def ingest(
        self, uploads: Sequence[Upload], overrides: Overrides | None = None
    ) -> list[FileResult]:
        """Ingest uploads, one transaction each, through the same readers as the CLI.

        A failure in one upload (even an unexpected one) is reported against that upload; the
        others still go through.
        """
        results: list[FileResult] = []
        with self._ingest_lock, self._index_lock:
            for upload in uploads:
                try:
                    report = self._pipeline.ingest_bytes(upload.data, upload.name, overrides)
                except CrossreadError as exc:
                    report = IngestReport(failed=(Failure(source=upload.name, message=str(exc)),))
                except Exception as exc:
                    log.exception("ingest of %s failed", upload.name)
                    message = f"{upload.name}: internal error ({type(exc).__name__}: {exc})"
                    report = IngestReport(failed=(Failure(source=upload.name, message=message),))
                results.append(FileResult(name=upload.name, report=report))
        return results
