"""Typing rules of entity recognition: facilities and place-like surnames."""

from crossread.extract.entities import find_mentions
from crossread.extract.sentences import split_sentences


def kinds(text: str) -> dict[str, str]:
    return {m.text: m.kind for m in find_mentions(text, split_sentences(text)) if not m.nominal}


def test_a_building_named_after_its_kind_is_a_place() -> None:
    text = "The crew landed at the Kennedy Space Center. Visitors toured the Museum of Flight."
    found = kinds(text)
    assert found["Kennedy Space Center"] == "PLACE"
    assert found["Museum of Flight"] == "PLACE"


def test_a_center_for_something_stays_an_organisation() -> None:
    text = "Researchers at the Center for Strategic Studies published the report."
    assert kinds(text)["Center for Strategic Studies"] == "ORG"


def test_a_place_name_used_as_a_surname_is_the_person() -> None:
    text = (
        "Valeska Dunmore Paris joined the crew in 1996. Paris claims she was kept aboard. "
        "She later moved to a flat in Paris."
    )
    found = find_mentions(text, split_sentences(text))
    bare = [m for m in found if m.text == "Paris"]
    assert bare[0].kind == "PERSON"
    assert bare[0].refers_to == "valeska dunmore paris"
    assert bare[1].kind == "PLACE"  # "in Paris": a location
