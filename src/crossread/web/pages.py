"""Server-rendered HTML pages (Jinja2, autoescaped): stories, story, compare, entities, ingest."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from crossread.web import views
from crossread.web.api import MAX_COMPARE, MAX_OFFSET, story_filter
from crossread.web.forms import read_form, service_of
from crossread.web.service import FileResult

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PAGE = 25


def _render(
    request: Request, template: str, context: dict[str, Any], status: int = 200
) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)


def _url(path: str, params: dict[str, Any]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept, doseq=True)}" if kept else path


@router.get("/")
def stories_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    outlet: Annotated[str | None, Query(max_length=500)] = None,
    entity: Annotated[str | None, Query(max_length=500)] = None,
    since: Annotated[str | None, Query(max_length=20)] = None,
    until: Annotated[str | None, Query(max_length=20)] = None,
    order: Literal["newest", "biggest"] = "newest",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    """Stories, newest or biggest first, with search, filters and pagination."""
    dates = {}
    for name, value in (("since", since), ("until", until)):
        try:
            dates[name] = dt.date.fromisoformat(value) if value else None
        except ValueError as exc:
            raise HTTPException(422, f"{name}: {value!r} is not a date like 2022-08-16") from exc
    store = service_of(request).reader
    where = story_filter(q, outlet, entity, dates["since"], dates["until"], order)
    stories = store.stories(where, limit=PAGE, offset=offset)
    total = store.count_stories(where)
    params = {
        "q": q,
        "outlet": outlet,
        "entity": entity,
        "since": since,
        "until": until,
        "order": order if order != "newest" else None,
    }
    prev_url = _url("/", {**params, "offset": max(0, offset - PAGE) or None}) if offset else None
    next_url = _url("/", {**params, "offset": offset + PAGE}) if offset + PAGE < total else None
    return _render(
        request,
        "stories.html",
        {
            "stories": stories,
            "total": total,
            "offset": offset,
            "params": params,
            "prev_url": prev_url,
            "next_url": next_url,
            "counts": store.counts(),
            "newest_url": _url("/", {**params, "order": None}),
            "biggest_url": _url("/", {**params, "order": "biggest"}),
        },
    )


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: str) -> Response:
    """One story's brief: cited summary, coverage matrix, timeline, quotes, entities, framing."""
    service = service_of(request)
    story = service.reader.story(story_id)
    brief = service.brief(story.id)
    return _render(
        request,
        "story.html",
        {
            "story": story,
            "brief": brief,
            "summary": views.cited_summary(brief),
            "matrix": views.coverage_matrix(brief),
            "chart": views.timeline_chart(brief.timeline),
            "speakers": views.quotes_by_speaker(brief.quotes),
            "outlets": {a.id: a.label for a in brief.articles},
        },
    )


@router.get("/compare")
def compare_page(
    request: Request,
    ids: Annotated[list[str] | None, Query(max_length=MAX_COMPARE)] = None,
) -> Response:
    """Two or more articles side by side, facts aligned on rows."""
    chosen = list(dict.fromkeys(ids or []))
    if len(chosen) < 2:
        raise HTTPException(422, "pick two or more different articles to compare")
    brief = service_of(request).compare(chosen)
    return _render(
        request,
        "compare.html",
        {
            "brief": brief,
            "matrix": views.compare_rows(brief),
            "articles": {a.id: a for a in brief.articles},
        },
    )


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str) -> Response:
    store = service_of(request).reader
    stored = store.article(article_id)
    return _render(
        request,
        "article.html",
        {"stored": stored, "article": stored.article, "story": store.story(stored.story)},
    )


@router.get("/entities")
def entities_page(
    request: Request,
    q: Annotated[str | None, Query(max_length=500)] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    store = service_of(request).reader
    found = store.entities((q or "").strip() or None, limit=PAGE + 1, offset=offset)
    prev_url = _url("/entities", {"q": q, "offset": max(0, offset - PAGE) or None})
    return _render(
        request,
        "entities.html",
        {
            "entities": found[:PAGE],
            "q": q or "",
            "prev_url": prev_url if offset else None,
            "next_url": _url("/entities", {"q": q, "offset": offset + PAGE})
            if len(found) > PAGE
            else None,
        },
    )


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: str) -> Response:
    """Every story an entity appears in, over time."""
    store = service_of(request).reader
    entity = store.entity(entity_id)
    stories = store.entity_stories(entity_id)
    return _render(
        request,
        "entity.html",
        {"entity": entity, "stories": stories, "chart": views.stories_chart(stories)},
    )


@router.get("/search")
def search_page(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Response:
    hits = service_of(request).reader.search(q, limit=PAGE + 1, offset=offset) if q else []
    return _render(
        request,
        "search.html",
        {
            "q": q,
            "hits": views.search_rows(hits[:PAGE]),
            "prev_url": _url("/search", {"q": q, "offset": max(0, offset - PAGE) or None})
            if offset
            else None,
            "next_url": _url("/search", {"q": q, "offset": offset + PAGE})
            if len(hits) > PAGE
            else None,
        },
    )


@router.get("/ingest")
def ingest_form(request: Request) -> Response:
    return _render(request, "ingest.html", {"results": None, "error": None})


@router.post("/ingest")
async def ingest_submit(request: Request) -> Response:
    """Ingest pasted text and uploaded files; one result per input."""
    uploads, overrides = await read_form(request)
    if not uploads:
        return _render(
            request,
            "ingest.html",
            {"results": None, "error": "Nothing to ingest: paste text or choose files."},
            status=422,
        )
    results: list[FileResult] = await run_in_threadpool(
        service_of(request).ingest, uploads, overrides
    )
    return _render(request, "ingest.html", {"results": results, "error": None})
