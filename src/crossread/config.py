"""Settings: defaults < ``crossread.toml`` < ``CROSSREAD_*`` environment < command-line flags.

``crossread.toml`` is read from the working directory (or the file named by
``CROSSREAD_CONFIG``); its keys are the field names of :class:`Settings`, e.g.::

    db = "news.db"
    similarity = "lexical"
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from crossread.errors import ConfigError


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    db: Path = Path("crossread.db")
    """SQLite database file."""
    similarity: str = "lexical"
    """Similarity for clustering and alignment: ``lexical`` (default) or ``semantic``."""
    allow_private: bool = False
    """Allow fetching URLs that resolve to private, loopback or link-local addresses."""
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000


def _coerce(field: dataclasses.Field[Any], raw: Any, origin: str) -> Any:
    kind = field.type if isinstance(field.type, str) else getattr(field.type, "__name__", "")
    try:
        if kind == "Path":
            return Path(str(raw))
        if kind == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text not in {"1", "0", "true", "false", "yes", "no", "on", "off"}:
                raise ValueError(f"not a boolean: {raw!r}")
            return text in {"1", "true", "yes", "on"}
        if kind == "float":
            return float(raw)
        if kind == "int":
            return int(raw)
        return str(raw)
    except ValueError as exc:
        raise ConfigError(f"{origin}: bad value for {field.name}: {exc}") from exc


def load_settings(
    overrides: Mapping[str, Any] | None = None, *, cwd: Path | None = None
) -> Settings:
    """Build Settings from the file, the environment and explicit overrides (in that order).

    Raises:
        ConfigError: an unknown key or a value of the wrong kind, naming where it came from.
    """
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    values: dict[str, Any] = {}
    config_path = Path(os.environ.get("CROSSREAD_CONFIG", (cwd or Path.cwd()) / "crossread.toml"))
    if config_path.is_file():
        try:
            data = tomllib.loads(config_path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{config_path}: {exc}") from exc
        for key, raw in data.items():
            if key not in fields:
                raise ConfigError(f"{config_path}: unknown setting {key!r}")
            values[key] = _coerce(fields[key], raw, str(config_path))
    for name, field in fields.items():
        env = os.environ.get(f"CROSSREAD_{name.upper()}")
        if env is not None and env != "":
            values[name] = _coerce(field, env, f"CROSSREAD_{name.upper()}")
    for key, raw in (overrides or {}).items():
        if raw is None:
            continue
        if key not in fields:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(fields[key], raw, f"--{key.replace('_', '-')}")
    if values.get("similarity", "lexical") not in {"lexical", "semantic"}:
        raise ConfigError(
            f"similarity must be 'lexical' or 'semantic', not {values['similarity']!r}"
        )
    return Settings(**values)
