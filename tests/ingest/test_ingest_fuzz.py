"""Whatever the bytes, reading fails only with an IngestError that names the input."""

from __future__ import annotations

import gzip

from hypothesis import given, settings
from hypothesis import strategies as st

from crossread.errors import IngestError
from crossread.ingest import read_bytes

PREFIXES = [
    b"",
    b"{",
    b"[",
    b"<!DOCTYPE html><html><body>",
    b"WARC/1.0\r\n",
    b"<?xml version='1.0'?><rss>",
    b"<feed>",
    b"\x1f\x8b",
    b" date 2024",
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(PREFIXES),
    st.binary(max_size=300) | st.text(max_size=300).map(str.encode),
    st.sampled_from(["in.txt", "in.json", "in.jsonl", "in.rss", "in", "in.txt.gz"]),
    st.booleans(),
)
def test_reading_never_crashes(prefix: bytes, body: bytes, name: str, packed: bool) -> None:
    data = prefix + body
    if packed:
        data = gzip.compress(data)
    try:
        docs = list(read_bytes(data, name))
    except IngestError as exc:
        assert str(exc).startswith(f"{name}: ")
        assert "\n" not in str(exc)
        return
    assert all(d.source.startswith(name) for d in docs)
