"""pair_score: how likely two mentions report the same real-world event (None = never)."""

from __future__ import annotations

import math

from tidings.dedup.mention import ActorKey, MentionKey
from tidings.dedup.rules import DEFAULT_RULE, SYMMETRIC_ROOTS, DedupRule

NEUTRAL = 0.5  # a part with no evidence either way


class Veto(Exception):
    """Raised inside scoring when one part rules the pair out; never escapes pair_score."""


def pair_score(a: MentionKey, b: MentionKey, rule: DedupRule = DEFAULT_RULE) -> float | None:
    """The rule's score for a pair (see DedupRule), or None when a hard constraint vetoes it."""
    if a.family != b.family:
        return None
    try:
        parts = (
            (rule.weight_code, _code_part(a, b)),
            (rule.weight_actors, _actor_part(a, b)),
            (rule.weight_date, _date_part(a, b, rule)),
            (rule.weight_place, _place_part(a, b, rule)),
            (rule.weight_quantity, _quantity_part(a, b)),
        )
    except Veto:
        return None
    total = sum(weight for weight, _ in parts)
    return sum(weight * part for weight, part in parts) / total


def _code_part(a: MentionKey, b: MentionKey) -> float:
    if a.code == b.code:
        return 1.0
    if a.code[:3] == b.code[:3] and len(a.code) > 2 and len(b.code) > 2:
        return 0.85
    if a.root == b.root:
        return 0.7
    return 0.45


def _actor_part(a: MentionKey, b: MentionKey) -> float:
    straight = _dyad(a.source, a.target, b.source, b.target)
    if a.root in SYMMETRIC_ROOTS and b.root in SYMMETRIC_ROOTS:
        swapped = _dyad(a.source, a.target, b.target, b.source)
        if straight is None:
            straight = swapped
        elif swapped is not None:
            straight = max(straight, swapped)
    if straight is None:
        raise Veto
    return straight


def _dyad(
    s1: ActorKey | None, t1: ActorKey | None, s2: ActorKey | None, t2: ActorKey | None
) -> float | None:
    source, target = _actor_match(s1, s2), _actor_match(t1, t2)
    if source is None or target is None:
        return None
    return (source + target) / 2


def _actor_match(x: ActorKey | None, y: ActorKey | None) -> float | None:
    if x is None or y is None:
        return NEUTRAL
    if x.code and x.code == y.code:
        return 1.0
    if x.country and y.country:
        if x.country != y.country:
            return None
        if x.role and y.role and x.role == y.role:
            return 0.85
        return 0.7
    if x.code and y.code:
        # No countries (IGOs, armed groups): codes must share their leading group ("IGOUNO",
        # "IGOUNOKFR") or they are different actors.
        if x.code[:3] != y.code[:3]:
            return None
        return 0.7
    return NEUTRAL


def _date_part(a: MentionKey, b: MentionKey, rule: DedupRule) -> float:
    if a.date_start is None or b.date_start is None or a.date_end is None or b.date_end is None:
        # Neither an event date nor a publication date: nothing places it in time, and matching
        # it by family alone would compare it with every stored mention of that family.
        raise Veto
    # gap: days between the ranges; 0 = they share a day, below 0 = they share several.
    gap = (max(a.date_start, b.date_start) - min(a.date_end, b.date_end)).days
    if gap > rule.day_tolerance:
        raise Veto
    wide = max((a.date_end - a.date_start).days, (b.date_end - b.date_start).days)
    if wide > rule.published_lookback:
        # Month or year precision: overlapping says little, so such a pair must at least have
        # been reported within a few days (else "in 2019" would meet a whole year of news).
        if a.published is None or b.published is None:
            raise Veto
        if abs((a.published - b.published).days) > rule.wide_published_days:
            raise Veto
        return 0.3
    if a.date_precision == b.date_precision == "day":
        return 1.0 if gap <= 0 else 0.4
    return 0.6 if gap <= 0 else 0.4


def _place_part(a: MentionKey, b: MentionKey, rule: DedupRule) -> float:
    if not a.place_country or not b.place_country:
        return NEUTRAL
    if a.place_country != b.place_country:
        raise Veto
    points = {"city", "site"}
    if (
        a.place_precision in points
        and b.place_precision in points
        and None not in (a.lat, a.lon, b.lat, b.lon)
    ):
        km = _km(a.lat, a.lon, b.lat, b.lon)
        if km <= rule.near_km:
            return 1.0
        if km <= rule.max_km:
            return 0.6
        raise Veto
    if a.place_admin1 and a.place_admin1 == b.place_admin1:
        return 0.7
    return 0.55


def _quantity_part(a: MentionKey, b: MentionKey) -> float:
    mine = dict(a.quantities)
    ratios = [
        min(value, mine[what]) / max(value, mine[what])
        for what, value in b.quantities
        if what in mine and max(value, mine[what]) > 0
    ]
    if not ratios:
        return NEUTRAL
    best = max(ratios)
    # Tolls grow as reports come in, so a factor two is still compatible, only weaker.
    if best >= 0.8:
        return 1.0
    if best >= 0.5:
        return 0.6
    return 0.1


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))
