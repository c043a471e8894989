"""Paragraph splitting: one line one paragraph, unless the text is hard-wrapped."""

from __future__ import annotations

from crossread.clean.layout import paragraphs


def test_lines_and_blank_lines() -> None:
    assert paragraphs("A.\nB.\n\n\nC.\r\n  D.  \n") == ["A.", "B.", "C.", "D."]


def test_hard_wrapped_block_is_joined() -> None:
    text = (
        "The town council on Thursday postponed a vote on the redevelopment of\n"
        "the old harbour after residents presented a petition with more than\n"
        "4,000 signatures.\n\nNext paragraph."
    )
    assert paragraphs(text) == [
        "The town council on Thursday postponed a vote on the redevelopment of the old harbour "
        "after residents presented a petition with more than 4,000 signatures.",
        "Next paragraph.",
    ]


def test_separate_short_lines_are_not_joined() -> None:
    lines = [
        "Crowds in the square on Saturday. Photo: AFP",
        "Read more: Earlier coverage of the strike",
        "The council approved the budget on Monday, the mayor said.",
    ]
    assert paragraphs("\n".join(lines)) == lines


def test_identical_lines_are_not_joined() -> None:
    line = "Rescue workers search the rubble of a collapsed building in the old town"
    assert paragraphs(f"{line}\n{line}") == [line, line]
