import pytest

from crossread.extract.numbers import find_numbers
from crossread.extract.sentences import split_sentences
from crossread.models import Article, NumberRef


def numbers_of(text: str) -> tuple[NumberRef, ...]:
    return find_numbers(text, split_sentences(text))


def test_seed_more_than_30_ballistic_missiles(seed_articles: tuple[Article, Article]) -> None:
    other, _ = seed_articles
    hits = [n for n in other.numbers if n.value == 30]
    assert hits and hits[0].unit == "ballistic missiles" and hits[0].approx == "more_than"
    assert "more than 30 ballistic missiles" in hits[0].text


def test_seed_ordinal_and_no_years(seed_articles: tuple[Article, Article]) -> None:
    _, bloomberg = seed_articles
    assert any(n.value == 77 and n.unit == "ordinal" for n in bloomberg.numbers)
    assert not any(n.value in (1910, 1945, 2017, 24) for n in bloomberg.numbers)


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("The deal is worth $1.2 billion.", 1.2e9, "USD", "exact"),
        ("Prices rose 25% last year.", 25, "%", "exact"),
        ("Inflation hit 3.5 percent.", 3.5, "%", "exact"),
        ("Nearly 4,000 troops were sent.", 4000, "troops", "about"),
        ("Two soldiers were hurt.", 2, "soldiers", "exact"),
        ("Dozens of people fled.", 24, "people", "more_than"),
        ("Fewer than 50 votes were cast.", 50, "votes", "less_than"),
        ("It costs €20 million a year.", 2e7, "EUR", "exact"),
        ("a fine of 300 million won", 3e8, "KRW", "exact"),
    ],
)
def test_values_units_and_approximation(text: str, value: float, unit: str, approx: str) -> None:
    found = numbers_of(text)
    assert len(found) == 1, found
    assert found[0].value == pytest.approx(value)
    assert found[0].unit == unit
    assert found[0].approx == approx
    assert text[found[0].start : found[0].end] == found[0].text


def test_dates_and_years_are_not_numbers() -> None:
    text = "On Feb. 24, 2022, and again on 3 March, the 1910-1945 rule was recalled in 2017."
    assert numbers_of(text) == ()


def test_year_like_count_with_plural_unit_is_kept() -> None:
    found = numbers_of("About 2000 people marched.")
    assert [(n.value, n.unit) for n in found] == [(2000, "people")]


@pytest.mark.parametrize(
    "text",
    ["Obama's 2008 and 2012 campaigns", "Some two-thirds of graduates", "a 401(k) plan"],
)
def test_years_fractions_and_codes_are_skipped(text: str) -> None:
    assert numbers_of(text) == ()


def test_unit_phrase_stops_at_a_verb() -> None:
    found = numbers_of("The statement by the two suggested both were invested.")
    assert [(n.value, n.unit) for n in found] == [(2, None)]
    assert [n.unit for n in numbers_of("nearly 25 years ago")] == ["years"]


def test_qualifier_words_inside_other_words_do_not_count() -> None:
    text = "The truck can cover 450 kilometres, and the loss was handsome 30 people under 5."
    found = {n.value: n.approx for n in find_numbers(text, split_sentences(text))}
    assert found[450.0] == "exact"  # "cover" is not "over"
    assert found[30.0] == "exact"  # "handsome" is not "some"
