"""Read-only views of the event store for the HTTP API: filtered pages, details, aggregates."""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from tidings.errors import StoreBusyError, StoreError
from tidings.store import access
from tidings.store.filters import EventFilters, where_clause
from tidings.store.paging import page_day_rows, page_days_sql
from tidings.store.textsearch import TextMatch, plan_text

log = logging.getLogger(__name__)

# A view connection can read no other file (no read_csv, COPY, ATTACH): it serves HTTP users.
_READ_ONLY_CONFIG = {"enable_external_access": False}
MAX_PAGE = 1000  # rows per /api/events page; CSV export uses the same cap per request
MAX_GROUPS = 2000  # rows per aggregate (dyads, places)
SORT_ALL = 5000  # up to this many matches, /api/events reads all their (rowid, date) at once
QUERY_SECONDS = 5.0  # default time limit of one API read; over it the query is interrupted
BUCKETS = ("auto", "day", "week", "month", "year")
SERIES = {"quad_class": "quad_class", "root": "cameo_root"}
ACTOR_LEVELS = {"code": ("source_code", "target_code"), "country": ("source_country", "target_country")}

# The columns of a page of events, in order (CSV header and JSON keys). Every one exists in the
# events table of schema 1 and 2; EXTRA_COLUMNS are added when the store has them (schema 2).
LIST_COLUMNS = (
    "event_id", "article_id", "published", "date_value", "date_precision", "date_start",
    "source_code", "source_country", "source_name", "source_text",
    "target_code", "target_country", "target_name", "target_text",
    "cameo_code", "cameo_root", "cameo_label", "quad_class", "goldstein",
    "plover_type", "plover_mode", "modality",
    "location_name", "location_country", "location_admin1", "lat", "lon", "evidence_text",
)  # fmt: skip
EXTRA_COLUMNS = (
    "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "confidence",
)  # fmt: skip


class QueryTimeout(StoreError):
    """An API read ran over its time limit and was interrupted (the connection stays usable)."""


class StoreViews:
    """Queries for the API over one read-only DuckDB connection (thread-safe: one lock).

    The connection is let go whenever a writing run announces itself and reopened at the
    next query once the writer is done (tidings.store.access), so `tidings code --db` can
    run beside a server; a query that waits too long raises StoreBusyError (HTTP 503).

    query_seconds limits each query (None: no limit). DuckDB has no statement timeout, so a
    timer interrupts the connection; the query raises QueryTimeout and the connection is
    usable again at once.
    """

    def __init__(self, path: Path | str, query_seconds: float | None = QUERY_SECONDS) -> None:
        if query_seconds is not None and query_seconds <= 0:
            raise StoreError(f"query time limit must be over 0 seconds, not {query_seconds}")
        self.path = Path(path)
        self.query_seconds = query_seconds
        self._lock = threading.RLock()
        self._con: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        self.columns: dict[str, set[str]] = {}
        self._open()
        threading.Thread(target=self._yield_to_writers, name="tidings-views", daemon=True).start()

    def _yield_to_writers(self) -> None:
        while not self._closed:
            time.sleep(access.RETRY_SECONDS)
            if self._con is not None and access.writer_waiting(self.path):
                with self._lock:
                    self._release()

    def _open(self) -> None:
        if not self.path.exists():
            raise StoreError(f"{self.path}: no event store here")
        if not access.wait_for_writer(self.path, access.READ_WAIT_SECONDS):
            raise StoreBusyError(f"{self.path}: the store is being written; retry in a moment")
        try:
            self._con = access.retry_on_lock(
                lambda: duckdb.connect(str(self.path), read_only=True, config=_READ_ONLY_CONFIG),
                access.READ_WAIT_SECONDS, str(self.path),
            )  # fmt: skip
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the event store ({exc})") from exc
        try:
            # A join's build side of up to a page of keys becomes a key filter inside the scan
            # of events (DuckDB's default stops at 50): on 1M events, 500 rows fetched by key
            # took 60 ms instead of 130 ms.
            self._con.execute(f"SET dynamic_or_filter_threshold = {MAX_PAGE}")
        except duckdb.Error:  # DuckDB before 1.2 has no such setting: slower pages, same rows
            pass
        rows = self._con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE schema_name = 'main'"
        ).fetchall()
        self.columns = {}
        for table, column in rows:
            self.columns.setdefault(table, set()).add(column)
        if not {"articles", "events"} <= set(self.columns):
            self._con.close()
            raise StoreError(f"{self.path}: not a tidings event store")
        if "event_words" not in self.columns and not getattr(self, "_warned", False):
            self._warned = True
            log.warning("%s: no evidence word index (schema 2): text search scans every event;"
                        " open the store once for writing (e.g. `tidings code --db`) to add it",
                        self.path)  # fmt: skip

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._release()

    def _release(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @contextmanager
    def released(self) -> Iterator[None]:
        """Close the connection for the block (so a writer can open the file), then reopen."""
        with self._lock:
            self._release()
            try:
                yield
            finally:
                self._open()

    def _rows(self, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
        with self._lock:
            if self._closed:
                raise StoreError(f"{self.path}: the store is closed")
            if self._con is None:
                self._open()  # let go for a writer: reopen (waits for it, or StoreBusyError)
            con = self._con
            timer = None
            if self.query_seconds is not None:
                timer = threading.Timer(self.query_seconds, con.interrupt)
                timer.daemon = True
                timer.start()
            try:
                result = con.execute(sql, params)
                return [d[0] for d in result.description], result.fetchall()
            except duckdb.InterruptException as exc:
                raise QueryTimeout(
                    f"the query ran over the {self.query_seconds:g} s limit; narrow the filters"
                ) from exc
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: {exc}") from exc
            finally:
                if timer is not None:
                    timer.cancel()

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        names, rows = self._rows(sql, params)
        return [dict(zip(names, row, strict=True)) for row in rows]

    @property
    def _has_mentions(self) -> bool:
        return {"cluster_id", "event_json"} <= self.columns.get("mentions", set())

    def _where(self, filters: EventFilters) -> tuple[str, list[Any]]:
        return where_clause(filters, self._has_mentions, self._text_match(filters))

    def _text_match(self, filters: EventFilters) -> TextMatch | None:
        """The index plan for filters.text (textsearch.plan_text); None without an index."""
        if not filters.text or "event_words" not in self.columns:
            return None
        return plan_text(lambda sql, params: self._rows(sql, params)[1], filters.text)

    def list_columns(self) -> tuple[str, ...]:
        present = self.columns["events"]
        return tuple(c for c in LIST_COLUMNS + EXTRA_COLUMNS if c in present)

    def events(
        self, filters: EventFilters, limit: int = 50, offset: int = 0, descending: bool = False
    ) -> tuple[int, list[dict[str, Any]]]:
        """(total matching, one page of flat event rows) in (event date, event id) order."""
        if not 0 <= limit <= MAX_PAGE:
            raise StoreError(f"limit must be between 0 and {MAX_PAGE}, not {limit}")
        if offset < 0:
            raise StoreError(f"offset must be 0 or more, not {offset}")
        where, params = self._where(filters)
        direction = "DESC" if descending else "ASC"
        order = f"date_start {direction} NULLS LAST, event_id {direction}"
        # A big store's rows lie in arrival order, not date order, so each step that reads
        # matches costs about a scan. The first scan places the page within a few days: a
        # selective filter's matches (rowid, date) all fit in memory; past SORT_ALL, a scan
        # counts the matches per day instead. Only those days' matches are then sorted by
        # (date, id), so a deep page no longer sorts its whole offset, and the page's rows are
        # fetched by key. On 1M events this cut the deep page and the 500-row CSV page by about
        # a third against the former probe / count / cutoff / keys / rows steps.
        with self._lock:  # rowids hold while this connection does: both steps under the lock
            probe = None
            if where:  # without filters every event matches: straight to the per-day counts
                probe = self._rows(
                    f"SELECT rowid, date_start FROM events{where} LIMIT ?", params + [SORT_ALL + 1]
                )[1]
            if probe is not None and len(probe) <= SORT_ALL:
                total = len(probe)
                if limit == 0 or offset >= total:
                    return total, []
                rowids, before = page_day_rows(probe, offset, limit, descending)
                pick, pick_params = "WHERE rowid IN (SELECT unnest(?::BIGINT[]))", [rowids]
            else:
                total, before, first, last, undated = self._rows(
                    page_days_sql(where, direction), params + [offset, offset + limit]
                )[1][0]
                if limit == 0 or before is None:
                    return int(total or 0), []
                days = [] if first is None else ["date_start BETWEEN ? AND ?"]
                days += ["date_start IS NULL"] if undated else []
                pick = f"{where}{' AND' if where else ' WHERE'} ({' OR '.join(days)})"
                pick_params = params + ([] if first is None else [first, last])
            # MATERIALIZED keeps the sort's dynamic filter on date_start out of the scan, where
            # it would turn a text filter's key lookup (`event_id IN (...)`) into a full scan.
            rows = self._dicts(
                f"WITH matches AS MATERIALIZED (SELECT event_id, date_start FROM events {pick}),"
                f" page AS (SELECT event_id FROM matches ORDER BY {order} LIMIT ? OFFSET ?)"
                f" SELECT {', '.join(self.list_columns())} FROM events"
                f" WHERE event_id IN (SELECT event_id FROM page) ORDER BY {order}",
                pick_params + [limit, offset - before],
            )
        return int(total), rows

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event's contract JSON, its store columns, and every mention (article) reporting it."""
        extra = [c for c in EXTRA_COLUMNS if c in self.columns["events"]]
        rows = self._dicts(
            f"SELECT {', '.join(['event_json', *extra])} FROM events WHERE event_id = ?", [event_id]
        )
        if not rows:
            return None
        row = rows[0]
        event = json.loads(row.pop("event_json"))
        if self._has_mentions:
            mention_rows = self._dicts(
                "SELECT m.event_json, a.title, a.source, a.url FROM mentions m"
                " LEFT JOIN articles a USING (article_id) WHERE m.cluster_id = ?"
                " ORDER BY m.published NULLS LAST, m.article_id, m.evidence_start",
                [event_id],
            )
        else:  # schema 1: every row is one mention, its own event
            mention_rows = self._dicts(
                "SELECT e.event_json, a.title, a.source, a.url FROM events e"
                " LEFT JOIN articles a USING (article_id) WHERE e.event_id = ?",
                [event_id],
            )
        mentions = [
            {**json.loads(m.pop("event_json")), "article": m} for m in mention_rows
        ]
        return {"event_id": event_id, "event": event, **row, "mentions": mentions}

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article's text and every coded span in it, each naming its mention and event."""
        rows = self._dicts(
            "SELECT article_id, title, url, source, language, published, text FROM articles"
            " WHERE article_id = ?",
            [article_id],
        )
        if not rows:
            return None
        if self._has_mentions:
            sql = "SELECT event_json, cluster_id FROM mentions WHERE article_id = ?"
        else:
            sql = "SELECT event_json, event_id AS cluster_id FROM events WHERE article_id = ?"
        mentions = [
            (json.loads(text), cluster)
            for text, cluster in self._rows(sql + " ORDER BY evidence_start", [article_id])[1]
        ]
        events = [{**m, "cluster_id": cluster} for m, cluster in mentions]
        spans = [span for m, cluster in mentions for span in coded_spans(m, cluster)]
        spans.sort(key=lambda s: (s["start"], -s["end"]))
        return {**rows[0], "events": events, "spans": spans}

    def timeline(
        self, filters: EventFilters, bucket: str = "week", series: str = "quad_class"
    ) -> dict[str, Any]:
        """Event counts per period of the event date, split by QuadClass or CAMEO root.

        bucket "auto" picks day, week, month or year from the span of the matching events.
        """
        if bucket not in BUCKETS:
            raise StoreError(f"bucket must be one of {', '.join(BUCKETS)}, not {bucket!r}")
        if series not in SERIES:
            raise StoreError(f"series must be one of {', '.join(SERIES)}, not {series!r}")
        where, params = self._where(filters)
        if bucket == "auto":
            bucket = self._auto_bucket(where, params)
        key = SERIES[series]
        # The bucket name is checked against BUCKETS above, so it may go into the SQL text.
        sql = (
            f"SELECT date_trunc('{bucket}', date_start) AS period, {key} AS series,"
            f" count(*) AS count FROM events{where}"
            f"{' AND' if where else ' WHERE'} date_start IS NOT NULL"
            " GROUP BY ALL ORDER BY period, series"
        )
        return {"bucket": bucket, "series": series, "counts": self._dicts(sql, params)}

    def _auto_bucket(self, where: str, params: list[Any]) -> str:
        # About 10-150 bars whatever the span: days for weeks of news, years for a decade.
        sql = f"SELECT min(date_start), max(date_start) FROM events{where}"
        first, last = self._rows(sql, params)[1][0]
        days = (last - first).days if first and last else 0
        if days <= 120:
            return "day"
        return "week" if days <= 3 * 365 else "month" if days <= 12 * 365 else "year"

    def dyads(
        self, filters: EventFilters, level: str = "code", limit: int = 200
    ) -> list[dict[str, Any]]:
        """Actor network edges (source -> target): event count and mean Goldstein, busiest first."""
        if level not in ACTOR_LEVELS:
            raise StoreError(f"level must be one of {', '.join(ACTOR_LEVELS)}, not {level!r}")
        limit = _checked_limit(limit)
        source, target = ACTOR_LEVELS[level]
        where, params = self._where(filters)
        sql = (
            f"SELECT {source} AS source, {target} AS target, count(*) AS count,"
            f" avg(goldstein) AS mean_goldstein FROM events{where}"
            f"{' AND' if where else ' WHERE'} {source} IS NOT NULL AND {target} IS NOT NULL"
            " GROUP BY ALL ORDER BY count DESC, source, target LIMIT ?"
        )
        return self._dicts(sql, params + [limit])

    def places(self, filters: EventFilters, limit: int = 500) -> list[dict[str, Any]]:
        """Located events per place: count, mean Goldstein and QuadClass counts, busiest first."""
        limit = _checked_limit(limit)
        where, params = self._where(filters)
        sql = (
            "SELECT location_name AS name, location_country AS country, lat, lon,"
            " count(*) AS count, avg(goldstein) AS mean_goldstein,"
            " count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,"
            " count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4"
            f" FROM events{where}{' AND' if where else ' WHERE'} lat IS NOT NULL AND lon IS NOT NULL"
            " GROUP BY name, country, lat, lon ORDER BY count DESC, name LIMIT ?"
        )
        return self._dicts(sql, params + [limit])

    def summary(self) -> dict[str, Any]:
        """Store size and date span, for the dashboard's header."""
        (row,) = self._dicts(
            "SELECT (SELECT count(*) FROM articles) AS articles, count(*) AS events,"
            " min(date_start) AS first_date, max(date_end) AS last_date FROM events",
            [],
        )
        return row


def coded_spans(event: dict[str, Any], cluster_id: str | None = None) -> list[dict[str, Any]]:
    """The spans one coded event (contract JSON) marks in its article: evidence, actors, ..."""
    ids = {"event_id": event["event_id"], "cluster_id": cluster_id or event["event_id"]}
    spans = [{"kind": "evidence", **_span(event["evidence"]), **ids}]
    for kind in ("source", "target"):
        actor = event.get(kind)
        if actor:
            spans.append({"kind": kind, **_span(actor), "code": actor.get("code"), **ids})
    when = event.get("date") or {}
    if when.get("start") is not None and when.get("end") is not None:
        spans.append({"kind": "date", **_span(when), "value": when.get("value"), **ids})
    place = event.get("location")
    if place and place.get("start") is not None:
        spans.append({"kind": "place", **_span(place), "name": place.get("name"), **ids})
    for depth, link in enumerate(event.get("attribution") or ()):
        spans.append({"kind": "attribution", **_span(link), "cue": link.get("cue"),
                      "depth": depth, **ids})  # fmt: skip
    return spans


def _span(item: dict[str, Any]) -> dict[str, Any]:
    return {"start": item["start"], "end": item["end"], "text": item.get("text")}


def _checked_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_GROUPS:
        raise StoreError(f"limit must be between 1 and {MAX_GROUPS}, not {limit}")
    return limit
