"""The REST API through TestClient: listings, briefs, compare, search, errors."""

from __future__ import annotations

from fastapi.testclient import TestClient

from crossread.store import SqliteStore
from crossread.web import create_app

CONTRACT_KEYS = {"same_story", "similarity", "articles", "facts", "entities", "timeline", "quotes"}


def _story_with(client: TestClient, outlet: str) -> dict:
    items = client.get("/api/stories", params={"outlet": outlet}).json()["items"]
    assert items, f"no story from {outlet}"
    story: dict = items[0]
    return story


def test_stories_list_and_pagination(client: TestClient) -> None:
    body = client.get("/api/stories").json()
    assert body["total"] >= 3
    assert len(body["items"]) == body["total"]
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert first["total"] == body["total"]


def test_stories_newest_and_biggest_first(client: TestClient) -> None:
    newest = client.get("/api/stories").json()["items"]
    lasts = [s["last"] for s in newest if s["last"]]
    assert lasts == sorted(lasts, reverse=True)
    biggest = client.get("/api/stories", params={"order": "biggest"}).json()["items"]
    sizes = [s["articles"] for s in biggest]
    assert sizes == sorted(sizes, reverse=True)


def test_story_filters(client: TestClient) -> None:
    harbour = client.get("/api/stories", params={"q": "harbour bridge"}).json()["items"]
    assert harbour and all("bridge" in s["headline"].lower() for s in harbour)
    gazette = client.get("/api/stories", params={"outlet": "Larkspur Gazette"}).json()
    assert gazette["total"] >= 1
    assert all("Larkspur Gazette" in s["outlets"] for s in gazette["items"])
    sato = client.get("/api/entities", params={"q": "Sato"}).json()["items"][0]
    for entity in (sato["id"], sato["name"]):
        by_entity = client.get("/api/stories", params={"entity": entity}).json()["items"]
        assert by_entity and all("bridge" in s["headline"].lower() for s in by_entity)
    future = client.get("/api/stories", params={"since": "2040-01-01"}).json()
    assert future["total"] == 0
    until = client.get("/api/stories", params={"until": "2031-03-31"}).json()["items"]
    assert until and all(s["first"] is None or s["first"] <= "2031-03-31" for s in until)
    assert not any("Council" in s["headline"] for s in until)


def test_bad_parameters_are_422_with_json_error(client: TestClient) -> None:
    for params in (
        {"limit": 0},
        {"limit": 1000},
        {"offset": -1},
        {"since": "yesterday"},
        {"order": "random"},
    ):
        response = client.get("/api/stories", params=params)
        assert response.status_code == 422, params
        error = response.json()["error"]
        assert error["code"] == "invalid" and error["message"]


def test_story_brief_follows_the_json_contract(client: TestClient) -> None:
    story = _story_with(client, "Northshore Courier")
    brief = client.get(f"/api/stories/{story['id']}").json()
    assert brief.keys() >= CONTRACT_KEYS
    assert {a["id"] for a in brief["articles"]} == set(story["article_ids"])
    for fact in brief["facts"]:
        assert fact["status"] in {"corroborated", "exclusive", "conflicting"}
        for support in fact["support"]:
            assert support["article"] in story["article_ids"]


def test_wrong_method_is_405_json(client: TestClient) -> None:
    response = client.delete("/api/stories")
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"


def test_unknown_ids_are_404(client: TestClient) -> None:
    for url in ("/api/stories/nope", "/api/articles/nope", "/api/entities/nope", "/api/nope"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"


def test_article(client: TestClient) -> None:
    story = _story_with(client, "Larkspur Gazette")
    article_id = story["article_ids"][0]
    article = client.get(f"/api/articles/{article_id}").json()
    assert article["id"] == article_id and article["story"] == story["id"]
    assert article["text"]
    assert isinstance(article["removed"], list)


def test_compare(client: TestClient) -> None:
    gazette = client.get("/api/search", params={"q": "Gazette anchors"}).json()["items"]
    courier = client.get("/api/search", params={"q": "Courier shop owners"}).json()["items"]
    ids = [gazette[0]["article"], courier[0]["article"]]
    brief = client.get("/api/compare", params={"ids": ids}).json()
    assert brief.keys() >= CONTRACT_KEYS
    assert [a["id"] for a in brief["articles"]] == ids
    assert client.get("/api/compare", params={"ids": ids[:1]}).status_code == 422
    assert client.get("/api/compare", params={"ids": [ids[0], ids[0]]}).status_code == 422
    assert client.get("/api/compare", params={"ids": [ids[0], "nope"]}).status_code == 404


def test_entities(client: TestClient) -> None:
    items = client.get("/api/entities", params={"q": "Sato"}).json()["items"]
    assert items, "the transport director is an entity"
    detail = client.get(f"/api/entities/{items[0]['id']}").json()
    assert detail["entity"]["name"] == items[0]["name"]
    assert any("bridge" in s["headline"].lower() for s in detail["stories"])


def test_search_snippets_mark_hits(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "ferries"}).json()["items"]
    assert hits and "[" in hits[0]["snippet"]
    assert client.get("/api/search").status_code == 422
    # FTS5 syntax in user input is not syntax
    weird = client.get("/api/search", params={"q": 'bridge" OR NEAR( * "'})
    assert weird.status_code == 200


def test_ingest_reports_each_file(empty_client: TestClient, web_data) -> None:
    files = [
        (
            "files",
            ("harbour_gazette.txt", (web_data / "harbour_gazette.txt").read_bytes(), "text/plain"),
        ),
        ("files", ("binary.bin", bytes(range(256)) * 8, "application/octet-stream")),
    ]
    body = empty_client.post("/api/ingest", files=files).json()
    by_name = {f["name"]: f for f in body["files"]}
    assert by_name["harbour_gazette.txt"]["ok"] and by_name["harbour_gazette.txt"]["ingested"]
    failed = by_name["binary.bin"]
    assert not failed["ok"] and "binary.bin" in failed["failed"][0]["message"]
    assert body["ingested"] == 1 and not body["ok"]
    again = empty_client.post("/api/ingest", files=files[:1]).json()
    assert again["duplicates"] == 1 and again["ingested"] == 0


def test_ingest_json_text(empty_client: TestClient, web_data) -> None:
    text = (web_data / "harbour_courier.txt").read_text()
    body = empty_client.post(
        "/api/ingest", json={"text": text, "name": "courier.txt", "published": "2031-03-12"}
    ).json()
    assert body["ingested"] == 1
    assert empty_client.get("/api/stories").json()["total"] == 1
    assert empty_client.post("/api/ingest", json={"text": ""}).status_code == 422
    assert empty_client.post("/api/ingest", json={"nope": 1}).status_code == 422
    assert (
        empty_client.post(
            "/api/ingest", content=b"x", headers={"content-type": "text/plain"}
        ).status_code
        == 415
    )


def test_ingest_size_limit_is_413() -> None:
    client = TestClient(create_app(SqliteStore.memory(), max_upload=1000, max_request=100_000))
    big = ("files", ("big.txt", b"word " * 400, "text/plain"))
    response = client.post("/api/ingest", files=[big])
    assert response.status_code == 413
    assert "big.txt" in response.json()["error"]["message"]
    assert client.post("/api/ingest", json={"text": "a" * 2000}).status_code == 413
    huge = client.post(
        "/api/ingest", content=b"x" * 200_000, headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413
    assert client.get("/api/stories").json()["total"] == 0


def test_cross_site_posts_are_refused(empty_client: TestClient) -> None:
    response = empty_client.post(
        "/api/ingest",
        json={"text": "Title\n\nBody text."},
        headers={"origin": "https://evil.example"},
    )
    assert response.status_code == 403
    assert empty_client.get("/api/stories").json()["total"] == 0


def test_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/api/stories", "/api/nope", "/static/style.css", "/openapi.json"):
        headers = client.get(url).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_openapi_lists_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/articles/{article_id}",
        "/api/compare",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/search",
        "/api/ingest",
    } <= paths
    assert not any(not p.startswith("/api/") for p in paths)


def test_allowed_hosts() -> None:
    from crossread.web.app import LOOPBACK_HOSTS

    app = create_app(SqliteStore.memory(), allowed_hosts=LOOPBACK_HOSTS)
    client = TestClient(app, base_url="http://127.0.0.1:8000")
    assert client.get("/api/stories").status_code == 200
    for host in ("localhost:8000", "[::1]:8000", "127.0.0.1"):
        assert client.get("/api/stories", headers={"host": host}).status_code == 200, host
    refused = client.get("/", headers={"host": "attacker.example:8000"})
    assert refused.status_code == 400 and "content-security-policy" in refused.headers
