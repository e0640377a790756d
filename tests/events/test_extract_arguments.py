"""Extraction of who did what to whom: themes inside measures, passives, compounds, misparsed predicates."""

from __future__ import annotations

from tidings.events.themes import theme_words


def test_a_measure_of_goods_is_read_through_to_the_goods(plain_nlp):
    doc = plain_nlp("The charity handed over 300 tonnes of food to the refugees.")
    tonnes = next(t for t in doc if t.text == "tonnes")
    assert "food" in theme_words(tonnes)


def test_handing_over_medicine_by_the_tonne_is_humanitarian_aid_to_the_recipient(coder):
    assert coder("The charity handed over 300 tonnes of food to the refugees.")["handed"] == (
        "073", "charity", "refugees")


def test_suspending_part_of_an_aid_package_is_cutting_aid(coder):
    code, source, target = coder("Germany suspended part of an economic aid package to Tunisia.")["suspended"]
    assert code.startswith("16") and (source, target) == ("Germany", "Tunisia")


def test_a_plain_object_is_not_read_as_a_container(plain_nlp):
    doc = plain_nlp("The two sides signed an arms deal.")
    deal = next(t for t in doc if t.text == "deal")
    assert theme_words(deal) == {"deal"}


def test_a_counted_passive_subject_is_the_counted_group(coder):
    assert coder("Half of the rebel fighters were demobilized last year.")["demobilized"][2] == "fighters"


def test_a_passive_without_agent_does_not_borrow_the_main_clause_subject(coder):
    events = coder("The president vowed revenge if any soldiers were killed.")
    assert events["killed"][1] is None
    assert events["vowed"][1] == "president"


def test_the_complement_of_a_passive_control_verb_is_done_by_its_subject(coder):
    assert coder("Iraq was forced to withdraw its troops from the border.")["withdraw"][1] == "Iraq"


def test_an_event_noun_modifying_a_mission_takes_the_mission_actors(coder):
    events = coder("The envoy undertook a mediation mission between the two factions.")
    assert events["mediation"] == ("045", "envoy", "factions")


def test_the_object_modifier_of_a_coded_verb_is_no_second_event(coder):
    events = coder("Brazil halted mediation efforts between the two sides.")
    assert events["halted"][0] == "165"
    assert "mediation" not in events


def test_an_event_noun_modifying_a_group_name_is_no_event(coder):
    assert "aid" not in coder("Local aid groups distributed food in the camp.")


def test_a_predicate_misparsed_as_a_participle_takes_the_noun_as_its_doer(coder):
    # The parser reads "donated" as a participle of "charities" (the sentence root is a noun); the
    # doer is the head of the whole subject phrase ("tens of doctors at the hospital protested" is
    # done by the doctors, not the hospital).
    events = coder("Volunteers from three British charities donated and delivered tons of blankets to the camp.")
    assert events["donated"][:2] == ("070", "Volunteers")
    assert events["delivered"] == ("073", "Volunteers", "camp")


def test_a_real_participle_phrase_is_not_a_predicate(coder):
    events = coder("The troops deployed in the north were attacked by rebels.")
    assert events.get("deployed", (None, None))[1] != "troops"


def test_reiterating_a_demand_is_a_demand(coder):
    assert coder("The union reiterated its demand that the company raise wages.")["reiterated"][0] == "100"


def test_blowing_up_a_structure_destroys_property_but_a_bus_is_a_bombing(coder):
    assert coder("Rebels blew up two bridges near the capital.")["blew"][0] == "1712"
    assert coder("Rebels blew up a crowded bus near the capital.")["blew"][0] == "183"


def test_setting_fire_to_offices_destroys_property(coder):
    assert coder("Settlers set fire to the offices of the local council.")["set"][0] == "1712"
