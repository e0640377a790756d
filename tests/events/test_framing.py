"""Nominal events framed by their clause: "under pressure from", promised reactions."""

from __future__ import annotations

from tidings.events.modality import ModalityCues, candidate_modality


def test_under_pressure_from_makes_the_presser_demand_of_the_subject(coder):
    found = coder("The Serbian premier remains under pressure from Brussels to hand over the suspects.")
    assert found["pressure"] == ("100", "Brussels", "premier")


def test_under_attack_from_names_the_attacked_party(coder):
    found = coder("The convoy came under attack by rebels near the border.")
    assert found["attack"][1:] == ("rebels", "convoy")


def test_under_pressure_alone_names_no_presser(coder):
    found = coder("Under pressure, the cabinet resigned on Monday.")
    assert found.get("pressure", ("", None, None))[1] is None


def test_pressure_on_a_party_is_a_demand_of_it(coder):
    found = coder("Pressure from Washington on Caracas grew last week.")
    assert found["Pressure"] == ("100", "Washington", "Caracas")


def test_a_promised_crushing_response_to_a_move_is_the_speakers_threat(coder):
    found = coder("A Turkish minister said any Greek attack on Turkey would meet a crushing response.")
    code, source, target = found["response"]
    assert code == "138"
    assert source == "minister"
    assert target == "Greek"


def test_a_warning_inherits_its_speaker_through_coordination(coder):
    found = coder("Athens said it was calm, but warned that any attack by Ankara would draw a devastating response.")
    assert found["response"] == ("138", "Athens", "Ankara")


def test_a_threatened_response_is_one_threat_not_two(coder):
    found = coder("The rebels threatened a devastating response if the army advanced.")
    assert found["threatened"][0].startswith("13")
    assert "response" not in found


def test_a_promised_strong_response_to_a_crisis_is_no_threat(coder):
    found = coder("The bloc promised a strong response to the flooding.")
    assert "response" not in found


def test_without_a_speaker_the_party_attacked_promises_the_response(coder):
    found = coder("Any Russian move against Finland would trigger a military response.")
    assert found["response"] == ("138", "Finland", "Russian")


def test_a_conditional_devastating_response_is_a_threat_by_who_would_order_it(coder):
    found = coder("The general said he was ready to order a devastating response if rebels shelled the base.")
    assert found["response"] == ("138", "he", "rebels")


def test_a_reported_response_that_happened_is_no_threat(coder):
    found = coder("The army's crushing response left dozens of rebels dead.")
    assert "response" not in found


def test_a_promised_reaction_is_an_asserted_threat(plain_nlp):
    doc = plain_nlp("Any Russian move against Finland would trigger a military response.")
    response = next(t for t in doc if t.text == "response")
    cues = ModalityCues.load()
    assert candidate_modality(response, cues, promised=True)[0] == "asserted"
