"""The HeidelTime comparison: its output read back onto our text, scored like our own."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.heideltime_compare import bootstrap, parse_output, pooled, tallies
from crossread.eval.timeml import iter_documents
from crossread.eval.timex import evaluate, extract_times, metrics

TEXT = "\n\nThe talks began Monday & ended on Aug. 7, 1998, after three days.\n"
HEADER = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'


def _output(body: str) -> str:
    return f"{HEADER}{body}\n</TimeML>\n"


def test_output_offsets_shift_onto_the_input() -> None:
    body = (
        '\n\nThe talks began <TIMEX3 tid="t1" type="DATE" value="1998-08-17">Monday</TIMEX3>'
        ' & ended on <TIMEX3 tid="t2" type="DATE" value="1998-08-07">Aug. 7, 1998</TIMEX3>,'
        ' after <TIMEX3 tid="t3" type="DURATION" value="P3D" mod="APPROX">three days</TIMEX3>.\n'
    )
    times = parse_output(_output(body), TEXT)
    assert [(t.text, TEXT[t.start : t.end], t.type, t.value) for t in times] == [
        ("Monday", "Monday", "DATE", "1998-08-17"),
        ("Aug. 7, 1998", "Aug. 7, 1998", "DATE", "1998-08-07"),
        ("three days", "three days", "DURATION", "P3D"),
    ]
    assert times[2].modifier == "APPROX"


def test_markup_in_the_input_stays_in_the_offsets() -> None:
    # HeidelTime copies its input as it is, markup included; only its own tags come out
    text = "<p>Theresa May said in May &amp; <b>June</b>.</p>"
    body = (
        '<p>Theresa May said in <TIMEX3 tid="t1" type="DATE" value="2019-05">May</TIMEX3> &amp; '
        '<b><TIMEX3 tid="t2" type="DATE" value="2019-06">June</TIMEX3></b>.</p>'
    )
    times = parse_output(_output(body), text)
    assert [(t.start, text[t.start : t.end], t.value) for t in times] == [
        (23, "May", "2019-05"),
        (36, "June", "2019-06"),
    ]


def test_an_output_for_another_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="does not contain the input"):
        parse_output(_output("Something else entirely."), TEXT)


def test_per_document_tallies_pool_to_the_evaluate_figures(fixtures_dir: Path) -> None:
    folder = fixtures_dir / "times"
    docs = list(iter_documents(folder))
    parts = tallies(docs, [extract_times(d) for d in docs])
    expected, _ = evaluate(folder)
    pooled_metrics = metrics(pooled(parts))
    for key in ("gold", "predicted", "strict_f1", "relaxed_f1", "value_f1"):
        assert pooled_metrics[key] == expected[key], key


def test_bootstrap_of_a_system_against_itself_is_centred_on_zero(fixtures_dir: Path) -> None:
    docs = list(iter_documents(fixtures_dir / "times"))
    parts = tallies(docs, [extract_times(d) for d in docs])
    low, high, share = bootstrap(parts, parts, rounds=50, seed=1)
    assert low == high == 0.0 and share == 0.0
    empty = tallies(docs, [() for _ in docs])
    low, high, share = bootstrap(parts, empty, rounds=50, seed=1)
    assert low > 0 and share == 1.0


def test_judged_pool_counts_readings_of_one_expression_once() -> None:
    from bench.timex_judge import document_counts, in_markup, prf, sign_test

    def item(i: int, start: int, end: int) -> dict[str, object]:
        return {"id": i, "start": start, "end": end}

    # one expression read two ways (0: ours, right; 1: theirs, wrong value), one both share
    # and got right, one only theirs has and it is not a time, one both got wrong; one miss
    items = [item(0, 0, 6), item(1, 0, 6), item(2, 10, 18), item(3, 30, 33), item(4, 40, 45)]
    membership = {
        0: ["crossread"],
        1: ["heideltime"],
        2: ["crossread", "heideltime"],
        3: ["heideltime"],
        4: ["crossread", "heideltime"],
    }
    labels = {0: "correct", 1: "wrong_value", 2: "extent", 3: "not_timex", 4: "wrong_value"}
    row = document_counts(items, membership, labels, misses=1)
    assert row["pool"] == 4  # three real expressions found (one wrong by both) and the miss
    assert row["crossread"] == {"predicted": 3, "right": 2, "found": 2, "only": 1}
    assert row["heideltime"] == {"predicted": 4, "right": 1, "found": 1, "only": 0}
    p, r, _ = prf([row], "heideltime")
    assert (p, r) == (0.25, 0.25)
    assert sign_test(0, 0) == 1.0 and sign_test(5, 5) == 1.0
    assert round(sign_test(48, 21), 4) == 0.0016
    text = '<tweet tweet-date="March 10, 2016">We won</tweet> on March 10.'
    assert in_markup(text, text.index("March"), text.index("March") + 8)
    assert not in_markup(text, text.rindex("March"), text.rindex("March") + 8)
