"""Tests for tidings.store.export.write_events: JSONL round-trip, CSV header, Parquet columns."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tidings.errors import StoreError
from tidings.store.export import write_events
from tidings.store.schema import EVENT_FIELDS
from tidings.types import Event


@pytest.fixture
def events(event):
    return [event(), event(start=30, end=70, code="036", source=None, place=None)]


def test_jsonl_round_trips_through_from_dict(events, tmp_path):
    path = tmp_path / "events.jsonl"
    assert write_events(events, path, "jsonl") == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [Event.from_dict(json.loads(line)) for line in lines] == events


def test_jsonl_line_is_the_to_dict_contract(events):
    out = io.StringIO()
    write_events(events[:1], out, "jsonl")
    assert out.getvalue() == json.dumps(events[0].to_dict(), ensure_ascii=False) + "\n"


def test_jsonl_to_a_binary_stream_is_utf8(event):
    out = io.BytesIO()
    write_events([event(label="Menace \u00e0 Bagdad")], out, "jsonl")
    assert "Menace \u00e0 Bagdad" in out.getvalue().decode("utf-8")
    assert not out.closed


def test_csv_header_is_the_flat_columns(events):
    out = io.StringIO()
    write_events(events, out, "csv")
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(EVENT_FIELDS)
    assert len(rows) == 3


def test_csv_writes_nulls_as_empty_and_keeps_the_event_json(events):
    out = io.StringIO()
    write_events(events, out, "csv")
    second = list(csv.DictReader(io.StringIO(out.getvalue())))[1]
    assert second["source_code"] == "" and second["location_name"] == ""
    assert Event.from_dict(json.loads(second["event_json"])) == events[1]


def test_parquet_is_readable_with_the_flat_columns(events, tmp_path):
    path = tmp_path / "events.parquet"
    write_events(events, path, "parquet")
    table = pq.read_table(path)
    assert table.column_names == list(EVENT_FIELDS)
    assert table.column("cameo_code").to_pylist() == ["138", "036"]


def test_empty_parquet_is_readable(tmp_path):
    path = tmp_path / "none.parquet"
    assert write_events([], path, "parquet") == 0
    assert pq.read_table(path).num_rows == 0


def test_unknown_format_is_refused(events):
    with pytest.raises(StoreError, match="unknown export format"):
        write_events(events, io.StringIO(), "xml")
