"""The clustering rule's thresholds and weights, in one frozen object with their reasons."""

from __future__ import annotations

from dataclasses import dataclass

# CAMEO roots that news reports of one real event are coded under interchangeably: one outlet's
# "attacked" (19 fight) is another's "shelled" (20 mass violence) or "assaulted" (18); one
# "criticised" (11), another "rejected" (12). A mention only meets candidates of its family.
ROOT_FAMILIES: dict[str, str] = {
    "01": "statement",
    "02": "statement",
    "03": "intent",
    "04": "consult",
    "05": "diplomacy",
    "06": "material_coop",
    "07": "material_coop",
    "08": "yield",
    "09": "investigate",
    "10": "demand",
    "11": "disapprove",
    "12": "disapprove",
    "13": "threaten",
    "14": "protest",
    "15": "posture",
    "16": "reduce",
    "17": "coerce",
    "18": "violence",
    "19": "violence",
    "20": "violence",
}
# Roots whose dyad has no direction: "Iraq and Iran fought", "Putin met Erdogan" are the same
# event as the reversed sentence, so the swapped dyad is tried too.
SYMMETRIC_ROOTS = frozenset({"04", "05", "06", "19", "20"})


def family_of(root: str) -> str:
    """The root family a CAMEO root belongs to (the root itself when it is not listed)."""
    return ROOT_FAMILIES.get(root, root)


@dataclass(frozen=True)
class DedupRule:
    """When two mentions report one real-world event.

    A pair is *vetoed* (never the same event) when its CAMEO families differ, either has no
    date at all (no event date, no publication date), its date ranges are more than
    `day_tolerance` days apart, one range is a month or year and their publication dates are
    more than `wide_published_days` apart, both actors on one side have known and different
    countries (or, without countries, different codes), or both places are points more than
    `max_km` apart or in different countries. Otherwise it gets a score in 0..1, the weighted
    mean of five parts (weights below, each part 0..1, 0.5 = no evidence either way):
    code (same code 1, same base code .85, same root .7, same family .45), actors (mean over
    source and target: same code 1, same country and role .85, same country .7, one unknown .5),
    date (same day 1, overlapping ranges .6, within tolerance .4, wide month/year ranges .3),
    place (within `near_km` 1, within `max_km` .6, same admin1 .7, same country .55, unknown .5)
    and quantities (same count within 20 % 1, within a factor 2 .6, further apart .1).
    A mention joins the cluster holding its best-scoring partner when that score reaches
    `threshold` and it vetoes no member of that cluster; else it founds a new cluster.
    """

    threshold: float = 0.66
    # Day-precise dates one day apart are one event (a night attack reported on both days).
    day_tolerance: int = 1
    # A date taken from the publication date: the event happened on that day or a few days
    # before, so the range runs back `published_lookback` days.
    published_lookback: int = 3
    # A mention dated only to a month or year matches only mentions published at most this many
    # days from it: the wide range alone is no evidence, and it keeps every candidate search
    # (tidings.store.clusters) to a few days of news however large the store grows.
    wide_published_days: int = 3
    near_km: float = 30.0
    max_km: float = 250.0
    weight_code: float = 0.25
    weight_actors: float = 0.35
    weight_date: float = 0.2
    weight_place: float = 0.1
    weight_quantity: float = 0.1
    # Confidence of an event: 1 - prod(1 - p) over its distinct outlets, p = `p_asserted` for an
    # outlet that asserts it happened and `p_reported` for one that only reports it as planned,
    # negated, conditional or hypothetical. One asserting outlet gives .5, two .75, three .875.
    p_asserted: float = 0.5
    p_reported: float = 0.2


DEFAULT_RULE = DedupRule()
