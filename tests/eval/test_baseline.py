"""Quality gate: every pinned score in bench/baseline.json, re-measured.

A change that drops any dev score by more than half a point (0.005) fails here, naming the
run and the metric; raise the pins with `python bench/eval_all.py --update` when a change
improves them. The runs are those of bench/eval_all.py, through the CLI as a user runs them.
Skipped (with the reason) where the research data in ../shared/data is absent.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from crossread.cli import main

BENCH = Path(__file__).resolve().parents[2] / "bench"
TOLERANCE = 0.005


def _eval_all() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_all", BENCH / "eval_all.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_all"] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


EVAL_ALL = _eval_all()
BASELINE: dict[str, dict[str, float]] = json.loads((BENCH / "baseline.json").read_text())


def test_every_run_is_pinned() -> None:
    assert {run.name for run in EVAL_ALL.RUNS} == set(BASELINE)


@pytest.mark.data
@pytest.mark.parametrize("run", EVAL_ALL.RUNS, ids=lambda run: run.name)
def test_scores_hold(run: object, shared_data: Callable[[str], Path]) -> None:
    folder = shared_data(run.dataset)  # type: ignore[attr-defined]
    extra = shared_data(run.extra) if run.extra else None  # type: ignore[attr-defined]
    args = [
        a.replace("{dir}", str(folder)).replace("{extra}", str(extra))
        for a in run.args  # type: ignore[attr-defined]
    ]
    result = CliRunner().invoke(main, ["eval", *args, "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    drops = {
        metric: (scores[metric], pinned)
        for metric, pinned in BASELINE[run.name].items()  # type: ignore[attr-defined]
        if scores[metric] < pinned - TOLERANCE
    }
    assert not drops, f"{run.name}: dropped below bench/baseline.json: {drops}"  # type: ignore[attr-defined]
