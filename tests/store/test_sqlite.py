"""SqliteStore: idempotent writes, transactions, stories, merges, entities and search."""

from __future__ import annotations

import datetime as dt
import random
import threading
from pathlib import Path

import pytest

from crossread.errors import NotFoundError, StoreError
from crossread.models import Article, Assignment, Entity, MentionRef
from crossread.store import SqliteStore, StoryFilter


def make_article(n: int, *, outlet: str = "Outlet A", day: int = 1, text: str = "") -> Article:
    return Article(
        id=f"a{n}",
        title=f"Headline {n}",
        text=text or f"Body of article {n} about the harbour flood.",
        outlet=outlet,
        published=dt.date(2026, 3, day),
        source=f"file{n}.txt",
    )


def assign(article: Article, story: str, copy_of: str | None = None) -> Assignment:
    return Assignment(
        article=article.id, story=story, similarity=0.5, is_new=False, copy_of=copy_of
    )


@pytest.fixture
def store() -> SqliteStore:
    return SqliteStore.memory()


def test_add_is_idempotent_and_round_trips(store: SqliteStore) -> None:
    article = make_article(1)
    assert store.add_article(article, assign(article, "s1"))
    assert not store.add_article(article, assign(article, "s1"))
    assert store.counts()["articles"] == 1
    stored = store.article("a1")
    assert stored.article == article
    assert stored.story == "s1"


def test_failed_transaction_leaves_nothing(store: SqliteStore) -> None:
    first, second = make_article(1), make_article(2)
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(first, assign(first, "s1"))
        store.add_article(second, assign(second, "s1"))
        raise RuntimeError("boom")
    assert store.counts() == {"articles": 0, "stories": 0, "entities": 0}
    assert store.search("harbour") == []


def test_story_summary_tracks_articles(store: SqliteStore) -> None:
    a = make_article(1, outlet="Northgate Post", day=3)
    b = make_article(2, outlet="Harbour Ledger", day=1)
    store.add_article(a, assign(a, "s1"))
    store.add_article(b, assign(b, "s1"))
    story = store.story("s1")
    assert story.articles == ("a2", "a1")  # publication order
    assert story.outlets == ("Harbour Ledger", "Northgate Post")
    assert (story.first, story.last) == (dt.date(2026, 3, 1), dt.date(2026, 3, 3))
    assert story.headline == "Headline 2"  # the earliest report names the story


def test_story_summary_is_kept_up_article_by_article(store: SqliteStore) -> None:
    # articles arrive in random date order, some undated, some copies, outlets repeating:
    # after every insert the story reads as if computed from all its articles
    rng = random.Random(3)
    added: list[tuple[Article, str | None]] = []
    for n in range(40):
        day = rng.choice([None, *range(1, 20)])
        article = Article(
            id=f"a{n}",
            title=f"Headline {n}",
            text=f"Body {n}.",
            outlet=rng.choice([None, "Outlet A", "Outlet B", "Outlet C", "Outlet D"]),
            published=dt.date(2026, 3, day) if day else None,
            source=f"file{n}.txt",
        )
        copy_of = rng.choice(added)[0].id if added and rng.random() < 0.4 else None
        store.add_article(article, assign(article, "s1", copy_of=copy_of))
        added.append((article, copy_of))
        # the story's order: undated last, then by date, then by arrival
        order = sorted(
            enumerate(added),
            key=lambda x: (x[1][0].published is None, x[1][0].published or dt.date.min),
        )
        dates = [a.published for a, _ in added if a.published]
        originals = [a for _, (a, copy) in order if copy is None] or [a for _, (a, _) in order]
        story = store.story("s1")
        assert story.headline == originals[0].title
        assert story.articles == tuple(a.id for _, (a, _) in order)
        assert story.outlets == tuple(sorted({a.outlet for a, _ in added if a.outlet}))
        assert (story.first, story.last) == ((min(dates), max(dates)) if dates else (None, None))
    assert store.count_stories() == 1


def test_merge_keeps_older_id_and_alias(store: SqliteStore) -> None:
    a, b = make_article(1), make_article(2, day=2)
    store.add_article(a, assign(a, "s-old"))
    store.add_article(b, assign(b, "s-new"))
    store.merge_stories("s-old", "s-new")
    story = store.story("s-new")  # the alias still finds the story
    assert story.id == "s-old"
    assert story.aliases == ("s-new",)
    assert set(story.articles) == {"a1", "a2"}
    assert [m.alias for m in store.merges()] == ["s-new"]
    assert store.count_stories() == 1


def test_story_assignments_list_sources_and_stories_in_arrival_order(store: SqliteStore) -> None:
    a, b, c = make_article(1), make_article(2, day=2), make_article(3, day=3)
    store.add_article(a, assign(a, "s-old"))
    store.add_article(b, assign(b, "s-new"))
    store.add_article(c, assign(c, "s-other"))
    store.merge_stories("s-old", "s-new")
    # a batch smaller than the table reads on across batches; merged stories read as the kept
    assert list(store.story_assignments(batch=2)) == [
        ("file1.txt", "s-old"),
        ("file2.txt", "s-old"),
        ("file3.txt", "s-other"),
    ]
    assert list(store.story_assignments()) == [
        (s.article.source, s.story) for s in store.iter_articles()
    ]


def test_unknown_ids_raise_not_found(store: SqliteStore) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        store.story("nope")
    with pytest.raises(NotFoundError):
        store.article("nope")
    with pytest.raises(NotFoundError):
        store.entity("nope")


def test_search_is_safe_against_query_syntax(store: SqliteStore) -> None:
    a = make_article(1, text='The "Serrin" river burst its banks; OR NOT AND * (')
    store.add_article(a, assign(a, "s1"))
    assert [h.article for h in store.search("serrin")] == ["a1"]
    assert [h.article for h in store.search('serrin" OR (')] == ["a1"]  # no syntax error
    assert [h.article for h in store.search("NOT")] == ["a1"]  # an operator is just a word
    assert [h.article for h in store.search("serr")] == ["a1"]  # the last word is a prefix
    assert store.search("   ") == []
    hit = store.search("river banks")[0]
    assert "[river]" in hit.snippet


def test_filters_and_paging(store: SqliteStore) -> None:
    for n in range(5):
        art = make_article(n, outlet="A" if n % 2 else "B", day=n + 1)
        store.add_article(art, assign(art, f"s{n}"))
    assert store.count_stories() == 5
    assert [s.id for s in store.stories(limit=2)] == ["s4", "s3"]
    assert [s.id for s in store.stories(limit=2, offset=2)] == ["s2", "s1"]
    assert {s.id for s in store.stories(StoryFilter(outlet="a"))} == {"s1", "s3"}
    assert {s.id for s in store.stories(StoryFilter(since=dt.date(2026, 3, 4)))} == {"s3", "s4"}
    assert {s.id for s in store.stories(StoryFilter(until=dt.date(2026, 3, 1)))} == {"s0"}


def test_entities_index(store: SqliteStore) -> None:
    a, b = make_article(1), make_article(2)
    store.add_article(a, assign(a, "s1"))
    store.add_article(b, assign(b, "s2"))
    kim = Entity(
        id="e-kim",
        name="Kim Jong Un",
        kind="PERSON",
        mentions=(MentionRef(article="a1", text="Kim Jong-un", start=0, end=11),),
    )
    with store.transaction():
        store.set_story_entities("s1", [kim])
        store.set_story_entities("s2", [kim])
    assert store.entity("e-kim").stories == 2
    assert [e.name for e in store.entities("jong")] == ["Kim Jong Un"]
    assert store.entities("100%_") == []
    assert [s.id for s in store.entity_stories("e-kim")] == ["s1", "s2"]
    assert {s.id for s in store.stories(StoryFilter(entity="kim jong un"))} == {"s1", "s2"}


def test_writes_need_a_transaction(store: SqliteStore) -> None:
    with pytest.raises(StoreError):
        store._write("DELETE FROM stories")


def test_file_store_is_wal_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with SqliteStore(path) as store:
        a = make_article(1)
        store.add_article(a, assign(a, "s1"))
        mode = store._read("PRAGMA journal_mode")[0][0]
    assert mode == "wal"
    with SqliteStore(path) as again:
        assert again.counts()["articles"] == 1


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        SqliteStore(path)


def test_concurrent_reads_during_writes(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    writer = SqliteStore(path)
    errors: list[BaseException] = []

    def read() -> None:
        reader = SqliteStore(path)
        try:
            for _ in range(50):
                reader.stories(limit=5)
                reader.search("harbour")
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            reader.close()

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for n in range(50):
        art = make_article(n)
        writer.add_article(art, assign(art, f"s{n % 7}"))
    for t in threads:
        t.join()
    writer.close()
    assert errors == []


def test_old_databases_are_migrated(tmp_path: Path) -> None:
    import sqlite3

    from crossread.store.sqlite import SCHEMA_VERSION, migrations

    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(migrations()[0][1])
    conn.execute(
        "INSERT INTO stories (id, headline, first, last, articles, outlets, created, updated)"
        " VALUES ('s1', 'Old story', '2026-03-01', '2026-03-02', 0, '[]', 'x', "
        "'2026-03-05T00:00:00')"
    )
    conn.execute("PRAGMA user_version=1")
    conn.commit()
    conn.close()
    with SqliteStore(path) as store:
        assert store._read("PRAGMA user_version")[0][0] == SCHEMA_VERSION >= 2
        assert store._read("SELECT sort_date FROM stories")[0][0] == "2026-03-02"
        assert [s.id for s in store.stories()] == ["s1"]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version=999")
    conn.close()
    with pytest.raises(StoreError, match="newer than this crossread"):
        SqliteStore(path)
