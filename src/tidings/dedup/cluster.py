"""Assign mentions to events incrementally, and summarise an event from its mentions."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from tidings.dedup.match import pair_score
from tidings.dedup.mention import MentionKey
from tidings.dedup.rules import DEFAULT_RULE, DedupRule
from tidings.types import stable_id


def cluster_id_for(founder: str) -> str:
    """An event's id: a hash of the id of the mention that founded it (so re-runs agree)."""
    return stable_id("event", founder)


@dataclass(frozen=True)
class ClusterSummary:
    """An event's counts: what the store's events table adds to its representative mention."""

    cluster_id: str
    representative_id: str
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: date | None
    last_seen: date | None
    confidence: float


def assign_clusters(
    new: Iterable[MentionKey],
    existing: Mapping[str, Iterable[MentionKey]] | None = None,
    rule: DedupRule = DEFAULT_RULE,
) -> dict[str, str]:
    """Cluster id for every new mention, given the candidate clusters already stored.

    New mentions are taken in canonical order (MentionKey.order), not input order, so a batch
    gives the same answer however it is shuffled. Each joins the cluster of its best-scoring
    partner (stored or new) if the score reaches rule.threshold and it vetoes no member of
    that cluster (a complete-link veto stops chains: Monday's strike cannot join Friday's via
    Wednesday's); else it founds a cluster whose id is cluster_id_for(its own id): the id of
    a cluster is that of its first mention in canonical order. `existing` clusters are kept
    as they are (the store instead passes their mentions as new ones, re-clustering the
    linked component so batch boundaries do not matter).

    Every decision reads only mentions linked to the one decided by a chain of pairs scoring at
    least rule.threshold (a candidate below it is skipped, and a cluster's members joined it
    through such pairs), so clustering each such linked component alone gives exactly the
    result of clustering everything at once: what tidings.store.clusters relies on.
    """
    members: dict[str, list[MentionKey]] = defaultdict(list)
    index = _Index(rule)
    for cluster_id, keys in (existing or {}).items():
        for key in keys:
            members[cluster_id].append(key)
            index.add(key, cluster_id)
    assigned: dict[str, str] = {}
    for key in sorted(new, key=lambda k: k.order):
        if key.mention_id in assigned:
            continue
        best: tuple[float, str] | None = None
        for other, cluster_id in index.candidates(key):
            score = pair_score(key, other, rule)
            if score is None or score < rule.threshold:
                continue
            if best is not None and (score, cluster_id) <= best:
                continue  # ties go to the larger id: deterministic, independent of scan order
            if all(pair_score(key, m, rule) is not None for m in members[cluster_id]):
                best = (score, cluster_id)
        cluster_id = best[1] if best else cluster_id_for(key.mention_id)
        assigned[key.mention_id] = cluster_id
        members[cluster_id].append(key)
        index.add(key, cluster_id)
    return assigned


def summarize(
    cluster_id: str, members: Iterable[MentionKey], rule: DedupRule = DEFAULT_RULE
) -> ClusterSummary:
    """Counts, first/last seen, confidence and representative of one event's mentions."""
    keys = list(members)
    if not keys:
        raise ValueError(f"event {cluster_id} has no mentions")
    # The most informative mention stands for the event; ties go to the earliest report.
    representative = min(
        keys,
        key=lambda k: (
            tuple(-int(x) for x in k.informativeness),
            k.published or date.max,
            k.article_id,
            k.mention_id,
        ),
    )
    outlets: dict[str, float] = {}
    for key in keys:
        p = rule.p_asserted if key.modality == "asserted" else rule.p_reported
        outlets[key.outlet] = max(p, outlets.get(key.outlet, 0.0))
    doubt = 1.0
    for p in outlets.values():
        doubt *= 1.0 - p
    seen = [k.published for k in keys if k.published is not None]
    return ClusterSummary(
        cluster_id=cluster_id,
        representative_id=representative.mention_id,
        num_mentions=len(keys),
        num_articles=len({k.article_id for k in keys}),
        num_sources=len(outlets),
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        confidence=round(1.0 - doubt, 4),
    )


class _Index:
    """Mentions by family and start date, to find those whose dates can meet a new one's."""

    def __init__(self, rule: DedupRule) -> None:
        self.reach = timedelta(days=rule.day_tolerance)
        self.dated: dict[str, list[tuple[date, str, MentionKey, str]]] = defaultdict(list)
        self.widest: dict[str, timedelta] = defaultdict(timedelta)

    def add(self, key: MentionKey, cluster_id: str) -> None:
        if key.date_start is None or key.date_end is None:
            return  # a mention without any date matches nothing (match._date_part)
        bisect.insort(self.dated[key.family], (key.date_start, key.mention_id, key, cluster_id))
        width = key.date_end - key.date_start
        self.widest[key.family] = max(self.widest[key.family], width)

    def candidates(self, key: MentionKey) -> Iterable[tuple[MentionKey, str]]:
        if key.date_start is None or key.date_end is None:
            return
        rows = self.dated[key.family]
        low = key.date_start - self.reach - self.widest[key.family]
        high = key.date_end + self.reach
        start = bisect.bisect_left(rows, (low,), key=lambda row: (row[0],))
        for day, _, other, cluster_id in rows[start:]:
            if day > high:
                break
            yield other, cluster_id
