"""Readers keep getting answers while ingests run (SQLite WAL, a connection per thread)."""

from __future__ import annotations

import threading
from pathlib import Path

import httpx

READ_URLS = ["/api/stories", "/api/search?q=bridge", "/api/entities", "/", "/search?q=storm"]


def _variants(web_data: Path, count: int) -> list[tuple[str, bytes]]:
    """Distinct articles made from our fixtures by changing the numbers in them."""
    out = []
    for i in range(count):
        for path in sorted(web_data.glob("harbour_*.txt")):
            text = (
                path.read_text()
                .replace("40,000", f"{40 + i},000")
                .replace("55,000", f"{55 + i},000")
            )
            text = text.replace("three days", f"{3 + i} days")
            out.append((f"{i}-{path.name}", text.encode()))
    return out


def test_readers_during_ingest(live_server, web_data: Path) -> None:
    base = live_server.url
    with httpx.Client(base_url=base, timeout=60) as client:
        first = client.post(
            "/api/ingest", files=[("files", (n, d)) for n, d in _variants(web_data, 1)]
        )
        assert first.status_code == 200
    story = first.json()["files"][0]["stories"][0]
    urls = [*READ_URLS, f"/api/stories/{story}", f"/stories/{story}"]
    statuses: list[int] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while not done.is_set():
                for url in urls:
                    try:
                        statuses.append(client.get(url).status_code)
                    except BaseException as exc:  # a dropped connection is a failure too
                        errors.append(exc)

    def write() -> None:
        try:
            with httpx.Client(base_url=base, timeout=120) as client:
                for name, data in _variants(web_data, 6)[2:]:
                    response = client.post("/api/ingest", files=[("files", (name, data))])
                    statuses.append(response.status_code)
                    assert response.json()["ok"], response.text
        except BaseException as exc:
            errors.append(exc)
        finally:
            done.set()

    readers = [threading.Thread(target=read) for _ in range(4)]
    writer = threading.Thread(target=write)
    for thread in [*readers, writer]:
        thread.start()
    for thread in [writer, *readers]:
        thread.join(timeout=300)
    assert not errors, errors
    assert len(statuses) > 10 and set(statuses) == {200}
    with httpx.Client(base_url=base) as client:
        assert client.get("/api/stories").json()["total"] >= 1
        assert client.get("/api/search", params={"q": "bridge"}).json()["items"]
