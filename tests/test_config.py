"""Settings precedence: defaults < crossread.toml < CROSSREAD_* env < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossread.config import load_settings
from crossread.errors import ConfigError


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREAD_DB", raising=False)
    monkeypatch.delenv("CROSSREAD_CONFIG", raising=False)
    assert load_settings(cwd=tmp_path).db == Path("crossread.db")
    (tmp_path / "crossread.toml").write_text('db = "file.db"\nallow_private = true\n')
    settings = load_settings(cwd=tmp_path)
    assert settings.db == Path("file.db")
    assert settings.allow_private is True
    monkeypatch.setenv("CROSSREAD_DB", "env.db")
    assert load_settings(cwd=tmp_path).db == Path("env.db")
    assert load_settings({"db": "flag.db"}, cwd=tmp_path).db == Path("flag.db")
    assert load_settings({"db": None}, cwd=tmp_path).db == Path("env.db")


def test_bad_values_name_their_origin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CROSSREAD_CONFIG", raising=False)
    (tmp_path / "crossread.toml").write_text("colour = 3\n")
    with pytest.raises(ConfigError, match=r"crossread.toml: unknown setting 'colour'"):
        load_settings(cwd=tmp_path)
    (tmp_path / "crossread.toml").write_text("")
    monkeypatch.setenv("CROSSREAD_ALLOW_PRIVATE", "perhaps")
    with pytest.raises(ConfigError, match="CROSSREAD_ALLOW_PRIVATE"):
        load_settings(cwd=tmp_path)
    monkeypatch.delenv("CROSSREAD_ALLOW_PRIVATE")
    with pytest.raises(ConfigError, match="similarity"):
        load_settings({"similarity": "magic"}, cwd=tmp_path)
