"""The EventStore's read queries: mentions and events by filter, one article, counts and stats."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

import duckdb

from tidings.errors import StoreError
from tidings.store.schema import parse_day
from tidings.types import Article, Event, EventCluster

EVENT_ORDER = "published NULLS LAST, article_id, evidence_start, event_id"
CLUSTER_ORDER = "first_seen NULLS LAST, date_start NULLS LAST, event_id"


class StoreQueries:
    """The query methods of EventStore (a mixin): each runs on the store's own connection."""

    _run: Callable[..., duckdb.DuckDBPyConnection]  # EventStore._run: SQL with errors as StoreError

    def query(
        self,
        actor: str | None = None,
        code: str | None = None,
        root: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        place: str | None = None,
        modality: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Mentions (coded Events) matching every filter, in (published, article, position, id) order.

        actor: a source or target actor code prefix ("USA", "USAGOV") or country ("IRQ").
        code: a CAMEO code prefix; root: a CAMEO root ("19"). since/until: the event's own
        date range (month or year precision counts if it overlaps), else its publication date.
        place: location name or country, case-insensitive. modality: exact ("asserted").
        """
        where, params = _filters(actor, code, root, since, until, place, modality)
        sql = "SELECT event_json FROM mentions"
        rows = self._run(*_finish(sql, where, params, EVENT_ORDER, limit)).fetchall()
        return [Event.from_dict(json.loads(text)) for (text,) in rows]

    def query_events(
        self,
        actor: str | None = None,
        code: str | None = None,
        root: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        place: str | None = None,
        modality: str | None = None,
        min_sources: int | None = None,
        limit: int | None = None,
    ) -> list[EventCluster]:
        """Real-world events (clusters of mentions) matching every filter, by first seen.

        The filters are query()'s, applied to each event's representative mention;
        min_sources keeps events reported by at least that many distinct outlets.
        """
        where, params = _filters(actor, code, root, since, until, place, modality)
        if min_sources is not None:
            where.append("num_sources >= ?")
            params.append(int(min_sources))
        sql = (
            "SELECT event_id, event_json, num_mentions, num_articles, num_sources,"
            " first_seen, last_seen, confidence FROM events"
        )
        rows = self._run(*_finish(sql, where, params, CLUSTER_ORDER, limit)).fetchall()
        return [_cluster(row) for row in rows]

    def mentions_of(self, event_id: str) -> list[Event]:
        """The mentions of one event (cluster id), in reporting order."""
        rows = self._run(
            f"SELECT event_json FROM mentions WHERE cluster_id = ? ORDER BY {EVENT_ORDER}",
            [event_id],
        ).fetchall()
        return [Event.from_dict(json.loads(text)) for (text,) in rows]

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = self._run(
            "SELECT article_id, text, published, title, url, source, language"
            " FROM articles WHERE article_id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            return None
        keys = ("id", "text", "published", "title", "url", "source", "language")
        return Article(**dict(zip(keys, row, strict=True)))

    def counts(self) -> dict[str, int]:
        """How many articles, mentions (coded events) and events (clusters) the store holds."""
        return {
            table: int(self._run(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "mentions", "events")
        }

    def stats(self, top: int = 10) -> dict[str, Any]:
        """Counts, event date range, clustering figures and the top actors and CAMEO roots."""
        one = lambda sql: self._run(sql).fetchone()  # noqa: E731
        first, last = one("SELECT min(date_start), max(date_end) FROM events")
        multi = one(
            "SELECT count(*) FILTER (num_articles > 1), count(*) FILTER (num_sources > 1),"
            " max(num_mentions), avg(num_mentions) FROM events"
        )
        actors = self._run(
            "SELECT code, count(*) AS n FROM (SELECT source_code AS code FROM events UNION ALL"
            " SELECT target_code FROM events) WHERE code IS NOT NULL GROUP BY code"
            " ORDER BY n DESC, code LIMIT ?",
            [top],
        ).fetchall()
        roots = self._run(
            "SELECT cameo_root, coalesce(any_value(cameo_label) FILTER (cameo_code = cameo_root), ''),"
            " count(*) AS n"
            " FROM events GROUP BY cameo_root ORDER BY n DESC, cameo_root LIMIT ?",
            [top],
        ).fetchall()
        return {
            **self.counts(),
            "first_event_day": first.isoformat() if first else None,
            "last_event_day": last.isoformat() if last else None,
            "events_in_several_articles": int(multi[0] or 0),
            "events_from_several_outlets": int(multi[1] or 0),
            "max_mentions": int(multi[2] or 0),
            "mean_mentions": round(float(multi[3] or 0), 3),
            "top_actors": [(code, int(n)) for code, n in actors],
            "top_roots": [(root, label, int(n)) for root, label, n in roots],
        }


def _filters(
    actor: str | None,
    code: str | None,
    root: str | None,
    since: date | str | None,
    until: date | str | None,
    place: str | None,
    modality: str | None,
) -> tuple[list[str], list[Any]]:
    """WHERE clauses and parameters for query()'s filters (mentions and events share columns)."""
    where: list[str] = []
    params: list[Any] = []
    if actor:
        value = actor.strip().upper()
        where.append(
            "(starts_with(source_code, ?) OR starts_with(target_code, ?)"
            " OR source_country = ? OR target_country = ?)"
        )
        params += [value] * 4
    if code:
        where.append("starts_with(cameo_code, ?)")
        params.append(code.strip())
    if root:
        value = root.strip()
        where.append("cameo_root = ?")
        params.append(value.zfill(2) if value.isdigit() else value)
    if since is not None:
        where.append("date_end >= ?")
        params.append(parse_day(since, "since"))
    if until is not None:
        where.append("date_start <= ?")
        params.append(parse_day(until, "until"))
    if place:
        where.append("(lower(location_name) = lower(?) OR lower(location_country) = lower(?))")
        params += [place.strip()] * 2
    if modality:
        where.append("modality = ?")
        params.append(modality.strip())
    return where, params


def _finish(
    sql: str, where: list[str], params: list[Any], order: str, limit: int | None
) -> tuple[str, list[Any]]:
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f" ORDER BY {order}"
    if limit is not None:
        if limit < 0:
            raise StoreError(f"limit must be 0 or more, not {limit}")
        sql += " LIMIT ?"
        params = [*params, int(limit)]
    return sql, params


def _cluster(row: tuple[Any, ...]) -> EventCluster:
    event_id, event_json, mentions, articles, sources, first, last, confidence = row
    return EventCluster(
        event_id=event_id,
        representative=Event.from_dict(json.loads(event_json)),
        num_mentions=mentions,
        num_articles=articles,
        num_sources=sources,
        first_seen=first.isoformat() if first else None,
        last_seen=last.isoformat() if last else None,
        confidence=confidence,
    )
