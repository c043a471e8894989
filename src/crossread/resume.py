"""What the pipeline keeps between batches and runs, so that continuing a stream costs what the
new articles cost, not what the store already holds.

- Story mention tallies: recently touched ones in memory (:class:`StoryMentionCache`), all of
  them in the store (saved with every refresh), so a story's entities are relinked from its
  tally plus its new articles, never by reading its old articles back.
- The cluster index: its term document frequencies are saved with every batch
  (:func:`save_index`); a new run restores them and replays only the articles the index would
  still hold in memory (the newest ``max_articles`` within ``quiet_days`` of the newest
  date), instead of every stored article (:func:`restore_index`).
"""

from __future__ import annotations

import datetime as dt
import logging
import zlib
from collections import OrderedDict

import numpy as np

from crossread.cluster import StoryIndex
from crossread.extract.linking import MentionTally
from crossread.store.base import Store

log = logging.getLogger(__name__)

FREQUENCIES = "cluster.frequencies.v1"
"""State name of the index's document frequencies: n_docs (8 bytes) + zlib(int32 counts)."""


def save_index(store: Store, index: StoryIndex) -> None:
    """Save the index's term document frequencies (inside the batch's transaction)."""
    df = index.frequencies_
    blob = int(df.n_docs_).to_bytes(8, "little") + zlib.compress(df.counts_.tobytes(), 1)
    store.set_state(FREQUENCIES, blob)


def restore_index(store: Store, index: StoryIndex) -> StoryIndex:
    """Fill a fresh ``index`` from the store.

    When the saved document frequencies count every stored article, only the articles the
    index would still hold in memory are replayed (weighted with the saved frequencies, which
    are restored before and after the replay). Otherwise (a store from before schema 4,
    another writer on the same database, a caller-given index that saved only its own
    articles, an unreadable blob) every stored article is replayed, as a fresh index would
    have seen them, and the next batch saves frequencies that are whole again.
    """
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
    return index


def _set_frequencies(index: StoryIndex, saved: tuple[int, np.ndarray]) -> None:
    index.frequencies_.n_docs_ = saved[0]
    index.frequencies_.counts_ = saved[1].copy()


def _saved_frequencies(store: Store, index: StoryIndex) -> tuple[int, np.ndarray] | None:
    """The saved (n_docs, counts), or None when missing, unreadable, of another size, or not
    counting exactly the stored articles."""
    blob = store.state(FREQUENCIES)
    if blob is None or len(blob) < 8:
        return None
    n_docs = int.from_bytes(blob[:8], "little")
    stored = store.counts()["articles"]
    if n_docs != stored:
        log.info("saved cluster frequencies count %d of %d articles: replaying all", n_docs, stored)
        return None
    try:
        counts = np.frombuffer(zlib.decompress(blob[8:]), dtype=np.int32)
    except zlib.error as exc:
        log.warning("saved cluster frequencies unreadable (%s): replaying all articles", exc)
        return None
    if counts.shape != index.frequencies_.counts_.shape:
        log.warning("saved cluster frequencies have another size: replaying all articles")
        return None
    return n_docs, counts


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
