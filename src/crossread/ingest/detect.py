"""Format detection by content, transparent gzip, and careful text decoding.

Extensions lie (a ``.txt`` that holds HTML, a feed saved as ``.xml``, an upload with no name),
so the format is decided from the first bytes; the extension only breaks ties, e.g. between
malformed JSON and plain text that happens to start with a bracket.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from crossread.errors import IngestError

Format = Literal["text", "html", "json", "jsonl", "feed", "warc"]
FORMATS: tuple[Format, ...] = ("text", "html", "json", "jsonl", "feed", "warc")

# Names a user may give for a format (``--format rss``), mapped to the reader that handles it.
FORMAT_ALIASES: dict[str, Format] = {
    "txt": "text",
    "htm": "html",
    "ndjson": "jsonl",
    "rss": "feed",
    "atom": "feed",
    "rdf": "feed",
    "xml": "feed",
    **{f: f for f in FORMATS},
}

EXTENSIONS: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".warc": "warc",
}

GZIP_MAGIC = b"\x1f\x8b"

# Magic numbers of binary formats users drop into news folders by mistake.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)

_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<article[\s>]", re.I)
_FEED_START = re.compile(r"<rss[\s>]|<feed[\s>]|<rdf:rdf[\s>]", re.I)
_XML_DECL_ENCODING = re.compile(rb"""^<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']""")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9._-]+)""", re.I)
_LEADING_JUNK = re.compile(r"^(?:\s|<!--.*?-->|<\?xml[^>]*\?>)*", re.S)


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """Text decoded from bytes, with the encoding used and any doubt about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def strip_gz(name: str) -> str:
    """``page.html.gz`` -> ``page.html``; other names unchanged."""
    return name[:-3] if name.lower().endswith(".gz") else name


def extension_format(name: str) -> Format | None:
    """The format a file name suggests (``.gz`` looked through), or None."""
    suffix = PurePath(strip_gz(name).split("?", 1)[0]).suffix.lower()
    return EXTENSIONS.get(suffix)


def normalize_format(fmt: str, name: str) -> Format:
    """Map a user-given format name to a reader; raises IngestError for unknown names."""
    found = FORMAT_ALIASES.get(fmt.lower().lstrip("."))
    if found is None:
        known = ", ".join(sorted(FORMAT_ALIASES))
        raise IngestError(f"{name}: unknown format {fmt!r} (known: {known})")
    return found


def decompress(data: bytes, name: str) -> bytes:
    """Gunzip ``data`` when it starts with the gzip magic bytes (possibly more than once).

    Raises:
        IngestError: the gzip stream is corrupt or truncated.
    """
    while data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise IngestError(f"{name}: corrupt or truncated gzip data ({exc})") from exc
    return data


def peek(data: bytes, size: int = 4096) -> bytes:
    """The first ``size`` bytes of ``data`` as a reader will see them (gzip looked through),
    without decompressing the rest; empty when the gzip header is corrupt."""
    if data[:2] != GZIP_MAGIC:
        return data[:size]
    try:
        return zlib.decompressobj(wbits=31).decompress(data[: 1 << 16], size)
    except zlib.error:
        return b""


def check_binary(data: bytes, name: str) -> None:
    """Raise IngestError when ``data`` is empty or is binary rather than text."""
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    if data.startswith(b"WARC/"):
        return
    for magic, what in BINARY_MAGIC:
        if data.startswith(magic):
            raise IngestError(f"{name}: binary data ({what}), not a text, HTML, JSON or feed file")
    head = data[:8192]
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise IngestError(f"{name}: binary data, not a text, HTML, JSON or feed file")


def sniff(data: bytes, name: str = "") -> Format:
    """Decide the format of (decompressed) ``data`` from its content, then its name."""
    if data.startswith(b"WARC/"):
        return "warc"
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        head = data[:4096].decode("utf-16", errors="replace")
    else:
        head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff")
    markup = _LEADING_JUNK.sub("", head, count=1)[:1024]
    by_name = extension_format(name)
    if markup.startswith("<"):
        if _FEED_START.match(markup) or (
            head.lstrip().startswith("<?xml") and _FEED_START.search(head)
        ):
            return "feed"
        if _HTML_START.match(markup) or _HTML_START.search(head[:2048]):
            return "html"
        if by_name in ("html", "feed"):
            return by_name
    stripped = head.lstrip()
    if stripped.startswith(("{", "[")):
        json_kind = _sniff_json(data, by_name)
        if json_kind is not None:
            return json_kind
    if by_name in ("json", "jsonl") and stripped[:1] in ("{", "["):
        return by_name
    return "text"


def _sniff_json(data: bytes, by_name: Format | None) -> Format | None:
    text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [line for line in text.splitlines() if line.strip()]
    if by_name == "jsonl":
        return "jsonl"
    try:
        json.loads(text)
    except ValueError:
        pass
    else:
        return "json"
    # Several lines that each parse on their own: JSON Lines.
    sample = lines[:5]
    parsed = 0
    for line in sample:
        try:
            json.loads(line)
            parsed += 1
        except ValueError:
            continue
    if len(lines) > 1 and parsed >= max(1, len(sample) - 1) and lines[0].lstrip()[:1] == "{":
        return "jsonl"
    if by_name == "json":
        return "json"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or an HTML meta tag names, if any (lower case)."""
    head = data[:2048].lstrip()
    match = _XML_DECL_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    name = match.group(1).decode("ascii", errors="replace").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, name: str, *, allow_declared: bool = False) -> Decoded:
    """Decode bytes as UTF-8 (BOM allowed), UTF-16 with a BOM, or a declared charset.

    A declared charset (XML declaration or HTML meta tag) is honoured only when
    ``allow_declared`` is set, i.e. for markup formats that can declare one; plain text and
    JSON must be UTF-8, because guessing would silently corrupt names and quotes.

    Raises:
        IngestError: the bytes are not valid in any acceptable encoding.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(text=data.decode("utf-16"), encoding="utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{name}: broken UTF-16 text ({exc.reason})") from exc
    try:
        return Decoded(text=data.decode("utf-8-sig"), encoding="utf-8")
    except UnicodeDecodeError as exc:
        first_error = exc
    charset = declared_charset(data) if allow_declared else None
    if charset is not None and charset not in ("utf-8", "utf-8-sig"):
        try:
            return Decoded(text=data.decode(charset), encoding=charset)
        except UnicodeDecodeError:
            pass
    start = first_error.start
    byte = data[start : start + 1].hex()
    line = data.count(b"\n", 0, start) + 1
    hint = f"declared {charset} does not fit either" if charset else "no charset declared"
    raise IngestError(
        f"{name}: not UTF-8 text: byte 0x{byte} on line {line} is invalid ({hint}); "
        "convert the file to UTF-8"
    )
