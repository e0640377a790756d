"""GDELT 2.0, PLOVER and partitioned Parquet exports of a small store, read back."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from tidings.store.bulk import export_gdelt, export_parquet, export_plover
from tidings.store.duck import EventStore
from tidings.store.gdelt import EVENT_HEADER, MENTION_HEADER, global_event_id

DATA = Path(__file__).parent / "data"
SQL_TYPE = {"INTEGER": "BIGINT", "FLOAT": "DOUBLE", "STRING": "VARCHAR"}


def published_columns(name: str) -> dict[str, str]:
    with open(DATA / name, encoding="utf-8") as handle:
        rows = list(csv.reader(handle))[1:]
    return {column: SQL_TYPE[kind] for column, kind in rows}


@pytest.fixture
def store(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert_many(
            [
                coded("a1", event()),
                coded("a2", event(article_id="a2")),  # the same threat: one event, 2 mentions
                coded("a3", event(article_id="a3", code="190", date_value="2020-11")),
            ]
        )
        yield store


def test_gdelt_files_parse_with_the_published_headers(store, tmp_path):
    files = export_gdelt(store, tmp_path / "gdelt")
    events_cols = published_columns("gdelt_2.0_events_header.csv")
    mentions_cols = published_columns("gdelt_2.0_mentions_header.csv")
    assert tuple(events_cols) == EVENT_HEADER and len(EVENT_HEADER) == 61
    assert tuple(mentions_cols) == MENTION_HEADER and len(MENTION_HEADER) == 16
    read = "SELECT * FROM read_csv(?, delim='\t', header=false, quote='', columns=?)"
    events = duckdb.execute(read, [str(files["events"][0]), events_cols]).fetchall()
    mentions = duckdb.execute(read, [str(files["mentions"][0]), mentions_cols]).fetchall()
    assert len(events) == store.counts()["events"] == 2
    assert len(mentions) == store.counts()["mentions"] == 3
    ev = [dict(zip(EVENT_HEADER, row, strict=True)) for row in events]
    threat = next(e for e in ev if e["EventCode"] == "138")
    assert threat["NumMentions"] == 2 and threat["NumArticles"] == 2
    assert threat["Actor1Code"] == "USAGOV" and threat["Actor1Type1Code"] == "GOV"
    assert threat["ActionGeo_CountryCode"] == "IZ"  # FIPS for Iraq, as GDELT writes it
    assert threat["SQLDATE"] == 20201201 and threat["EventRootCode"] == "13"
    ids = {e["GLOBALEVENTID"] for e in ev}
    assert {dict(zip(MENTION_HEADER, m, strict=True))["GLOBALEVENTID"] for m in mentions} == ids


def test_global_event_id_is_a_positive_bigint():
    assert 0 < global_event_id("ffffffffffffffff") < 2**63


def test_plover_records_carry_type_mode_actors_and_counts(store, tmp_path):
    out = tmp_path / "events.jsonl"
    written, skipped = export_plover(store, out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert written == len(records) == 2 and skipped == 0
    threat = next(r for r in records if r["cameo_code"] == "138")
    assert threat["event_type"] == "THREATEN" and threat["actor"]["code"] == "USAGOV"
    assert threat["recipient"]["country"] == "IRN" and threat["num_mentions"] == 2


def test_parquet_is_partitioned_by_event_month(store, tmp_path):
    out = tmp_path / "parquet"
    assert export_parquet(store, out) == 2
    assert sorted(p.name for p in out.iterdir()) == ["event_month=2020-11", "event_month=2020-12"]
    table = pq.read_table(out)
    assert table.num_rows == 2 and "num_sources" in table.column_names
    assert export_parquet(store, out) == 2  # re-export replaces, never duplicates
    assert pq.read_table(out).num_rows == 2
