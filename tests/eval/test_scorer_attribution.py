"""The attribution scorer and chain matching."""

from __future__ import annotations

import pytest

from tidings.errors import InputError
from tidings.eval.attribution import chain_matches, score_attribution
from tidings.eval.formats import GoldRecord
from tidings.types import Attribution


def as_dict(found) -> dict[str, tuple[float, int]]:
    return {m.name: (m.value, m.n) for m in found[0]}


def chain(*texts):
    return tuple(Attribution(t, 0, 0, None, "said") for t in texts)


def test_chain_matches_by_containment_ignoring_case():
    assert chain_matches(["Reuters", "a US official"], chain("reuters", "US official"))


def test_chain_order_matters():
    assert not chain_matches(["Reuters", "a US official"], chain("a US official", "Reuters"))


def test_attribution_scorer_finds_event_by_evidence_overlap(make_event):
    text = "Reuters quoted a US official as saying that Trump requested options."
    record = GoldRecord(1, {"id": "b1", "text": text, "attributions": [
        {"evidence": "Trump requested options", "chain": ["Reuters", "a US official"]}]})
    event = make_event("040", span=(44, 59), attribution=("Reuters", "a US official"))
    result = as_dict(score_attribution([record], {"b1": [event]}))
    assert result["chain_accuracy"] == (1.0, 1)


def test_attribution_quote_missing_from_text_is_an_input_error(make_event):
    record = GoldRecord(7, {"id": "b1", "text": "nothing here", "attributions": [
        {"evidence": "absent quote", "chain": []}]}, "gold.jsonl")
    with pytest.raises(InputError) as caught:
        score_attribution([record], {})
    assert caught.value.location == "gold.jsonl:7"
