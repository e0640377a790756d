"""The PETRARCH unit-test scorer: codes only, fictional actors ignored."""

from __future__ import annotations

from tidings.eval.formats import GoldRecord
from tidings.eval.petrarch import score_petrarch


def as_dict(found) -> dict[str, tuple[float, int]]:
    return {m.name: (m.value, m.n) for m in found[0]}


def petrarch(rid, codes, **extra) -> GoldRecord:
    events = [{"source": "ARN", "target": "GON", "code": c} for c in codes]
    return GoldRecord(1, {"id": rid, "text": "Arnor …", "expected_events": events, **extra})


def test_petrarch_scores_codes_and_ignores_fictional_actors(make_event):
    result = as_dict(score_petrarch([petrarch("d0", ["064"])], {"d0": [make_event("064", source="USA")]}))
    assert result["cameo_code_accuracy"] == (1.0, 1)
    assert result["event_recall"] == (1.0, 1)


def test_petrarch_skips_records_expecting_an_input_error(make_event):
    records = [petrarch("e1", [], expected_error="dateline"), petrarch("d0", ["064"])]
    assert as_dict(score_petrarch(records, {}))["event_recall"] == (0.0, 1)


def test_petrarch_no_event_records_reward_silence(make_event):
    records = [petrarch("q1", [], expect_no_events=True), petrarch("q2", [], expect_no_events=True)]
    result = as_dict(score_petrarch(records, {"q1": [make_event("010")]}))
    assert result["no_event_accuracy"] == (0.5, 2)


def test_petrarch_counts_a_code_once_when_events_differ_only_in_actors(make_event):
    events = [{"source": src, "target": "GON", "code": "041"} for src in ("MOR", "ROH", "BRE")]
    record = GoldRecord(1, {"id": "c1", "text": "Mordor, Rohan and Bree welcomed …", "expected_events": events})
    result = as_dict(score_petrarch([record], {"c1": [make_event("041")]}))
    assert result["event_recall"] == (1.0, 1)
    assert result["cameo_code_accuracy"] == (1.0, 1)
