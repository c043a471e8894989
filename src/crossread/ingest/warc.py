"""Read WARC and WARC.gz archives (Common Crawl, CC-NEWS) one record at a time.

Only HTTP ``response`` records with an HTML payload and a 2xx status become documents; each is
read by ``read_html`` with the record's target URI, and the WARC-Date fills in a publication
date the page itself does not give. Memory stays constant: records are streamed, and a record
larger than ``MAX_RECORD_BYTES`` is skipped with a warning. A truncated or corrupt record yields
what it holds plus a warning; a corrupt archive stops with a logged warning, never a crash.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import BinaryIO

from crossread.errors import IngestError
from crossread.ingest.html import read_html
from crossread.models import RawDocument

log = logging.getLogger(__name__)

MAX_RECORD_BYTES = 20 * 1024 * 1024
HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(source: str | Path | BinaryIO, *, name: str) -> Iterator[RawDocument]:
    """Yield one RawDocument per HTML response record of a WARC or WARC.gz file.

    Args:
        source: a path or an open binary file (gzip'd or not; detected by content).
        name: the input's name for ``RawDocument.source`` (``name#N`` for record N) and errors.

    Raises:
        IngestError: the input is not a WARC file at all (nothing could be read from it).
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with ExitStack() as stack:
        stream: BinaryIO = (
            stack.enter_context(open(source, "rb")) if isinstance(source, str | Path) else source
        )
        records = 0
        iterator = iter(ArchiveIterator(stream, arc2warc=True))
        while True:
            try:
                record = next(iterator)
            except StopIteration:
                break
            except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
                if records == 0:
                    raise IngestError(f"{name}: not a readable WARC file ({exc})") from exc
                log.warning("%s: archive is corrupt after record %d: %s", name, records, exc)
                break
            records += 1
            doc = _read_record(record, name=name, number=records)
            if doc is not None:
                yield doc


def _read_record(record: object, *, name: str, number: int) -> RawDocument | None:
    rec_type = getattr(record, "rec_type", None)
    http = getattr(record, "http_headers", None)
    if rec_type != "response" or http is None:
        return None
    status = http.get_statuscode() or ""
    content_type = (http.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(HTML_TYPES):
        return None
    headers = record.rec_headers  # type: ignore[attr-defined]
    url = headers.get_header("WARC-Target-URI")
    crawled = headers.get_header("WARC-Date")
    source = f"{name}#{number}"
    warnings: list[str] = []
    # 1. read the payload; a truncated record gives what it has
    try:
        data = record.content_stream().read(MAX_RECORD_BYTES + 1)  # type: ignore[attr-defined]
    except (OSError, EOFError, ValueError) as exc:
        data = b""
        warnings.append(f"record {number} is corrupt: {exc}")
    if len(data) > MAX_RECORD_BYTES:
        log.warning("%s: record larger than %d bytes skipped", source, MAX_RECORD_BYTES)
        return None
    missing = getattr(record.raw_stream, "limit", 0)  # type: ignore[attr-defined]
    if missing:
        warnings.append(f"record {number} is truncated: {missing} bytes missing, partial page read")
    # 2. the page itself
    try:
        doc = read_html(data, source=source, url=url)
    except IngestError as exc:
        log.warning("%s (%s): %s", source, url, exc)
        return None
    # 3. the crawl date stands in for a publication date the page does not give
    published = doc.published
    if not published and crawled:
        published = crawled[:10]
        warnings.append("publication date taken from the WARC crawl date")
    for warning in warnings:
        log.warning("%s: %s", source, warning)
    return dataclasses.replace(
        doc,
        fmt="warc",
        url=url or doc.url,
        published=published,
        warnings=(*doc.warnings, *warnings),
    )
