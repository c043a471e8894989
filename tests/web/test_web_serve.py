"""`crossread serve`: options, and the database it serves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crossread.cli import main


@pytest.fixture()
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what serve would run instead of starting a server."""
    seen: dict[str, Any] = {}

    def run(app: Any, **kwargs: Any) -> None:
        seen["app"] = app
        seen.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_serve_help() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--host" in result.output


def test_serve_uses_the_global_db(tmp_path: Path, captured: dict[str, Any]) -> None:
    db = tmp_path / "global.db"
    result = CliRunner().invoke(main, ["--db", str(db), "serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert captured["host"] == "127.0.0.1" and captured["port"] == 8123
    assert db.exists()
    with TestClient(captured["app"], base_url="http://127.0.0.1:8123") as client:
        assert client.get("/api/stories").json()["total"] == 0
        # served on loopback, it answers only to loopback names (DNS rebinding)
        rebound = client.get("/api/stories", headers={"host": "evil.example:8123"})
        assert rebound.status_code == 400
        assert rebound.json()["error"]["code"] == "bad_host"


def test_serve_own_db_option_wins(tmp_path: Path, captured: dict[str, Any]) -> None:
    own = tmp_path / "own.db"
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "global.db"), "serve", "--db", str(own), "--host", "0.0.0.0"]
    )
    assert result.exit_code == 0, result.output
    assert own.exists() and not (tmp_path / "global.db").exists()
    assert captured["host"] == "0.0.0.0"
    # bound to every interface, any Host name is answered
    with TestClient(captured["app"], base_url="http://news.example") as client:
        assert client.get("/api/stories").status_code == 200


def test_serve_rejects_bad_port() -> None:
    result = CliRunner().invoke(main, ["serve", "--port", "70000"])
    assert result.exit_code == 2
