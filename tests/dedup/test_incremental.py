"""The store's incremental clustering equals clustering every mention at once, from column keys."""

from __future__ import annotations

import dataclasses
from datetime import date

from tidings.dedup import DEFAULT_RULE, assign_clusters, pair_score
from tidings.store import EventStore
from tidings.store.clusters import _KEY_SELECT, _row_key, key_of

from .test_match import key


def test_keys_read_from_columns_equal_keys_built_from_events(pair_articles_coded, tmp_path):
    with EventStore.open(tmp_path / "keys.duckdb") as store:
        store.upsert_many(pair_articles_coded)
        rows = store._con.execute(_KEY_SELECT).fetchall()
    from_columns = {row[1]: _row_key(row, DEFAULT_RULE) for row in rows}
    from_events = {
        e.event_id: key_of(e, coded.article) for coded in pair_articles_coded for e in coded.events
    }
    assert from_columns == from_events


def test_store_in_small_batches_holds_what_clustering_everything_at_once_gives(
    pair_articles_coded, tmp_path
):
    everything = assign_clusters(
        key_of(e, coded.article) for coded in pair_articles_coded for e in coded.events
    )
    with EventStore.open(tmp_path / "batches.duckdb") as store:
        store.upsert_many(pair_articles_coded[::-1], batch_size=3)
        _, rows = store.sql("SELECT event_id, cluster_id FROM mentions")
    assert dict(rows) == everything


def test_recoding_an_article_reclusters_what_its_old_mentions_linked(
    pair_articles_coded, tmp_path
):
    # Drop one article's events, as a re-coding that finds nothing would: its partners must end
    # where clustering everything without it puts them.
    donor = max(pair_articles_coded, key=lambda c: len(c.events))
    emptied = dataclasses.replace(donor, events=())
    rest = [c for c in pair_articles_coded if c is not donor]
    expected = assign_clusters(key_of(e, c.article) for c in rest for e in c.events)
    with EventStore.open(tmp_path / "recode.duckdb") as store:
        store.upsert_many(pair_articles_coded, batch_size=20)
        store.upsert(emptied)
        _, rows = store.sql("SELECT event_id, cluster_id FROM mentions")
    assert dict(rows) == expected


def test_a_mention_without_any_date_matches_nothing():
    undated = dataclasses.replace(key("a"), date_start=None, date_end=None, published=None)
    assert pair_score(undated, key("b")) is None
    assert pair_score(undated, dataclasses.replace(undated, mention_id="c")) is None


def test_month_dates_match_only_reports_published_within_a_few_days():
    month = dataclasses.replace(
        key("a"), date_start=date(2020, 3, 1), date_end=date(2020, 3, 31), date_precision="month"
    )
    near = dataclasses.replace(month, mention_id="b", published=month.published)
    far = dataclasses.replace(
        near, published=date.fromordinal(month.published.toordinal() + 20)
    )
    assert pair_score(month, near) is not None
    assert pair_score(month, far) is None
