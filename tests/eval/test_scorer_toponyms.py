"""The toponym scorer: span P/R/F1 by overlap, accuracy at 50/161 km."""

from __future__ import annotations

from tidings.eval.formats import GoldRecord
from tidings.eval.toponyms import PlaceGuess, score_toponyms


def as_dict(found) -> dict[str, tuple[float, int]]:
    return {m.name: (m.value, m.n) for m in found[0]}


TEXT = "Protests in Baghdad and Iranian anger in Tehran."


def geo_record() -> GoldRecord:
    toponyms = [
        {"start": 12, "end": 19, "text": "Baghdad", "type": "Literal", "latitude": 33.34, "longitude": 44.40},
        {"start": 24, "end": 31, "text": "Iranian", "type": "Demonym", "latitude": None, "longitude": None},
        {"start": 41, "end": 47, "text": "Tehran", "type": "Literal", "latitude": 35.69, "longitude": 51.39},
    ]
    return GoldRecord(1, {"id": "g1", "text": TEXT, "toponyms": toponyms})


def test_toponym_span_matched_by_overlap_and_scored_by_distance():
    guesses = [PlaceGuess(12, 19, "Baghdad", 33.3, 44.4), PlaceGuess(41, 47, "Tehran", 40.0, 40.0)]
    result = as_dict(score_toponyms([geo_record()], {"g1": guesses}))
    assert result["toponym_recall"] == (1.0, 2)
    assert result["accuracy_at_161km"] == (0.5, 2)


def test_toponym_guess_on_a_demonym_is_neutral():
    guesses = [PlaceGuess(12, 19, "Baghdad", 33.3, 44.4), PlaceGuess(24, 31, "Iranian", 32.0, 53.0)]
    assert as_dict(score_toponyms([geo_record()], {"g1": guesses}))["toponym_precision"] == (1.0, 1)


def test_toponym_guess_on_no_annotation_is_a_false_positive():
    guesses = [PlaceGuess(0, 8, "Protests", None, None)]
    assert as_dict(score_toponyms([geo_record()], {"g1": guesses}))["toponym_precision"] == (0.0, 1)
