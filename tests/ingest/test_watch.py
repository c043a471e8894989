"""Feed watching: entries, encodings, conditional polls, backoff, and real feeds when present."""

from __future__ import annotations

import datetime as dt
import json
import re
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from crossread.errors import FetchError
from crossread.ingest.urls import FetchedPage, fetch
from crossread.ingest.watch import (
    FeedState,
    FeedWatcher,
    load_states,
    parse_entries,
    save_states,
)
from crossread.models import RawDocument

DATA = Path(__file__).resolve().parent.parent / "data" / "html"
FEEDS = DATA / "feeds"
ARTICLE = (DATA / "article_jsonld.html").read_bytes()


@pytest.mark.parametrize("name", ["latin1_declared.rss", "latin1_undeclared.rss"])
def test_latin1_feeds_with_and_without_declaration(name: str) -> None:
    entries = parse_entries((FEEDS / name).read_bytes(), source=name)
    assert [e.title for e in entries] == [
        "Câmara aprova orçamento para saúde",
        "Chuva forte atinge o litoral",
    ]
    assert entries[0].link == "http://news.example/2021/03/02/orcamento"
    # the feed's own offset is kept, so the local day is the day the feed says
    assert entries[1].published == "2021-03-01T18:40:00-03:00"


def test_atom_entry_prefers_published_over_updated() -> None:
    (entry,) = parse_entries((FEEDS / "wire.atom").read_bytes(), source="wire.atom")
    assert entry.key == "urn:example:wire:1"
    assert entry.published is not None and entry.published.startswith("2022-08-16")


class FakeWeb:
    """A fake fetch: a feed whose items can change, pages by URL, and a request log."""

    def __init__(self, feed: bytes) -> None:
        self.feed = feed
        self.etag = '"1"'
        self.feed_down = False
        self.broken_pages: set[str] = set()
        self.pages: dict[str, bytes] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []

    def __call__(self, url: str, headers: dict[str, str] | None = None) -> FetchedPage:
        headers = dict(headers or {})
        self.requests.append((url, headers))
        if url.endswith(".rss"):
            if self.feed_down:
                raise FetchError(f"{url}: HTTP 503 from {url}")
            if headers.get("If-None-Match") == self.etag:
                return FetchedPage(url=url, final_url=url, status=304, content_type=None, data=b"")
            return FetchedPage(
                url=url,
                final_url=url,
                status=200,
                content_type="application/rss+xml",
                data=self.feed,
                headers={"etag": self.etag},
            )
        if url in self.broken_pages:
            raise FetchError(f"{url}: timed out (ReadTimeout)")
        return FetchedPage(
            url=url,
            final_url=url,
            status=200,
            content_type="text/html",
            data=self.pages.get(url, ARTICLE),
        )


def _watcher(web: FakeWeb, got: list[RawDocument], clock: list[float]) -> FeedWatcher:
    return FeedWatcher(
        ["http://news.example/feed.rss"],
        ingest=got.extend,
        fetch=web,
        interval=60,
        max_backoff=600,
        clock=lambda: clock[0],
        sleep=lambda seconds: clock.__setitem__(0, clock[0] + seconds),
    )


def test_conditional_polls_and_only_new_entries() -> None:
    feed = (FEEDS / "latin1_declared.rss").read_bytes()
    web, got, clock = FakeWeb(feed), [], [1000.0]
    watcher = _watcher(web, got, clock)
    (first,) = watcher.run(once=True)
    assert (first.entries, first.new, len(got)) == (2, 2, 2)
    assert got[0].url == "http://news.example/2021/03/02/orcamento"
    # unchanged feed: a conditional request, answered 304, nothing fetched or ingested
    clock[0] += 60
    (second,) = watcher.run(once=True)
    assert second.not_modified and len(got) == 2
    assert web.requests[-1] == ("http://news.example/feed.rss", {"If-None-Match": '"1"'})
    # a new item appears: only its page is fetched
    web.feed = feed.replace(b"chuva</link>", b"chuva</link>").replace(
        b"</channel>",
        b"<item><title>Novo</title><link>http://news.example/novo</link></item></channel>",
    )
    web.etag = '"2"'
    clock[0] += 60
    before = len(web.requests)
    (third,) = watcher.run(once=True)
    assert (third.entries, third.new) == (3, 1)
    assert [url for url, _ in web.requests[before:]] == [
        "http://news.example/feed.rss",
        "http://news.example/novo",
    ]


def test_backoff_doubles_on_errors_and_resets() -> None:
    web, got, clock = FakeWeb((FEEDS / "wire.atom").read_bytes()), [], [0.0]
    watcher = _watcher(web, got, clock)
    web.feed_down = True
    waits = []
    for _ in range(5):
        (result,) = watcher.run(once=True)
        assert result.errors
        waits.append(result.next_poll - clock[0])
        clock[0] = result.next_poll
    assert waits == [120, 240, 480, 600, 600]
    web.feed_down = False
    (result,) = watcher.run(once=True)
    assert not result.errors and result.next_poll - clock[0] == 60


def test_run_sleeps_until_the_next_poll() -> None:
    web, got, clock = FakeWeb((FEEDS / "wire.atom").read_bytes()), [], [0.0]
    results = _watcher(web, got, clock).run(rounds=3)
    assert clock[0] == 120
    assert [r.not_modified for r in results] == [False, True, True]


def test_failing_page_is_retried_then_given_up() -> None:
    web, got, clock = FakeWeb((FEEDS / "wire.atom").read_bytes()), [], [0.0]
    web.broken_pages.add("http://news.example/library")
    watcher = _watcher(web, got, clock)
    news = []
    for _ in range(4):
        web.etag = f'"{clock[0]}"'  # the feed changes each time, so it is re-read
        (result,) = watcher.run(once=True)
        news.append(result.new)
        clock[0] += 60
    assert news == [1, 1, 1, 0]  # three attempts, then the entry counts as seen
    assert got == []


def test_feed_file_is_reread_only_when_changed(tmp_path: Path) -> None:
    feed = tmp_path / "wire.atom"
    feed.write_bytes((FEEDS / "wire.atom").read_bytes())
    web, got, clock = FakeWeb(b""), [], [0.0]
    watcher = FeedWatcher([str(feed)], ingest=got.extend, fetch=web, clock=lambda: clock[0])
    (first,) = watcher.run(once=True)
    clock[0] += 1000
    (second,) = watcher.run(once=True)
    assert first.new == 1 and second.not_modified and len(got) == 1


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/feed.atom":
            body = (
                (FEEDS / "wire.atom")
                .read_bytes()
                .replace(
                    b"http://news.example",
                    self.server.base.encode(),  # type: ignore[attr-defined]
                )
            )
            if self.headers.get("If-None-Match") == '"w1"':
                self.send_response(304)
                self.end_headers()
                return
            ctype, extra = "application/atom+xml", [("ETag", '"w1"')]
        elif self.path == "/library":
            body, ctype, extra = ARTICLE, "text/html; charset=utf-8", []
        else:
            body, ctype, extra = b"missing", "text/plain", []
        self.send_response(200 if body != b"missing" else 404)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in extra:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.base = base  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield base
    httpd.shutdown()
    httpd.server_close()


def test_watch_a_local_site(site: str) -> None:
    got: list[RawDocument] = []

    def local(url: str, headers: dict[str, str] | None = None) -> FetchedPage:
        return fetch(url, headers=headers, allow_private=True, timeout=5)

    watcher = FeedWatcher([f"{site}/feed.atom"], ingest=got.extend, fetch=local, interval=1)
    first, second = watcher.run(rounds=2)
    assert first.new == 1 and second.not_modified
    assert [d.title for d in got] == ["Harbour bridge reopens after storm repairs"]
    assert got[0].url == f"{site}/library"


def test_private_feed_refused_without_permission(site: str) -> None:
    watcher = FeedWatcher([f"{site}/feed.atom"], ingest=list, fetch=fetch, clock=lambda: 0.0)
    (result,) = watcher.run(once=True)
    assert result.errors and "non-public" in result.errors[0]


def _expected(path: Path) -> list[dict]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # encoding.json is itself Latin-1
    return json.loads(text)["feed"]["items"]


def _same_title(ours: str | None, theirs: str) -> bool:
    # rss-parser read the undeclared Latin-1 feed as UTF-8 and left U+FFFD where letters were
    theirs = " ".join(theirs.split())
    if "\ufffd" not in theirs:
        return ours == theirs
    pattern = ".".join(re.escape(part) for part in theirs.split("\ufffd"))
    return bool(ours and re.fullmatch(pattern, ours))


def test_real_feeds_match_the_expected_items(shared_data: Callable[[str], Path]) -> None:
    root = shared_data("realworld") / "realworld" / "feeds_rss_parser"
    checked = 0
    for feed in sorted((root / "input").iterdir()):
        expected = _expected(root / "expected_output" / f"{feed.stem}.json")
        entries = parse_entries(feed.read_bytes(), source=feed.name)
        assert len(entries) == len(expected), feed.name
        for ours, theirs in zip(entries, expected, strict=True):
            assert ours.link == theirs["link"].strip(), feed.name
            assert _same_title(ours.title, theirs["title"]), (feed.name, ours.title)
            if theirs.get("isoDate"):
                when = dt.datetime.fromisoformat(theirs["isoDate"].replace("Z", "+00:00"))
                assert ours.published is not None
                assert dt.datetime.fromisoformat(ours.published) == when, feed.name
            checked += 1
    assert checked == 209


def _full_text_feed() -> bytes:
    body = (
        "<p>" + "The river rose two metres overnight and the old bridge was closed. " * 20 + "</p>"
    )
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Valley Post</title><link>http://news.example/</link>
<item><title>River closes bridge</title><link>http://news.example/river</link>
<pubDate>Tue, 02 Mar 2021 09:15:00 +0000</pubDate>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
</channel></rss>""".encode()


def test_feed_text_stands_in_for_a_bot_wall() -> None:
    web, got, clock = FakeWeb(_full_text_feed()), [], [0.0]
    wall = (DATA / "bot_wall.html").read_bytes()
    web.pages = {"http://news.example/river": wall}
    watcher = _watcher(web, got, clock)
    (result,) = watcher.run(once=True)
    assert result.new == 1 and not result.errors
    (doc,) = got
    assert doc.status == "ok" and doc.title == "River closes bridge"
    assert "old bridge was closed" in doc.text
    assert any("not an article (no_article)" in w and "feed's own text" in w for w in doc.warnings)


def test_feed_text_stands_in_after_the_last_failed_attempt() -> None:
    web, got, clock = FakeWeb(_full_text_feed()), [], [0.0]
    web.broken_pages.add("http://news.example/river")
    watcher = _watcher(web, got, clock)
    for _ in range(3):
        web.etag = f'"{clock[0]}"'
        watcher.run(once=True)
        clock[0] += 60
    (doc,) = got
    assert any("page not read" in w for w in doc.warnings)


# watch state across restarts: validators, seen entries and retry counts survive in a file

FEED_URL = "http://news.example/feed.rss"


def _restarted(web: FakeWeb, got: list[RawDocument], state: Path) -> FeedWatcher:
    return FeedWatcher([FEED_URL], ingest=got.extend, fetch=web, interval=60, state_path=state)


def test_restarted_watcher_sends_validators_and_skips_seen_entries(tmp_path: Path) -> None:
    state = tmp_path / "db.watch.json"
    web, got = FakeWeb((FEEDS / "latin1_declared.rss").read_bytes()), []
    (first,) = _restarted(web, got, state).run(once=True)
    assert first.new == 2 and len(got) == 2
    # a new process: the conditional request carries the saved ETag, the server answers 304
    (second,) = _restarted(web, got, state).run(once=True)
    assert second.not_modified
    assert web.requests[-1] == (FEED_URL, {"If-None-Match": '"1"'})
    # the feed changed but its entries did not: nothing is fetched again
    web.etag = '"2"'
    before = len(web.requests)
    (third,) = _restarted(web, got, state).run(once=True)
    assert (third.entries, third.new, len(got)) == (2, 0, 2)
    assert [url for url, _ in web.requests[before:]] == [FEED_URL]


def test_retry_counts_survive_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "w.json"
    web, got = FakeWeb((FEEDS / "wire.atom").read_bytes()), []
    web.broken_pages.add("http://news.example/library")
    news = []
    for run in range(4):
        web.etag = f'"{run}"'
        (result,) = _restarted(web, got, state).run(once=True)
        news.append(result.new)
    assert news == [1, 1, 1, 0]  # three attempts over three processes, then given up


def test_state_file_is_written_atomically_and_keeps_other_feeds(tmp_path: Path) -> None:
    state = tmp_path / "w.json"
    save_states(
        state, [FeedState(feed="http://other.example/feed", etag='"x"', seen=frozenset("a"))]
    )
    web, got = FakeWeb((FEEDS / "wire.atom").read_bytes()), []
    _restarted(web, got, state).run(once=True)
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert set(saved["feeds"]) == {"http://other.example/feed", FEED_URL}
    assert saved["feeds"][FEED_URL]["etag"] == '"1"'
    assert [p.name for p in tmp_path.iterdir()] == ["w.json"]  # no temporary file left


def test_seen_keys_are_kept_only_for_entries_still_in_the_feed(tmp_path: Path) -> None:
    state = tmp_path / "w.json"
    feed = (FEEDS / "latin1_declared.rss").read_bytes()
    web, got = FakeWeb(feed), []
    _restarted(web, got, state).run(once=True)
    assert len(load_states(state)[FEED_URL].seen) == 2
    start, end = feed.index(b"<item>"), feed.index(b"</item>") + len(b"</item>")
    web.feed, web.etag = feed[:start] + feed[end:], '"2"'
    _restarted(web, got, state).run(once=True)
    assert len(load_states(state)[FEED_URL].seen) == 1


@pytest.mark.parametrize("content", ["{not json", '{"version": 99, "feeds": {}}', "[]"])
def test_unreadable_state_starts_afresh(tmp_path: Path, content: str) -> None:
    state = tmp_path / "w.json"
    state.write_text(content, encoding="utf-8")
    assert load_states(state) == {}
    web, got = FakeWeb((FEEDS / "wire.atom").read_bytes()), []
    (result,) = _restarted(web, got, state).run(once=True)
    assert result.new == 1 and json.loads(state.read_text(encoding="utf-8"))["version"] == 1


def test_unwritable_state_is_logged_and_polling_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    state = tmp_path / "missing-folder" / "w.json"
    web, got = FakeWeb((FEEDS / "wire.atom").read_bytes()), []
    with caplog.at_level("WARNING"):
        (result,) = _restarted(web, got, state).run(once=True)
    assert result.new == 1 and len(got) == 1
    assert "watch state not saved" in caplog.text
