"""End to end in headless Chromium (Debian's /usr/bin/chromium driven by Playwright)."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.skipif(
        importlib.util.find_spec("playwright") is None, reason="needs the playwright package"
    ),
]


@pytest.fixture()
def page() -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page
        browser.close()
        # a CSP violation or a script error shows up on the console
        assert not errors, errors


def test_seed_story_compare_and_citation(page, live_server, seeds_dir: Path, ingest) -> None:
    with httpx.Client(base_url=live_server.url, timeout=120) as client:
        result = ingest(client, sorted(seeds_dir.glob("*.txt")))
    assert result["ingested"] == 2
    story_id = result["files"][0]["stories"][0]

    page.goto(live_server.url + "/")
    page.click("a.story-link")
    page.wait_for_selector("#summary")
    assert page.url.endswith(f"/stories/{story_id}")

    # click a citation: its evidence appears, holding a sentence from a cited article
    button = page.locator("button.cite").first
    target = button.get_attribute("data-target")
    evidence = page.locator(f"#{target}")
    assert evidence.is_hidden()
    button.click()
    assert evidence.is_visible()
    assert button.get_attribute("aria-expanded") == "true"
    assert evidence.locator("blockquote").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "story.png"), full_page=True)

    # the compare view: both articles side by side, removed boilerplate greyed
    page.click("#compare-button")
    page.wait_for_selector("table.compare")
    assert page.locator("table.compare thead th").count() == 3  # fact column + 2 articles
    assert page.locator("tr.removed-row .removed").count() >= 1
    assert page.locator("table.compare tbody tr").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "compare.png"), full_page=True)


def test_upload_form(page, live_server, web_data: Path) -> None:
    page.goto(live_server.url + "/ingest")
    page.set_input_files(
        "#files", [str(web_data / "harbour_gazette.txt"), str(web_data / "harbour_courier.txt")]
    )
    page.click("#ingest-button")
    page.wait_for_selector("table.ingest-results")
    rows = page.locator("table.ingest-results tbody tr")
    assert rows.count() == 2
    assert page.locator("table.ingest-results tr.ok").count() == 2
    assert "ingested 1 article" in rows.first.inner_text()
    page.locator("table.ingest-results a[href^='/stories/']").first.click()
    page.wait_for_selector("#coverage")
    assert "Larkspur" in page.locator("h1").inner_text()
    # an XSS article through the paste box shows its payload as text, runs nothing
    page.goto(live_server.url + "/ingest")
    page.fill("#text", (web_data / "xss.txt").read_text())
    page.click("#ingest-button")
    page.locator("table.ingest-results a[href^='/articles/']").first.click()
    page.wait_for_selector("article.article")
    assert '<script>alert("xss-body")</script>' in page.locator(".body").inner_text()
    assert page.locator(".body img").count() == 0
