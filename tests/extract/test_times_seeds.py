"""Time expressions in the two seed reports (read from ../shared/seeds, skipped when absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crossread.extract.sentences import split_sentences
from crossread.extract.times import find_times

# Both reports ran on Tuesday 2022-08-16 (the Bloomberg file's header says so).
PUBLISHED = dt.date(2022, 8, 16)


def _times(path: Path) -> dict[str, list[str | None]]:
    text = path.read_text(encoding="utf-8")
    found: dict[str, list[str | None]] = {}
    for ref in find_times(text, PUBLISHED, split_sentences(text)):
        assert text[ref.start : ref.end] == ref.text
        found.setdefault(ref.text, []).append(ref.value)
    return found


def test_bloomberg_dates(seeds_dir: Path) -> None:
    (bloomberg,) = [p for p in seeds_dir.glob("*.txt") if "Bloomberg" in p.read_text()[:400]]
    found = _times(bloomberg)
    assert found["yesterday"] == ["2022-08-15", "2022-08-15"]
    assert found["Feb. 24"] == ["2022-02-24"]
    assert found["last year"] == ["2021"]
    assert found["last month"] == ["2022-07"]
    assert found["late May"] == ["2022-05"]
    assert found["this year"] == ["2022"]
    assert found["2017"] == ["2017"]
    assert found["decades"] == ["PXDE"]


def test_standard_dates(seeds_dir: Path) -> None:
    (standard,) = [
        p
        for p in seeds_dir.glob("*.txt")
        if "Evening Standard" in p.read_text() or "Bloomberg" not in p.read_text()[:400]
    ]
    found = _times(standard)
    assert found["Monday"] == ["2022-08-15"]
    assert found["July"] == ["2022-07"]
    assert found["September 2017"] == ["2017-09"]
    assert found["1945"] == ["1945"]
    assert found["earlier this year"] == ["2022"]
    assert "2019-04" in found["April 2019"]
