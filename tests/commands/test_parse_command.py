"""crossread parse through click's CliRunner: JSON Lines, manifests, gzip, bad inputs."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.commands.parse import parse_command

HTML = Path(__file__).resolve().parent.parent / "data" / "html"
FIELDS = {"path", "url", "title", "outlet", "byline", "published", "language", "text"}
FIELDS |= {"removed", "status"}


def run(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(parse_command, [*args, "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, rows, result.stderr


def test_one_json_object_per_article() -> None:
    code, rows, _ = run(str(HTML / "article_jsonld.html"))
    assert code == 0 and len(rows) == 1
    row = rows[0]
    assert set(row) >= FIELDS
    assert row["status"] == "ok"
    assert row["title"] == "Harbour bridge reopens after storm repairs"
    assert row["published"].startswith("2023-03-07")
    assert row["outlet"] == "The Northfield Courier"
    assert "twenty thousand cars" in row["text"]


def test_statuses_come_from_the_reader() -> None:
    code, rows, _ = run(str(HTML / "paywall.html"), str(HTML / "cookie_shell.html"))
    assert code == 0
    assert [r["status"] for r in rows] == ["paywall", "no_article"]


def test_url_option_gives_dates_and_outlet() -> None:
    url = "https://www.reuters.com/world/2021/05/04/rail-strike-called-off/"
    code, rows, _ = run(str(HTML / "meta_only.html"), "--url", url)
    assert code == 0
    assert rows[0]["url"] == url
    assert rows[0]["published"] == "2021-05-04"
    assert rows[0]["outlet"] == "Reuters"


def test_manifest_with_gzip_input(tmp_path: Path) -> None:
    page = tmp_path / "page.html.gz"
    page.write_bytes(gzip.compress((HTML / "meta_only.html").read_bytes()))
    manifest = tmp_path / "inputs.jsonl"
    lines = [
        {"path": "page.html.gz", "url": "https://valley.example/2020/02/29/strike"},
        {"path": str(HTML / "article_jsonld.html")},
    ]
    manifest.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    code, rows, _ = run("--manifest", str(manifest))
    assert code == 0
    assert [r["published"][:10] for r in rows] == ["2020-02-29", "2023-03-07"]
    assert rows[0]["path"] == str(page)


def test_bad_inputs_are_named_and_the_rest_continue(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    good = tmp_path / "good.html"
    shutil.copy(HTML / "article_jsonld.html", good)
    code, rows, stderr = run(str(empty), str(good), str(binary), str(tmp_path / "missing.html"))
    assert code == 1
    assert [r["path"] for r in rows] == [str(good)]
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert all(name in stderr for name in ("empty.html", "photo.html", "missing.html"))


def test_url_needs_one_path() -> None:
    result = CliRunner().invoke(parse_command, ["a.html", "b.html", "--url", "https://x.example/"])
    assert result.exit_code == 2


def test_real_warc_and_fundus_page(shared_data: Callable[[str], Path]) -> None:
    root = shared_data("realworld") / "realworld"
    warc = root / "warc_resiliparse" / "clipped_ccnews_record.warc.gz"
    page = next((root / "fundus" / "test_data").rglob("*.html.gz"))
    code, rows, _ = run(str(warc), str(page))
    assert code == 0
    assert rows[0]["url"].startswith("http://www.houstonpress.com/")
    assert rows[0]["status"] == "ok" and rows[0]["published"].startswith("2016-10-1")
    assert any("truncated" in w for w in rows[0]["warnings"])
    assert rows[1]["path"] == str(page) and rows[1]["title"]


def test_url_option_on_a_warc_streams_and_keeps_record_urls(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for number in (1, 2):
        page = (HTML / "article_jsonld.html").read_bytes()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.0")
        record = writer.create_warc_record(
            f"https://news.example/2023/03/0{number}/story",
            "response",
            payload=io.BytesIO(page),
            http_headers=headers,
        )
        writer.write_record(record)
    archive = tmp_path / "crawl.bin"  # no telling name: recognised by its first bytes
    archive.write_bytes(out.getvalue())
    original = Path.read_bytes

    def refuse_whole_archive(self: Path) -> bytes:
        assert self != archive, "the archive was loaded whole"
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_whole_archive)
    code, rows, err = run(str(archive), "--url", "https://news.example/")
    assert code == 0, err
    assert [row["url"] for row in rows] == [
        "https://news.example/2023/03/01/story",
        "https://news.example/2023/03/02/story",
    ]
