"""What the pipeline keeps between batches and runs, so that continuing a stream costs what the
new articles cost, not what the store already holds.

- Story mention tallies: recently touched ones in memory (:class:`StoryMentionCache`), all of
  them in the store (saved with every refresh), so a story's entities are relinked from its
  tally plus its new articles, never by reading its old articles back.
- The cluster index: its term document frequencies are saved with every batch, the counts a
  batch changed in a row of their own (:func:`save_index`); a new run restores them and
  replays only the articles the index would still hold in memory (the newest
  ``max_articles`` within ``quiet_days`` of the newest date), instead of every stored article
  (:func:`restore_index`).

Like ``pipeline.py``, whose state it keeps, this module is wiring: it joins the cluster and
extract stages with the store, so no stage has to import another.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import weakref
import zlib
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from crossread.cluster import StoryIndex
from crossread.extract.linking import MentionTally
from crossread.store.base import Store

log = logging.getLogger(__name__)

FREQUENCIES = "cluster.frequencies.v1"
"""State name of the index's document frequencies as of the last whole save: n_docs (8 bytes)
+ zlib(int32 counts)."""
CHANGES = FREQUENCIES + "+"
"""Prefix of the rows saved after it, one per batch, named by a zero-padded sequence number:
n_docs (8 bytes) + zlib(int32 ids of the counts that changed, then their int32 counts)."""
HEAD = FREQUENCIES + ".head"
"""State name of a token that changes with every save, so a saver notices when the rows are
not the ones it wrote last (another writer, a rolled-back transaction)."""
MAX_CHANGES = 1 << 17
"""Changed counts kept in change rows before the whole array is saved again (and they go)."""
MAX_ROWS = 1024
"""Change rows kept before the whole array is saved again (batches that change few counts)."""


@dataclass(slots=True, kw_only=True)
class _Saved:
    """What one index last saved to one store: its counts then, and the rows' bookkeeping."""

    store: Store
    counts: np.ndarray
    n_docs: int
    head: bytes
    rows: int
    changes: int


_SAVED: weakref.WeakKeyDictionary[StoryIndex, _Saved] = weakref.WeakKeyDictionary()


def save_index(store: Store, index: StoryIndex) -> None:
    """Save the index's term document frequencies (inside the batch's transaction).

    Only the counts that changed since this index's last save go into a new row (a batch of
    one article changes a few hundred of the million counts; compressing them all took 10 to
    40 ms); the whole array is saved again when the change rows hold :data:`MAX_CHANGES`
    counts or :data:`MAX_ROWS` rows, or when the rows are not those this index wrote last.
    Its record of the last save is updated only after both writes succeed.
    """
    df = index.frequencies_
    saved = _SAVED.get(index)
    if (
        saved is None
        or saved.store is not store
        or saved.counts.shape != df.counts_.shape
        or store.state(HEAD) != saved.head
    ):
        _save_whole(store, index)
        return
    changed = np.flatnonzero(df.counts_ != saved.counts)
    if changed.size == 0 and df.n_docs_ == saved.n_docs:
        return
    if saved.changes + changed.size > MAX_CHANGES or saved.rows >= MAX_ROWS:
        _save_whole(store, index)
        return
    values = df.counts_[changed]
    body = changed.astype(np.int32).tobytes() + values.astype(np.int32).tobytes()
    row = saved.rows + 1
    store.set_state(f"{CHANGES}{row:010d}", _n_docs_bytes(df.n_docs_) + zlib.compress(body, 1))
    head = _new_head(store)
    saved.rows = row
    saved.counts[changed] = values
    saved.n_docs = df.n_docs_
    saved.changes += int(changed.size)
    saved.head = head


def _save_whole(store: Store, index: StoryIndex) -> None:
    df = index.frequencies_
    store.set_state(FREQUENCIES, _n_docs_bytes(df.n_docs_) + zlib.compress(df.counts_.tobytes(), 1))
    store.delete_states(CHANGES)
    _SAVED[index] = _Saved(
        store=store,
        counts=df.counts_.copy(),
        n_docs=df.n_docs_,
        head=_new_head(store),
        rows=0,
        changes=0,
    )


def _n_docs_bytes(n_docs: int) -> bytes:
    return int(n_docs).to_bytes(8, "little")


def _new_head(store: Store) -> bytes:
    head = secrets.token_bytes(16)
    store.set_state(HEAD, head)
    return head


def restore_index(store: Store, index: StoryIndex) -> StoryIndex:
    """Fill a fresh ``index`` from the store.

    When the saved document frequencies count every stored article, only the articles the
    index would still hold in memory are replayed (weighted with the saved frequencies, which
    are restored before and after the replay). Otherwise (a store from before schema 4,
    another writer on the same database, a caller-given index that saved only its own
    articles, an unreadable blob) every stored article is replayed, as a fresh index would
    have seen them, and the next batch saves frequencies that are whole again.
    """
    # the head first: a save by another writer after this read makes the next save whole
    head = store.state(HEAD)
    saved = _saved_frequencies(store, index)
    if saved is None:
        for stored in store.iter_articles():
            index.add(stored.article, stored.story)
        return index
    _set_frequencies(index, saved)
    since: dt.date | None = None
    latest = store.newest_date()
    if index.quiet_days is not None and latest is not None:
        since = latest - dt.timedelta(days=index.quiet_days)
    for stored in store.iter_articles(newest=index.max_articles, since=since):
        index.add(stored.article, stored.story)
    _set_frequencies(index, saved)
    if head is not None:  # the next save adds to the rows just read
        _SAVED[index] = _Saved(
            store=store,
            counts=saved.counts.copy(),
            n_docs=saved.n_docs,
            head=head,
            rows=saved.rows,
            changes=saved.changes,
        )
    return index


@dataclass(frozen=True, slots=True, kw_only=True)
class _Frequencies:
    n_docs: int
    counts: np.ndarray
    rows: int
    """Change rows read after the whole array (the last one's sequence number)."""
    changes: int


def _set_frequencies(index: StoryIndex, saved: _Frequencies) -> None:
    index.frequencies_.n_docs_ = saved.n_docs
    index.frequencies_.counts_ = saved.counts.copy()


def _saved_frequencies(store: Store, index: StoryIndex) -> _Frequencies | None:
    """The saved counts with their change rows applied, or None when missing, unreadable, of
    another size, or not counting exactly the stored articles."""
    blob = store.state(FREQUENCIES)
    if blob is None or len(blob) < 8:
        return None
    rows = store.states(CHANGES)
    n_docs = int.from_bytes((rows[-1][1] if rows else blob)[:8], "little")
    stored = store.counts()["articles"]
    if n_docs != stored:
        log.info("saved cluster frequencies count %d of %d articles: replaying all", n_docs, stored)
        return None
    try:
        counts = np.frombuffer(zlib.decompress(blob[8:]), dtype=np.int32).copy()
        changes = 0
        for _name, row in rows:
            body = np.frombuffer(zlib.decompress(row[8:]), dtype=np.int32)
            ids, values = body[: body.size // 2], body[body.size // 2 :]
            counts[ids] = values
            changes += ids.size
    except (zlib.error, IndexError, ValueError) as exc:
        log.warning("saved cluster frequencies unreadable (%s): replaying all articles", exc)
        return None
    if counts.shape != index.frequencies_.counts_.shape:
        log.warning("saved cluster frequencies have another size: replaying all articles")
        return None
    last = int(rows[-1][0][len(CHANGES) :]) if rows else 0
    return _Frequencies(n_docs=n_docs, counts=counts, rows=last, changes=changes)


class StoryMentionCache:
    """The mention tallies of recently touched stories, so refreshing a story's entities after
    a batch counts only what the batch added (the earlier articles are neither read back nor
    linked again).

    Bounded: least recently touched stories are dropped once their tallies hold more than
    ``limit`` (form, text) pairs in all, so memory stays flat on an endless stream. A dropped
    story's tally is loaded from the store (every refresh saves it there) when the story
    grows again, so its articles are never read back; only a stale saved tally (after a
    merge) is rebuilt from the articles. A pair takes ~0.7 KB and stream articles add ~13
    new pairs each, so the default holds about 9,000 articles' worth of stories in ~85 MB.
    A tally's size is taken when it is put: put a tally back after adding to it.
    """

    def __init__(self, limit: int = 120_000) -> None:
        self.limit = limit
        self._stories: OrderedDict[str, MentionTally] = OrderedDict()
        self._sizes: dict[str, int] = {}
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def get(self, story_id: str) -> MentionTally | None:
        tally = self._stories.get(story_id)
        if tally is not None:
            self._stories.move_to_end(story_id)
        return tally

    def put(self, story_id: str, tally: MentionTally) -> None:
        self.drop(story_id)
        self._stories[story_id] = tally
        self._sizes[story_id] = len(tally)
        self._size += len(tally)
        while self._size > self.limit and len(self._stories) > 1:
            old, _ = self._stories.popitem(last=False)
            self._size -= self._sizes.pop(old)

    def drop(self, story_id: str) -> None:
        if self._stories.pop(story_id, None) is not None:
            self._size -= self._sizes.pop(story_id)

    def clear(self) -> None:
        self._stories.clear()
        self._sizes.clear()
        self._size = 0
