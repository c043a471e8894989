"""Folder expansion and format detection."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from crossread.ingest import iter_inputs
from crossread.ingest.detect import sniff


def test_folders_expand_sorted_supported_and_visible_only(tmp_path: Path) -> None:
    for name in ["b.txt", "a.json", "c.html", "notes.md", "img.png", ".hidden.txt", "d.rss"]:
        (tmp_path / name).write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "e.jsonl").write_text("x")
    (tmp_path / "sub" / "f.html.gz").write_bytes(gzip.compress(b"x"))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "g.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_inputs([tmp_path])]
    assert found == ["a.json", "b.txt", "c.html", "d.rss", "sub/e.jsonl", "sub/f.html.gz"]


def test_explicit_files_are_always_tried(tmp_path: Path) -> None:
    odd = tmp_path / "notes.md"
    odd.write_text("x")
    missing = tmp_path / "missing.txt"
    assert list(iter_inputs([odd, missing])) == [odd, missing]


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"<!DOCTYPE html><html><body>x</body></html>", "a.txt", "html"),
        (b"  <html lang='en'><p>x</p></html>", "", "html"),
        (b"<!-- saved page --><article><p>x</p></article>", "a", "html"),
        (b'<?xml version="1.0"?><rss version="2.0"></rss>', "a.html", "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "", "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', "", "feed"),
        (b'{"title": "a", "text": "b"}', "a.txt", "json"),
        (b'[{"text": "b"}]', "", "json"),
        (b'{"text": "a"}\n{"text": "b"}\n', "a.json", "jsonl"),
        (b'{"text": "a"}\n{"text": "b"}\n', "", "jsonl"),
        (b"[Photo] Crowds gather in the square\n\nBody text.", "a.txt", "text"),
        (b"{broken", "a.json", "json"),
        (b"Plain title\n\nPlain body.", "", "text"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "", "warc"),
    ],
)
def test_sniff(data: bytes, name: str, expected: str) -> None:
    assert sniff(data, name) == expected


def _gzip_warc(page: bytes) -> bytes:
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://riverside.example/lanes", "response", payload=io.BytesIO(page), http_headers=http
    )
    writer.write_record(record)
    return out.getvalue()


def test_warc_data_goes_to_the_warc_reader(fixtures_dir: Path) -> None:
    pytest.importorskip("crossread.ingest.warc", reason="WARC reader (issue 7) not present")
    from crossread.ingest import read_bytes

    data = _gzip_warc((fixtures_dir / "ingest" / "page.html").read_bytes())
    # A corrupt gzip member after the first record: gunzipping the whole input would fail,
    # but the WARC reader gets the bytes as they are and recovers the first record.
    broken = data + b"\x1f\x8b\x08\x00garbage" + b"\xff" * 100
    for name in ("crawl.warc.gz", "upload"):
        [doc] = read_bytes(broken, name)
        assert doc.fmt == "warc"
        assert doc.url == "https://riverside.example/lanes"
        assert "protected cycle lanes" in doc.text


def test_warc_path_is_streamed(fixtures_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("crossread.ingest.warc", reason="WARC reader (issue 7) not present")
    from crossread.ingest import read

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_gzip_warc((fixtures_dir / "ingest" / "page.html").read_bytes()))
    [doc] = read(path)
    assert doc.source.startswith(str(path))


def test_decode_honours_a_declared_charset_only_when_allowed() -> None:
    from crossread.errors import IngestError
    from crossread.ingest.detect import decode

    page = '<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Café</title></rss>'
    data = page.encode("latin-1")
    decoded = decode(data, "f.xml", allow_declared=True)
    assert decoded.text == page and decoded.encoding == "iso8859-1"
    with pytest.raises(IngestError, match=r"^f\.xml: not UTF-8 text"):
        decode(data, "f.xml")
    html = '<html><head><meta charset="windows-1252"></head><p>“Quoted”</p></html>'
    assert decode(html.encode("cp1252"), "p.html", allow_declared=True).encoding == "cp1252"
