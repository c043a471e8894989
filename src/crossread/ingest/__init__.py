"""Stage 1, ingest: read files, folders, feeds and URLs into RawDocuments.

Public interface (used by ``pipeline.py``):

- ``read(path, fmt=None) -> Iterator[RawDocument]``: one input file (any supported format,
  detected by content, not only by extension); raises ``IngestError`` naming the file.
- ``read_bytes(data, name, fmt=None) -> Iterator[RawDocument]``: the same for in-memory data
  (uploads, fetched pages).
- ``iter_inputs(paths) -> Iterator[Path]``: expand folders into the files to read, sorted.

Every error is an ``IngestError`` whose message is one line, ``"<name>: <problem>"``: an empty
file, binary data, text that is not UTF-8 (markup may declare another charset), HTML with no
article text, malformed JSON (with line and column), a malformed feed. Gzip-compressed inputs
are decompressed transparently, whatever their name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from crossread.errors import IngestError
from crossread.ingest.detect import (
    EXTENSIONS,
    GZIP_MAGIC,
    Format,
    check_binary,
    decode,
    decompress,
    extension_format,
    normalize_format,
    peek,
    sniff,
)
from crossread.models import RawDocument

__all__ = ["SUPPORTED_EXTENSIONS", "iter_inputs", "read", "read_bytes"]

SUPPORTED_EXTENSIONS: frozenset[str] = frozenset(EXTENSIONS) | {f"{e}.gz" for e in EXTENSIONS}


def _supported(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(ext) for ext in SUPPORTED_EXTENSIONS)


def iter_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """Files to read: folders expanded recursively (sorted, hidden entries and unsupported
    extensions skipped); a path given explicitly is always yielded, even a missing one, so
    that reading it reports the problem by name."""
    for path in paths:
        path = Path(path)
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            if child.is_file() and _supported(child):
                yield child


def read(path: Path, fmt: str | None = None) -> Iterator[RawDocument]:
    """Read one input file; ``fmt`` forces a format (``text``, ``html``, ``json``, ``jsonl``,
    ``feed``/``rss``/``atom``, ``warc``) instead of detecting it.

    Raises:
        IngestError: the file cannot be read; the message names it and the problem.
    """
    path = Path(path)
    name = str(path)
    if path.is_dir():
        raise IngestError(f"{name}: is a folder (pass it to iter_inputs to read its files)")
    if (fmt is None and path.name.lower().endswith((".warc", ".warc.gz"))) or (
        fmt is not None and normalize_format(fmt, name) == "warc"
    ):
        yield from _read_warc_path(path)
        return
    if _streams_as_jsonl(path, fmt):
        yield from _read_jsonl_path(path)
        return
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError(f"{name}: no such file") from exc
    except OSError as exc:
        raise IngestError(f"{name}: cannot read ({exc.strerror or exc})") from exc
    yield from read_bytes(data, name, fmt)


def _streams_as_jsonl(path: Path, fmt: str | None) -> bool:
    if fmt is not None:
        return normalize_format(fmt, str(path)) == "jsonl"
    return extension_format(path.name) == "jsonl"


def _read_jsonl_path(path: Path) -> Iterator[RawDocument]:
    """A JSON Lines file (gzip'd or not) read line by line, never loaded whole."""
    import gzip
    import zlib

    from crossread.ingest.jsonl import read_jsonl_lines

    name = str(path)
    try:
        with path.open("rb") as probe:
            head = probe.read(8192)
        check_binary(peek(head) if head[:2] == GZIP_MAGIC else head, name)
        opener = gzip.open if head[:2] == GZIP_MAGIC else open
        with opener(path, "rb") as stream:
            yield from read_jsonl_lines(stream, source=name)
    except FileNotFoundError as exc:
        raise IngestError(f"{name}: no such file") from exc
    except (OSError, EOFError, zlib.error) as exc:  # unreadable, or a corrupt gzip stream
        raise IngestError(f"{name}: cannot read ({exc})") from exc


def read_bytes(data: bytes, name: str, fmt: str | None = None) -> Iterator[RawDocument]:
    """Read in-memory input (an upload, a fetched page), named ``name`` in messages.

    Raises:
        IngestError: the data cannot be read; the message names it and the problem.
    """
    forced = normalize_format(fmt, name) if fmt else None
    if forced == "warc" or (forced is None and peek(data).startswith(b"WARC/")):
        # The WARC reader takes gzip'd data as it is: it recovers records before a bad member.
        yield from _read_warc_bytes(data, name)
        return
    data = decompress(data, name)
    check_binary(data, name)
    kind: Format = forced or sniff(data, name)
    yield from _dispatch(kind, data, name)


def _dispatch(kind: Format, data: bytes, name: str) -> Iterator[RawDocument]:
    if kind == "html":
        yield _read_html(data, name)
    elif kind == "feed":
        from crossread.ingest.feeds import read_feed

        yield from read_feed(data, source=name)
    elif kind in ("json", "jsonl"):
        from crossread.ingest.jsonl import read_json, read_jsonl

        text = decode(data, name).text
        yield from (read_json if kind == "json" else read_jsonl)(text, source=name)
    elif kind == "warc":
        yield from _read_warc_bytes(data, name)
    else:
        from crossread.ingest.text import read_text

        yield read_text(decode(data, name).text, source=name)


def _read_html(data: bytes, name: str) -> RawDocument:
    # Imported lazily: trafilatura is heavy and only HTML inputs need it.
    try:
        from crossread.ingest.html import read_html
    except ImportError as exc:
        raise IngestError(f"{name}: HTML input is not supported in this build ({exc})") from exc
    return read_html(data, source=name)


def _read_warc_path(path: Path) -> Iterator[RawDocument]:
    # Streamed from the file, never loaded whole: WARC files run to gigabytes.
    from crossread.ingest.warc import read_warc

    if not path.is_file():
        raise IngestError(f"{path}: no such file")
    yield from read_warc(path, name=str(path))


def _read_warc_bytes(data: bytes, name: str) -> Iterator[RawDocument]:
    import io

    from crossread.ingest.warc import read_warc

    yield from read_warc(io.BytesIO(data), name=name)
