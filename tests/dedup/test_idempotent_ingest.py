"""Ingesting the same 1,000 coded articles twice changes nothing; ids do not depend on order."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

import duckdb

from tidings.store import EventStore
from tidings.types import CodedArticle, make_event_id

N_ARTICLES = 1000


def thousand(coded: list[CodedArticle]) -> list[CodedArticle]:
    """1,000 articles from the ~100 coded ones: copies under new ids, a week apart each round."""
    out: list[CodedArticle] = []
    round_ = 0
    while len(out) < N_ARTICLES:
        for item in coded:
            if len(out) == N_ARTICLES:
                break
            if round_ == 0:
                out.append(item)
                continue
            aid = f"{item.article.id}-copy{round_}"
            shift = timedelta(days=7 * round_)
            published = item.article.published + shift if item.article.published else None
            article = dataclasses.replace(item.article, id=aid, published=published)
            events = tuple(
                dataclasses.replace(
                    e, article_id=aid, event_id=make_event_id(aid, e.evidence, e.cameo.code),
                    published=published.isoformat() if published else None,
                )
                for e in item.events
            )
            out.append(CodedArticle(article, events))
        round_ += 1
    return out


def dump(path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
            for table in ("articles", "mentions", "events")
        }


def test_ingesting_the_same_articles_twice_changes_nothing(pair_articles_coded, tmp_path):
    batch = thousand(pair_articles_coded)
    path = tmp_path / "twice.duckdb"
    with EventStore.open(path) as store:
        assert store.upsert_many(batch, batch_size=250) == N_ARTICLES
        first_counts = store.counts()
    first = dump(path)
    with EventStore.open(path) as store:
        assert store.upsert_many(batch, batch_size=250) == 0
        assert store.counts() == first_counts
    assert dump(path) == first
    assert first_counts["articles"] == N_ARTICLES
    assert first_counts["events"] < first_counts["mentions"]  # some mentions were merged


def test_event_ids_do_not_depend_on_input_order_within_a_batch(pair_articles_coded, tmp_path):
    batch = thousand(pair_articles_coded)[:300]
    shuffled = batch[:]
    random.Random(8).shuffle(shuffled)
    results = []
    for name, items in (("a", batch), ("b", shuffled)):
        with EventStore.open(tmp_path / f"{name}.duckdb") as store:
            store.upsert_many(items, batch_size=len(items))
            _, rows = store.sql("SELECT event_id, cluster_id FROM mentions ORDER BY event_id")
            results.append(rows)
    assert results[0] == results[1]


def test_batch_size_and_order_do_not_change_the_events(pair_articles_coded, tmp_path):
    batch = pair_articles_coded
    tables = []
    for name, items, size in (("one", batch, len(batch)), ("sevens", batch, 7), ("rev", batch[::-1], 5)):
        with EventStore.open(tmp_path / f"{name}.duckdb") as store:
            store.upsert_many(items, batch_size=size)
        with duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True) as con:
            tables.append((
                con.execute("SELECT event_id, cluster_id FROM mentions ORDER BY ALL").fetchall(),
                con.execute("SELECT * FROM events ORDER BY ALL").fetchall(),
            ))  # fmt: skip
    assert tables[0] == tables[1] == tables[2]
