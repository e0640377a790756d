"""Implied doers (issue 5): who did an act the text names without a subject ("attributed to X").

Hand-made sentences, none from the gold files or the seed article.
"""

from __future__ import annotations

from tidings.events.arguments import condition_doers, implied_doers, stative_doer, target_fallbacks


def _token(doc, text: str):
    return next(t for t in doc if t.text == text)


def test_a_passive_agent_is_the_implied_doer(plain_nlp):
    doc = plain_nlp("The general promised a fierce response if soldiers are attacked by Chad.")
    assert [t.text for t in implied_doers(_token(doc, "attacked"))] == ["Chad"]


def test_an_act_blamed_on_a_party_was_done_by_it(plain_nlp):
    doc = plain_nlp("The premier ordered tough reprisal raids if any Britons were hurt in the bombings blamed on Syria.")
    assert [t.text for t in implied_doers(_token(doc, "bombings"))] == ["Syria"]


def test_a_victim_of_an_attributed_act_suffered_it_at_the_doers_hands(plain_nlp):
    doc = plain_nlp("The premier ordered tough reprisal raids if any Britons were hurt in the bombings blamed on Syria.")
    assert [t.text for t in implied_doers(_token(doc, "hurt"))] == ["Syria"]


def test_an_act_carried_out_by_a_party_was_done_by_it(plain_nlp):
    doc = plain_nlp("Ministers warned of retaliation if peacekeepers were killed in an assault carried out by Serbian militias.")
    assert [t.text for t in implied_doers(_token(doc, "assault"))] == ["militias"]


def test_an_act_with_no_doer_named_has_none(plain_nlp):
    doc = plain_nlp("The general promised a fierce response if soldiers are attacked in the valley.")
    assert implied_doers(_token(doc, "attacked")) == []


def test_the_doer_of_a_passive_condition_is_whom_the_threat_aims_at(plain_nlp):
    doc = plain_nlp("The general promised a fierce response if soldiers are attacked by Chad.")
    assert [t.text for t in condition_doers(_token(doc, "promised"))] == ["Chad"]


def test_a_nominal_reaction_modifying_a_noun_looks_to_its_verbs_condition(plain_nlp):
    doc = plain_nlp("The premier ordered tough reprisal raids if any Britons were hurt in the bombings blamed on Syria.")
    trigger, source = _token(doc, "reprisal"), _token(doc, "premier")
    fallbacks = [doc[i].text for i in target_fallbacks(trigger, source, None)]
    assert fallbacks[0] == "Syria" and fallbacks.index("Syria") < fallbacks.index("Britons")


def test_a_stance_stated_in_the_passive_is_its_subjects(plain_nlp):
    doc = plain_nlp("Norway is opposed to the new whaling quotas.")
    assert arguments_stative(doc, "opposed") == "Norway"


def test_a_true_passive_with_an_agent_is_no_stance(plain_nlp):
    doc = plain_nlp("The whaling quotas were opposed by Norway.")
    assert arguments_stative(doc, "opposed") is None


def test_a_passive_of_another_verb_is_no_stance(plain_nlp):
    doc = plain_nlp("Two villagers were killed near the border.")
    assert arguments_stative(doc, "killed") is None


def arguments_stative(doc, verb: str) -> str | None:
    doer = stative_doer(_token(doc, verb))
    return None if doer is None else doer.text
