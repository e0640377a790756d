"""Tests for tidings.store.duck.EventStore: idempotent upserts, queries, read-only SQL."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from tidings.errors import StoreError
from tidings.store.duck import EventStore


def dump(path) -> dict[str, list[tuple]]:
    """Every row of every table, in a fixed order: equal dumps mean equal stores."""
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("tidings_meta", "articles", "mentions", "events")
        }


def test_upserting_the_same_coding_twice_leaves_the_store_identical(db_path, event, coded):
    article = coded("a1", event(), event(start=30, end=70, code="036"))
    with EventStore.open(db_path) as store:
        store.upsert(article)
    first = dump(db_path)
    with EventStore.open(db_path) as store:
        assert store.upsert(article) is False
    assert dump(db_path) == first


def test_recoding_replaces_the_articles_events(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", event(), event(start=30, end=70, code="036")))
        store.upsert(coded("a1", event(code="130")))
        assert [e.cameo.code for e in store.query()] == ["130"]
        assert store.counts() == {"articles": 1, "mentions": 1, "events": 1}


def test_recoding_leaves_other_articles_alone(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", event()))
        store.upsert(coded("a2", event(article_id="a2")))
        store.upsert(coded("a1"))
        assert [e.article_id for e in store.query()] == ["a2"]


def test_upsert_many_counts_only_changed_articles(db_path, event, coded):
    batch = [coded(f"a{i}", event(article_id=f"a{i}")) for i in range(5)]
    with EventStore.open(db_path) as store:
        assert store.upsert_many(batch, batch_size=2) == 5
        assert store.upsert_many(batch, batch_size=2) == 0
        # Five reports of one threat (same dyad, code, day and place): one event.
        assert store.counts() == {"articles": 5, "mentions": 5, "events": 1}


def test_later_coding_in_one_batch_wins(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert_many([coded("a1", event()), coded("a1", event(code="130"))])
        assert [e.cameo.code for e in store.query()] == ["130"]


def test_event_of_another_article_is_refused(db_path, event, coded):
    with EventStore.open(db_path) as store:
        with pytest.raises(StoreError, match="belongs to article"):
            store.upsert(coded("a1", event(article_id="zz")))
        assert store.counts() == {"articles": 0, "mentions": 0, "events": 0}


def test_query_returns_events_equal_to_those_stored(db_path, event, coded):
    stored = event()
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", stored))
        assert store.query() == [stored]


def test_query_orders_by_published_article_and_position(db_path, event, coded):
    late = coded("a0", event(article_id="a0", published="2021-01-01"))
    early = coded("b1", event(article_id="b1", start=30, end=70), event(article_id="b1"))
    with EventStore.open(db_path) as store:
        store.upsert_many([late, early])
        found = [(e.article_id, e.evidence.start) for e in store.query()]
    assert found == [("b1", 0), ("b1", 30), ("a0", 0)]


@pytest.fixture
def filled(db_path, event, coded):
    store = EventStore.open(db_path)
    store.upsert_many(
        [
            coded(
                "a1",
                event(),
                event(
                    start=30,
                    end=70,
                    code="036",
                    source=("IRQGOV", "IRQ"),
                    target=("TUR", "TUR"),
                    place=("Ankara", "TUR"),
                    modality="planned",
                ),
            ),
            coded(
                "a2",
                event(
                    article_id="a2",
                    code="190",
                    source=("USAMIL", "USA"),
                    target=("IRQ", "IRQ"),
                    date_value="2020-11",
                    published="2020-12-03",
                    place=None,
                ),
            ),
        ]
    )
    yield store
    store.close()


def codes(events) -> list[str]:
    return [e.cameo.code for e in events]


def test_query_by_actor_code_prefix(filled):
    assert codes(filled.query(actor="USAMIL")) == ["190"]


def test_query_by_actor_country_matches_source_or_target(filled):
    assert codes(filled.query(actor="irq")) == ["036", "190"]


def test_query_by_code_prefix(filled):
    assert codes(filled.query(code="13")) == ["138"]


def test_query_by_root(filled):
    assert codes(filled.query(root="19")) == ["190"]


def test_query_since_uses_the_events_own_date_range(filled):
    # a2's event happened in November 2020 although published on December 3.
    assert codes(filled.query(since="2020-11-30", until="2020-11-30")) == ["190"]


def test_query_since_falls_back_to_published(filled):
    assert codes(filled.query(since=date(2020, 12, 1), until=date(2020, 12, 1))) == ["138", "036"]


def test_query_by_place_is_case_insensitive(filled):
    assert codes(filled.query(place="ANKARA")) == ["036"]
    assert codes(filled.query(place="irq")) == ["138"]


def test_query_by_modality(filled):
    assert codes(filled.query(modality="planned")) == ["036"]


def test_query_limit(filled):
    assert len(filled.query(limit=2)) == 2


def test_query_input_is_never_sql(filled):
    assert filled.query(actor="USA' OR 1=1 --") == []


def test_sql_returns_columns_and_rows(filled):
    assert filled.sql("SELECT count(*) AS n FROM events") == (["n"], [(3,)])


def test_sql_refuses_writes(filled):
    with pytest.raises(StoreError, match="read-only"):
        filled.sql("INSERT INTO articles (article_id) VALUES ('x')")
    assert filled.counts() == {"articles": 2, "mentions": 3, "events": 3}


def test_writable_store_still_writes_after_sql(filled, event, coded):
    filled.sql("SELECT 1")
    filled.upsert(coded("a3", event(article_id="a3")))
    assert filled.counts()["articles"] == 3


def test_read_only_store_refuses_upsert(filled, db_path, coded):
    filled.close()
    with EventStore.open(db_path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.upsert(coded("a9"))
        assert store.counts() == {"articles": 2, "mentions": 3, "events": 3}


def test_read_only_sql_refuses_file_access(filled, db_path):
    filled.close()
    with EventStore.open(db_path, read_only=True) as store, pytest.raises(StoreError):
        store.sql("COPY events TO 'out.csv'")


def test_opening_a_missing_store_read_only_fails(tmp_path):
    with pytest.raises(StoreError, match="no event store"):
        EventStore.open(tmp_path / "missing.duckdb", read_only=True)


def test_article_is_read_back(filled):
    assert filled.article("a1").title == "Title a1"
    assert filled.article("nope") is None
