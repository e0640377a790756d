"""Pinned quality floors on the shared gold sets (GeoWebNews, ACLED); skipped where absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from .measures import read_jsonl, score_acled, score_geowebnews

GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold"
GEOWEBNEWS = GOLD / "geowebnews" / "geowebnews.dev.jsonl"
ACLED = GOLD / "acled" / "acled_relative.dev.jsonl"
# Every 8th ACLED note (514 of 4,110) keeps the run near 5 s; the whole set scored within 3 points
# of this sample when the floors were set (50 km 0.670, 161 km 0.778, country 0.826).
ACLED_STEP = 8


@pytest.mark.skipif(not GEOWEBNEWS.exists(), reason="shared GeoWebNews gold not present")
def test_geowebnews_spans_and_points_stay_above_floor(nlp, gazetteer):
    scores = score_geowebnews(read_jsonl(GEOWEBNEWS), nlp, gazetteer)
    print(f"\ngeowebnews: {scores}")
    # Measured (first version): P 0.949, R 0.488 (nationality words and names inside
    # organisation names are not places by design), locational R 0.521, acc@161 0.940 over 601
    # matched spans (0.797 without the GeoNames country points of country_points.tsv: "US" is
    # frequent), 0.891 over the 311 below country level.
    assert scores.precision >= 0.92
    assert scores.recall >= 0.46
    assert scores.locational_recall >= 0.49
    assert scores.acc161 >= 0.91
    assert scores.acc161_below_country >= 0.86


@pytest.mark.skipif(not ACLED.exists(), reason="shared ACLED gold not present")
def test_acled_first_place_stays_above_floor(nlp, gazetteer):
    scores = score_acled(read_jsonl(ACLED, step=ACLED_STEP), nlp, gazetteer)
    print(f"\nacled: {scores}")
    # Measured on this sample (first version): a place in 88.3% of notes; within 50 km 69.5%,
    # within 161 km 79.6%, right country 83.9% (shares of all notes; ACLED places are often
    # villages below the gazetteer's population floor).
    assert scores.with_place >= 0.85
    assert scores.within50 >= 0.65
    assert scores.within161 >= 0.76
    assert scores.country >= 0.80
