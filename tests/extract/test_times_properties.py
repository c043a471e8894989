"""Invariants of find_times on arbitrary text: no crash, valid sorted disjoint offsets."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from crossread.extract.times import find_times

WORDS = [
    "Monday", "May", "last", "week", "the", "third", "quarter", "2022", "1990s", "two", "years",
    "ago", "yesterday", "on", "15th", "Aug.", "24,", "p.m.", "3", "late", "early", "mid-",
    "fiscal", "every", "now", "recently", "half", "a", "of", "said", "will", "-", ",", ".",
    "twenty-five", "12/25/2022", "0630", "GMT", "'90s", "İstanbul", "\n",
]  # fmt: skip

texts = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.text(max_size=200),
)
anchors = st.one_of(
    st.none(), st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9998, 12, 30))
)


@settings(max_examples=150, deadline=None)
@given(text=texts, anchor=anchors)
def test_offsets_are_valid_sorted_and_disjoint(text: str, anchor: dt.date | None) -> None:
    found = find_times(text, anchor, ())
    end = 0
    for ref in found:
        assert text[ref.start : ref.end] == ref.text
        assert ref.start >= end and ref.end > ref.start
        end = ref.end
        if anchor is None and ref.anchored:
            assert ref.value is None
