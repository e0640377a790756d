"""Write events as JSONL (the to_dict contract), or CSV and Parquet with the flat columns."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.errors import StoreError
from tidings.store.schema import EVENT_ARROW_SCHEMA, EVENT_FIELDS, flat_event
from tidings.types import Event, EventCluster

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
# Parquet is written in row groups of this many events, so a large export streams.
PARQUET_BATCH = 10_000

Output = BinaryIO | TextIO | Path | str


def write_events(events: Iterable[Event], out: Output, fmt: str) -> int:
    """Write events to a path or an open stream in fmt ("jsonl", "csv", "parquet"); returns count.

    jsonl: one `json.dumps(event.to_dict(), ensure_ascii=False)` per line (Event.from_dict
    reads it back). csv and parquet: the flat columns of the events table (schema.EVENT_FIELDS),
    with attribution and quantities as JSON text and the whole event in event_json.
    A stream passed in is flushed, never closed.
    """
    if fmt not in EXPORT_FORMATS:
        raise StoreError(
            f"unknown export format {fmt!r} (expected one of {', '.join(EXPORT_FORMATS)})"
        )
    if fmt == "parquet":
        with _binary(out) as stream:
            return _write_parquet(events, stream)
    with _text(out) as stream:
        return _write_jsonl(events, stream) if fmt == "jsonl" else _write_csv(events, stream)


CLUSTER_FIELDS = (
    "cluster_event_id", "num_mentions", "num_articles", "num_sources", "first_seen",
    "last_seen", "confidence",
)  # fmt: skip


def write_clusters(clusters: Iterable[EventCluster], out: TextIO, fmt: str) -> int:
    """Write events (clusters) as JSONL (EventCluster.to_dict) or CSV; returns the count.

    CSV: the cluster's columns (its id as cluster_event_id) then the representative mention's
    flat columns.
    """
    if fmt == "jsonl":
        count = 0
        for cluster in clusters:
            out.write(json.dumps(cluster.to_dict(), ensure_ascii=False) + "\n")
            count += 1
        return count
    if fmt != "csv":
        raise StoreError(f"events can be written as jsonl or csv, not {fmt!r}")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLUSTER_FIELDS + EVENT_FIELDS)
    count = 0
    for c in clusters:
        row = flat_event(c.representative)
        head = (c.event_id, c.num_mentions, c.num_articles, c.num_sources, c.first_seen,
                c.last_seen, c.confidence)  # fmt: skip
        writer.writerow([*map(_csv_value, head), *(_csv_value(row[n]) for n in EVENT_FIELDS)])
        count += 1
    return count


def _write_jsonl(events: Iterable[Event], stream: TextIO) -> int:
    count = 0
    for event in events:
        stream.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_csv(events: Iterable[Event], stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(EVENT_FIELDS)
    count = 0
    for event in events:
        row = flat_event(event)
        writer.writerow([_csv_value(row[name]) for name in EVENT_FIELDS])
        count += 1
    return count


def _write_parquet(events: Iterable[Event], stream: BinaryIO) -> int:
    count = 0
    with pq.ParquetWriter(stream, EVENT_ARROW_SCHEMA) as writer:
        iterator = iter(events)
        while batch := [flat_event(e) for e in islice(iterator, PARQUET_BATCH)]:
            writer.write_table(pa.Table.from_pylist(batch, EVENT_ARROW_SCHEMA))
            count += len(batch)
        if count == 0:
            writer.write_table(EVENT_ARROW_SCHEMA.empty_table())  # a readable, empty file
    return count


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return value


@contextmanager
def _text(out: Output) -> Iterator[TextIO]:
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    elif isinstance(out, io.TextIOBase):
        yield out
        out.flush()
    else:
        # A binary stream (a file opened "wb", sys.stdout.buffer): wrap it without owning it.
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()


@contextmanager
def _binary(out: Output) -> Iterator[IO[bytes]]:
    if isinstance(out, (str, Path)):
        with open(out, "wb") as handle:
            yield handle
    elif isinstance(out, io.TextIOBase):
        buffer = getattr(out, "buffer", None)
        if buffer is None:
            raise StoreError("parquet needs a binary stream or a path, not a text stream")
        out.flush()
        yield buffer
        buffer.flush()
    else:
        yield out
        out.flush()
