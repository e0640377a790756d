"""The ACLED scorer: main event date, distance, country, coverage."""

from __future__ import annotations

from tidings.eval.acled import score_acled
from tidings.eval.formats import GoldRecord


def as_dict(found) -> dict[str, tuple[float, int]]:
    return {m.name: (m.value, m.n) for m in found[0]}


def acled(rid="A1") -> GoldRecord:
    return GoldRecord(1, {"id": rid, "text": "On Friday, …", "published": "2022-01-10", "event_date": "2022-01-07",
                          "latitude": 39.92, "longitude": 32.86, "location": "Cankaya", "country_iso3": "TUR"})


def test_acled_main_event_is_the_first_coded(make_event, make_place):
    first = make_event(date=("2022-01-07", "day"), place=make_place("Ankara", "TUR", 39.93, 32.85))
    second = make_event(date=("2022-01-10", "published"))
    result = as_dict(score_acled([acled()], {"A1": [first, second]}))
    assert result["date_accuracy"] == (1.0, 1)
    assert result["location_within_50km"] == (1.0, 1)
    assert result["country_accuracy"] == (1.0, 1)


def test_acled_place_100_km_off_is_within_161_not_50(make_event, make_place):
    event = make_event(place=make_place("Somewhere", "TUR", 39.92, 34.03))
    result = as_dict(score_acled([acled()], {"A1": [event]}))
    assert result["location_within_50km"] == (0.0, 1)
    assert result["location_within_161km"] == (1.0, 1)


def test_acled_note_without_events_is_a_miss_and_lowers_coverage(make_event):
    result = as_dict(score_acled([acled("A1"), acled("A2")], {"A1": [make_event(date=("2022-01-07", "day"))]}))
    assert result["coverage"] == (0.5, 2)
    assert result["date_accuracy"] == (0.5, 2)
