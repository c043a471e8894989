"""The JSON codec round-trips every model the store keeps."""

from __future__ import annotations

import datetime as dt
import json

from crossread import codec
from crossread.models import (
    Article,
    Mention,
    NumberRef,
    Quote,
    Removal,
    Sentence,
    TimeRef,
)


def _full_article() -> Article:
    return Article(
        id="abc",
        title="Putin vows to expand partnership",
        text="Putin said “yes”.",
        outlet="Bloomberg",
        published=dt.date(2022, 8, 16),
        removed=(Removal(text="Photo: AFP", reason="caption"),),
        sentences=(Sentence(index=0, start=0, end=17, text="Putin said “yes”."),),
        mentions=(
            Mention(text="Putin", start=0, end=5, kind="PERSON", key="vladimir putin", sentence=0),
        ),
        times=(
            TimeRef(
                text="yesterday",
                start=0,
                end=9,
                type="DATE",
                value="2022-08-15",
                granularity="day",
                anchored=True,
            ),
        ),
        quotes=(Quote(text="yes", start=12, end=15, speaker="Putin", cue="said"),),
        numbers=(NumberRef(text="30", start=0, end=2, value=30.0, approx="more_than"),),
    )


def test_article_round_trip_with_everything() -> None:
    article = _full_article()
    assert codec.loads(Article, codec.dumps(article)) == article


def test_dumps_writes_the_plain_form_compactly() -> None:
    article = _full_article()
    expected = json.dumps(codec.to_plain(article), ensure_ascii=False, separators=(",", ":"))
    assert codec.dumps(article) == expected
    assert '"published":"2022-08-16"' in expected and "“yes”" in expected


def test_missing_fields_take_their_defaults() -> None:
    text = codec.dumps(_full_article()).replace(',"approx":"more_than"', "")
    number = codec.loads(Article, text).numbers[0]
    assert number == NumberRef(text="30", start=0, end=2, value=30.0)


def test_unknown_keys_are_ignored() -> None:
    text = '{"id": "x", "title": "t", "text": "b", "future_field": 1}'
    assert codec.loads(Article, text) == Article(id="x", title="t", text="b")


def test_dumps_writes_values_of_unexpected_types_as_the_json_encoder_does() -> None:
    # fields holding what their type does not say (a bool in an int field, a float in an
    # int field, a str subclass, NaN), dicts with non-string keys, nested dates, tuple fields
    # holding items of another type or given as lists
    class Name(str):
        pass

    odd = Mention(
        text=Name('a "quoted"\n é'),
        start=True,
        end=1.5,
        kind="PLACE",
        key="k",
        sentence=0,
        nominal=False,
        refers_to=None,
    )
    values = [
        odd,
        (odd, odd),
        {"a": odd, 1: [dt.date(2020, 1, 2)], "n": float("nan")},
        [1, "x", None, True, float("-inf")],
        (),
        Article(
            id="x",
            title="t",
            text="b",
            mentions=(odd, "stray", 3),  # type: ignore[arg-type]
            sentences=[Sentence(index=0, start=0, end=1, text="b")],  # type: ignore[arg-type]
        ),
    ]
    for value in values:
        expected = json.dumps(codec.to_plain(value), ensure_ascii=False, separators=(",", ":"))
        assert codec.dumps(value) == expected
