"""The HeidelTime comparison: its output read back onto our text, scored like our own."""

from __future__ import annotations

import sys
from pathlib import Path

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


def test_escaped_output_falls_back_to_looking_each_expression_up_in_order() -> None:
    text = "Monday & Tuesday, then Monday again."
    body = (
        '<TIMEX3 tid="t1" type="DATE" value="2000-01-03">Monday</TIMEX3> &amp; '
        '<TIMEX3 tid="t2" type="DATE" value="2000-01-04">Tuesday</TIMEX3>, then '
        '<TIMEX3 tid="t3" type="DATE" value="2000-01-10">Monday</TIMEX3> again.'
    )
    times = parse_output(_output(body), text)
    assert [(t.start, t.value) for t in times] == [
        (0, "2000-01-03"),
        (9, "2000-01-04"),
        (23, "2000-01-10"),
    ]


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
    from bench.timex_judge import document_counts, prf, sign_test

    def item(i: int, start: int, end: int) -> dict[str, object]:
        return {"id": i, "start": start, "end": end}

    # one expression read two ways (0: ours, right; 1: theirs, wrong value), one both share
    # and got right, one only theirs has and it is not a time; one miss
    items = [item(0, 0, 6), item(1, 0, 6), item(2, 10, 18), item(3, 30, 33)]
    membership = {
        0: ["crossread"],
        1: ["heideltime"],
        2: ["crossread", "heideltime"],
        3: ["heideltime"],
    }
    labels = {0: "correct", 1: "wrong_value", 2: "extent", 3: "not_timex"}
    row = document_counts(items, membership, labels, misses=1)
    assert row["pool"] == 3
    assert row["crossread"] == {"predicted": 2, "right": 2, "found": 2, "only": 1}
    assert row["heideltime"] == {"predicted": 3, "right": 1, "found": 1, "only": 0}
    p, r, _ = prf([row], "heideltime")
    assert (round(p, 3), round(r, 3)) == (0.333, 0.333)
    assert sign_test(0, 0) == 1.0 and sign_test(5, 5) == 1.0
    assert round(sign_test(48, 21), 4) == 0.0016
