"""The `events` scorer: codes, roots, actor parts, PLOVER, extra events, matching."""

from __future__ import annotations

import pytest

from tidings.eval.events import match_events, GoldEvent, score_events, split_actor_code
from tidings.eval.formats import GoldRecord


def gold(cameo="190", source=None, target=None, plover=None, rid="r1") -> GoldRecord:
    event = {"cameo": cameo, "source": source, "target": target, "plover": plover}
    return GoldRecord(1, {"id": rid, "text": "t", "events": [event]})


def metrics(records, predictions) -> dict[str, tuple[float, int]]:
    found, _ = score_events(records, predictions)
    return {m.name: (m.value, m.n) for m in found}


@pytest.mark.parametrize(("code", "parts"), [("USA", ("USA", None)), ("HUNGOV", ("HUN", "GOV")),
                                             ("USAGOVMIL", ("USA", "GOV")), (None, (None, None)),
                                             ("PSEREBHMS", ("PSE", "REB")), ("TURREFkur", ("TUR", "REF")),
                                             ("IGOWSTNAT", ("IGO", "WSTNAT"))])
def test_split_actor_code_into_country_and_role(code, parts):
    assert split_actor_code(code) == parts


def test_same_root_other_code_scores_root_but_not_code(make_event):
    result = metrics([gold("138")], {"r1": [make_event("130")]})
    assert result["cameo_root_accuracy"] == (1.0, 1)
    assert result["cameo_code_accuracy"] == (0.0, 1)


def test_record_without_prediction_counts_against_recall(make_event):
    result = metrics([gold("138"), gold("190", rid="r2")], {"r1": [make_event("138")]})
    assert result["event_recall"] == (0.5, 2)
    assert result["cameo_root_accuracy"] == (0.5, 2)


def test_actor_country_compared_when_gold_has_no_role(make_event):
    result = metrics([gold(source="USA")], {"r1": [make_event(source="USAGOV")]})
    assert result["source_country_accuracy"] == (1.0, 1)
    assert result["source_role_accuracy"] == (0.0, 0)


def test_actor_role_compared_when_gold_has_one(make_event):
    result = metrics([gold(source="USAGOV")], {"r1": [make_event(source="USAMIL")]})
    assert result["source_country_accuracy"] == (1.0, 1)
    assert result["source_role_accuracy"] == (0.0, 1)


def test_null_gold_fields_are_left_out_of_denominators(make_event):
    result = metrics([gold(cameo=None, plover="ASSAULT")], {"r1": [make_event(plover="ASSAULT")]})
    assert result["cameo_root_accuracy"][1] == 0
    assert result["target_country_accuracy"][1] == 0
    assert result["plover_accuracy"] == (1.0, 1)


def test_extra_event_rate_counts_unmatched_predictions(make_event):
    result = metrics([gold("190")], {"r1": [make_event("190"), make_event("010"), make_event("040")]})
    assert result["extra_event_rate"] == (pytest.approx(2 / 3), 3)


def test_matching_prefers_same_root_over_text_order(make_event):
    first, second = make_event("010"), make_event("193")
    assert match_events([GoldEvent("190", None, None, None)], [first, second]) == [second]


def test_one_prediction_serves_one_gold_event(make_event):
    only = make_event("190")
    golds = [GoldEvent("190", None, None, None), GoldEvent("190", None, None, None)]
    assert match_events(golds, [only]) == [only, None]


def test_miss_reports_expected_and_predicted_codes(make_event):
    _, misses = score_events([gold("138")], {"r1": [make_event("040")]})
    assert misses[0].expected.startswith("138")
    assert misses[0].got.startswith("040")
