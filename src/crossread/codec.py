"""Lossless JSON encoding of the model dataclasses, for the store and for caches.

Kept apart from ``models.py`` so the models stay plain data. Only the types that appear in
``models.py`` are handled: dataclasses, tuples, dates, and plain JSON values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from crossread import models

T = TypeVar("T")


def to_plain(value: Any) -> Any:
    """Turn a model object (or a structure of them) into JSON-compatible values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, vars(models))
    return _HINTS[cls]


def _from(tp: Any, raw: Any) -> Any:
    if raw is None:
        return None
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        return _from(options[0], raw) if len(options) == 1 else raw
    if origin is tuple:
        (item_type, *_rest) = get_args(tp)
        return tuple(_from(item_type, v) for v in raw)
    if origin is dict:
        return dict(raw)
    if tp is dt.date:
        return dt.date.fromisoformat(raw)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return from_plain(tp, raw)
    return raw


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model dataclass from :func:`to_plain` output (unknown keys are ignored)."""
    hints = _hints(cls)
    kwargs = {
        f.name: _from(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))
