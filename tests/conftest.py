"""Shared fixtures: the seed articles and research data read from ../shared (never copied)."""

from __future__ import annotations

import os
import tarfile
from collections.abc import Callable, Generator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"
FIXTURES = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The two seed articles in ../shared/seeds; skips when that folder is absent."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def shared_data(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Extract ../shared/data/NAME/*.tar.gz once per session; returns the extraction root.

    The returned folder holds what the tarball extracts to (e.g. ``tempeval3/``), so evaluations
    get the same DIR a user would pass. Skips cleanly when the data is absent.
    """
    cache: dict[str, Path] = {}

    def get(name: str) -> Path:
        if name in cache:
            return cache[name]
        folder = DATA / name
        tarballs = sorted(folder.glob("*.tar.gz")) if folder.is_dir() else []
        if not tarballs:
            pytest.skip(f"research data {name!r} not found under {DATA}")
        target = tmp_path_factory.mktemp(f"data-{name}")
        for tarball in tarballs:
            with tarfile.open(tarball) as tar:
                tar.extractall(target, filter="data")
        cache[name] = target
        return target

    return get


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, None]:
    """With CROSSREAD_REQUIRE_BROWSER=1 (set by CI), a skipped browser test is a failure.

    On a developer's machine without Chromium the browser tests skip with their reason; in CI,
    where .ci/run installs Chromium, a skip would hide a broken setup.
    """
    outcome = yield
    report = outcome.get_result()
    if (
        report.skipped
        and item.get_closest_marker("browser") is not None
        and os.environ.get("CROSSREAD_REQUIRE_BROWSER") == "1"
    ):
        report.outcome = "failed"
        report.longrepr = f"browser test skipped in CI: {report.longrepr}"
