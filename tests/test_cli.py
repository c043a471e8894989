"""The command line as a user meets it: help, ingest, stories, show, search, demo, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.cli import examples_dir, main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


@pytest.mark.parametrize(
    "command", ["", "ingest", "stories", "show", "compare", "search", "demo", "eval"]
)
def test_help_teaches(command: str) -> None:
    code, output = run(*(command.split() if command else []), "--help")
    assert code == 0
    assert "Usage:" in output


def test_ingest_stories_show_search(db: Path) -> None:
    code, output = run("--db", str(db), "ingest", str(examples_dir()))
    assert code == 0, output
    assert "ingested 10, skipped 0 duplicates, failed 0" in output
    code, output = run("--db", str(db), "ingest", str(examples_dir()))
    assert "ingested 0, skipped 10 duplicates, failed 0" in output
    code, output = run("--db", str(db), "stories", "--json")
    listing = json.loads(output)
    assert listing["total"] == 5
    biggest = max(listing["stories"], key=lambda s: s["articles"])
    code, output = run("--db", str(db), "show", biggest["id"], "-f", "json")
    assert code == 0, output
    brief = json.loads(output)
    assert {"same_story", "similarity", "articles", "facts", "entities", "timeline", "quotes"} <= (
        set(brief)
    )
    code, output = run("--db", str(db), "show", biggest["id"])
    assert code == 0 and output.startswith("#")
    code, output = run("--db", str(db), "search", "Serrin", "--json")
    hits = json.loads(output)
    assert hits and all(h["story"] for h in hits)
    code, output = run("--db", str(db), "stories")
    assert code == 0 and biggest["id"] in output


def test_show_unknown_story_is_one_clean_line(db: Path) -> None:
    code, output = run("--db", str(db), "show", "s-nope")
    assert code == 1
    assert "no story with id 's-nope'" in output
    assert "Traceback" not in output


def test_bad_input_names_file_and_exits_nonzero(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"title": ')
    good = examples_dir() / "valley_courier_chess.txt"
    code, output = run("--db", str(db), "ingest", str(bad), str(good))
    assert code == 1
    assert "broken.json" in output
    assert "ingested 1" in output


def test_env_var_selects_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("CROSSREAD_DB", str(db))
    code, output = run("ingest", str(examples_dir() / "valley_courier_chess.txt"))
    assert code == 0, output
    assert db.exists()


def test_demo_writes_brief(tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    code, output = run("demo", "--output", str(out))
    assert code == 0, output
    assert "corroborated" in output and "conflict" in output
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")


def test_entities_and_article_commands(db: Path) -> None:
    run("--db", str(db), "ingest", str(examples_dir()))
    code, output = run("--db", str(db), "entities", "marrow", "--json")
    assert code == 0, output
    found = json.loads(output)
    assert [e["name"] for e in found] == ["Ilse Marrow"]
    code, output = run("--db", str(db), "stories", "--entity", found[0]["id"], "--json")
    assert json.loads(output)["total"] == 1
    code, output = run("--db", str(db), "search", "Q-Haul", "--json")
    article_id = json.loads(output)[0]["article"]
    code, output = run("--db", str(db), "article", article_id)
    assert code == 0 and "Q-Haul" in output
    code, output = run("--db", str(db), "article", article_id, "--json")
    assert json.loads(output)["id"] == article_id
    code, output = run("--db", str(db), "article", "nope")
    assert code == 1 and "no article with id 'nope'" in output
