"""The SQL side of dedup: candidate clusters for new mentions, and refreshing the events table."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from datetime import timedelta

import duckdb
import pyarrow as pa

from tidings.dedup import (
    DEFAULT_RULE,
    DedupRule,
    MentionKey,
    assign_clusters,
    mention_key,
    outlet_of,
    summarize,
)
from tidings.store.schema import EVENT_COLUMNS, RANGE_COLUMNS, SUMMARY_SCHEMA, day_range
from tidings.types import Article, Event

_PROBE_SCHEMA = pa.schema(
    [("block", pa.string()), ("low", pa.date32()), ("high", pa.date32())]
)
# The representative mention's columns, copied into its event's row under the same names.
_COPIED = ", ".join(f"m.{name}" for name, _ in EVENT_COLUMNS[1:] + RANGE_COLUMNS)


def key_of(event: Event, article: Article, rule: DedupRule = DEFAULT_RULE) -> MentionKey:
    """The dedup key of a mention about to be stored."""
    return mention_key(event, outlet_of(article), day_range(event.date.value), rule)


def assign_new(
    con: duckdb.DuckDBPyConnection, keys: list[MentionKey], rule: DedupRule = DEFAULT_RULE
) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Cluster the new mentions together with the stored clusters their dates can meet.

    The neighbourhood (those clusters' mentions plus the new ones) is re-clustered from
    scratch in canonical order, so the result does not depend on how articles were split
    into batches or in what order they came. Returns (cluster id of each new mention, new
    cluster id of each stored mention that moved, ids of the stored clusters involved).
    """
    if not keys:
        return {}, {}, set()
    reach = timedelta(days=rule.day_tolerance + rule.published_lookback)
    probes = [
        {"block": k.family, "low": k.date_start - reach, "high": k.date_end + reach}
        for k in keys
        if k.date_start is not None and k.date_end is not None
    ]
    undated = sorted({k.family for k in keys if k.date_start is None})
    con.register("tidings_probes", pa.Table.from_pylist(probes, _PROBE_SCHEMA))
    try:
        ids = con.execute(
            "SELECT DISTINCT m.cluster_id FROM mentions m JOIN tidings_probes p"
            " ON m.dedup_block = p.block AND m.date_end >= p.low AND m.date_start <= p.high"
            " UNION SELECT DISTINCT cluster_id FROM mentions"
            " WHERE date_start IS NULL OR list_contains(?, dedup_block)",
            [undated],
        ).fetchall()
    finally:
        con.unregister("tidings_probes")
    existing = cluster_members(con, [cid for (cid,) in ids if cid is not None], rule)
    stored = [k for members in existing.values() for k in members]
    assigned = assign_clusters(stored + keys, None, rule)
    moved = {
        k.mention_id: assigned[k.mention_id]
        for cid, members in existing.items()
        for k in members
        if assigned[k.mention_id] != cid
    }
    new = {k.mention_id: assigned[k.mention_id] for k in keys}
    return new, moved, set(existing)


def move_mentions(con: duckdb.DuckDBPyConnection, moved: dict[str, str]) -> None:
    """Point stored mentions at the clusters re-clustering gave them."""
    if not moved:
        return
    table = pa.table({"mention_id": list(moved), "new_cluster": list(moved.values())})
    con.register("tidings_moved", table)
    try:
        con.execute(
            "UPDATE mentions SET cluster_id = t.new_cluster FROM tidings_moved t"
            " WHERE mentions.event_id = t.mention_id"
        )
    finally:
        con.unregister("tidings_moved")


def cluster_members(
    con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str], rule: DedupRule = DEFAULT_RULE
) -> dict[str, list[MentionKey]]:
    """The stored mentions of these clusters, as dedup keys."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return {}
    rows = con.execute(
        "SELECT m.cluster_id, m.event_json, a.article_id, a.source, a.url FROM mentions m"
        " JOIN articles a USING (article_id) WHERE list_contains(?, m.cluster_id)",
        [ids],
    ).fetchall()
    members: dict[str, list[MentionKey]] = defaultdict(list)
    for cluster_id, event_json, article_id, source, url in rows:
        event = Event.from_dict(json.loads(event_json))
        article = Article(id=article_id, text="", source=source, url=url)
        members[cluster_id].append(key_of(event, article, rule))
    return dict(members)


def refresh_events(
    con: duckdb.DuckDBPyConnection, cluster_ids: Iterable[str], rule: DedupRule = DEFAULT_RULE
) -> None:
    """Rewrite these clusters' rows in the events table from their mentions (gone if none)."""
    ids = sorted(set(cluster_ids))
    if not ids:
        return
    members = cluster_members(con, ids, rule)
    summaries = [summarize(cid, keys, rule).__dict__ for cid, keys in sorted(members.items())]
    rows = [
        {"event_id": s["cluster_id"], **{k: v for k, v in s.items() if k != "cluster_id"}}
        for s in summaries
    ]
    con.execute("DELETE FROM events WHERE list_contains(?, event_id)", [ids])
    if not rows:
        return
    con.register("tidings_summaries", pa.Table.from_pylist(rows, SUMMARY_SCHEMA))
    try:
        con.execute(
            "INSERT INTO events BY NAME SELECT s.*, "
            + _COPIED
            + " FROM tidings_summaries s JOIN mentions m ON m.event_id = s.representative_id"
        )
    finally:
        con.unregister("tidings_summaries")
