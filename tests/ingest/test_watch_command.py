"""crossread watch --once against feed files and a local site, into a temporary database."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.commands.watch import watch_command

DATA = Path(__file__).resolve().parent.parent / "data" / "html"
PAGES = {
    "/2021/03/02/orcamento": (DATA / "article_jsonld.html").read_bytes(),
    "/2021/03/01/chuva": (DATA / "cookie_shell.html").read_bytes(),
}


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        body = PAGES.get(self.path)
        self.send_response(200 if body else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")


@pytest.fixture
def feed(tmp_path: Path) -> Iterator[Path]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    path = tmp_path / "feed.rss"
    data = (DATA / "feeds" / "latin1_undeclared.rss").read_bytes()
    path.write_bytes(data.replace(b"http://news.example", base.encode()))
    yield path
    httpd.shutdown()
    httpd.server_close()


def test_watch_once_ingests_new_pages(feed: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    args = [str(feed), "--once", "--db", str(db), "--allow-private"]
    result = CliRunner().invoke(watch_command, args)
    assert result.exit_code == 0, result.output
    assert "2 entries, 2 new, 1 ingested" in result.stdout
    assert "1 not articles" in result.stdout  # the cookie shell is not stored as an article
    assert db.is_file() and Path(f"{db}.watch.json").is_file()
    # a restarted watcher remembers: the unchanged feed file is not re-read
    again = CliRunner().invoke(watch_command, args)
    assert f"{feed}: not modified" in again.stdout
    # the file changes but not its entries: no page is fetched again
    os.utime(feed, (feed.stat().st_atime, feed.stat().st_mtime + 10))
    changed = CliRunner().invoke(watch_command, args)
    assert "2 entries, 0 new" in changed.stdout
    # another state file knows nothing: pages are re-read and the store deduplicates
    fresh = CliRunner().invoke(watch_command, [*args, "--state", str(tmp_path / "other.json")])
    assert "1 duplicates" in fresh.stdout


def test_watch_refuses_private_pages_by_default(feed: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(watch_command, [str(feed), "--once", "--db", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "2 pages not fetched" in result.stdout


def test_missing_feed_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.rss"
    result = CliRunner().invoke(
        watch_command, [str(missing), "--once", "--db", str(tmp_path / "d")]
    )
    assert result.exit_code == 1
    assert "nope.rss: no such file" in result.stderr
