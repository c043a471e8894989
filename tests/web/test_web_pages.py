"""HTML pages: what a user sees, and that untrusted article text always renders as text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from fastapi.testclient import TestClient


def _xss_story(client: TestClient) -> dict:
    items = client.get("/api/search", params={"q": "council vote delayed"}).json()["items"]
    assert items, "the XSS fixture was ingested"
    hit: dict = items[0]
    return hit


class _Tags(HTMLParser):
    """Every start tag a browser would build, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _assert_inert(html: str) -> None:
    """No markup from the article survives as markup: only our own tags remain."""
    parser = _Tags()
    parser.feed(html)
    scripts = [attrs for tag, attrs in parser.tags if tag == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    assert not [t for t, _ in parser.tags if t in {"img", "b", "iframe", "object"}]
    handlers = [(t, a) for t, attrs in parser.tags for a in attrs if a.startswith("on")]
    assert not handlers


def test_script_and_onerror_payloads_render_as_text(client: TestClient) -> None:
    hit = _xss_story(client)
    pages = [
        f"/stories/{hit['story']}",
        f"/articles/{hit['article']}",
        "/search?q=council+vote",
        "/?q=council",
        "/entities",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_inert(response.text)
    article = client.get(f"/articles/{hit['article']}").text
    assert "&lt;script&gt;alert(&#34;xss-body&#34;)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=" in article


def test_xss_in_compare_view(client: TestClient) -> None:
    hit = _xss_story(client)
    other = client.get("/api/search", params={"q": "ferries"}).json()["items"][0]
    response = client.get("/compare", params={"ids": [hit["article"], other["article"]]})
    assert response.status_code == 200
    _assert_inert(response.text)
    assert "&lt;script&gt;" in response.text


def test_stories_page_lists_and_filters(client: TestClient) -> None:
    html = client.get("/").text
    assert "Larkspur" in html and "Council" in html
    filtered = client.get("/", params={"outlet": "Northshore Courier"}).text
    assert "Larkspur" in filtered and "Council" not in filtered
    assert client.get("/", params={"since": "not-a-date"}).status_code == 422


def test_story_page_sections(client: TestClient) -> None:
    story = client.get("/api/stories", params={"q": "harbour bridge"}).json()["items"][0]
    html = client.get(f"/stories/{story['id']}").text
    for section in ("summary", "coverage", "timeline", "quotes", "entities", "framing", "articles"):
        assert f'id="{section}"' in html
    # each citation button points at an evidence block that is there, hidden until clicked
    targets = re.findall(r'class="cite" data-target="([^"]+)"', html)
    assert targets
    for target in targets:
        assert f'class="evidence" id="{target}" hidden' in html
    assert "Larkspur Gazette" in html and "Northshore Courier" in html
    assert 'class="removed"' in html  # the share prompt and photo credit, greyed
    # entity links lead to entity pages that list this story
    entity_links = re.findall(r'<a href="(/entities/[^"]+)">', html)
    assert entity_links
    assert story["id"] in client.get(entity_links[0]).text


def test_compare_page_aligns_rows(client: TestClient) -> None:
    story = client.get("/api/stories", params={"q": "harbour bridge"}).json()["items"][0]
    html = client.get("/compare", params={"ids": story["article_ids"]}).text
    assert html.count('<th><a href="/articles/') == len(story["article_ids"])
    assert 'class="removed-row"' in html
    assert client.get("/compare", params={"ids": story["article_ids"][:1]}).status_code == 422


def test_entity_page(client: TestClient) -> None:
    entity = client.get("/api/entities", params={"q": "Sato"}).json()["items"][0]
    html = client.get(f"/entities/{entity['id']}").text
    assert entity["name"] in html and "<svg" in html


def test_error_pages_are_html(client: TestClient) -> None:
    response = client.get("/stories/nope")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "no story with id" in response.text


def test_ingest_page_paste_and_errors(empty_client: TestClient, web_data) -> None:
    assert 'enctype="multipart/form-data"' in empty_client.get("/ingest").text
    text = (web_data / "harbour_gazette.txt").read_text()
    html = empty_client.post("/ingest", data={"text": text, "name": "gazette.txt"}).text
    assert "gazette.txt" in html and "ingested 1 article" in html
    nothing = empty_client.post("/ingest", data={"text": "  "})
    assert nothing.status_code == 422 and "Nothing to ingest" in nothing.text
    bad = empty_client.post("/ingest", files=[("files", ("empty.txt", b"", "text/plain"))])
    assert bad.status_code == 200 and 'class="error"' in bad.text and "empty.txt" in bad.text
