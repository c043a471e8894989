"""Fixtures for the web tests: apps over stores filled through the real pipeline."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient

from crossread.store import SqliteStore
from crossread.web import create_app

WEB_DATA = Path(__file__).resolve().parent.parent / "data" / "web"


def ingest_files(client: TestClient | httpx.Client, paths: list[Path]) -> dict:
    files = [("files", (p.name, p.read_bytes(), "text/plain")) for p in paths]
    response = client.post("/api/ingest", files=files)
    assert response.status_code == 200, response.text
    body: dict = response.json()
    return body


@pytest.fixture(scope="session")
def ingest() -> Callable[[TestClient | httpx.Client, list[Path]], dict]:
    """Post files to /api/ingest and return the JSON result (asserting a 200)."""
    return ingest_files


@pytest.fixture(scope="session")
def web_data() -> Path:
    return WEB_DATA


@pytest.fixture(scope="session")
def seeded_app() -> FastAPI:
    """An app over an in-memory store holding our own harbour and XSS articles."""
    app = create_app(SqliteStore.memory())
    with TestClient(app) as client:
        ingest_files(client, sorted(WEB_DATA.glob("*.txt")))
    return app


@pytest.fixture()
def client(seeded_app: FastAPI) -> TestClient:
    return TestClient(seeded_app)


@pytest.fixture()
def empty_client() -> Iterator[TestClient]:
    with TestClient(create_app(SqliteStore.memory())) as client:
        yield client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class LiveServer:
    url: str
    db: Path


@pytest.fixture()
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """uvicorn on 127.0.0.1 (a free port) in a thread, over a fresh database file."""
    db = tmp_path / "web.db"
    port = free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(url=f"http://127.0.0.1:{port}", db=db)
    finally:
        server.should_exit = True
        thread.join(timeout=20)
