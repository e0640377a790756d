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
    ActorKey,
    DedupRule,
    MentionKey,
    assign_clusters,
    mention_key,
    outlet_for,
    outlet_of,
    pair_score,
    summarize,
)
from tidings.store.schema import EVENT_COLUMNS, RANGE_COLUMNS, SUMMARY_SCHEMA, day_range
from tidings.types import Article, Event

_PROBE_SCHEMA = pa.schema(
    [
        ("probe", pa.int32()),
        ("block", pa.string()),
        ("low", pa.date32()),
        ("high", pa.date32()),
        ("wide", pa.bool_()),
        ("published", pa.date32()),
    ]
)
# A mention's dedup key read from its columns (_row_key): decoding every stored event_json back
# into an Event cost more than the clustering itself once the store held a few thousand.
_KEY_COLUMNS = (
    "m.cluster_id, m.event_id, m.article_id, a.source, a.url, m.published,"
    " m.cameo_code, m.cameo_root, m.dedup_block,"
    " m.source_code, m.source_country, m.source_role,"
    " m.target_code, m.target_country, m.target_role,"
    " m.date_value, m.date_precision, m.location_country, m.location_admin1, m.lat, m.lon,"
    " json_extract_string(m.event_json, '$.location.precision'), m.quantities_json,"
    " m.modality, m.evidence_start"
)
_KEY_SELECT = f"SELECT {_KEY_COLUMNS} FROM mentions m JOIN articles a USING (article_id)"
# "col IN (SELECT unnest(?))" is a semi join whose filter reaches the table scan, so the wide
# columns (event_json) are read only for matching rows; list_contains(?, col) read every row's
# first and cost ~1.7x as much per lookup, a cost that grows with the store (issue 9).
_IN_LIST = " IN (SELECT unnest(?))"


# The representative mention's columns, copied into its event's row under the same names.
_COPIED = ", ".join(f"m.{name}" for name, _ in EVENT_COLUMNS[1:] + RANGE_COLUMNS)


def key_of(event: Event, article: Article, rule: DedupRule = DEFAULT_RULE) -> MentionKey:
    """The dedup key of a mention about to be stored."""
    return mention_key(event, outlet_of(article), day_range(event.date.value), rule)


def assign_new(
    con: duckdb.DuckDBPyConnection,
    keys: list[MentionKey],
    rule: DedupRule = DEFAULT_RULE,
    removed: Iterable[tuple[str, MentionKey]] = (),
) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Cluster the new mentions together with the stored mentions linked to them.

    `removed` holds the (cluster id, key) of mentions just deleted (a re-coded article's).
    Clustering reads only mentions linked by pairs scoring at least rule.threshold (see
    dedup.assign_clusters), so the linked component of the new and removed mentions is found
    (index lookups of a few days of one CAMEO family, then those mentions' clusters, repeated
    until nothing new is linked) and re-clustered from scratch in canonical order: the store
    then holds what clustering every mention at once would give, however the articles were
    batched or ordered, at a cost that grows with the component, not with the store. Returns
    (cluster id of each new mention, new cluster id of each stored mention that moved, ids of
    the stored clusters involved).
    """
    removed = list(removed)
    if not keys and not removed:
        return {}, {}, set()
    seen = {k.mention_id for k in keys} | {k.mention_id for _, k in removed}
    stored: dict[str, tuple[str, MentionKey]] = {}  # mention id -> (its cluster id, key)
    frontier = keys + [k for _, k in removed]
    clusters = {cid for cid, _ in removed}  # a removed mention's cluster loses a member
    while frontier or clusters:
        found = _linked(con, frontier, rule, seen) + _members(con, clusters, rule, seen)
        clusters = set()
        frontier = []
        for cluster_id, key in found:
            if key.mention_id in seen:
                continue
            seen.add(key.mention_id)
            stored[key.mention_id] = (cluster_id, key)
            frontier.append(key)
            clusters.add(cluster_id)
    assigned = assign_clusters([k for _, k in stored.values()] + keys, None, rule)
    moved = {
        mid: assigned[mid] for mid, (cid, _) in stored.items() if assigned[mid] != cid
    }
    new = {k.mention_id: assigned[k.mention_id] for k in keys}
    involved = {cid for cid, _ in stored.values()} | {cid for cid, _ in removed}
    return new, moved, involved


def removed_mentions(
    con: duckdb.DuckDBPyConnection, article_ids: list[str], rule: DedupRule = DEFAULT_RULE
) -> list[tuple[str, MentionKey]]:
    """(cluster id, key) of the stored mentions of these articles, read before replacing them."""
    rows = con.execute(_KEY_SELECT + " WHERE m.article_id" + _IN_LIST, [article_ids])
    return [(row[0], _row_key(row, rule)) for row in rows.fetchall()]


def _linked(
    con: duckdb.DuckDBPyConnection, keys: list[MentionKey], rule: DedupRule, seen: set[str]
) -> list[tuple[str, MentionKey]]:
    """Stored mentions not yet seen that score at least rule.threshold with one of these keys.

    The SQL narrows to what pair_score could accept (same block, date ranges within reach; a
    month or year range only against mentions published within wide_published_days), so only
    a few days of one family are read back and scored.
    """
    reach = timedelta(days=rule.day_tolerance + rule.published_lookback)
    probes = [
        {
            "probe": i,
            "block": k.family,
            "low": k.date_start - reach,
            "high": k.date_end + reach,
            "wide": (k.date_end - k.date_start).days > rule.published_lookback,
            "published": k.published,
        }
        for i, k in enumerate(keys)
        if k.date_start is not None and k.date_end is not None
    ]
    if not probes:
        return []
    con.register("tidings_probes", pa.Table.from_pylist(probes, _PROBE_SCHEMA))
    try:
        rows = con.execute(
            f"SELECT p.probe, {_KEY_COLUMNS} FROM tidings_probes p JOIN mentions m"
            " ON m.dedup_block = p.block AND m.date_end >= p.low AND m.date_start <= p.high"
            " JOIN articles a ON a.article_id = m.article_id"
            " WHERE (NOT p.wide AND m.date_end - m.date_start <= ?)"
            " OR abs(m.published - p.published) <= ?",
            [rule.published_lookback, rule.wide_published_days],
        ).fetchall()
    finally:
        con.unregister("tidings_probes")
    decoded: dict[str, MentionKey] = {}
    found = []
    for probe, *row in rows:
        if row[1] in seen:
            continue
        other = decoded.get(row[1])
        if other is None:
            other = decoded[row[1]] = _row_key(tuple(row), rule)
        score = pair_score(keys[probe], other, rule)
        if score is not None and score >= rule.threshold:
            found.append((row[0], other))
    return found


def _members(
    con: duckdb.DuckDBPyConnection, cluster_ids: set[str], rule: DedupRule, seen: set[str]
) -> list[tuple[str, MentionKey]]:
    """The stored mentions of these clusters not yet seen."""
    if not cluster_ids:
        return []
    rows = con.execute(
        _KEY_SELECT + " WHERE m.cluster_id" + _IN_LIST, [sorted(cluster_ids)]
    ).fetchall()
    return [(row[0], _row_key(row, rule)) for row in rows if row[1] not in seen]


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
        _KEY_SELECT + " WHERE m.cluster_id" + _IN_LIST, [ids]
    ).fetchall()
    members: dict[str, list[MentionKey]] = defaultdict(list)
    for row in rows:
        members[row[0]].append(_row_key(row, rule))
    return dict(members)

def _row_key(row: tuple, rule: DedupRule) -> MentionKey:
    """mention_key() of a stored mention, from a _KEY_SELECT row (equal to key_of its Event)."""
    (_, mention_id, article_id, source, url, published, code, root, block,
     s_code, s_country, s_role, t_code, t_country, t_role,
     date_value, precision, country, admin1, lat, lon, place_precision, quantities,
     modality, evidence_start) = row  # fmt: skip
    start, end = day_range(date_value)
    if start is None and published is not None:
        start, end = published - timedelta(days=rule.published_lookback), published
    return MentionKey(
        mention_id=mention_id,
        article_id=article_id,
        outlet=outlet_for(article_id, source, url),
        published=published,
        code=code,
        root=root,
        family=block,
        source=ActorKey(s_code, s_country, s_role) if (s_code or s_country) else None,
        target=ActorKey(t_code, t_country, t_role) if (t_code or t_country) else None,
        date_start=start,
        date_end=end,
        date_precision=precision if date_value else "published",
        place_country=country,
        place_admin1=admin1,
        lat=lat,
        lon=lon,
        place_precision=place_precision,
        quantities=tuple((q["what"], float(q["value"])) for q in json.loads(quantities or "[]")),
        modality=modality,
        evidence_start=evidence_start,
    )


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
    con.execute("DELETE FROM events WHERE event_id" + _IN_LIST, [ids])
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
