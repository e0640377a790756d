"""Targets: the actor a thing belongs to, the target head an event verb picks, NER repair, lookup.

Hand-made sentences (none from the gold files). The target-head tests exercise the actors helper's
fix in events/extract.py (issue 5), kept here beside the resolution rules they feed.
"""

from __future__ import annotations

from datetime import date

import pytest

from tidings.actors import ActorContext, resolve_target
from tidings.actors.lookup import lookup_actor
from tidings.events.doers import target_of_verb
from tidings.events.patterns import VerbPattern

from tests.actors.conftest import head_of


def _target(actor_nlp, actor_kb, text: str, phrase: str):
    doc = actor_nlp(text)
    return resolve_target(head_of(doc, phrase), ActorContext(actor_kb, date(2019, 6, 1)))


def test_a_things_possessor_is_the_target(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "Chile rejected Peru's latest proposal on fishing.", "proposal")
    assert actor.code == "PER"


def test_a_things_by_phrase_is_the_target(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "Ghana rejected demands by Nigeria for a ceasefire.", "demands")
    assert actor.code == "NGA"


def test_a_thing_named_after_an_organisation_is_that_organisation(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "Russia blocked a NATO statement on Monday.", "statement")
    assert actor is not None and actor.code.startswith("IGO")


def test_a_thing_with_no_owner_is_no_target(actor_nlp, actor_kb):
    assert _target(actor_nlp, actor_kb, "Chile rejected the proposal on fishing.", "proposal") is None


def test_an_actor_target_is_kept_as_is(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "Chile accused Peruvian officials of fraud.", "officials")
    assert actor.code == "PERGOV"


def _verb_target(actor_nlp, text: str, verb: str, pattern: VerbPattern | None = None):
    doc = actor_nlp(text)
    token = next(t for t in doc if t.text == verb)
    found = target_of_verb(token, pattern or VerbPattern(lemma=token.lemma_, code="010"))
    return found.text if found is not None else None


def test_named_recipient_beats_the_thing_sent(actor_nlp):
    assert _verb_target(actor_nlp, "Norway sent medicine to Kenya last week.", "sent") == "Kenya"


def test_object_that_is_an_actor_stays_the_target(actor_nlp):
    assert _verb_target(actor_nlp, "The rebels attacked police with grenades.", "attacked") == "police"


def test_demanded_that_x_do_targets_x(actor_nlp):
    text = "Brazil demanded that the Argentine government release the prisoners."
    assert _verb_target(actor_nlp, text, "demanded") == "government"


def test_refused_to_meet_x_targets_x(actor_nlp):
    assert _verb_target(actor_nlp, "The minister refused to meet Emmanuel Macron.", "refused") == "Macron"


@pytest.mark.parametrize("text, entity, label", [
    ("Trump said the deal was over.", "Trump", "PERSON"),
    ("Kataib Hezbollah fired rockets at the base.", "Kataib Hezbollah", "ORG"),
    ("Qaani met the commanders in Baghdad.", "Qaani", "PERSON"),
])
def test_entity_ruler_repairs_the_models_labels(actor_nlp, text, entity, label):
    assert (entity, label) in [(e.text, e.label_) for e in actor_nlp(text).ents]


def test_lookup_names_the_rule_and_the_table_rows(actor_nlp, actor_kb):
    found = lookup_actor("Iraqi Prime Minister", kb=actor_kb, nlp=actor_nlp)
    assert found.actor.code == "IRQGOV"
    assert "role GOV" in found.rule
    assert any("countries.tsv:" in e and "'Iraqi'" in e for e in found.evidence)
    assert any("roles.tsv:" in e and "'prime minister'" in e for e in found.evidence)


def test_lookup_of_a_dated_person_names_the_office(actor_nlp, actor_kb):
    found = lookup_actor("Donald Trump", date(2018, 3, 1), kb=actor_kb, nlp=actor_nlp)
    assert found.actor.code == "USAGOV" and "USAGOV 2017-01-20" in found.rule


def test_lookup_of_a_phrase_without_an_actor(actor_nlp, actor_kb):
    found = lookup_actor("the weather", kb=actor_kb, nlp=actor_nlp)
    assert found.actor is None


def test_a_group_in_a_multiword_country_takes_its_code(resolve):
    assert resolve("Rebels in the Ivory Coast seized a town.", "Rebels").code == "CIVREB"


def test_students_throughout_a_country_take_its_code(resolve):
    assert resolve("Students throughout Kenya marched on Monday.", "Students").code == "KENEDU"


def test_demonym_before_a_name_stays_a_nationality(resolve):
    text = "President Paul Biya has banned Cameroonian opposition candidates from the vote."
    assert resolve(text, "Cameroonian opposition candidates").code == "CMROPP"


def test_a_date_after_on_is_no_target(actor_nlp):
    assert _verb_target(actor_nlp, "Iran on Tuesday threatened to attack Iraq.", "threatened") == "Iraq"


def test_aid_for_a_country_targets_the_country(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "Japan approved new aid for Nepal.", "aid")
    assert actor.code == "NPL"


def test_a_thing_in_a_country_targets_the_country(actor_nlp, actor_kb):
    actor = _target(actor_nlp, actor_kb, "The army lifted the curfew in Lesotho on Monday.", "curfew")
    # A curfew binds the people there: the country's civilians (test_population_measures.py).
    assert actor.country == "LSO" and actor.code == "LSOCVL"


def test_a_thing_near_a_group_does_not_target_the_group(actor_nlp, actor_kb):
    text = "The army lifted the curfew in the camp of Kenyan farmers."
    assert _target(actor_nlp, actor_kb, text, "curfew") is None
