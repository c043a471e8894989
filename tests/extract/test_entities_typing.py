"""Typing rules of entity recognition: facilities, place-like surnames, countries by role."""

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


def _all(text: str) -> list:
    return [m for m in find_mentions(text, split_sentences(text)) if not m.nominal]


def test_a_country_acting_is_an_organisation_with_the_same_key() -> None:
    text = "Residents said they heard blasts. Later, North Korea said it had launched a satellite."
    found = _all(text)
    korea = next(m for m in found if m.text == "North Korea")
    assert korea.kind == "ORG"
    assert korea.key == "north korea"  # the canonical entity is still the country
    assert korea.refers_to is None


def test_a_country_as_a_location_stays_a_place() -> None:
    text = "Talks were held in France. France's wine exports grew. Flights to Japan resumed."
    kinds = {m.text: m.kind for m in _all(text)}
    assert kinds["France"] == "PLACE"
    assert kinds["Japan"] == "PLACE"


def test_a_capital_acting_is_the_government_and_a_capital_as_location_is_a_place() -> None:
    text = "Pyongyang also said it would respond. Diplomats met in Pyongyang on Friday."
    acting, located = [m for m in _all(text) if m.text == "Pyongyang"]
    assert (acting.kind, acting.refers_to) == ("ORG", "north korea")
    assert (located.kind, located.refers_to) == ("PLACE", None)
    assert acting.key == located.key == "pyongyang"


def test_a_seat_of_government_after_a_locative_is_a_place_still_linked() -> None:
    text = "The Kremlin denied the report. Reporters gathered outside the Kremlin."
    first, second = [m for m in _all(text) if m.text == "Kremlin"]
    assert first.kind == "ORG"
    assert second.kind == "PLACE"
    assert first.refers_to == second.refers_to == "russia"


def test_countries_given_a_score_are_teams_all_through_the_article() -> None:
    text = (
        "Spain 2 – 1 Portugal. In the first half, Spain had more of the ball. "
        "A late header earned the win for Portugal's rivals, and the match in Spain ended."
    )
    spain = [m.kind for m in _all(text) if m.text == "Spain"]
    assert spain == ["ORG", "ORG", "PLACE"]  # "in Spain" is still where the match was
    assert [m.kind for m in _all(text) if m.text == "Portugal"] == ["ORG", "ORG"]


def test_an_acronym_takes_the_kind_of_the_site_it_abbreviates() -> None:
    text = "The shuttle will stay at the Kennedy Space Center (KSC) in Florida. KSC staff cheered."
    acronyms = [m for m in _all(text) if m.text == "KSC"]
    assert acronyms and all(m.kind == "PLACE" for m in acronyms)
    assert all(m.refers_to == "kennedy space center" for m in acronyms)
