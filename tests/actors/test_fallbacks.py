"""Fallback targets, adjective-controlled subjects, undated offices: the actors helper's issue-5 rules.

Hand-made sentences (none from the gold files). The argument tests exercise events/arguments.py and
doers.subject_of, kept here beside the resolution rules they feed.
"""

from __future__ import annotations

from datetime import date

from tidings.actors import ActorContext, resolve_target
from tidings.events.doers import subject_of

from tests.actors.conftest import fallback_target as _fallback_target
from tests.actors.conftest import head_of
from tests.actors.conftest import token_of as _token




def test_adjective_with_to_clause_takes_the_subject_of_be(actor_nlp):
    doc = actor_nlp("Norway is ready to contribute 500 soldiers to the mission.")
    assert subject_of(_token(doc, "contribute")).text == "Norway"


def test_purpose_clause_names_the_target_when_the_object_is_a_thing(actor_nlp, actor_kb):
    text = "Hundreds of Chilean farmers began a march on Monday to protest against Peru's new tariff."
    actor = _fallback_target(actor_nlp, actor_kb, text, "began", "farmers", "march")
    assert actor is not None and actor.country == "PER"


def test_place_of_an_attack_is_the_target_when_no_party_is_named(actor_nlp, actor_kb):
    text = "Gunmen from Somalia killed 12 people in Nairobi on Friday."
    actor = _fallback_target(actor_nlp, actor_kb, text, "killed", "Gunmen", "people")
    assert actor is not None and actor.country == "KEN"


def test_own_forces_yield_to_the_named_party(actor_nlp, actor_kb):
    text = "Egypt will withdraw its troops from Libya next month."
    actor = _fallback_target(actor_nlp, actor_kb, text, "withdraw", "Egypt", "troops")
    assert actor.country == "LBY"


def test_own_forces_stay_the_target_when_no_other_party_is_named(actor_nlp, actor_kb):
    text = "Egypt will withdraw its troops next month."
    actor = _fallback_target(actor_nlp, actor_kb, text, "withdraw", "Egypt", "troops")
    assert actor.code == "EGYMIL"


def test_fallback_never_returns_the_source(actor_nlp, actor_kb):
    text = "Kenya said on Monday that it was ready."
    actor = _fallback_target(actor_nlp, actor_kb, text, "said", "Kenya", None)
    assert actor is None


def test_nationality_adjective_owns_a_thing(actor_nlp, actor_kb):
    doc = actor_nlp("Ghana condemned the harsh Israeli policies.")
    actor = resolve_target(head_of(doc, "policies"), ActorContext(actor_kb, date(2019, 6, 1)))
    assert actor.code == "ISR"


def test_undated_text_gives_a_named_person_their_latest_office(resolve):
    assert resolve("Putin met the press.", "Putin", when=None).code == "RUSGOV"


def test_ousted_office_holder_is_elite(resolve):
    actor = resolve("Ousted President Evo Morales spoke.", "Ousted President Evo Morales", when=None)
    assert actor is not None and actor.role == "ELI"


def test_it_is_willing_refers_back_to_the_country(resolve):
    actors = resolve.all("Turkey says it is willing to talk.", ["Turkey", "it"], when=None)
    assert actors[1] is not None and actors[1].code == "TUR"


def test_expletive_it_stays_uncoded(resolve):
    actors = resolve.all("Turkey said it is likely to rain.", ["Turkey", "it"], when=None)
    assert actors[1] is None


def test_armed_groups_are_rebels(resolve):
    assert resolve("Somali armed groups attacked the town.", "Somali armed groups").code == "SOMREB"


def test_administrators_are_government(resolve):
    assert resolve("The Kenyan administrators refused.", "The Kenyan administrators").code == "KENGOV"


def test_nominal_event_shares_its_verbs_purpose_clause(actor_nlp, actor_kb):
    text = "Kenyan nurses began a hunger strike on Friday to protest against Uganda's new tariff."
    actor = _fallback_target(actor_nlp, actor_kb, text, "strike", "nurses", None)
    assert actor is not None and actor.country == "UGA"


def test_participle_parsed_as_subject_yields_its_own_subject(actor_nlp):
    doc = actor_nlp("The Red Cross operating in Syria said the roads were closed.")
    assert subject_of(_token(doc, "said")).text == "Cross"


def test_named_groups_movement_is_the_group(resolve):
    actor = resolve("The radical Hamas movement rejected the offer.", "The radical Hamas movement")
    assert actor is not None and actor.code.startswith("PSE")


def test_civilians_with_no_country_take_the_country_they_are_hit_in(actor_nlp, actor_kb):
    text = "Rebels killed 14 civilians on Monday in Nairobi."
    actor = _fallback_target(actor_nlp, actor_kb, text, "killed", "Rebels", "civilians")
    assert actor.code == "KENCVL"


def test_undated_office_is_the_latest_by_start_date(resolve):
    actor = resolve("The Bush administration declared its support.", "The Bush administration", when=None)
    assert actor.code == "USAGOV"
