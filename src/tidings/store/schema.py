"""The event store's tables and the flat row form of an Event (shared by DuckDB and exports)."""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from tidings.errors import StoreError
from tidings.types import Article, Event, stable_id

# Bump when a table changes shape; a store written by another version is refused, not guessed.
SCHEMA_VERSION = "1"

# The flat form of an Event, in column order: the events table, CSV and Parquet share it.
# event_json keeps the whole to_dict() form, so nothing is lost by flattening.
EVENT_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", pa.string()),
    ("article_id", pa.string()),
    ("published", pa.date32()),
    ("sentence_index", pa.int32()),
    ("evidence_start", pa.int32()),
    ("evidence_end", pa.int32()),
    ("evidence_text", pa.string()),
    ("source_code", pa.string()),
    ("source_country", pa.string()),
    ("source_role", pa.string()),
    ("source_text", pa.string()),
    ("source_name", pa.string()),
    ("target_code", pa.string()),
    ("target_country", pa.string()),
    ("target_role", pa.string()),
    ("target_text", pa.string()),
    ("target_name", pa.string()),
    ("cameo_code", pa.string()),
    ("cameo_root", pa.string()),
    ("cameo_label", pa.string()),
    ("quad_class", pa.int32()),
    ("goldstein", pa.float64()),
    ("plover_type", pa.string()),
    ("plover_mode", pa.string()),
    ("modality", pa.string()),
    ("date_value", pa.string()),
    ("date_precision", pa.string()),
    ("location_name", pa.string()),
    ("location_country", pa.string()),
    ("location_admin1", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("attribution_json", pa.string()),
    ("quantities_json", pa.string()),
    ("event_json", pa.string()),
)
EVENT_FIELDS = tuple(name for name, _ in EVENT_COLUMNS)
EVENT_ARROW_SCHEMA = pa.schema(EVENT_COLUMNS)
# Store-only columns: the event's date as a day range (a month or year widens it), falling
# back to the publication date, so since/until filter on dates rather than on strings.
RANGE_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("date_start", pa.date32()),
    ("date_end", pa.date32()),
)
EVENT_TABLE_SCHEMA = pa.schema(EVENT_COLUMNS + RANGE_COLUMNS)

ARTICLE_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("article_id", pa.string()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("language", pa.string()),
    ("published", pa.date32()),
    ("text", pa.string()),
    ("n_events", pa.int32()),
    ("coding_hash", pa.string()),
    ("coded_at", pa.timestamp("us")),
)
ARTICLE_TABLE_SCHEMA = pa.schema(ARTICLE_COLUMNS)

_SQL_TYPES = {
    pa.string(): "VARCHAR",
    pa.date32(): "DATE",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.timestamp("us"): "TIMESTAMP",
}
PRIMARY_KEYS = {"events": "event_id", "articles": "article_id"}
INDEXES = (
    ("events_published", "events", "published"),
    ("events_cameo_root", "events", "cameo_root"),
    ("events_source_country", "events", "source_country"),
    ("events_target_country", "events", "target_country"),
    ("events_article_id", "events", "article_id"),  # every upsert deletes by article
)


def ddl() -> list[str]:
    """The statements that create the store (idempotent: IF NOT EXISTS throughout)."""
    statements = [
        "CREATE TABLE IF NOT EXISTS tidings_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        _create_table("articles", ARTICLE_COLUMNS),
        _create_table("events", EVENT_COLUMNS + RANGE_COLUMNS),
    ]
    statements += [f"CREATE INDEX IF NOT EXISTS {n} ON {t} ({c})" for n, t, c in INDEXES]
    return statements


def _create_table(name: str, columns: tuple[tuple[str, pa.DataType], ...]) -> str:
    key = PRIMARY_KEYS[name]
    parts = [
        f"{col} {_SQL_TYPES[kind]}{' PRIMARY KEY' if col == key else ''}" for col, kind in columns
    ]
    return f"CREATE TABLE IF NOT EXISTS {name} ({', '.join(parts)})"


def flat_event(event: Event, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """One Event as flat columns (EVENT_FIELDS); dates as `date`, nested lists as JSON text.

    Pass `data` when event.to_dict() is already at hand: it is the costly part.
    """
    data = event.to_dict() if data is None else data
    source, target, place = event.source, event.target, event.location
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "published": parse_day(event.published, f"event {event.event_id} published"),
        "sentence_index": event.sentence_index,
        "evidence_start": event.evidence.start,
        "evidence_end": event.evidence.end,
        "evidence_text": event.evidence.text,
        **_actor_columns("source", source),
        **_actor_columns("target", target),
        "cameo_code": event.cameo.code,
        "cameo_root": event.cameo.root,
        "cameo_label": event.cameo.label,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "plover_type": event.plover.event_type,
        "plover_mode": event.plover.mode,
        "modality": event.modality,
        "date_value": event.date.value,
        "date_precision": event.date.precision,
        "location_name": place.name if place else None,
        "location_country": place.country if place else None,
        "location_admin1": place.admin1 if place else None,
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "attribution_json": _compact(data["attribution"]),
        "quantities_json": _compact(data["quantities"]),
        "event_json": _compact(data),
    }


def event_table_row(event: Event, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """flat_event plus the store-only day range used by since/until."""
    row = flat_event(event, data)
    start, end = day_range(event.date.value)
    if start is None:
        start = end = row["published"]
    row["date_start"], row["date_end"] = start, end
    return row


def article_table_row(
    article: Article, n_events: int, digest: str, coded_at: datetime
) -> dict[str, Any]:
    """An articles-table row; digest is coding_hash() of the article and its events."""
    return {
        "article_id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "published": article.published,
        "text": article.text,
        "n_events": n_events,
        "coding_hash": digest,
        "coded_at": coded_at,
    }


def coding_hash(article: Article, event_jsons: Iterable[str]) -> str:
    """A hash of the article and its events' JSON: equal hashes mean a re-run changes nothing."""
    article_part = _compact({**article.__dict__, "published": _iso(article.published)})
    return stable_id(article_part, *event_jsons, length=40)


_PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def day_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day of an ISO day, month or year ("2020-11" -> Nov 1 .. Nov 30)."""
    match = _PERIOD.match(value or "")
    if match is None:
        return None, None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day), date(year, month, day)
    except ValueError:
        return None, None


def parse_day(value: str | date | None, what: str) -> date | None:
    """An ISO date (or the date part of a date-time) as `date`; StoreError if it is not one."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise StoreError(f"{what} is not an ISO date: {value!r}") from None


def _actor_columns(role: str, actor: Any) -> dict[str, Any]:
    names = ("code", "country", "role", "text", "name")
    return {f"{role}_{n}": getattr(actor, n) if actor else None for n in names}


def _compact(value: Any) -> str:
    # Sorted keys: the same content gives the same text (and coding hash) on every run.
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
