"""The REST API under ``/api/``: JSON in, JSON out, errors as ``{"error": {code, message}}``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from crossread import brief as brief_stage
from crossread.pipeline import Overrides
from crossread.store.base import StoryFilter
from crossread.web.forms import check_size, clean_name, read_form, service_of
from crossread.web.schemas import (
    ArticleModel,
    BriefModel,
    EntityDetail,
    EntityList,
    EntityModel,
    ErrorBody,
    FileReport,
    Hit,
    IngestResult,
    IngestText,
    SearchResults,
    StoryPage,
    StorySummary,
)
from crossread.web.service import Upload

MAX_COMPARE = 12
MAX_OFFSET = 1_000_000_000

ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Unknown id"},
    422: {"model": ErrorBody, "description": "Bad parameters"},
}

router = APIRouter(prefix="/api", tags=["api"], responses={422: ERRORS[422]})

Limit = Annotated[int, Query(ge=1, le=200, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
Text = Annotated[str | None, Query(max_length=500)]


def story_filter(
    q: str | None,
    outlet: str | None,
    entity: str | None,
    since: dt.date | None,
    until: dt.date | None,
    order: str,
) -> StoryFilter:
    """A store filter from request parameters; blank strings do not filter."""
    return StoryFilter(
        query=(q or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        entity=(entity or "").strip() or None,
        since=since,
        until=until,
        order=order,
    )


@router.get("/stories", response_model=StoryPage)
def list_stories(
    request: Request,
    limit: Limit = 20,
    offset: Offset = 0,
    q: Annotated[str | None, Query(max_length=500, description="Full-text search")] = None,
    outlet: Text = None,
    entity: Annotated[str | None, Query(max_length=500, description="Entity id or name")] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    order: Literal["newest", "biggest"] = "newest",
) -> StoryPage:
    """Stories, newest (or biggest) first, with filters and pagination."""
    store = service_of(request).reader
    where = story_filter(q, outlet, entity, since, until, order)
    stories = store.stories(where, limit=limit, offset=offset)
    return StoryPage(
        total=store.count_stories(where),
        limit=limit,
        offset=offset,
        items=[StorySummary.of(s) for s in stories],
    )


# Briefs are large: they are sent as to_json() made them, not re-validated through pydantic;
# BriefModel documents them in the schema (and the fuzz tests check responses against it).
BRIEF: dict[int | str, dict[str, Any]] = {
    200: {"model": BriefModel, "description": "The brief (JSON contract)"}
}


@router.get(
    "/stories/{story_id}",
    response_model=None,
    response_class=JSONResponse,
    responses={**BRIEF, 404: ERRORS[404]},
)
def get_story(request: Request, story_id: str) -> JSONResponse:
    """The brief of one story (the JSON contract), by id or by a merged story's id."""
    brief = service_of(request).brief(story_id)
    return JSONResponse(brief_stage.to_json(brief))


@router.get("/articles/{article_id}", response_model=ArticleModel, responses={404: ERRORS[404]})
def get_article(request: Request, article_id: str) -> ArticleModel:
    """One stored article: metadata, cleaned text and the text cleaning removed."""
    store = service_of(request).reader
    stored = store.article(article_id)
    return ArticleModel.of(stored, story=store.story(stored.story).id)


@router.get(
    "/compare",
    response_model=None,
    response_class=JSONResponse,
    responses={**BRIEF, 404: ERRORS[404]},
)
def compare(
    request: Request,
    ids: Annotated[
        list[str],
        Query(min_length=2, max_length=MAX_COMPARE, description="Two or more article ids"),
    ],
) -> JSONResponse:
    """A brief over two or more stored articles, in the order given."""
    if len(set(ids)) < 2:
        raise HTTPException(422, "ids: give two or more different article ids")
    brief = service_of(request).compare(ids)
    return JSONResponse(brief_stage.to_json(brief))


@router.get("/entities", response_model=EntityList)
def list_entities(
    request: Request,
    q: Annotated[str | None, Query(max_length=500, description="Name contains")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EntityList:
    """Entities by the number of stories they appear in."""
    store = service_of(request).reader
    found = store.entities((q or "").strip() or None, limit=limit, offset=offset)
    return EntityList(limit=limit, offset=offset, items=[EntityModel.of(e) for e in found])


@router.get("/entities/{entity_id}", response_model=EntityDetail, responses={404: ERRORS[404]})
def get_entity(request: Request, entity_id: str) -> EntityDetail:
    """One entity and every story it appears in, oldest first."""
    store = service_of(request).reader
    entity = store.entity(entity_id)
    stories = store.entity_stories(entity_id)
    return EntityDetail(
        entity=EntityModel.of(entity), stories=[StorySummary.of(s) for s in stories]
    )


@router.get("/search", response_model=SearchResults)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="Words to find")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResults:
    """Full-text search over stored articles (SQLite FTS5), best matches first."""
    hits = service_of(request).reader.search(q, limit=limit, offset=offset)
    return SearchResults(query=q, limit=limit, offset=offset, items=[Hit.of(h) for h in hits])


INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                        },
                        "text": {"type": "string"},
                        "name": {"type": "string"},
                        "outlet": {"type": "string"},
                        "published": {"type": "string", "format": "date"},
                    },
                }
            },
            "application/json": {"schema": IngestText.model_json_schema()},
        },
    }
}


@router.post(
    "/ingest",
    response_model=IngestResult,
    openapi_extra=INGEST_BODY,
    responses={413: {"model": ErrorBody, "description": "An input over the size limit"}},
)
async def ingest(request: Request) -> IngestResult:
    """Ingest uploaded files (multipart ``files``) or pasted text (JSON or form ``text``).

    The same readers as ``crossread ingest``; each input is one transaction and gets its own
    result. Nothing is fetched from the network.
    """
    service = service_of(request)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json":
        try:
            payload = IngestText.model_validate_json(await request.body())
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from exc
        name = clean_name(payload.name, "pasted.txt")
        data = payload.text.encode("utf-8")
        check_size(name, len(data), request.app.state.max_upload)
        uploads = [Upload(name=name, data=data)]
        overrides = Overrides(outlet=payload.outlet, published=payload.published)
    elif content_type in {"multipart/form-data", "application/x-www-form-urlencoded"}:
        uploads, overrides = await read_form(request)
    else:
        raise HTTPException(415, "send multipart/form-data (files) or application/json (text)")
    if not uploads:
        raise HTTPException(422, "nothing to ingest: send files or text")
    results = await run_in_threadpool(service.ingest, uploads, overrides)
    files = [FileReport.of(r.name, r.report) for r in results]
    return IngestResult(
        ok=all(f.ok for f in files),
        ingested=sum(len(f.ingested) for f in files),
        duplicates=sum(f.duplicates for f in files),
        failed=sum(len(f.failed) for f in files),
        files=files,
    )
