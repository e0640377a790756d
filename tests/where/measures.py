"""Scorers for the where/ gold sets (GeoWebNews spans and points, ACLED note places)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from tidings.where.gazetteer import Gazetteer
from tidings.where.resolve import find_places

# GeoWebNews types that are toponyms (all carry coordinates); the rest are demonyms, homonyms,
# languages, non-toponyms and context words, which a geoparser should not report.
TOPONYM_TYPES = frozenset({
    "Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion", "Metonymic",
    "Non_Literal_Modifier", "Embedded_Non_Lit",
})
# The toponyms that say where something is: what event placement needs. The others are names used
# as modifiers ("Russian"), inside organisation names ("Pakistan Army") or for a government.
LOCATIONAL_TYPES = frozenset({"Literal", "Mixed", "Embedded_Literal", "Coercion"})


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


def read_jsonl(path: Path, limit: int | None = None, step: int = 1) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            if number % step == 0 and line.strip():
                records.append(json.loads(line))
            if limit is not None and len(records) >= limit:
                break
    return records


@dataclass
class SpanScores:
    precision: float
    recall: float
    f1: float
    locational_recall: float
    acc161: float
    resolved: int
    # acc@161 over the resolved spans below country level (cities, regions, sites): country points
    # are a convention (GeoNames' US point is 235 km from the Factbook's), city points are not.
    acc161_below_country: float
    resolved_below_country: int


def score_geowebnews(records: Iterable[dict], nlp: Language, gazetteer: Gazetteer) -> SpanScores:
    """Overlap-matched span P/R/F1 over toponyms, and acc@161 km over matched resolved spans."""
    records = list(records)
    predicted = gold_total = true_pos = found = 0
    locational = locational_found = 0
    near = resolved = near_below = resolved_below = 0
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=16)):
        gold = [t for t in record["toponyms"] if t["type"] in TOPONYM_TYPES]
        places = find_places(doc, gazetteer, literal_only=False)
        predicted += len(places)
        gold_total += len(gold)
        for place in places:
            hits = [t for t in gold if place.start < t["end"] and t["start"] < place.end]
            if not hits:
                continue
            true_pos += 1
            gold_point = hits[0]
            if place.lat is not None and gold_point["latitude"] is not None:
                resolved += 1
                km = distance_km(
                    place.lat, place.lon, gold_point["latitude"], gold_point["longitude"]
                )
                near += km <= 161
                if place.precision != "country":
                    resolved_below += 1
                    near_below += km <= 161
        hit = [any(p.start < t["end"] and t["start"] < p.end for p in places) for t in gold]
        found += sum(hit)
        where = [h for h, t in zip(hit, gold) if t["type"] in LOCATIONAL_TYPES]
        locational += len(where)
        locational_found += sum(where)
    precision = true_pos / predicted if predicted else 0.0
    recall = found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return SpanScores(
        precision, recall, f1, locational_found / locational if locational else 0.0,
        near / resolved if resolved else 0.0, resolved,
        near_below / resolved_below if resolved_below else 0.0, resolved_below,
    )


@dataclass
class NoteScores:
    notes: int
    with_place: float
    within50: float
    within161: float
    country: float


def score_acled(records: Iterable[dict], nlp: Language, gazetteer: Gazetteer) -> NoteScores:
    """First place found in each note against the gold point and country (share of all notes)."""
    records = list(records)
    has = w50 = w161 = same_country = 0
    for record, doc in zip(records, nlp.pipe((r["text"] for r in records), batch_size=64)):
        places = [p for p in find_places(doc, gazetteer) if p.lat is not None]
        if not places:
            continue
        first = places[0]
        has += 1
        km = distance_km(first.lat, first.lon, record["latitude"], record["longitude"])
        w50 += km <= 50
        w161 += km <= 161
        same_country += first.country == record["country_iso3"]
    n = len(records)
    return NoteScores(n, has / n, w50 / n, w161 / n, same_country / n)
