"""Modality of events: each cue class on a small hand-made sentence."""

from __future__ import annotations

import pytest

from tidings.events.modality import ModalityCues, modality_of


@pytest.fixture(scope="module")
def cues() -> ModalityCues:
    return ModalityCues.load()


def trigger(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The army attacked the village on Monday.", "attacked", "asserted"),
        ("The army did not attack the village.", "attack", "negated"),
        ("The rebels never attacked the convoy.", "attacked", "negated"),
        ("The minister denied attacking the protesters.", "attacking", "negated"),
        ("Police refused to arrest the suspects.", "arrest", "negated"),
        ("The government will withdraw its troops next month.", "withdraw", "planned"),
        ("The president plans to visit Cairo.", "visit", "planned"),
        ("The army could strike the camps.", "strike", "hypothetical"),
        ("They discussed options for attacking the base.", "attacking", "hypothetical"),
        ("He threatened to close the embassy.", "close", "hypothetical"),
        ("The troops will respond if the rebels attack the city.", "attack", "conditional"),
    ],
)
def test_modality_cue(plain_nlp, cues, text, word, expected):
    assert modality_of(trigger(plain_nlp, text, word), cues) == expected


def test_reported_clause_keeps_its_own_modality(plain_nlp, cues):
    token = trigger(plain_nlp, "Officials said the militia attacked the base.", "attacked")
    assert modality_of(token, cues) == "asserted"


def test_modality_cues_file_loads_every_class(cues):
    assert "not" in cues.negation_words and "will" in cues.planning_auxiliaries
    assert "if" in cues.condition_markers
