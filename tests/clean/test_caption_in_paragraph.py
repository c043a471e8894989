"""A photo credit run into a long paragraph costs the credit, not the paragraph."""

from __future__ import annotations

from crossread.clean import clean
from crossread.models import RawDocument

BODY = " ".join(
    f"The harbour council met for the {n}th time to discuss the flood barrier and its cost."
    for n in range(1, 9)
)


def _clean(text: str):  # type: ignore[no-untyped-def]
    return clean(RawDocument(source="t.txt", fmt="text", text=text, title="Barrier vote"))


def test_long_paragraph_ending_with_a_credit_keeps_its_text() -> None:
    article = _clean(f"{BODY} Council members during the vote. (REUTERS/Jane Doe)")
    assert len(BODY) > 600
    assert article.text == f"{BODY} Council members during the vote."
    assert [r.reason for r in article.removed] == ["caption"]
    assert "REUTERS" in article.removed[0].text and "harbour" not in article.removed[0].text


def test_short_caption_paragraph_still_goes_whole() -> None:
    article = _clean(f"{BODY}\n\nCouncil members during the vote. (REUTERS/Jane Doe)")
    assert article.text == BODY
    assert [r.reason for r in article.removed] == ["caption"]
    assert article.removed[0].text.startswith("Council members")
