"""Score when and where against ACLED notes: the first event coded in a note is its main event."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tidings.eval.formats import GoldRecord
from tidings.eval.geo import haversine_km
from tidings.eval.report import Metric, Miss, ratio
from tidings.types import Event

NEAR_KM = 50.0
# 161 km = 100 miles, the customary "accuracy@161" threshold of geoparsing evaluations.
FAR_KM = 161.0


def _where(event: Event) -> str:
    place = event.location
    if place is None:
        return "no place"
    at = f" ({place.lat:.2f}, {place.lon:.2f})" if place.lat is not None and place.lon is not None else ""
    return f"{place.name} {place.country or '?'}{at}"


def score_acled(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> tuple[list[Metric], list[Miss]]:
    """Coverage, then date, distance and country of each note's main event.

    A note with no coded event counts as a miss for every field (its denominator is all notes), so
    coding fewer notes can never raise the date or place scores.
    """
    covered = date_hits = near_hits = far_hits = country_hits = 0
    misses: list[Miss] = []
    for record in records:
        gold = record.data
        events = predictions.get(record.id, ())
        text = gold["text"]
        if not events:
            misses.append(Miss(record.id, text, f"{gold['event_date']} {gold.get('location')}", "no event", 4.0))
            continue
        covered += 1
        main = events[0]
        date_ok = main.date.value == gold["event_date"]
        place = main.location
        distance = None
        if place is not None and place.lat is not None and place.lon is not None:
            distance = haversine_km(gold["latitude"], gold["longitude"], place.lat, place.lon)
        country_ok = place is not None and place.country == gold["country_iso3"]
        date_hits += date_ok
        near_hits += distance is not None and distance <= NEAR_KM
        far_hits += distance is not None and distance <= FAR_KM
        country_hits += country_ok
        if not date_ok:
            misses.append(Miss(record.id, text, f"date {gold['event_date']}",
                               f"date {main.date.value} ({main.date.precision})", 2.0))
        if distance is None or distance > NEAR_KM:
            # Far off in another country is worse than a nearby town just outside 50 km.
            severity = 1.0 if distance is not None and distance <= FAR_KM else 2.0 if country_ok else 3.0
            expected = f"{gold.get('location')} {gold['country_iso3']} ({gold['latitude']:.2f}, {gold['longitude']:.2f})"
            got = _where(main) + (f", {distance:.0f} km off" if distance is not None else "")
            misses.append(Miss(record.id, text, expected, got, severity))
    n = len(records)
    return [
        Metric("coverage", ratio(covered, n), n),
        Metric("date_accuracy", ratio(date_hits, n), n),
        Metric("location_within_50km", ratio(near_hits, n), n),
        Metric("location_within_161km", ratio(far_hits, n), n),
        Metric("country_accuracy", ratio(country_hits, n), n),
        # The same hits over the notes that have an event: the when/where stages' own accuracy,
        # apart from event recall (which the figures above fold in). Never quote these alone.
        Metric("date_accuracy_given_event", ratio(date_hits, covered), covered),
        Metric("location_within_50km_given_event", ratio(near_hits, covered), covered),
        Metric("location_within_161km_given_event", ratio(far_hits, covered), covered),
        Metric("country_accuracy_given_event", ratio(country_hits, covered), covered),
    ], misses
