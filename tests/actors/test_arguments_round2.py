"""Argument choice, round 2 (issue 5): places last, other clauses' parties, gerund and relative doers.

Hand-made sentences (none from the gold files or the seed article). They exercise
events/arguments.py, doers.subject_of and actors.resolve_target_or_fallback together.
"""

from __future__ import annotations

from tidings.events.arguments import named_parties, target_fallbacks
from tidings.events.doers import subject_of

from tests.actors.conftest import fallback_target as _fallback_target
from tests.actors.conftest import head_of
from tests.actors.conftest import token_of as _token




def test_a_party_named_beyond_the_place_beats_the_place(actor_nlp, actor_kb):
    text = "Thousands of students occupied squares in Caracas in defiance of Cuban advisers."
    actor = _fallback_target(actor_nlp, actor_kb, text, "occupied", "students", "squares")
    assert actor is not None and actor.country == "CUB"


def test_the_place_is_still_the_target_when_no_party_is_named(actor_nlp, actor_kb):
    text = "Rebels from Sudan burned villages in Chad last week."
    actor = _fallback_target(actor_nlp, actor_kb, text, "burned", "Rebels", "villages")
    assert actor is not None and actor.country == "TCD"


def test_parties_of_a_clause_with_its_own_subject_are_not_taken(actor_nlp):
    doc = actor_nlp("The minister spoke at length, while the Kenyan army shelled the border.")
    names = {t.text for t in named_parties(_token(doc, "spoke"), head_of(doc, "minister"))}
    assert "Kenyan" not in names and "army" not in names


def test_a_second_coordinated_predicate_has_parties_of_its_own(actor_nlp):
    doc = actor_nlp("The rebels announced a truce and then attacked Ugandan troops.")
    names = {t.text for t in named_parties(_token(doc, "announced"), head_of(doc, "rebels"))}
    assert "Ugandan" not in names and "troops" not in names


def test_a_condition_still_names_the_party_a_threat_aims_at(actor_nlp):
    doc = actor_nlp("Ankara threatened to act if Syria kept shelling the town.")
    names = {t.text for t in named_parties(_token(doc, "threatened"), head_of(doc, "Ankara"))}
    assert "Syria" in names


def test_a_gerund_after_by_is_done_by_the_verbs_subject(actor_nlp):
    doc = actor_nlp("Egypt retaliated by expelling the Libyan ambassador.")
    assert subject_of(_token(doc, "expelling")).text == "Egypt"


def test_plans_for_a_gerund_belong_to_who_asked_for_them(actor_nlp):
    doc = actor_nlp("The president requested plans for bombing the rebel bases.")
    doer = subject_of(_token(doc, "bombing"))
    assert doer is not None and doer.text == "president"


def test_an_owned_proposal_is_not_the_rejecters_act(actor_nlp):
    doc = actor_nlp("Chile rejected a Peruvian proposal for sharing the fishing grounds.")
    assert subject_of(_token(doc, "sharing")) is None


def test_the_quoted_person_is_the_one_saying(actor_nlp):
    doc = actor_nlp("The agency quoted a senior diplomat as saying that talks had failed.")
    assert subject_of(_token(doc, "saying")).text == "diplomat"


def test_an_option_weighed_in_a_claim_is_the_claimants(actor_nlp):
    doc = actor_nlp("French officials said that lifting the embargo was not possible.")
    assert subject_of(_token(doc, "lifting")).text == "officials"


def test_a_relative_clause_after_an_adjective_phrase_is_about_the_noun(actor_nlp):
    doc = actor_nlp("Police arrested gunmen loyal to the warlord, whose fighters had attacked the town.")
    doer = subject_of(_token(doc, "attacked"))
    assert doer is not None and doer.text == "gunmen"


def test_a_party_named_deep_in_a_purpose_clause_is_still_found(actor_nlp):
    text = "Farmers marched on Friday to renew their calls for fair prices from the Nigerian government."
    doc = actor_nlp(text)
    names = {t.text for t in named_parties(_token(doc, "marched"), head_of(doc, "Farmers"))}
    assert "government" in names or "Nigerian" in names


def test_a_nominal_event_reaches_less_far_into_its_verbs_other_clauses(actor_nlp):
    # Six arcs below "announced", inside its condition: too far from the ceasefire to be its target.
    doc = actor_nlp("The rebels announced a ceasefire, provided the army gave a date for the withdrawal of Chadian troops.")
    fallbacks = {doc[i].text for i in target_fallbacks(_token(doc, "ceasefire"), head_of(doc, "rebels"), None)}
    assert "troops" not in fallbacks and "Chadian" not in fallbacks


def test_a_second_verb_sharing_subject_and_object_names_the_recipient(actor_nlp, actor_kb):
    text = "Two French charities donated and delivered tons of food to Kabul University."
    actor = _fallback_target(actor_nlp, actor_kb, text, "donated", "charities", None)
    assert actor is not None and actor.code == "AFGEDU"


def test_a_second_verb_with_its_own_object_is_another_event(actor_nlp, actor_kb):
    text = "The Chilean army announced a truce and sent troops to Bolivia."
    actor = _fallback_target(actor_nlp, actor_kb, text, "announced", "army", "truce")
    assert actor is None or actor.country != "BOL"
