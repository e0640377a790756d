"""Score toponym spans and their coordinates against GeoWebNews-style gold."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tidings.eval.formats import GoldRecord
from tidings.eval.geo import haversine_km
from tidings.eval.report import Metric, Miss, ratio
from tidings.eval.spans import match_spans, overlap, prf

NEAR_KM = 50.0
FAR_KM = 161.0  # 100 miles, the usual "accuracy@161" of geoparsing papers
# GeoWebNews annotates words that are place-like but no place to resolve. A tagger that maps
# "Iranian" to Iran is not wrong to do so, so guesses on these spans are neither hit nor error.
NEUTRAL_TYPES = frozenset({"Demonym", "Language"})


@dataclass(frozen=True)
class PlaceGuess:
    """A predicted toponym: its span and, when resolved, its point."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class _GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float


def gold_toponyms(record: dict[str, Any]) -> list[_GoldToponym]:
    """The annotations a geoparser should find: those the annotators resolved to a point."""
    return [
        _GoldToponym(t["start"], t["end"], t.get("text") or record["text"][t["start"]:t["end"]],
                     float(t["latitude"]), float(t["longitude"]))
        for t in record["toponyms"]
        if t.get("latitude") is not None and t.get("longitude") is not None
    ]


def _is_neutral(guess: PlaceGuess, record: dict[str, Any]) -> bool:
    return any(
        t["type"] in NEUTRAL_TYPES and overlap(t["start"], t["end"], guess.start, guess.end)
        for t in record["toponyms"]
    )


def score_toponyms(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[PlaceGuess]]
) -> tuple[list[Metric], list[Miss]]:
    """Span P/R/F1 by overlap; acc@50 and acc@161 km over matched gold spans (all have points)."""
    gold_count = predicted_count = matched = near = far = 0
    misses: list[Miss] = []
    for record in records:
        gold = gold_toponyms(record.data)
        guesses = list(predictions.get(record.id, ()))
        pairs = match_spans(gold, guesses)
        counted = [g for i, g in enumerate(guesses) if i in pairs.values() or not _is_neutral(g, record.data)]
        gold_count += len(gold)
        predicted_count += len(counted)
        matched += len(pairs)
        for g_index, toponym in enumerate(gold):
            expected = f"{toponym.text} ({toponym.lat:.2f}, {toponym.lon:.2f})"
            if g_index not in pairs:
                misses.append(Miss(record.id, _context(record.data["text"], toponym), expected, "not found", 2.0))
                continue
            guess = guesses[pairs[g_index]]
            distance = None
            if guess.lat is not None and guess.lon is not None:
                distance = haversine_km(toponym.lat, toponym.lon, guess.lat, guess.lon)
            near += distance is not None and distance <= NEAR_KM
            far += distance is not None and distance <= FAR_KM
            if distance is None or distance > FAR_KM:
                got = f"{guess.text} " + ("(no point)" if distance is None else f"{distance:.0f} km off")
                misses.append(Miss(record.id, _context(record.data["text"], toponym), expected, got, 3.0))
    metrics = prf(matched, predicted_count, gold_count, "toponym")
    metrics += [
        Metric("accuracy_at_50km", ratio(near, matched), matched),
        Metric("accuracy_at_161km", ratio(far, matched), matched),
    ]
    return metrics, misses


def _context(text: str, toponym: _GoldToponym, width: int = 50) -> str:
    """The toponym with some words around it: the misses table cannot show a whole article."""
    start, end = max(0, toponym.start - width), min(len(text), toponym.end + width)
    return " ".join(text[start:end].split())
