"""The event store's tables and the flat row form of an Event (shared by DuckDB and exports).

Schema version 3, what readers (CLI, API, dashboards) can code against:

articles  one row per input article: article_id (PK), title, url, source (the outlet),
          language, published DATE, text, n_events (how many mentions it has), coding_hash,
          coded_at TIMESTAMP (UTC).
mentions  one row per coded Event (the JSON contract: one occurrence in one article). Exactly
          the columns of schema 1's `events` table: event_id (PK, the contract's id = hash of
          article id, evidence span, code), article_id, published, sentence_index,
          evidence_start/_end/_text, source_/target_ code/country/role/text/name, cameo_code,
          cameo_root, cameo_label, quad_class, goldstein, plover_type, plover_mode, modality,
          date_value, date_precision, location_name/_country/_admin1, lat, lon,
          attribution_json, quantities_json, event_json, date_start, date_end (DATE: the event
          date as a day range; the publication date when undated). Plus cluster_id (-> events.
          event_id: which real-world event this mention reports) and dedup_block (the CAMEO
          root family used to find candidate clusters).
events    one row per real-world event, a cluster of mentions (tidings.dedup): event_id (PK, the
          cluster id: a hash of its first mention in canonical order, see tidings.dedup),
          representative_id (the mention event_id whose fields stand for the event), every
          mention column above (same names, the representative's values: article_id,
          source_code, cameo_code, date_value, location_name, event_json, date_start, ...), and
          num_mentions, num_articles, num_sources (distinct outlets), first_seen, last_seen
          (DATE: earliest and latest publication date of its articles), confidence (0..1, grows
          with independent outlets, see tidings.dedup.summary).
event_words  the evidence word index (schema 3): token (a lower-cased run of letters and
          digits of events.evidence_text), event_id; one row per distinct word of an event,
          kept sorted by token (tidings.store.textindex). Maintained by every upsert.
Join them with `mentions.cluster_id = events.event_id`.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from tidings.errors import StoreError
from tidings.store.textindex import WORDS_DDL
from tidings.types import Article, Event, stable_id

# Bump when a table changes shape; a store written by another version is refused, not guessed,
# except the upgrades below (EventStore._prepare), which a writable open applies in place.
SCHEMA_VERSION = "3"
# Versions this one can read as is: 3 only adds the event_words table to 2.
READABLE_VERSIONS = ("2", "3")

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
# Store-only columns of a mention: the event (cluster) it reports, and its CAMEO root family.
CLUSTER_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("cluster_id", pa.string()),
    ("dedup_block", pa.string()),
)
MENTION_COLUMNS = EVENT_COLUMNS + RANGE_COLUMNS + CLUSTER_COLUMNS
MENTION_TABLE_SCHEMA = pa.schema(MENTION_COLUMNS)
# What the events table adds to its representative mention's columns (tidings.dedup.summarize).
SUMMARY_COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", pa.string()),
    ("representative_id", pa.string()),
    ("num_mentions", pa.int32()),
    ("num_articles", pa.int32()),
    ("num_sources", pa.int32()),
    ("first_seen", pa.date32()),
    ("last_seen", pa.date32()),
    ("confidence", pa.float64()),
)
SUMMARY_SCHEMA = pa.schema(SUMMARY_COLUMNS)
CLUSTER_EVENT_COLUMNS = SUMMARY_COLUMNS + EVENT_COLUMNS[1:] + RANGE_COLUMNS
CLUSTER_EVENT_FIELDS = tuple(name for name, _ in CLUSTER_EVENT_COLUMNS)

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
PRIMARY_KEYS = {"events": "event_id", "mentions": "event_id", "articles": "article_id"}
INDEXES = (
    ("mentions_article_id", "mentions", "article_id"),  # every upsert deletes by article
    ("mentions_cluster_id", "mentions", "cluster_id"),  # an event's mentions
    ("events_first_seen", "events", "first_seen"),
    ("events_cameo_root", "events", "cameo_root"),
    ("events_source_country", "events", "source_country"),
    ("events_target_country", "events", "target_country"),
)


def ddl() -> list[str]:
    """The statements that create the store (idempotent: IF NOT EXISTS throughout)."""
    statements = [
        "CREATE TABLE IF NOT EXISTS tidings_meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        _create_table("articles", ARTICLE_COLUMNS),
        _create_table("mentions", MENTION_COLUMNS),
        _create_table("events", CLUSTER_EVENT_COLUMNS),
        WORDS_DDL,
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


def mention_table_row(
    event: Event, data: dict[str, Any] | None = None, block: str | None = None
) -> dict[str, Any]:
    """flat_event plus the store-only day range used by since/until and the dedup block."""
    row = flat_event(event, data)
    start, end = day_range(event.date.value)
    if start is None:
        start = end = row["published"]
    row["date_start"], row["date_end"] = start, end
    row["cluster_id"], row["dedup_block"] = None, block
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
