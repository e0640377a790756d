"""Dedup: cluster mentions (coded events) that report the same real-world event into events."""

from tidings.dedup.cluster import ClusterSummary, assign_clusters, cluster_id_for, summarize
from tidings.dedup.match import pair_score
from tidings.dedup.mention import ActorKey, MentionKey, mention_key, outlet_for, outlet_of
from tidings.dedup.rules import DEFAULT_RULE, DedupRule, family_of

__all__ = [
    "DEFAULT_RULE",
    "ActorKey",
    "ClusterSummary",
    "DedupRule",
    "MentionKey",
    "assign_clusters",
    "cluster_id_for",
    "family_of",
    "mention_key",
    "outlet_for",
    "outlet_of",
    "pair_score",
    "summarize",
]
