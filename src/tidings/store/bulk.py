"""Export the whole store: GDELT 2.0 tables, PLOVER/POLECAT-style JSON, Parquet by month."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.dedup import outlet_of
from tidings.errors import DataFileError
from tidings.store.gdelt import write_gdelt
from tidings.types import Article

if TYPE_CHECKING:
    from tidings.store.duck import EventStore

BULK_FORMATS = ("gdelt", "plover", "parquet")
FETCH = 5_000  # rows per round trip, so an export streams instead of loading the store

_EVENTS_SQL = (
    "SELECT e.*, a.url, a.coded_at,"
    " json_extract_string(e.event_json, '$.location.precision') AS location_precision"
    " FROM events e LEFT JOIN articles a USING (article_id)"
    " ORDER BY e.first_seen NULLS LAST, e.event_id"
)
_MENTIONS_SQL = (
    "SELECT m.*, a.url, a.source AS article_source, a.coded_at, length(a.text) AS doc_len,"
    " CAST(json_extract(m.event_json, '$.source.start') AS INTEGER) AS source_start,"
    " CAST(json_extract(m.event_json, '$.target.start') AS INTEGER) AS target_start"
    " FROM mentions m JOIN articles a USING (article_id)"
    " ORDER BY m.cluster_id, m.published NULLS LAST, m.article_id, m.evidence_start, m.event_id"
)


def export_gdelt(store: EventStore, out: Path) -> dict[str, tuple[Path, int]]:
    """GDELT 2.0 Event and Mentions files in directory out (see tidings.store.gdelt)."""
    events = list(_rows(store, _EVENTS_SQL))
    mentions = []
    for row in _rows(store, _MENTIONS_SQL):
        article = Article(id=row["article_id"], text="", source=row["article_source"],
                          url=row["url"])  # fmt: skip
        mentions.append({**row, "outlet": outlet_of(article)})
    return write_gdelt(events, mentions, Path(out))


def export_plover(store: EventStore, out: Path) -> tuple[int, int]:
    """PLOVER/POLECAT-style JSON Lines, one event per line; returns (written, skipped).

    Events whose CAMEO code has no PLOVER type (statements and appeals, roots 01-02, which
    PLOVER dropped) are skipped and counted.
    """
    contexts = read_plover_contexts()
    written = skipped = 0
    with open(out, "w", encoding="utf-8") as handle:
        for row in _rows(store, _EVENTS_SQL):
            record = plover_record(row, contexts)
            if record is None:
                skipped += 1
                continue
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
            written += 1
    return written, skipped


def plover_record(row: dict[str, Any], contexts: dict[str, list[str]]) -> dict[str, Any] | None:
    """One events-table row as a PLOVER record (field names follow POLECAT's, snake_case)."""
    if not row["plover_type"]:
        return None
    event = json.loads(row["event_json"])
    place = event.get("location")
    return {
        "event_id": row["event_id"],
        "event_date": row["date_value"] or _iso(row["date_start"]),
        "date_precision": row["date_precision"],
        "story_date": _iso(row["first_seen"]),
        "event_type": row["plover_type"],
        "mode": row["plover_mode"],
        "contexts": contexts.get(row["cameo_code"], contexts.get(row["cameo_root"], [])),
        "actor": _plover_actor(event.get("source")),
        "recipient": _plover_actor(event.get("target")),
        "location": None if not place else {
            k: place.get(k) for k in ("name", "country", "admin1", "lat", "lon", "precision")
        },
        "modality": row["modality"],
        "cameo_code": row["cameo_code"],
        "quad_class": row["quad_class"],
        "goldstein": row["goldstein"],
        "num_mentions": row["num_mentions"],
        "num_articles": row["num_articles"],
        "num_sources": row["num_sources"],
        "confidence": row["confidence"],
        "article_id": row["article_id"],
        "evidence": row["evidence_text"],
    }  # fmt: skip


def export_parquet(store: EventStore, out: Path) -> int:
    """Events as Parquet under out/event_month=YYYY-MM/ (hive partitions); returns rows.

    The month is the event's own (its day range's start, else first seen); undated events go
    to event_month=unknown. Each partition's files are replaced, so a re-export is idempotent.
    """
    out = Path(out)
    count = 0
    batches: list[pa.Table] = []
    for chunk in _chunks(store, _EVENTS_SQL):
        for row in chunk:
            day = row["date_start"] or row["first_seen"]
            row["event_month"] = day.strftime("%Y-%m") if day else "unknown"
            row["coded_at"] = None if row["coded_at"] is None else row["coded_at"]
        batches.append(pa.Table.from_pylist(chunk))
        count += len(chunk)
    if not batches:
        out.mkdir(parents=True, exist_ok=True)
        return 0
    table = pa.concat_tables(batches, promote_options="default")
    pq.write_to_dataset(
        table,
        root_path=str(out),
        partition_cols=["event_month"],
        existing_data_behavior="delete_matching",
        basename_template="events-{i}.parquet",
    )
    return count


def read_plover_contexts() -> dict[str, list[str]]:
    """CAMEO code -> PLOVER contexts from data/cameo/cameo_to_plover.tsv (";"-separated)."""
    path = resources.files("tidings") / "data" / "cameo" / "cameo_to_plover.tsv"
    table: dict[str, list[str]] = {}
    with path.open("r", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        if "plover_context" not in (reader.fieldnames or ()):
            raise DataFileError(str(path), 1, "missing column plover_context")
        for row in reader:
            code, context = row.get("cameo_code") or "", row.get("plover_context") or ""
            if context and code not in table:
                table[code] = [c for c in context.split(";") if c]
    return table


def _plover_actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "name": actor.get("name") or actor.get("text"),
        "text": actor.get("text"),
        "code": actor.get("code"),
        "country": actor.get("country"),
        "sector": actor.get("role"),
    }


def _rows(store: EventStore, sql: str) -> Iterator[dict[str, Any]]:
    for chunk in _chunks(store, sql):
        yield from chunk


def _chunks(store: EventStore, sql: str) -> Iterator[list[dict[str, Any]]]:
    cursor = store._run(sql)
    columns = [d[0] for d in cursor.description]
    while rows := cursor.fetchmany(FETCH):
        yield [dict(zip(columns, row, strict=True)) for row in rows]


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
