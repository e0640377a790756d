"""The article matcher: found events by evidence overlap and acceptable code, then per-field checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.eval.article import code_acceptable, score_article

TEXT = "Trump warned Iran on Monday. Qaani visited Baghdad. Reuters said Trump requested options."
ANNOTATION = """\
events:
  - id: e01
    evidence: "Trump warned Iran"
    source: [USAGOV, USA]
    target: [IRN, null]
    cameo: ["13", "130", "04"]
    modality: [asserted]
    date: {value: "2020-11", precision: [day, month]}
    location: {name: Iran, country: IRN}
    attribution: []
  - id: e02
    evidence: "Qaani visited Baghdad"
    source: [IRNMIL]
    target: [null]
    cameo: ["042"]
    modality: [asserted]
    date: {value: null, precision: [unknown, published]}
    location: {name: Baghdad, country: IRQ, lat: 33.34, lon: 44.40}
    attribution: [Reuters]
"""


@pytest.fixture
def annotation(tmp_path) -> Path:
    path = tmp_path / "article.expected.yaml"
    path.write_text(ANNOTATION, encoding="utf-8")
    return path


def span_of(quote: str) -> tuple[int, int]:
    start = TEXT.find(quote)
    return start, start + len(quote)


@pytest.mark.parametrize(("code", "ok"), [("138", True), ("130", True), ("13", True), ("190", False)])
def test_root_only_entry_accepts_any_code_under_it(code, ok):
    assert code_acceptable(code, ["13"]) is ok


def test_listed_three_digit_code_does_not_accept_its_siblings():
    assert not code_acceptable("043", ["042"])


def test_event_found_by_overlap_and_acceptable_code(annotation, make_event):
    event = make_event("138", span=span_of("Trump warned"))
    assert score_article(annotation, [event], TEXT).matched == 1


def test_overlapping_event_with_unacceptable_code_is_not_found(annotation, make_event):
    event = make_event("190", span=span_of("Trump warned"))
    assert score_article(annotation, [event], TEXT).matched == 0


def test_event_elsewhere_in_text_is_not_found(annotation, make_event):
    event = make_event("138", span=span_of("Reuters said"))
    assert score_article(annotation, [event], TEXT).matched == 0


def test_one_predicted_event_matches_one_annotated_event(annotation, make_event):
    wide = make_event("042", span=(0, len(TEXT)))
    assert score_article(annotation, [wide], TEXT).matched == 1


def test_null_in_actor_list_accepts_no_actor(annotation, make_event):
    event = make_event("042", source="IRNMIL", target=None, span=span_of("Qaani visited"))
    fields = score_article(annotation, [event], TEXT).matches[1].fields
    assert fields["source"] and fields["target"]


def test_date_value_matches_by_prefix_with_listed_precision(annotation, make_event):
    event = make_event("130", span=span_of("Trump warned"), date=("2020-11-30", "day"))
    assert score_article(annotation, [event], TEXT).matches[0].fields["date"]


def test_date_with_unlisted_precision_is_wrong(annotation, make_event):
    event = make_event("130", span=span_of("Trump warned"), date=("2020-11", "year"))
    assert not score_article(annotation, [event], TEXT).matches[0].fields["date"]


def test_location_within_50_km_counts_when_name_differs(annotation, make_event, make_place):
    place = make_place("Baghdad Governorate", "IRQ", 33.30, 44.35)
    event = make_event("042", span=span_of("Qaani visited"), place=place)
    assert score_article(annotation, [event], TEXT).matches[1].fields["location"]


def test_location_in_wrong_country_is_wrong(annotation, make_event, make_place):
    event = make_event("130", span=span_of("Trump warned"), place=make_place("Iran", "IRQ", None, None))
    assert not score_article(annotation, [event], TEXT).matches[0].fields["location"]


def test_attribution_chain_compared_by_containment(annotation, make_event):
    event = make_event("042", span=span_of("Qaani visited"), attribution=("reuters",))
    assert score_article(annotation, [event], TEXT).matches[1].fields["attribution"]


def test_field_counts_and_metrics_cover_all_annotated_events(annotation, make_event):
    event = make_event("130", source="USAGOV", span=span_of("Trump warned"))
    score = score_article(annotation, [event], TEXT)
    assert score.fields["source"] == 1
    metrics = {m.name: (m.value, m.n) for m in score.metrics()}
    assert metrics["events_found"] == (0.5, 2)
    assert metrics["source_correct"] == (0.5, 2)


def test_month_precision_matches_a_day_gold_that_accepts_month(make_event):
    from tidings.eval.article import field_results

    gold = {"date": {"value": "2021-01-15", "precision": ["month", "day"]}}
    assert field_results(make_event("087", date=("2021-01", "month")), gold)["date"]
    assert not field_results(make_event("087", date=("2021-02", "month")), gold)["date"]
    assert not field_results(make_event("087", date=("2021-01-20", "day")), gold)["date"]
