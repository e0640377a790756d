"""End-to-end behaviour of the pipeline: contract, offsets, determinism."""

from __future__ import annotations

import json

import pytest

from tidings import code_articles, code_text
from tidings.types import Article, Event

CONTRACT_KEYS = {
    "event_id", "article_id", "published", "sentence_index", "evidence", "source", "target", "cameo",
    "quad_class", "goldstein", "plover", "modality", "date", "location", "attribution", "quantities",
}
TEXT = (
    "Iraqi militias attacked the US embassy in Baghdad on Tuesday, officials said.\n"
    "The Iranian foreign minister visited Damascus last week and met President Bashar al-Assad.\n"
    "Turkish troops will withdraw from northern Syria next month."
)


@pytest.fixture(scope="module")
def events() -> list[Event]:
    return code_text(TEXT, published="2020-12-03", article_id="t-1")


def test_events_serialize_to_exactly_the_contract_keys(events):
    assert events, "the test text holds several events"
    for event in events:
        data = event.to_dict()
        assert set(data) == CONTRACT_KEYS
        assert set(data["cameo"]) == {"code", "root", "label"}
        assert Event.from_dict(json.loads(json.dumps(data))) == event


def test_every_span_points_into_the_original_text(events):
    for event in events:
        assert TEXT[event.evidence.start:event.evidence.end] == event.evidence.text
        for actor in (event.source, event.target):
            if actor is not None:
                assert TEXT[actor.start:actor.end] == actor.text
        if event.date.start is not None:
            assert TEXT[event.date.start:event.date.end] == event.date.text
        if event.location is not None:
            assert TEXT[event.location.start:event.location.end] == event.location.text
        for link in event.attribution:
            assert TEXT[link.start:link.end] == link.text


def test_coding_twice_gives_identical_events(events):
    assert code_text(TEXT, published="2020-12-03", article_id="t-1") == events


def test_attack_is_coded_with_actors_and_root(events):
    attacks = [e for e in events if e.cameo.root in ("18", "19")]
    assert attacks, [e.cameo.code for e in events]
    attack = attacks[0]
    assert attack.source is not None and attack.source.country == "IRQ"
    assert attack.quad_class == 4 and attack.goldstein is not None and attack.goldstein < 0


def test_planned_withdrawal_is_flagged_not_dropped(events):
    withdrawals = [e for e in events if e.cameo.root == "08" and e.source and e.source.country == "TUR"]
    assert withdrawals and withdrawals[0].modality == "planned"


def test_offsets_survive_scrape_noise():
    noisy = "[ad_1]\n<p>Iraqi militias attacked the US embassy in Baghdad.</p>"
    for event in code_text(noisy, published="2020-12-03"):
        assert noisy[event.evidence.start:event.evidence.end] == event.evidence.text
        assert "ad_1" not in event.evidence.text


def test_code_articles_keeps_input_order():
    articles = [Article(id=f"a{i}", text=f"Police arrested {i + 2} protesters in Paris.") for i in range(5)]
    assert [c.article.id for c in code_articles(articles)] == [a.id for a in articles]
