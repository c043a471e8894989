"""Reading ingest requests (multipart uploads, pasted text, JSON) within the size limits."""

from __future__ import annotations

import datetime as dt
import re

from fastapi import HTTPException, Request
from starlette.datastructures import UploadFile

from crossread.pipeline import Overrides
from crossread.web.service import Upload, WebService

MAX_FILES = 50
_UNSAFE_NAME = re.compile(r"[^\w.\- ]+", re.UNICODE)


class RequestTooLarge(Exception):
    """A request body went over the limit while it was being read."""


def service_of(request: Request) -> WebService:
    """The app's :class:`WebService`."""
    service: WebService = request.app.state.service
    return service


def clean_name(name: str | None, fallback: str) -> str:
    """A display name for an upload: its base name, without path parts or control characters."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE_NAME.sub("_", base).strip(" .")[:200]
    return base or fallback


def parse_overrides(outlet: str | None, published: str | None) -> Overrides:
    """Overrides from form fields; an unparseable date is a 422."""
    date = None
    if published and published.strip():
        try:
            date = dt.date.fromisoformat(published.strip())
        except ValueError as exc:
            raise HTTPException(
                422, f"published: {published!r} is not a date like 2022-08-16"
            ) from exc
    return Overrides(outlet=(outlet or "").strip() or None, published=date)


def check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise HTTPException(413, f"{name}: {size} bytes is over the {limit}-byte limit per file")


async def read_form(request: Request) -> tuple[list[Upload], Overrides]:
    """Uploads and overrides from a multipart or urlencoded form.

    Fields: ``files`` (any number of files), ``text`` (pasted text) with optional ``name``,
    ``outlet`` and ``published`` (overrides for every input).

    Raises:
        HTTPException: 413 for an input over the limit, 422 for a bad date or no input.
    """
    limit: int = request.app.state.max_upload
    try:
        form = await request.form(max_files=MAX_FILES, max_fields=20, max_part_size=limit + 1)
    except HTTPException as exc:
        if "maximum size" in str(exc.detail):
            raise HTTPException(413, f"a form field is over the {limit}-byte limit") from exc
        raise
    uploads: list[Upload] = []
    for i, value in enumerate(form.getlist("files")):
        if not isinstance(value, UploadFile):
            continue
        name = clean_name(value.filename, f"upload-{i + 1}")
        data = await value.read(limit + 1)
        check_size(name, len(data), limit)
        if not data and not value.filename:
            continue  # the browser sends an empty part when no file was chosen
        uploads.append(Upload(name=name, data=data))
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        given = form.get("name")
        name = clean_name(given if isinstance(given, str) else None, "pasted.txt")
        data = text.replace("\r\n", "\n").encode("utf-8")
        check_size(name, len(data), limit)
        uploads.append(Upload(name=name, data=data))
    outlet = form.get("outlet")
    published = form.get("published")
    overrides = parse_overrides(
        outlet if isinstance(outlet, str) else None,
        published if isinstance(published, str) else None,
    )
    return uploads, overrides
