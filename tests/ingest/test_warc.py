"""read_warc on archives written by the test (plain, gzip'd, truncated, corrupt) and real ones."""

from __future__ import annotations

import gzip
import io
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crossread.errors import IngestError
from crossread.ingest.warc import read_warc

HTML = Path(__file__).resolve().parent.parent / "data" / "html"


def _warc(records: list[tuple[str, str, bytes]], *, gz: bool) -> bytes:
    """A WARC with one response record per (uri, content type, body), plus a request record."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for uri, content_type, body in records:
        request = writer.create_warc_record(
            uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(request)
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(body),
            http_headers=http,
            warc_headers_dict={"WARC-Date": "2021-06-01T12:00:00Z"},
        )
        writer.write_record(record)
    return out.getvalue()


ARTICLE = (HTML / "article_jsonld.html").read_bytes()
NO_DATE = (HTML / "index_page.html").read_bytes().replace(b"website", b"article")
RECORDS = [
    ("https://courier.example/news/bridge", "text/html; charset=utf-8", ARTICLE),
    ("https://courier.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),
    ("https://courier.example/world", "text/html", NO_DATE),
]


@pytest.mark.parametrize("gz", [False, True])
def test_html_responses_become_documents(gz: bool) -> None:
    docs = list(read_warc(io.BytesIO(_warc(RECORDS, gz=gz)), name="crawl.warc"))
    assert [d.url for d in docs] == [RECORDS[0][0], RECORDS[2][0]]
    first, second = docs
    assert first.fmt == "warc" and first.source == "crawl.warc#2"
    assert first.title == "Harbour bridge reopens after storm repairs"
    assert first.published is not None and first.published.startswith("2023-03-07")
    assert first.warnings == ()
    # no date in the page: the crawl date stands in, and says so
    assert second.published == "2021-06-01"
    assert any("crawl date" in w for w in second.warnings)


def test_reads_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_warc(RECORDS[:1], gz=True))
    assert [d.title for d in read_warc(path, name=str(path))] == [
        "Harbour bridge reopens after storm repairs"
    ]


def test_truncated_record_recovers_with_warning(caplog: pytest.LogCaptureFixture) -> None:
    data = _warc(RECORDS[:1], gz=False)
    cut = data[: data.index(b"Local businesses")]
    with caplog.at_level(logging.WARNING):
        docs = list(read_warc(io.BytesIO(cut), name="cut.warc"))
    assert len(docs) == 1
    assert "twenty thousand cars" in docs[0].text
    assert any("truncated" in w for w in docs[0].warnings)
    assert "truncated" in caplog.text


def test_corrupt_gzip_tail_keeps_earlier_records(caplog: pytest.LogCaptureFixture) -> None:
    broken = _warc(RECORDS[:1], gz=True) + b"\x1f\x8b\x08\x00garbage" + b"\xff" * 200
    with caplog.at_level(logging.WARNING):
        docs = list(read_warc(io.BytesIO(broken), name="broken.warc.gz"))
    assert [d.url for d in docs] == [RECORDS[0][0]]


def test_not_a_warc() -> None:
    with pytest.raises(IngestError, match=r"^notes\.warc: "):
        list(read_warc(io.BytesIO(b"just some text\n" * 20), name="notes.warc"))
    with pytest.raises(IngestError, match=r"^notes\.warc\.gz: "):
        list(read_warc(io.BytesIO(gzip.compress(b"plain text, no records")), name="notes.warc.gz"))


@pytest.mark.data
def test_real_warc_files(shared_data: Callable[[str], Path]) -> None:
    folder = shared_data("realworld") / "realworld" / "warc_resiliparse"
    clipped = list(read_warc(folder / "clipped_ccnews_record.warc.gz", name="clipped"))
    assert len(clipped) == 1
    news = clipped[0]
    assert news.status == "ok"
    assert news.url is not None and "houstonpress.com" in news.url
    assert news.published is not None and news.published.startswith("2016-10-1")
    assert news.title and "Chance The Rapper" in news.title
    assert len(news.text) > 1000
    assert any("truncated" in w for w in news.warnings)
    sample = list(read_warc(folder / "warcfile_ccmain_sample.warc.gz", name="sample"))
    assert len(sample) >= 10
    assert all(d.url for d in sample)
