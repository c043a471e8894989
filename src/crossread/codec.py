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
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar, cast, get_args, get_origin, get_type_hints

from crossread import models

T = TypeVar("T")


_SCALARS = frozenset({str, int, float, bool, type(None)})


_FIELD_NAMES: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type, None for any other type (looked up once each:
    ``dataclasses.fields`` per object was most of the cost of storing an article)."""
    try:
        return _FIELD_NAMES[cls]
    except KeyError:
        names = (
            tuple(f.name for f in dataclasses.fields(cls))
            if dataclasses.is_dataclass(cls)
            else None
        )
        _FIELD_NAMES[cls] = names
        return names


def to_plain(value: Any) -> Any:
    """Turn a model object (or a structure of them) into JSON-compatible values."""
    cls = type(value)
    if cls in _SCALARS:
        return value
    names = _field_names(cls)
    if names is not None:
        return {name: to_plain(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, separators=(",", ":"))


Decoder = Callable[[Any], Any]


def _identity(raw: Any) -> Any:
    return raw


@cache
def _decoder(tp: Any) -> Decoder:
    """A function turning plain JSON values into a value of type ``tp``, built once per type
    (stored articles are decoded often: listings, briefs, index rebuilds)."""
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in get_args(tp) if a is not type(None)]
        if len(options) != 1:
            return _identity
        inner = _decoder(options[0])
        return lambda raw: None if raw is None else inner(raw)
    if origin is tuple:
        item = _decoder(get_args(tp)[0])
        if item is _identity:
            return lambda raw: None if raw is None else tuple(raw)
        return lambda raw: None if raw is None else tuple(item(v) for v in raw)
    if origin is dict:
        return lambda raw: None if raw is None else dict(raw)
    if tp is dt.date:
        return lambda raw: None if raw is None else dt.date.fromisoformat(raw)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _class_decoder(tp)
    return _identity


@cache
def _class_decoder(cls: type) -> Decoder:
    hints = get_type_hints(cls, vars(models))
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls)]

    def decode(data: Any) -> Any:
        if data is None:
            return None
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    return decode


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model dataclass from :func:`to_plain` output (unknown keys are ignored)."""
    result: T = _class_decoder(cast(type, cls))(data)
    return result


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))
