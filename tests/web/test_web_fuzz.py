"""Property-based requests against every route in /openapi.json: no 500s, responses as
documented. Uses schemathesis when installed, else hypothesis-generated requests."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crossread.store import SqliteStore
from crossread.web import create_app

HAS_SCHEMATHESIS = importlib.util.find_spec("schemathesis") is not None


@pytest.fixture(scope="module")
def fuzz_app(web_data: Path, ingest) -> Iterator[FastAPI]:
    """A store of its own: fuzzed ingests must not leak into other tests."""
    app = create_app(SqliteStore.memory(), max_upload=64 * 1024)
    with TestClient(app) as client:
        ingest(client, sorted(web_data.glob("*.txt")))
        yield app


@pytest.mark.skipif(not HAS_SCHEMATHESIS, reason="schemathesis not installed (hypothesis below)")
def test_schemathesis_finds_no_server_errors(fuzz_app: FastAPI) -> None:
    # Driven programmatically: schemathesis' pytest plugin (from_fixture) breaks on pytest 9.
    import schemathesis
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance

    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzz_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def check(case) -> None:  # type: ignore[no-untyped-def]
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()


# Hypothesis fallback (and an extra net when schemathesis is present): odd values for every
# query parameter and path id.
ODD_TEXT = st.text(min_size=0, max_size=40) | st.sampled_from(
    ['"', "*", "NEAR(", "a OR b", "%", "_", "\\", "\x00", "../../etc/passwd", "🙂", " "]
)


def _routes(app: FastAPI) -> list[str]:
    return sorted(TestClient(app).get("/openapi.json").json()["paths"])


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=ODD_TEXT, number=st.integers(min_value=-(2**70), max_value=2**70))
def test_odd_parameters_never_500(fuzz_app: FastAPI, value: str, number: int) -> None:
    client = TestClient(fuzz_app)
    for path in _routes(fuzz_app):
        segment = quote(value, safe="") or "x"
        url = path.replace("{story_id}", segment).replace("{article_id}", segment)
        url = url.replace("{entity_id}", segment)
        params = {
            "q": value,
            "outlet": value,
            "entity": value,
            "since": value,
            "until": value,
            "order": value,
            "limit": str(number),
            "offset": str(number),
            "ids": [value, value + "x"],
        }
        if path == "/api/ingest":
            response = client.post(url, json={"text": value or "x", "name": value or "n"})
        else:
            response = client.get(url, params=params)
        assert response.status_code < 500, (url, value, number, response.text)
        if response.status_code >= 400:
            assert response.json()["error"]["code"]
    for page in ("/", "/search", "/entities", "/compare"):
        response = client.get(page, params={"q": value, "offset": str(number), "ids": value})
        assert response.status_code < 500, (page, value, number)
