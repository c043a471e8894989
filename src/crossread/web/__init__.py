"""Serve: the web UI and REST API over a crossread store (FastAPI + Jinja2, no build step).

Public interface (used by ``crossread serve`` and tests):

- ``create_app(db, settings) -> FastAPI``: ``db`` is a database file or a store object.

Routes: HTML pages ``/``, ``/stories/{id}``, ``/compare?ids=..``, ``/articles/{id}``,
``/entities``, ``/entities/{id}``, ``/search?q=``, ``/ingest``; JSON under ``/api/`` (see
``/openapi.json``).
"""

from crossread.web.app import create_app

__all__ = ["create_app"]
