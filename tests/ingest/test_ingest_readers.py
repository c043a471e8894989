"""Each reader on fixtures we wrote (tests/data/ingest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from crossread.ingest import read, read_bytes


@pytest.fixture(scope="module")
def ingest_dir(fixtures_dir: Path) -> Path:
    return fixtures_dir / "ingest"


def test_text_with_date_header(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "header.txt")
    assert doc.fmt == "text"
    assert doc.source == str(ingest_dir / "header.txt")
    assert doc.title == "Harbour city opens new ferry line to the islands"
    assert doc.published == "2024-03-05"
    # Outlet lines are the clean stage's business: the reader hands the rest on verbatim.
    assert doc.outlet is None
    assert "Northshore Herald" in doc.text
    assert "cutting the crossing from three hours to 70 minutes." in doc.text
    assert "date 2024-03-05" not in doc.text


def test_text_with_field_header(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "fields.txt")
    assert doc.title == "Rail strike called off after overnight talks"
    assert doc.outlet == "Valley Courier"
    assert doc.published == "12 February 2024"
    assert doc.url == "https://valleycourier.example/rail-strike"
    assert doc.byline == "Tom Okafor"
    assert doc.text.strip().startswith("Drivers' union leaders")


def test_text_without_header_keeps_everything(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "crlf.txt")
    assert doc.title is None and doc.published is None
    assert "\r" not in doc.text
    assert doc.text.startswith("Library reopens after flood repairs\n\nThe central library")


def test_gzip_is_read_transparently(ingest_dir: Path) -> None:
    [plain] = read(ingest_dir / "header.txt")
    [packed] = read(ingest_dir / "article.txt.gz")
    assert packed.text == plain.text
    assert packed.title == plain.title


def test_json_single_object(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "article.json")
    assert doc.fmt == "json"
    assert doc.title == "Wind farm approved off the east coast"
    assert doc.outlet == "Coastal Times"  # nested {"name": ...}
    assert doc.byline == "Mara Lindqvist, Jon Berg"  # list of author objects
    assert doc.published == "2024-05-16T09:30:00+02:00"
    assert doc.url == "https://coastaltimes.example/wind-farm"
    assert doc.language == "en"
    assert doc.text.endswith("Construction is due to start next spring.")


def test_json_list_skips_record_without_text_with_warning(ingest_dir: Path) -> None:
    docs = list(read(ingest_dir / "articles.json"))
    assert [d.title for d in docs] == ["Bridge closed for inspection", "Bridge reopens"]
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "3"]
    assert docs[0].warnings == ()
    assert docs[1].warnings == (
        "record 2: skipped, record has no text (looked for text, body, content, article...)",
    )
    # HTML inside a JSON body becomes paragraphs.
    assert docs[1].text == "The river bridge reopened on Sunday.\n\nEngineers found no damage."
    assert docs[1].url == "https://riverpost.example/bridge-reopens"


def test_json_object_wrapping_a_list(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "wrapped.json")
    assert doc.outlet == "Arts Daily"
    assert doc.byline == "Lea Moreau"
    assert doc.published == "2024-06-12T14:00:00Z"


def test_jsonl_yields_good_lines_and_warns_about_bad_ones(ingest_dir: Path) -> None:
    docs = list(read(ingest_dir / "articles.jsonl"))
    assert [d.title for d in docs] == ["Snowfall closes mountain pass", "Pass reopens"]
    assert docs[0].source.endswith("articles.jsonl#1")
    assert docs[1].source.endswith("articles.jsonl#4")  # line numbers, blank lines counted
    assert docs[1].byline == "Anna Keller"
    assert docs[1].outlet == "Alpine Report"
    warnings = docs[1].warnings
    assert any(w.startswith("line 2: skipped, malformed JSON at column 63") for w in warnings)
    # The trailing bad line has no next document: it rides on the last one.
    assert any(w.startswith("line 5: skipped, expected an object") for w in warnings)


def test_rss_entries(ingest_dir: Path) -> None:
    docs = list(read(ingest_dir / "feed.rss"))
    assert [d.title for d in docs] == [
        "Dock workers agree pay deal",
        "Summer timetable published",
        "Empty entry",
    ]
    assert [d.source.rsplit("#", 1)[1] for d in docs] == ["1", "2", "3"]
    first = docs[0]
    assert first.fmt == "feed" and first.status == "ok"
    assert first.outlet == "Harbour Gazette"
    assert first.byline == "Sam Reyes"
    assert first.url == "https://harbourgazette.example/pay-deal"
    assert first.published == "Tue, 09 Apr 2024 18:30:00 +0100"
    assert first.language == "en-gb"
    assert first.warnings == ()
    # content:encoded wins over the short description; paragraphs kept, entities decoded.
    assert first.text == (
        "Dock workers agreed a two-year pay deal on Tuesday, ending a month of overtime bans."
        "\n\nThe union said the deal raises pay by 6% this year & 4% next year."
    )
    assert [r.text for r in first.removed] == ["Workers at the east dock. Photo: Harbour Gazette"]
    assert [r.reason for r in first.removed] == ["caption"]
    second = docs[1]
    assert second.text == "The ferry operator published its summer timetable."
    assert any("only a summary" in w for w in second.warnings)
    # An entry without text keeps its title and link but is marked as no article.
    third = docs[2]
    assert third.status == "empty" and third.text == ""
    assert third.url == "https://harbourgazette.example/empty"


def test_feed_entries_without_text_are_not_articles(ingest_dir: Path) -> None:
    from crossread.clean import clean
    from crossread.errors import IngestError

    empty = list(read(ingest_dir / "feed.rss"))[2]
    with pytest.raises(IngestError, match=r"feed\.rss#3: not an article \(empty\)"):
        clean(empty)


def test_atom_entry(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "feed.atom")
    assert doc.title == "Reservoir levels recover after rain"  # markup stripped from title
    assert doc.outlet == "Upland Observer"
    assert doc.byline == "Priya Natarajan"
    assert doc.published == "2024-07-01T21:15:00-04:00"
    assert doc.text.split("\n\n") == [
        "Reservoir levels rose to 80% of capacity after a week of rain.",
        "The water board lifted its hosepipe ban.",
    ]


def test_rdf_feed(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "feed.rdf")
    assert doc.outlet == "Plains Ledger"
    assert doc.title == "Harvest starts early"
    assert doc.published == "2024-07-03"


def test_latin1_feed_with_declaration(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "feed-latin1.xml")
    assert doc.outlet == "Le Café du Port"
    assert doc.title == "Crème brûlée festival returns"
    assert "crème brûlée" in doc.text


def test_format_detected_by_content_not_extension(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "feed-as.txt")
    assert doc.fmt == "feed"
    assert doc.title == "Filed as text"


def test_forced_format_wins(ingest_dir: Path) -> None:
    [doc] = read(ingest_dir / "feed-as.txt", fmt="text")
    assert doc.fmt == "text"
    assert doc.text.startswith("<?xml")


def test_read_bytes_needs_no_file() -> None:
    data = b'{"title": "In memory", "text": "An uploaded record."}'
    [doc] = read_bytes(data, "upload")
    assert doc.source == "upload"
    assert doc.title == "In memory"


def test_html_goes_to_the_html_reader(ingest_dir: Path) -> None:
    pytest.importorskip("crossread.ingest.html", reason="HTML reader (issue 7) not present")
    [doc] = read(ingest_dir / "page.html")
    assert doc.fmt == "html"
    assert "protected cycle lanes" in doc.text


def test_html_detected_in_bytes_without_name(ingest_dir: Path) -> None:
    pytest.importorskip("crossread.ingest.html", reason="HTML reader (issue 7) not present")
    [doc] = read_bytes((ingest_dir / "page.html").read_bytes(), "upload")
    assert doc.fmt == "html"


def test_truncated_html_is_no_article_and_clean_refuses_it(ingest_dir: Path) -> None:
    pytest.importorskip("crossread.ingest.html", reason="HTML reader (issue 7) not present")
    from crossread.clean import clean
    from crossread.errors import IngestError

    [doc] = read(ingest_dir / "truncated.html")
    assert doc.status != "ok"
    with pytest.raises(IngestError, match=r"truncated\.html: not an article"):
        clean(doc)


def test_html_declaring_latin1_is_decoded(ingest_dir: Path) -> None:
    pytest.importorskip("crossread.ingest.html", reason="HTML reader (issue 7) not present")
    [doc] = read(ingest_dir / "latin1-declared.html")
    assert doc.status == "ok"
    assert "Owners of the cafés on the old square" in doc.text


def test_jsonl_streams_from_gzip_and_skips_non_utf8_lines(tmp_path: Path) -> None:
    import gzip
    import json

    lines = [json.dumps({"title": f"Story {i}", "text": f"Body of story {i}."}) for i in range(500)]
    data = "\n".join(lines).encode() + b'\n{"title": "caf\xe9", "text": "latin-1 line"}\n'
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(data))
    docs = list(read(path))
    assert len(docs) == 500
    assert docs[0].source == f"{path}#1" and docs[-1].title == "Story 499"
    assert any(w.startswith("line 501: skipped, not UTF-8") for w in docs[-1].warnings)


@pytest.mark.parametrize(
    ("data", "problem"),
    [(b"", "empty file"), (b"\x00\x01\x02" * 100, "binary data")],
)
def test_bad_jsonl_files(tmp_path: Path, data: bytes, problem: str) -> None:
    from crossread.errors import IngestError

    path = tmp_path / "bad.jsonl"
    path.write_bytes(data)
    with pytest.raises(IngestError, match=rf"^{path}: {problem}"):
        list(read(path))
