"""crossread: read many outlets' reports of the same news and tell what happened, who says
so, and where the accounts differ.

The public API, loaded lazily so that ``import crossread`` stays cheap::

    from crossread import Pipeline, SqliteStore, compare_paths

    result = compare_paths(["standard.txt", "bloomberg.txt"])
    for fact in result.brief.facts:
        print(fact.status, fact.text)
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    "Article": "crossread.models",
    "Brief": "crossread.models",
    "CrossreadError": "crossread.errors",
    "Entity": "crossread.models",
    "Fact": "crossread.models",
    "IngestError": "crossread.errors",
    "Overrides": "crossread.pipeline",
    "Pipeline": "crossread.pipeline",
    "Settings": "crossread.config",
    "SqliteStore": "crossread.store",
    "Story": "crossread.models",
    "compare_paths": "crossread.pipeline",
    "load_settings": "crossread.config",
    "prepare": "crossread.pipeline",
}

__all__ = sorted([*_EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'crossread' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
