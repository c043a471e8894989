"""crossread eval parse on a small page set we build from our own fixtures."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crossread.errors import EvalError
from crossread.eval.parse import body_f1, evaluate, parse_command

HTML = Path(__file__).resolve().parent.parent / "data" / "html"


@pytest.fixture
def realworld(tmp_path: Path) -> Path:
    root = tmp_path / "realworld"
    pages = root / "fundus" / "test_data" / "xx"
    pages.mkdir(parents=True)
    (pages / "Courier_2023_03_07.html.gz").write_bytes(
        gzip.compress((HTML / "article_jsonld.html").read_bytes())
    )
    (pages / "Valley_2021_05_04.html.gz").write_bytes(
        gzip.compress((HTML / "meta_only.html").read_bytes())
    )
    article = (HTML / "article_jsonld.html").read_text()
    start, end = article.index("<p>The Harbour"), article.index("</article>")
    paragraphs = [p.split("</p>")[0].replace("\n", " ") for p in article[start:end].split("<p>")]
    gold = [
        {
            "file": "xx/Courier_2023_03_07.html.gz",
            "url": "https://www.northfield-courier.example/news/2023/03/07/harbour-bridge-reopens",
            "gold": {
                "title": "Harbour bridge reopens after storm repairs",
                "authors": ["Maria Okafor", "Tom Lindqvist"],
                "publishing_date": "2023-03-07 06:30:00+00:00",
                "body": {"summary": [], "sections": [{"headline": [], "paragraphs": paragraphs}]},
            },
        },
        {
            "file": "xx/Valley_2021_05_04.html.gz",
            "url": "https://valley.example/2021/05/04/rail-strike",
            "gold": {
                "title": "Rail strike called off after late talks",
                "authors": ["Priya Raman", "Someone Else"],
                "publishing_date": "2021-05-05 08:00:00",
                "body": {"summary": [], "sections": []},
            },
        },
    ]
    (root / "fundus" / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold))
    traf = root / "trafilatura_eval"
    (traf / "html").mkdir(parents=True)
    (traf / "html" / "page.html").write_bytes((HTML / "article_jsonld.html").read_bytes())
    (traf / "evaldata.subset.json").write_text(
        json.dumps(
            {
                "https://courier.example/a": {
                    "file": "page.html",
                    "title": "Harbour bridge reopens after storm repairs",
                    "date": "2023-03-07",
                    "author": "",
                    "with": ["twenty thousand cars a day", "not in the page at all"],
                    "without": ["Town hall clock stops again", "All rights reserved"],
                }
            }
        )
    )
    return tmp_path


def test_fundus_scores(realworld: Path) -> None:
    result = evaluate("fundus", realworld, baseline=False)
    assert result["pages"] == 2
    assert result["title_accuracy"] == 1.0
    assert result["date_accuracy"] == 0.5  # the second gold date is a day after the URL's
    assert result["author_f1"] == pytest.approx(2 * 1.0 * 0.75 / 1.75, abs=1e-4)
    assert 0.9 < result["body_f1"] <= 1.0  # only the page with a gold body counts


def test_trafilatura_scores_with_baseline(realworld: Path) -> None:
    result = evaluate("trafilatura", realworld / "realworld")
    assert result["pages"] == 1
    assert result["with_recall"] == 0.5 and result["without_precision"] == 1.0
    assert result["baseline"]["pages"] == 1
    assert {"title_accuracy", "date_accuracy", "htmldate_date_accuracy"} <= set(result["baseline"])


def test_command_prints_json(realworld: Path) -> None:
    result = CliRunner().invoke(parse_command, ["fundus", str(realworld), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) >= {"pages", "title_accuracy", "date_accuracy", "author_f1", "body_f1"}
    assert "baseline" in data


def test_missing_data_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no fundus/ folder"):
        evaluate("fundus", tmp_path)


def test_body_f1() -> None:
    assert body_f1("the cat sat", "the cat sat") == 1.0
    assert body_f1("", "the cat") == 0.0
    assert body_f1("the cat", "the cat sat on the mat") == pytest.approx(
        2 * 1 * (2 / 6) / (1 + 2 / 6)
    )


@pytest.mark.data
@pytest.mark.parametrize("kind", ["fundus", "trafilatura"])
def test_real_pages_against_the_baseline(kind: str, shared_data: Callable[[str], Path]) -> None:
    """A spread-out sample of 40 pages (the full sets take a minute; see the eval command)."""
    result = evaluate(kind, shared_data("realworld"), limit=40)
    assert result["pages"] >= 30
    base = result["baseline"]
    assert result["title_accuracy"] >= base["title_accuracy"]
    assert result["author_f1"] >= base["author_f1"]
    if kind == "fundus":
        assert result["date_accuracy"] >= base["date_accuracy"]
        assert result["body_f1"] >= base["body_f1"] - 0.01
    else:
        # hand-made gold often takes the visible (local, sometimes updated) date where the
        # structured data says UTC: on the full set we are level or above, on 40 pages a
        # couple of such pages can tip it either way
        assert result["date_accuracy"] >= base["date_accuracy"] - 0.06
        assert result["with_recall"] >= base["with_recall"] - 0.02
