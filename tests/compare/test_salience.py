"""Exclusive facts come strongest first: new names, figures, quotes, early position."""

from __future__ import annotations

from compare_cases import build_article

from crossread.compare import compare


def test_exclusives_with_new_names_and_figures_come_before_asides() -> None:
    shared = "The regional government declared a state of emergency on Tuesday evening."
    a = build_article(
        {
            "id": "a",
            "outlet": "First Outlet",
            "published": "2025-05-08",
            "title": "Storm hits the coast",
            "text": f"{shared}\nIt was a difficult night.\n"
            "Fire chief Lena Marsh said 300 firefighters were deployed to Harwick overnight.",
            "numbers": [{"text": "300 firefighters", "value": 300, "unit": "firefighters"}],
        }
    )
    b = build_article(
        {
            "id": "b",
            "outlet": "Second Outlet",
            "published": "2025-05-08",
            "title": "Emergency declared",
            "text": f"{shared}\nSchools will stay closed on Wednesday.",
        }
    )
    facts = compare([a, b])
    mine = [f for f in facts if f.status == "exclusive" and f.support[0].article == "a"]
    first_outlet = [f.text for f in mine]
    assert first_outlet[0].startswith("Fire chief Lena Marsh")
    assert first_outlet[-1] == "It was a difficult night."
