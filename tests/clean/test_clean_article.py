"""clean() on RawDocuments built in the test: overrides, ids, errors, formats."""

from __future__ import annotations

import datetime as dt

import pytest

from crossread.clean import article_id, clean
from crossread.errors import IngestError
from crossread.models import RawDocument, Removal

BODY = (
    "Harbour Gazette\n\n"
    "The port authority approved a new container terminal on Monday, officials said.\n\n"
    "Construction will take three years."
)


def _raw(text: str = BODY, **fields: object) -> RawDocument:
    return RawDocument(
        source="t.txt", fmt="text", text=f"Port approves terminal\n\n{text}", **fields
    )  # type: ignore[arg-type]


def test_detected_metadata_and_text() -> None:
    article = clean(_raw())
    assert article.title == "Port approves terminal"
    assert article.outlet == "Harbour Gazette"
    assert article.text == (
        "The port authority approved a new container terminal on Monday, officials said."
        "\n\nConstruction will take three years."
    )
    assert article.removed == (Removal(text="Harbour Gazette", reason="outlet-line"),)
    assert article.source == "t.txt"


def test_overrides_win_over_detection_and_reader() -> None:
    raw = _raw(outlet="Reader Outlet", published="2020-01-01")
    article = clean(raw, outlet="User Outlet", published=dt.date(2024, 5, 6))
    assert article.outlet == "User Outlet"
    assert article.published == dt.date(2024, 5, 6)


def test_reader_metadata_wins_over_detection() -> None:
    article = clean(_raw(outlet="Reader Outlet", published="2020-01-01"))
    assert article.outlet == "Reader Outlet"
    assert article.published == dt.date(2020, 1, 1)
    # An outlet line under the headline is still metadata, not body text.
    assert "Harbour Gazette" not in article.text


def test_line_naming_the_given_outlet_is_metadata_in_any_format() -> None:
    raw = RawDocument(
        source="p.html",
        fmt="html",
        title="Port approves terminal",
        outlet="Harbour Gazette",
        text=BODY,
    )
    article = clean(raw)
    assert article.text.startswith("The port authority")
    assert article.removed == (Removal(text="Harbour Gazette", reason="outlet-line"),)


def test_id_is_stable_and_content_based() -> None:
    a, b = clean(_raw()), clean(_raw())
    assert a.id == b.id == article_id(a.title, a.text)
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    # Only title and cleaned text count: a different source or outlet is the same article.
    assert clean(_raw(), outlet="Other").id == a.id
    changed = clean(_raw(BODY + "\n\nA late paragraph was added."))
    assert changed.id != a.id


def test_boilerplate_only_document_fails_naming_source() -> None:
    raw = RawDocument(source="feed.xml#4", fmt="feed", text="Advertisement\n\nShare", title="T")
    with pytest.raises(IngestError, match=r"^feed\.xml#4: no article text left after cleaning"):
        clean(raw)


def test_empty_document_fails() -> None:
    with pytest.raises(IngestError, match=r"^x: no article text"):
        clean(RawDocument(source="x", fmt="json", text="   ", title="T"))


def test_not_ok_status_fails() -> None:
    raw = RawDocument(source="p.html", fmt="html", text="Subscribe", status="paywall")
    with pytest.raises(IngestError, match=r"^p\.html: not an article \(paywall\)"):
        clean(raw)


def test_title_repeated_at_top_of_body_is_dropped() -> None:
    raw = RawDocument(
        source="r.json#1",
        fmt="json",
        title="Port approves terminal",
        text="Port approves terminal\n\nThe port authority approved a new terminal on Monday.",
    )
    article = clean(raw)
    assert article.text == "The port authority approved a new terminal on Monday."


def test_no_shape_guessed_outlet_outside_scraped_text() -> None:
    # In an HTML page's text a lone capitalised word is a kicker, not an outlet.
    raw = RawDocument(
        source="p.html",
        fmt="html",
        title="Markets rally",
        text="Finanzmarkt\n\nStocks rose sharply on Tuesday as inflation eased in the euro zone.",
    )
    article = clean(raw)
    assert article.outlet is None
    assert article.text.startswith("Finanzmarkt")


def test_reader_removals_come_first() -> None:
    kept = Removal(text="A caption from the feed", reason="caption")
    raw = RawDocument(
        source="f#1",
        fmt="feed",
        title="T",
        text="Body sentence here.\n\nAdvertisement",
        removed=(kept,),
    )
    article = clean(raw)
    assert article.removed == (kept, Removal(text="Advertisement", reason="advertisement"))


def test_missing_title_falls_back_to_first_sentence() -> None:
    raw = RawDocument(
        source="r.json#2",
        fmt="json",
        text="The bridge reopened on Sunday after repairs. Engineers found no damage.",
    )
    article = clean(raw)
    assert article.title == "The bridge reopened on Sunday after repairs."
    assert article.text.startswith("The bridge reopened")  # the body keeps it


def test_repeated_body_paragraph_keeps_first_copy_near_verbatim() -> None:
    para = "The council voted 7 to 2 to approve the budget for next year, the clerk said."
    raw = _raw(f"{para}\n\nOther news.\n\n{para.replace(' the clerk', '  the  clerk')}")
    article = clean(raw)
    assert article.text.count("approve the budget") == 1
    assert [r.reason for r in article.removed][-1] == "repeated-line"


def test_uncredited_copy_of_a_caption_goes_too() -> None:
    caption = "Crowds gather in the main square on Saturday evening"
    raw = _raw(
        f"{caption}. Photo: AFP\n\n{caption}.\n\n"
        "Thousands of people marched through the city on Saturday, police said."
    )
    article = clean(raw)
    assert caption not in article.text
    assert [r.reason for r in article.removed].count("caption") == 2


def test_uncredited_caption_printed_twice_at_the_top_goes_entirely() -> None:
    caption = "Rescue workers search the rubble of a collapsed building in the old town"
    raw = _raw(
        f"{caption}\n{caption}\n\n"
        "Rescue teams worked through the night after a building collapsed in the old town.\n\n"
        "Two people were taken to hospital."
    )
    article = clean(raw)
    assert caption not in article.text
    assert [r.reason for r in article.removed] == ["caption", "caption"]


def test_repeated_body_paragraph_further_down_keeps_its_first_copy() -> None:
    quote = '"We will rebuild the old town," the mayor said.'
    raw = _raw(f"{quote}\n\nRescue teams worked through the night.\n\n{quote}")
    article = clean(raw)
    assert article.text.count(quote) == 1
    assert article.text.startswith(quote)


def test_title_found_after_leading_boilerplate() -> None:
    raw = RawDocument(
        source="s.txt",
        fmt="text",
        text="Advertisement\n\nWorld\n\nPort approves terminal\n\nThe port authority approved "
        "a new container terminal on Monday, officials said.",
    )
    article = clean(raw)
    assert article.title == "Port approves terminal"
    assert article.text.startswith("The port authority")
    assert [r.reason for r in article.removed] == ["advertisement", "section-label"]
