"""Score coded events against the `events` gold format: CAMEO code and root, actors, PLOVER type."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tidings.actors.kb import cameo_type_codes
from tidings.eval.formats import GoldRecord
from tidings.eval.report import Metric, Miss, ratio
from tidings.events.codebook import root_of
from tidings.types import Actor, Event

# CAMEO's role (type) codes, read once: which segment of a multi-part code is its role.
ROLE_CODES = cameo_type_codes()
# How much each kind of mistake weighs when misses are ranked (a missing event is the worst).
SEVERITY = {"no_event": 4.0, "root": 3.0, "code": 1.0, "actor": 0.5, "plover": 0.5}


def cameo_root(code: str | None) -> str | None:
    """The root of a gold or predicted code, or None when the code is absent or not CAMEO."""
    if not code:
        return None
    try:
        return root_of(code)
    except ValueError:
        return None


def split_actor_code(code: str | None) -> tuple[str | None, str | None]:
    """A CAMEO actor code as (country part, role part): the first three letters and the primary role.

    CAMEO codes are 3-letter segments; after the country come the primary role, then secondary
    ones and group identifiers (PETRARCH's "PSEREBHMS" is Hamas, a PSE rebel group; the PLOVER GSR's
    "TURREFKUR" are Kurdish refugees, its lowercase suffix an ethnicity). The role part is the first
    segment that is a CAMEO type code; with none, the whole rest ("IGOWSTNAT"), so an identifier
    never passes for a role. None when the code has no role ("USA"): a scorer compares it only where
    gold has one.
    """
    if not code:
        return None, None
    code = code.strip().upper()
    rest = code[3:]
    segments = [rest[i:i + 3] for i in range(0, len(rest), 3)]
    role = next((s for s in segments if s in ROLE_CODES), rest or None)
    return code[:3], role


def actor_parts(actor: Actor | None) -> tuple[str | None, str | None]:
    """A predicted actor split like a gold code string, so both sides are cut the same way."""
    if actor is None:
        return None, None
    if actor.code:
        return split_actor_code(actor.code)
    return (actor.country or None), (actor.role or None)


@dataclass(frozen=True)
class GoldEvent:
    cameo: str | None
    source: str | None
    target: str | None
    plover: str | None


def _agreement(gold: GoldEvent, event: Event) -> tuple[int, ...]:
    """How well a predicted event fits a gold one; tuples compare root first, as the brief asks."""
    same_root = cameo_root(gold.cameo) is not None and cameo_root(gold.cameo) == event.cameo.root
    same_code = gold.cameo is not None and gold.cameo == event.cameo.code
    actors = sum(
        1
        for want, got in ((gold.source, event.source), (gold.target, event.target))
        if want and split_actor_code(want)[0] == actor_parts(got)[0]
    )
    same_plover = bool(gold.plover) and _plover_equal(gold.plover, event)
    return (int(same_root), int(same_code), actors, int(same_plover))


def _plover_equal(gold: str, event: Event) -> bool:
    return (event.plover.event_type or "").upper() == gold.upper()


def match_events(golds: Sequence[GoldEvent], predicted: Sequence[Event]) -> list[Event | None]:
    """For each gold event, the best predicted event of its record (each used at most once)."""
    free = list(predicted)
    chosen: list[Event | None] = []
    for gold in golds:
        if not free:
            chosen.append(None)
            continue
        # max() keeps the first of equals, so ties go to the event earliest in the text.
        best = max(free, key=lambda e: _agreement(gold, e))
        free.remove(best)
        chosen.append(best)
    return chosen


class _Tally:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.totals: dict[str, int] = {}

    def add(self, name: str, hit: bool) -> None:
        self.totals[name] = self.totals.get(name, 0) + 1
        self.hits[name] = self.hits.get(name, 0) + int(hit)

    def metric(self, name: str) -> Metric:
        total = self.totals.get(name, 0)
        return Metric(name, ratio(self.hits.get(name, 0), total), total)


def describe(event: Event | None) -> str:
    """A one-line summary of a predicted event for the misses table."""
    if event is None:
        return "no event"
    src = event.source.code if event.source and event.source.code else "-"
    tgt = event.target.code if event.target and event.target.code else "-"
    return f"{event.cameo.code} {src}→{tgt} {event.plover.event_type or '-'}"


def _describe_gold(gold: GoldEvent) -> str:
    return f"{gold.cameo or '?'} {gold.source or '-'}→{gold.target or '-'} {gold.plover or '-'}"


def score_events(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> tuple[list[Metric], list[Miss]]:
    """Metrics over every gold event, counting only gold fields that are not null."""
    tally = _Tally()
    misses: list[Miss] = []
    predicted_total = matched_total = 0
    for record in records:
        golds = [GoldEvent(e.get("cameo"), e.get("source"), e.get("target"), e.get("plover"))
                 for e in record.data["events"]]
        predicted = list(predictions.get(record.id, ()))
        chosen = match_events(golds, predicted)
        predicted_total += len(predicted)
        matched_total += sum(1 for c in chosen if c is not None)
        for gold, event in zip(golds, chosen):
            severity = _score_one(gold, event, tally)
            if severity:
                misses.append(Miss(record.id, record.data["text"], _describe_gold(gold), describe(event), severity))
    metrics = [tally.metric(name) for name in (
        "event_recall", "cameo_root_accuracy", "cameo_code_accuracy", "source_country_accuracy",
        "source_role_accuracy", "target_country_accuracy", "target_role_accuracy", "plover_accuracy",
    )]
    extra = predicted_total - matched_total
    metrics.append(Metric("extra_event_rate", ratio(extra, predicted_total), predicted_total, higher_is_better=False))
    return metrics, misses


def _score_one(gold: GoldEvent, event: Event | None, tally: _Tally) -> float:
    """Tally one gold event against its match; return the miss severity (0 when all is right)."""
    severity = 0.0
    tally.add("event_recall", event is not None)
    if event is None:
        severity += SEVERITY["no_event"]
    if gold.cameo:
        root_ok = event is not None and cameo_root(gold.cameo) == event.cameo.root
        code_ok = event is not None and gold.cameo == event.cameo.code
        tally.add("cameo_root_accuracy", root_ok)
        tally.add("cameo_code_accuracy", code_ok)
        if event is not None:
            severity += 0.0 if code_ok else SEVERITY["root"] if not root_ok else SEVERITY["code"]
    for side, want in (("source", gold.source), ("target", gold.target)):
        if not want:
            continue
        want_country, want_role = split_actor_code(want)
        got_country, got_role = actor_parts(getattr(event, side) if event is not None else None)
        tally.add(f"{side}_country_accuracy", want_country == got_country)
        severity += 0.0 if want_country == got_country else SEVERITY["actor"]
        if want_role is not None:
            tally.add(f"{side}_role_accuracy", want_role == got_role)
            severity += 0.0 if want_role == got_role else SEVERITY["actor"]
    if gold.plover:
        plover_ok = event is not None and _plover_equal(gold.plover, event)
        tally.add("plover_accuracy", plover_ok)
        severity += 0.0 if plover_ok else SEVERITY["plover"]
    return severity
