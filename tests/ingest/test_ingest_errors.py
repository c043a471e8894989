"""Bad inputs fail with one line that names the file and the problem."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from crossread.errors import IngestError
from crossread.ingest import read, read_bytes


@pytest.fixture(scope="module")
def ingest_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("empty.txt", "empty file"),
        ("blank.txt", "empty file"),
        ("binary.txt", "binary data (a PNG image)"),
        ("noise.dat", "binary data"),
        ("latin1.txt", "not UTF-8 text: byte 0xe9 on line 1"),
        ("malformed.json", "malformed JSON at line 4, column 3"),
        ("malformed.rss", "malformed feed"),
        ("bad.jsonl", "no readable JSON Lines records"),
        ("missing.txt", "no such file"),
    ],
)
def test_bad_file_names_file_and_problem(ingest_dir: Path, name: str, problem: str) -> None:
    path = ingest_dir / name
    with pytest.raises(IngestError) as caught:
        list(read(path))
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_corrupt_gzip() -> None:
    data = gzip.compress(b"Some text that will be cut short. " * 40)[:60]
    with pytest.raises(IngestError, match=r"^cut\.txt\.gz: corrupt or truncated gzip"):
        list(read_bytes(data, "cut.txt.gz"))


def test_folder_is_not_a_file(ingest_dir: Path) -> None:
    with pytest.raises(IngestError, match="is a folder"):
        list(read(ingest_dir))


def test_unknown_forced_format(ingest_dir: Path) -> None:
    with pytest.raises(IngestError, match="unknown format 'pdf'"):
        list(read(ingest_dir / "header.txt", fmt="pdf"))


def test_json_that_is_not_a_record() -> None:
    with pytest.raises(IngestError, match=r"^x\.json: record has no text"):
        list(read_bytes(b'{"title": "only a title"}', "x.json"))


def test_utf8_with_bom_and_utf16_are_fine() -> None:
    text = "Title line\n\nBody with café.\n"
    [a] = read_bytes(b"\xef\xbb\xbf" + text.encode(), "bom.txt")
    [b] = read_bytes(text.encode("utf-16"), "wide.txt")
    assert a.text == b.text == text


def test_empty_gzip_is_empty() -> None:
    with pytest.raises(IngestError, match=r"^e\.txt\.gz: empty file$"):
        list(read_bytes(gzip.compress(b""), "e.txt.gz"))


@pytest.mark.parametrize(
    "data",
    [b"[1, 2, 3]", b'["a", "b"]', b"{}"],
)
def test_json_without_records_fails(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^d\.json: "):
        list(read_bytes(data, "d.json"))
