"""Watch RSS/Atom/RDF feeds: poll with conditional requests, back off on errors, read new pages.

The polling logic is plain and testable: ``FeedWatcher`` gets its fetch function, its ingest
callable, its clock and its sleep injected. Each round polls the feeds that are due; a feed URL
is fetched with ``If-None-Match``/``If-Modified-Since`` from the previous answer (a feed file is
re-read only when its modification time changed); each new entry's page is fetched through
``urls.fetch`` and read by ``read_html`` (when the page cannot be read or is no article, a
feed entry that carries a full text of its own stands in, with a warning); the documents go
to ``ingest`` in one batch per feed.
A failing feed is retried after ``interval * 2**failures`` seconds, at most ``max_backoff``.

With a ``state_path``, what the watcher remembers (validators, seen entry keys, retry counts,
failures) survives restarts: it is read at start and written after every poll, atomically (a
temporary file in the same folder, then a rename), so a crash never leaves half a file. Seen keys
are kept only for entries still in the feed, which bounds the file by the feeds' own size.
"""

from __future__ import annotations

import calendar
import contextlib
import dataclasses
import datetime as dt
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

from crossread.errors import FetchError, IngestError
from crossread.ingest.htmldates import normalize_date
from crossread.ingest.urls import FetchedPage
from crossread.models import RawDocument

log = logging.getLogger(__name__)

Fetch = Callable[..., FetchedPage]
"""``fetch(url, headers=...) -> FetchedPage``, as :func:`crossread.ingest.urls.fetch`."""
Ingest = Callable[[list[RawDocument]], Any]

MAX_ENTRY_ATTEMPTS = 3
STATE_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedEntry:
    """One feed item: its stable key (id, else link), link, title and publication date."""

    key: str
    link: str | None
    title: str | None
    published: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class FeedState:
    """What the watcher remembers about one feed between polls."""

    feed: str
    etag: str | None = None
    modified: str | None = None
    seen: frozenset[str] = frozenset()
    attempts: Mapping[str, int] = field(default_factory=dict)
    failures: int = 0
    next_poll: float = 0.0


@dataclass(frozen=True, slots=True, kw_only=True)
class PollResult:
    """What one poll of one feed did."""

    feed: str
    not_modified: bool = False
    entries: int = 0
    new: int = 0
    documents: tuple[RawDocument, ...] = ()
    errors: tuple[str, ...] = ()
    next_poll: float = 0.0
    outcome: Any = None
    """What ``ingest`` returned for this feed's documents (e.g. an ``IngestReport``)."""


def is_url(feed: str) -> bool:
    return feed.startswith(("http://", "https://"))


def parse_entries(data: bytes, *, source: str) -> tuple[FeedEntry, ...]:
    """The entries of a feed (RSS 0.9x/2.0, RSS 1.0/RDF, Atom), in feed order.

    Encodings follow the XML declaration, then the bytes (UTF-8, else Windows-1252/Latin-1).

    Raises:
        IngestError: the data is not a feed, or so malformed that no entry can be read.
    """
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries", [])
    if not entries and (parsed.get("bozo") or not parsed.get("version")):
        problem = str(parsed.get("bozo_exception") or "not an RSS, Atom or RDF feed")
        raise IngestError(f"{source}: {problem.splitlines()[0]}")
    language = parsed.get("feed", {}).get("language")
    found: list[FeedEntry] = []
    for entry in entries:
        link = entry.get("link") or None
        key = entry.get("id") or link or entry.get("title")
        if not key:
            continue
        found.append(
            FeedEntry(
                key=str(key),
                link=str(link) if link else None,
                title=" ".join(str(entry.get("title") or "").split()) or None,
                published=_entry_date(entry, language),
            )
        )
    return tuple(found)


def _entry_date(entry: Any, language: str | None) -> str | None:
    """The entry's date as ISO, keeping the feed's own UTC offset (so the local day stays)."""
    for key in ("published", "updated", "created"):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        try:
            return parsedate_to_datetime(raw).isoformat()
        except (TypeError, ValueError, IndexError):
            pass
        value = normalize_date(raw, language)
        if value:
            return value
        parsed = entry.get(f"{key}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).isoformat()
    return None


FULL_TEXT = 1000
"""A feed entry with at least this many characters of its own text can stand in for its page."""


def _feed_texts(data: bytes, feed: str) -> dict[str, RawDocument]:
    """Entries whose feed content is a full text, by link: the fallback for unreadable pages."""
    from crossread.ingest.feeds import read_feed

    try:
        docs = list(read_feed(data, source=feed))
    except IngestError:
        return {}
    return {d.url: d for d in docs if d.url and d.status == "ok" and len(d.text) >= FULL_TEXT}


def _with_warning(doc: RawDocument, reason: str) -> RawDocument:
    note = f"{reason}; the feed's own text of the entry is used"
    return dataclasses.replace(doc, warnings=(*doc.warnings, note))


def load_states(path: Path) -> dict[str, FeedState]:
    """The feed states saved at ``path``; empty when the file is missing or unreadable.

    An unreadable or foreign file is logged and ignored (the watcher then starts afresh and
    the store's deduplication absorbs re-read pages) rather than stopping the watcher.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeError, ValueError) as exc:
        log.warning("%s: watch state not readable, starting afresh (%s)", path, exc)
        return {}
    if not isinstance(raw, dict) or raw.get("version") != STATE_VERSION:
        log.warning("%s: not a crossread watch state file, starting afresh", path)
        return {}
    states: dict[str, FeedState] = {}
    for feed, item in (raw.get("feeds") or {}).items():
        if not isinstance(item, dict):
            continue
        attempts = item.get("attempts") or {}
        states[str(feed)] = FeedState(
            feed=str(feed),
            etag=_text_or_none(item.get("etag")),
            modified=_text_or_none(item.get("modified")),
            seen=frozenset(str(k) for k in item.get("seen") or ()),
            attempts={str(k): int(v) for k, v in attempts.items() if isinstance(v, int)},
            failures=int(item.get("failures") or 0),
        )
    return states


def _text_or_none(value: Any) -> str | None:
    return str(value) if isinstance(value, str) and value else None


def save_states(path: Path, states: Iterable[FeedState]) -> None:
    """Write the feed states to ``path`` atomically (temporary file, fsync, rename)."""
    feeds = {
        s.feed: {
            "etag": s.etag,
            "modified": s.modified,
            "seen": sorted(s.seen),
            "attempts": dict(sorted(s.attempts.items())),
            "failures": s.failures,
        }
        for s in states
    }
    payload = json.dumps({"version": STATE_VERSION, "feeds": feeds}, ensure_ascii=False, indent=1)
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


class FeedWatcher:
    """Polls feeds and hands each new entry's page to ``ingest``.

    Args:
        feeds: feed URLs or file paths.
        ingest: called with the new documents of one feed (e.g. ``Pipeline.ingest_documents``).
        fetch: fetch function (defaults to :func:`crossread.ingest.urls.fetch`).
        interval: seconds between polls of a healthy feed.
        max_backoff: longest wait after repeated errors, seconds.
        clock, sleep: time source and sleeper (tests pass fakes).
        state_path: JSON file that keeps the feeds' states across runs (see the module doc).
    """

    def __init__(
        self,
        feeds: Iterable[str],
        *,
        ingest: Ingest,
        fetch: Fetch | None = None,
        interval: float = 300.0,
        max_backoff: float = 3600.0,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        state_path: Path | None = None,
    ) -> None:
        self.feeds = tuple(feeds)
        self.ingest = ingest
        self.fetch = fetch
        self.interval = interval
        self.max_backoff = max_backoff
        self.clock = clock
        self.sleep = sleep
        self.state_path = state_path
        saved = load_states(state_path) if state_path is not None else {}
        self.states_: dict[str, FeedState] = {
            f: saved.get(f) or FeedState(feed=f) for f in self.feeds
        }
        self._saved_other = {k: v for k, v in saved.items() if k not in self.states_}
        """States of feeds not watched this run: written back untouched."""

    def _fetch(self) -> Fetch:
        if self.fetch is None:
            from crossread.ingest.urls import fetch

            return fetch
        return self.fetch

    def poll_due(self) -> Iterator[PollResult]:
        """Poll every feed whose time has come, yielding one result per feed polled."""
        now = self.clock()
        for feed in self.feeds:
            if self.states_[feed].next_poll <= now:
                yield self.poll(feed)

    def run(
        self,
        *,
        once: bool = False,
        rounds: int | None = None,
        on_result: Callable[[PollResult], None] | None = None,
    ) -> list[PollResult]:
        """Poll until stopped (Ctrl-C), once, or for ``rounds`` rounds; returns all results.

        ``on_result`` sees each feed's result as soon as it is polled.
        """
        results: list[PollResult] = []
        done = 0
        while True:
            for result in self.poll_due():
                results.append(result)
                if on_result is not None:
                    on_result(result)
            done += 1
            if once or (rounds is not None and done >= rounds):
                return results
            wake = min(state.next_poll for state in self.states_.values())
            self.sleep(max(0.0, wake - self.clock()))

    def save(self) -> None:
        """Write the feeds' states to ``state_path`` (when there is one).

        A state file that cannot be written is logged, not raised: the watcher keeps polling
        with its state in memory.
        """
        if self.state_path is None:
            return
        try:
            save_states(self.state_path, [*self._saved_other.values(), *self.states_.values()])
        except OSError as exc:
            log.warning("%s: watch state not saved (%s)", self.state_path, exc)

    def poll(self, feed: str) -> PollResult:
        """Poll one feed now: read it, read its new entries' pages, ingest them; save state."""
        result = self._poll(feed)
        self.save()
        return result

    def _poll(self, feed: str) -> PollResult:
        state = self.states_[feed]
        now = self.clock()
        # 1. the feed itself, conditionally
        try:
            data, etag, modified = self._read_feed(state)
        except (FetchError, IngestError, OSError) as exc:
            return self._failed(state, now, f"{feed}: {exc}" if feed not in str(exc) else str(exc))
        if data is None:
            state = dataclasses.replace(state, failures=0, next_poll=now + self.interval)
            self.states_[feed] = state
            return PollResult(feed=feed, not_modified=True, next_poll=state.next_poll)
        try:
            entries = parse_entries(data, source=feed)
        except IngestError as exc:
            return self._failed(state, now, str(exc))
        # 2. the pages of entries not seen before
        fresh = [e for e in entries if e.key not in state.seen]
        documents: list[RawDocument] = []
        errors: list[str] = []
        seen = set(state.seen)
        attempts = dict(state.attempts)
        texts = _feed_texts(data, feed) if fresh else {}
        for entry in fresh:
            fallback = texts.get(entry.link or "")
            try:
                doc = self._read_entry(entry, feed)
            except (FetchError, IngestError) as exc:
                attempts[entry.key] = attempts.get(entry.key, 0) + 1
                if attempts[entry.key] < MAX_ENTRY_ATTEMPTS:
                    errors.append(str(exc))
                    continue  # retried at the next poll
                if fallback is None:
                    errors.append(str(exc))
                else:
                    documents.append(_with_warning(fallback, f"page not read ({exc})"))
            else:
                if doc.status != "ok" and fallback is not None:
                    doc = _with_warning(fallback, f"page is not an article ({doc.status})")
                documents.append(doc)
            seen.add(entry.key)
            attempts.pop(entry.key, None)
        # 3. hand them on; remember only entries still in the feed
        current = {e.key for e in entries}
        outcome = self.ingest(documents) if documents else None
        state = dataclasses.replace(
            state,
            etag=etag,
            modified=modified,
            seen=frozenset(seen & current),
            attempts={k: n for k, n in attempts.items() if k in current},
            failures=0,
            next_poll=now + self.interval,
        )
        self.states_[feed] = state
        for error in errors:
            log.warning("%s", error)
        return PollResult(
            feed=feed,
            entries=len(entries),
            new=len(fresh),
            documents=tuple(documents),
            errors=tuple(errors),
            next_poll=state.next_poll,
            outcome=outcome,
        )

    def _failed(self, state: FeedState, now: float, error: str) -> PollResult:
        failures = state.failures + 1
        wait = min(self.interval * 2**failures, self.max_backoff)
        self.states_[state.feed] = dataclasses.replace(
            state, failures=failures, next_poll=now + wait
        )
        log.warning("%s (retry in %.0f s)", error, wait)
        return PollResult(feed=state.feed, errors=(error,), next_poll=now + wait)

    def _read_feed(self, state: FeedState) -> tuple[bytes | None, str | None, str | None]:
        """The feed's bytes, or ``None`` when unchanged since the last poll; plus validators."""
        if not is_url(state.feed):
            path = Path(state.feed)
            try:
                stamp = formatdate(path.stat().st_mtime, usegmt=True)
            except FileNotFoundError as exc:
                raise IngestError(f"{state.feed}: no such file") from exc
            if stamp == state.modified:
                return None, state.etag, state.modified
            return path.read_bytes(), None, stamp
        headers: dict[str, str] = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.modified:
            headers["If-Modified-Since"] = state.modified
        page = self._fetch()(state.feed, headers=headers)
        if page.status == 304:
            return None, state.etag, state.modified
        return (
            page.data,
            page.headers.get("etag") or None,
            page.headers.get("last-modified") or None,
        )

    def _read_entry(self, entry: FeedEntry, feed: str) -> RawDocument:
        from crossread.ingest.html import read_html

        if not entry.link or not is_url(entry.link):
            raise IngestError(f"{feed}: entry {entry.key!r} has no web link")
        page = self._fetch()(entry.link)
        doc = read_html(page.data, source=entry.link, url=page.final_url)
        changes: dict[str, Any] = {}
        if not doc.published and entry.published:
            changes["published"] = entry.published
        if not doc.title and entry.title:
            changes["title"] = entry.title
        return dataclasses.replace(doc, **changes) if changes else doc
