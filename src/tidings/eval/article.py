"""Score one article's coded events against its hand annotation (the seed example's YAML)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tidings.eval.attribution import chain_matches, chain_text, quote_span
from tidings.eval.events import cameo_root, describe
from tidings.eval.formats import GoldRecord, read_gold
from tidings.eval.geo import haversine_km
from tidings.eval.report import Metric, Miss, ratio
from tidings.eval.spans import overlap
from tidings.types import Actor, Event

FIELDS = ("source", "target", "modality", "date", "location", "attribution")
NEAR_KM = 50.0


def code_acceptable(code: str, acceptable: Sequence[str]) -> bool:
    """A listed code, or any code under a listed root-only entry ("13" accepts "138")."""
    for entry in acceptable:
        entry = str(entry)
        if code == entry or (len(entry) == 2 and cameo_root(code) == entry):
            return True
    return False


def _actor_ok(actor: Actor | None, acceptable: Sequence[str | None]) -> bool:
    # An actor the coder saw but could not code counts as "no actor": it names nobody.
    code = actor.code if actor is not None else None
    return code in acceptable


def _date_ok(event: Event, gold: dict[str, Any]) -> bool:
    want = gold.get("value")
    if event.date.precision not in gold.get("precision", ()):
        return False
    # A null gold value means "not stated": any value of an accepted precision is right.
    if want is None:
        return True
    got = event.date.value
    if got is None:
        return False
    # A coarser precision the annotation accepts is right when it names the gold's month or year
    # ("by mid-January" as 2021-01 for a gold 2021-01-15 that also accepts "month").
    if event.date.precision in ("month", "year"):
        return str(want).startswith(got) or got.startswith(str(want))
    return got.startswith(str(want))


def _location_ok(event: Event, gold: dict[str, Any]) -> bool:
    place = event.location
    if place is None or place.country != gold.get("country"):
        return False
    if place.name.casefold() == str(gold.get("name", "")).casefold():
        return True
    if gold.get("lat") is None or place.lat is None or place.lon is None:
        return False
    return haversine_km(gold["lat"], gold["lon"], place.lat, place.lon) <= NEAR_KM


def field_results(event: Event, gold: dict[str, Any]) -> dict[str, bool]:
    """Which fields of a found event agree with the annotation."""
    return {
        "source": _actor_ok(event.source, gold.get("source") or [None]),
        "target": _actor_ok(event.target, gold.get("target") or [None]),
        "modality": event.modality in (gold.get("modality") or ()),
        "date": _date_ok(event, gold.get("date") or {}),
        "location": _location_ok(event, gold.get("location") or {}),
        "attribution": chain_matches(gold.get("attribution") or [], event.attribution),
    }


@dataclass(frozen=True)
class EventMatch:
    """An annotated event and the predicted event found for it (None when not found)."""

    gold_id: str
    evidence: str
    event: Event | None
    fields: dict[str, bool]


@dataclass
class ArticleScore:
    total: int
    matches: list[EventMatch] = field(default_factory=list)

    @property
    def matched(self) -> int:
        return sum(1 for m in self.matches if m.event is not None)

    @property
    def fields(self) -> dict[str, int]:
        """Per field, how many annotated events were found with that field right."""
        return {name: sum(1 for m in self.matches if m.fields.get(name)) for name in FIELDS}

    def metrics(self) -> list[Metric]:
        # Shares of all annotated events, so a field's score cannot rise by finding fewer events.
        out = [Metric("events_found", ratio(self.matched, self.total), self.total)]
        out += [Metric(f"{name}_correct", ratio(count, self.total), self.total) for name, count in self.fields.items()]
        return out

    def misses(self, article_id: str) -> list[Miss]:
        found: list[Miss] = []
        for m in self.matches:
            if m.event is None:
                found.append(Miss(f"{article_id}/{m.gold_id}", m.evidence, "an event", "not found", 3.0))
                continue
            wrong = [name for name, ok in m.fields.items() if not ok]
            if wrong:
                found.append(Miss(f"{article_id}/{m.gold_id}", m.evidence, "right " + ", ".join(wrong),
                                  _describe_fields(m.event, wrong), 0.5 * len(wrong)))
        return found


def _describe_fields(event: Event, names: list[str]) -> str:
    parts = []
    for name in names:
        if name in ("source", "target"):
            actor = getattr(event, name)
            parts.append(f"{name}={actor.code if actor else None}")
        elif name == "modality":
            parts.append(f"modality={event.modality}")
        elif name == "date":
            parts.append(f"date={event.date.value} ({event.date.precision})")
        elif name == "location":
            place = event.location
            parts.append(f"location={place.name + ' ' + str(place.country) if place else None}")
        else:
            parts.append(f"attribution={chain_text(event.attribution)}")
    return f"{describe(event)}; " + "; ".join(parts)


def match_article(records: Sequence[GoldRecord], events: Sequence[Event], text: str) -> ArticleScore:
    """Pair annotated and predicted events one-to-one, best pairs first.

    A pair qualifies when the predicted evidence overlaps the annotated quote and its CAMEO code is
    acceptable; among qualifying pairs, more agreeing fields (then more overlap) win.
    """
    candidates = []
    spans = {}
    for g, record in enumerate(records):
        spans[g] = quote_span(text, record.data["evidence"], record.location)
        for p, event in enumerate(events):
            shared = overlap(*spans[g], event.evidence.start, event.evidence.end)
            if shared and code_acceptable(event.cameo.code, [str(c) for c in record.data["cameo"]]):
                agree = sum(field_results(event, record.data).values())
                candidates.append((agree, shared, -g, -p, g, p))
    taken_gold: dict[int, int] = {}
    taken_predicted: set[int] = set()
    for *_, g, p in sorted(candidates, reverse=True):
        if g not in taken_gold and p not in taken_predicted:
            taken_gold[g] = p
            taken_predicted.add(p)
    score = ArticleScore(total=len(records))
    for g, record in enumerate(records):
        event = events[taken_gold[g]] if g in taken_gold else None
        results = field_results(event, record.data) if event is not None else {}
        score.matches.append(EventMatch(str(record.data["id"]), record.data["evidence"], event, results))
    return score


def score_article(expected_yaml: Path, events: list[Event], text: str) -> ArticleScore:
    """Score predicted events of one article against its YAML annotation."""
    gold = read_gold(Path(expected_yaml))
    return match_article(gold.records, events, text)
