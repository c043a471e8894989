"""Related-link boxes cut from the body, and the page blocks the extractor left out."""

from __future__ import annotations

from lxml import html as lxml_html

from crossread.ingest.html import read_html
from crossread.ingest.htmlblocks import (
    MAX_LISTED,
    drop_related,
    find_lead,
    is_related_cue,
    left_out_blocks,
)

PROSE = "The council voted on Tuesday to reopen the harbour bridge after three weeks of repairs."


def test_cues_are_short_heading_lines_in_several_languages() -> None:
    cues = ("Read more:", "RELATED STORIES", "Lesen Sie auch", "À lire aussi", "Leia também")
    for cue in (*cues, "Keine Kommentare", "3 Comments", "Leave a reply"):
        assert is_related_cue(cue), cue
    assert not is_related_cue("Read more about the vote in the council minutes published today.")
    assert not is_related_cue("Share prices fell")
    assert not is_related_cue("")


def test_a_box_in_the_middle_goes_and_the_prose_after_it_stays() -> None:
    lines = [PROSE, "Lesen Sie auch", "Bridge closed after storm", "Ferry fares rise", PROSE * 2]
    kept, removed = drop_related(lines)
    assert kept == [PROSE, PROSE * 2]
    assert [r.text for r in removed] == lines[1:4]
    assert {r.reason for r in removed} == {"related-links"}


def test_a_cue_in_the_last_tenth_ends_the_text() -> None:
    lines = [PROSE * 12, "More from The Courier", "A sentence-like teaser that ends here."]
    kept, removed = drop_related(lines)
    assert kept == [PROSE * 12]
    assert len(removed) == 2


def test_text_without_cues_is_unchanged() -> None:
    lines = [PROSE, "A subheading", PROSE]
    assert drop_related(lines) == (lines, [])


def _tree(body: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(f"<html><body>{body}</body></html>")


def test_left_out_blocks_are_innermost_visible_and_not_in_the_text() -> None:
    tree = _tree(
        "<article><p>The council <b>voted</b> on Tuesday.</p></article>"
        "<figure><figcaption>Photo: the bridge at dusk, by A. Painter</figcaption></figure>"
        "<ul><li>Home</li><li>Sign up for our weekly newsletter</li></ul>"
        "<div><p>Sign up for our weekly newsletter</p><script>var x = 'a b c d';</script></div>"
    )
    blocks = left_out_blocks(tree, "The council voted\non Tuesday.")
    assert [b.text for b in blocks] == [
        "Photo: the bridge at dusk, by A. Painter",
        "Sign up for our weekly newsletter",
    ]
    assert {b.reason for b in blocks} == {"html-boilerplate"}


def test_left_out_blocks_are_bounded() -> None:
    tree = _tree("".join(f"<li>Related story number {i} here</li>" for i in range(200)))
    assert len(left_out_blocks(tree, "", limit=MAX_LISTED)) == MAX_LISTED
    assert len(left_out_blocks(tree, "")) == 200


def test_read_html_lists_what_it_dropped() -> None:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {i} adds detail.</p>" for i in range(6))
    page = (
        "<html><head><title>Harbour bridge reopens today</title></head><body>"
        "<nav><ul><li>World news and politics</li><li>Sport and culture pages</li></ul></nav>"
        "<header><h1>Harbour bridge reopens today</h1></header>"
        f"<article>{paragraphs}"
        "<p>Read more:</p><p>Ferry fares rise again</p><p>Storm damage in pictures</p>"
        "</article><footer><p>Copyright 2024 The Northfield Courier</p></footer></body></html>"
    ).encode()
    doc = read_html(page, source="bridge.html", url="https://courier.example/2024/05/01/bridge")
    assert "Ferry fares" not in doc.text and "Paragraph 5 adds detail" in doc.text
    reasons = {r.text: r.reason for r in doc.removed}
    assert reasons.get("Ferry fares rise again") == "related-links"
    assert reasons.get("Copyright 2024 The Northfield Courier") == "html-boilerplate"
    assert doc.title == "Harbour bridge reopens today"
    assert doc.title not in reasons  # the headline is the title, not boilerplate


LEAD = "Three weeks after the storm, the harbour bridge carries traffic again from Monday."


def test_find_lead_needs_the_description_and_enough_words() -> None:
    from crossread.models import Removal

    blocks = [Removal(text="Sign up for our weekly newsletter", reason="html-boilerplate")]
    blocks.append(Removal(text=LEAD, reason="html-boilerplate"))
    assert find_lead(blocks, (LEAD[:60] + "...",)) == blocks[1]  # a truncated description
    other = "A different summary of some other story entirely, at length."
    assert find_lead(blocks, (other,)) is None
    assert find_lead(blocks, ()) is None
    short = [Removal(text="Bridge reopens on Monday", reason="html-boilerplate")]
    assert (
        find_lead(short, ("Bridge reopens on Monday after weeks of repairs to the deck",)) is None
    )


def test_read_html_puts_back_a_standfirst_the_extractor_dropped() -> None:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {i} adds detail.</p>" for i in range(6))
    page = (
        f'<html><head><title>Bridge reopens</title><meta property="og:description" '
        f'content="{LEAD}"></head><body><header><h1>Bridge reopens</h1>'
        f'<div class="standfirst"><p>{LEAD}</p></div></header>'
        f"<article>{paragraphs}</article></body></html>"
    ).encode()
    doc = read_html(page, source="bridge.html", url="https://courier.example/2024/05/01/bridge")
    assert doc.text.startswith(LEAD)
    assert LEAD not in {r.text for r in doc.removed}


def test_one_line_links_go_and_sentences_with_a_colon_stay() -> None:
    from crossread.ingest.htmlblocks import is_related_link

    assert is_related_link("MORE : Storm closes the harbour bridge")
    assert is_related_link("Lesen Sie auch: Fähre fällt am Montag aus")
    assert not is_related_link("More: the council said the bridge would reopen on Monday.")
    assert not is_related_link("Minister: We will rebuild the bridge")
    kept, removed = drop_related([PROSE, "READ MORE: Ferry fares rise again", PROSE])
    assert kept == [PROSE, PROSE] and removed[0].reason == "related-links"
