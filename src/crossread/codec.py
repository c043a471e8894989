"""Lossless JSON encoding of the model dataclasses, for the store and for caches.

Kept apart from ``models.py`` so the models stay plain data. Only the types that appear in
``models.py`` are handled: dataclasses, tuples, dates, and plain JSON values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
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


def _source(prefix: str, body: str, env: dict[str, Any]) -> Callable[..., Any]:
    """Compile one function specialised to ``cls``'s fields (as ``dataclasses`` does for
    ``__init__``): a generic loop over fields was most of the cost of storing an article."""
    namespace: dict[str, Any] = {}
    exec(f"{prefix}\n    return {body}\n", env, namespace)
    return cast(Callable[..., Any], namespace[next(iter(namespace))])


_PLAIN: dict[type, Callable[[Any], Any]] = {}


def _plain_maker(cls: type) -> Callable[[Any], Any]:
    """``obj -> {field: value}`` for a dataclass, values left for the encoder; ``isoformat``
    for a date (compiled once per type)."""
    names = _field_names(cls)
    if names is not None:
        body = "{" + ", ".join(f"{name!r}: obj.{name}" for name in names) + "}"
        return _source("def plain(obj):", body, {})
    if issubclass(cls, dt.date):
        return cls.isoformat
    raise TypeError(f"Object of type {cls.__name__} is not JSON serializable")


def _default(value: Any) -> Any:
    """What the JSON encoder writes for a type it does not know: the same as
    :func:`to_plain` (the encoder itself handles str, numbers, None, lists, tuples, dicts)."""
    cls = type(value)
    try:
        make = _PLAIN[cls]
    except KeyError:
        make = _PLAIN[cls] = _plain_maker(cls)
    return make(value)


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_default)
_string = cast(Callable[[str], str], json.encoder.encode_basestring)
"""The string encoder ``_ENCODER`` uses (the C one where available)."""


def _float(value: float) -> str:
    # what the JSON encoder writes: ``repr``, or NaN / Infinity / -Infinity
    return float.__repr__(value) if math.isfinite(value) else _ENCODER.encode(value)


def _sequence(value: tuple[Any, ...] | list[Any]) -> str:
    if value and _field_names(type(value[0])) is not None:
        return "[" + ",".join(map(_json, value)) + "]"
    # strings, numbers (the common case: word lists): the C encoder writes them whole, and
    # it writes any item exactly as _json would
    return _ENCODER.encode(value)


_WRITERS: dict[type, Callable[[Any], str]] = {
    str: _string,
    int: int.__repr__,
    float: _float,
    bool: lambda value: "true" if value else "false",
    type(None): lambda _value: "null",
    tuple: _sequence,
    list: _sequence,
}
"""JSON text by exact type; dataclasses are added as they are met (:func:`_writer`), any
other type (dicts, dates, subclasses) goes through ``_ENCODER``."""


def _json(value: Any) -> str:
    cls = type(value)
    writer = _WRITERS.get(cls)
    if writer is None:
        writer = _WRITERS[cls] = _writer(cls)
    return writer(value)


def _writer(cls: type) -> Callable[[Any], str]:
    """JSON text of a dataclass as one compiled f-string over its fields (what ``_ENCODER``
    writes for it: ``{"field":value,...}`` in field order, built in one piece rather than by
    a chain of concatenations); the generic encoder for anything else."""
    names = _field_names(cls)
    if names is None:
        return _ENCODER.encode
    hints = get_type_hints(cls, vars(models)) if cls.__module__ == models.__name__ else {}
    env: dict[str, Any] = {"_json": _json, "_string": _string, "_int": int.__repr__}
    env |= {"_float": _float, "_true": "true", "_false": "false", "_null": "null"}
    parts = []
    for number, name in enumerate(names):
        key = ("{" if number == 0 else ",") + _string(name) + ":"
        parts.append(key.replace("{", "{{"))
        parts.append("{" + _field_writer(f"obj.{name}", hints.get(name), env) + "}")
    body = "f'" + "".join(parts) + "}}'" if names else "'{}'"
    return _source("def write(obj):", body, env)


def _field_writer(expr: str, hint: Any, env: dict[str, Any]) -> str:
    """An expression writing one field: str (or string ``Literal``), int, bool and float fields
    inline, tuples of model dataclasses by their items' writer, the rest (and a value not of
    its declared type) through :func:`_json`."""
    options = set(get_args(hint)) if get_origin(hint) in (typing.Union, types.UnionType) else {hint}
    kinds = {_plain_kind(o) for o in options - {type(None)}}
    kind = next(iter(kinds)) if len(kinds) == 1 else None
    if kind is not None and get_origin(kind) is tuple and len(options) == 1:
        item = get_args(kind)[0]
        if _field_names(item) is not None and item.__module__ == models.__name__:
            name = f"_items_{item.__name__}"
            env[name] = _items_writer(item)
            return f"({name}({expr}) if type({expr}) is tuple else _json({expr}))"
    if kind not in _INLINE:
        return f"_json({expr})"
    written = (
        f"({_INLINE[kind].format(expr)} if type({expr}) is {kind.__name__} else _json({expr}))"
    )
    if type(None) in options:
        written = f"(_null if {expr} is None else {written})"
    return written


def _items_writer(cls: type) -> Callable[[tuple[Any, ...]], str]:
    """JSON text of a tuple whose items are (mostly) ``cls`` objects: ``cls``'s writer looked
    up once, not per item (what :func:`_sequence` writes)."""
    write = _WRITERS.get(cls)
    if write is None:
        write = _WRITERS[cls] = _writer(cls)

    def items(value: tuple[Any, ...]) -> str:
        if not value:
            return "[]"
        return "[" + ",".join([write(v) if type(v) is cls else _json(v) for v in value]) + "]"

    return items


_INLINE = {
    str: "_string({})",
    int: "_int({})",
    float: "_float({})",
    bool: "(_true if {} else _false)",
}


def _plain_kind(hint: Any) -> Any:
    """``str`` for a ``Literal`` of strings, else the hint itself."""
    if get_origin(hint) is typing.Literal and all(type(a) is str for a in get_args(hint)):
        return str
    return hint


def dumps(value: Any) -> str:
    """JSON for ``value``, identical to ``json.dumps(to_plain(value), ensure_ascii=False,
    separators=(",", ":"))`` for model objects, without building the plain copy (written by
    functions compiled per dataclass: the encoder's callback per object was most of the cost
    of storing an article)."""
    return _json(value)


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
        return _decoder(options[0])  # every decoder passes None through itself
    if origin is tuple:
        item = _decoder(get_args(tp)[0])
        if item is _identity:
            return lambda raw: None if raw is None else tuple(raw)
        return lambda raw: None if raw is None else tuple(map(item, raw))
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

    def decode_some(data: Any) -> Any:
        return cls(**{name: conv(data[name]) for name, conv in fields if name in data})

    # The usual input has every field (what dumps wrote): one compiled call; a missing field
    # (data written before the field existed) takes the general path.
    env: dict[str, Any] = {"cls": cls, "decode_some": decode_some}
    args = []
    for number, (name, conv) in enumerate(fields):
        if conv is _identity:
            args.append(f"{name}=data[{name!r}]")
        else:
            env[f"conv{number}"] = conv
            args.append(f"{name}=conv{number}(data[{name!r}])")
    prefix = (
        "def decode(data):\n    if data is None:\n        return None\n    try:\n"
        f"        return cls({', '.join(args)})\n"
        "    except KeyError:\n"
        "        pass"
    )
    return _source(prefix, "decode_some(data)", env)


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model dataclass from :func:`to_plain` output (unknown keys are ignored)."""
    result: T = _class_decoder(cast(type, cls))(data)
    return result


def loads(cls: type[T], text: str) -> T:
    return from_plain(cls, json.loads(text))
