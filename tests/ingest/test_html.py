"""read_html on pages we wrote: metadata choice, no-article verdicts, encodings, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossread.errors import IngestError
from crossread.ingest.html import outlet_name, read_html, registrable_domain

HTML = Path(__file__).resolve().parent.parent / "data" / "html"


def read(name: str, url: str | None = None):
    return read_html((HTML / name).read_bytes(), source=name, url=url)


def test_json_ld_article_metadata() -> None:
    doc = read("article_jsonld.html")
    assert doc.status == "ok"
    assert doc.title == "Harbour bridge reopens after storm repairs"
    assert doc.byline == "Maria Okafor, Tom Lindqvist"
    assert doc.outlet == "The Northfield Courier"
    # published, not the later modified date
    assert doc.published is not None and doc.published.startswith("2023-03-07")
    assert doc.language == "en"
    assert doc.url and doc.url.startswith("https://www.northfield-courier.example/")
    assert "twenty thousand cars a day" in doc.text
    assert "We use cookies" not in doc.text
    assert "Most read" not in doc.text


def test_meta_tags_and_url_date() -> None:
    url = "https://www.valleypost.example/2021/05/04/rail-strike-called-off"
    doc = read("meta_only.html", url=url)
    assert doc.status == "ok"
    assert doc.title == "Rail strike called off after late talks"
    assert doc.byline == "Priya Raman"
    assert doc.published == "2021-05-04"
    assert doc.outlet == "valleypost.example"
    assert doc.url == url


def test_cookie_banner_shell_is_no_article() -> None:
    doc = read("cookie_shell.html")
    assert doc.status == "no_article"
    assert doc.language == "de"


def test_paywall_stub() -> None:
    doc = read("paywall.html")
    assert doc.status == "paywall"
    assert doc.byline == "Sam Whitfield"


def test_index_page_is_no_article() -> None:
    assert read("index_page.html").status == "no_article"


def test_scripts_and_event_handlers_never_reach_text() -> None:
    doc = read("script_payload.html")
    assert doc.status == "ok"
    assert "alert" not in doc.text and "document.cookie" not in doc.text
    assert "onerror" not in doc.text and "injected" not in doc.text
    assert doc.published == "2022-08-16T10:00:00+09:00"


def test_latin1_page_with_dateline_and_detected_language() -> None:
    doc = read("latin1_no_lang.html")
    assert doc.title == "Le café historique déménage"
    assert "propriétaire" in doc.text
    assert doc.published == "2021-03-03"
    pytest.importorskip("py3langid")
    assert doc.language == "fr"


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty"), (b"   \n", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary")],
)
def test_bad_input_names_the_file(data: bytes, problem: str) -> None:
    with pytest.raises(IngestError, match=rf"^bad\.html: .*{problem}"):
        read_html(data, source="bad.html")


def test_truncated_to_nothing() -> None:
    with pytest.raises(IngestError, match=r"^cut\.html: "):
        read_html(b"<html><head><script>var a = 1;", source="cut.html")


def test_truncated_page_keeps_what_is_there() -> None:
    data = (HTML / "article_jsonld.html").read_bytes()
    cut = data[: data.index(b"Local businesses")]
    doc = read_html(cut, source="cut.html")
    assert doc.title == "Harbour bridge reopens after storm repairs"
    assert "twenty thousand cars" in doc.text


def test_outlet_names() -> None:
    assert outlet_name("https://www.reuters.com/world/x") == "Reuters"
    assert outlet_name("https://edition.cnn.com/2022/08/16/x") == "CNN"
    assert outlet_name("https://news.example.co.uk/a", None) == "example.co.uk"
    assert outlet_name("https://news.example.org/a", "Example News") == "Example News"
    assert registrable_domain("www.m.example.com") == "example.com"


def test_a_page_named_by_its_url_uses_it() -> None:
    name = "https://www.reuters.com/world/2021/05/04/rail-strike-called-off/"
    doc = read_html((HTML / "meta_only.html").read_bytes(), source=name)
    assert (doc.url, doc.published, doc.outlet) == (name, "2021-05-04", "Reuters")


def test_bot_wall_is_no_article() -> None:
    doc = read("bot_wall.html")
    assert doc.status == "no_article"
    assert any("bot wall" in w for w in doc.warnings)
