"""Properties that hold for any input: nothing is rewritten, nothing vanishes unrecorded."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from crossread.clean import clean
from crossread.errors import IngestError
from crossread.models import RawDocument

LINES = [
    "The council approved the budget on Monday, the mayor said.",
    "Police said 14 people were arrested after the march.",
    "“We will not give up,” she told reporters outside the court.",
    "Prices rose 3.2% in May from a year earlier, the statistics office said.",
    "Advertisement",
    "·4-min read",
    "Crowds in the square on Saturday. Photo: AFP",
    "Read more: Earlier coverage of the strike",
    "Additional reporting by Jane Roe",
    "Bloomberg",
    "By John Smith",
    "Share",
    "Published 3 March 2024",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(LINES), min_size=1, max_size=14),
    st.sampled_from(["text", "json", "html", "feed"]),
    st.booleans(),
)
def test_clean_keeps_paragraphs_verbatim_and_records_the_rest(
    lines: list[str], fmt: str, blank_lines: bool
) -> None:
    text = ("\n\n" if blank_lines else "\n").join(lines)
    raw = RawDocument(source="gen", fmt=fmt, text=text, title="A headline")  # type: ignore[arg-type]
    try:
        article = clean(raw)
    except IngestError as exc:
        assert str(exc).startswith("gen: ")
        return
    kept = article.text.split("\n\n")
    assert all(p in lines for p in kept)
    removed = [r.text for r in article.removed]
    # Every input line is kept or listed as removed, as often as it occurred.
    assert sorted(kept + removed) == sorted(lines)
    assert article.id == clean(raw).id
