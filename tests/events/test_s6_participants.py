"""Doers the parse hides: predicates misparsed as participles, shared passive agents, "between" sides."""

from __future__ import annotations


def test_a_predicate_misparsed_as_a_participle_of_its_subject_has_that_subject_as_doer(coder):
    code, source, _ = coder("About 300 nurses protested in Leeds over unpaid overtime.")["protested"]
    assert code.startswith("14") and source == "nurses"


def test_a_misattached_predicate_takes_the_head_of_the_whole_subject_phrase(coder):
    source = coder("On Monday, dozens of teachers at the Riverside primary school protested in Leeds.")["protested"][1]
    assert source == "teachers"


def test_a_passive_participle_after_a_noun_does_not_make_the_noun_the_doer(coder):
    assert coder("A list of civilians killed in the raid near Jos.")["killed"][1] is None


def test_an_active_participle_of_a_subject_phrase_is_done_by_that_subject(coder):
    assert coder("Around 200 nurses, demanding higher pay, in Leeds.")["demanding"][1] == "nurses"


def test_a_participle_describing_an_object_is_no_act_of_the_object(coder):
    assert coder("Rebels blocked the roads leading to the capital.").get("leading", ("", None))[1] is None


def test_a_passive_agent_is_shared_by_the_earlier_coordinated_passive(coder):
    events = coder("A shopkeeper was stabbed and robbed by three masked men in Kano.")
    assert events["stabbed"][1] == "men"


def test_a_coordinated_passive_shares_the_first_ones_subject_as_target(coder):
    events = coder("A shopkeeper was stabbed and beaten by three masked men in Kano.")
    assert events["beaten"][1:] == ("men", "shopkeeper")


def test_a_new_subject_stops_the_agent_from_being_shared(coder):
    events = coder("A farmer was arrested and his son was beaten by soldiers.")
    assert events["arrested"][1] is None


def test_clashes_between_two_sides_code_the_first_as_source_and_the_second_as_target(coder):
    code, source, target = coder("Clashes erupted between Somali troops and al-Shabaab militants.")["Clashes"]
    assert code.startswith("19") and (source, target) == ("troops", "militants")


def test_the_sides_of_a_clash_may_hang_off_the_verb_that_reports_it(coder):
    assert coder("Fighting broke out between the rebels and the army near Goma.")["Fighting"][1:] == (
        "rebels", "army")


def test_coordinated_modifiers_name_the_two_sides(coder):
    assert coder("Heavy clashes took place between Armenian and Azerbaijani forces.")["clashes"][1:] == (
        "Armenian", "Azerbaijani")


def test_an_exchange_of_fire_between_two_sides_is_small_arms_fighting(coder):
    code, source, target = coder("An exchange of fire between police and bandits was reported in Zamfara.")["exchange"]
    assert code == "193" and (source, target) == ("police", "bandits")


def test_every_passive_in_a_chain_shares_the_last_agent_and_the_first_subject(coder):
    events = coder("A trader was kidnapped, tortured and shot by four armed men.")
    assert events["kidnapped"][1:] == ("men", "trader")
    assert events["tortured"][1:] == ("men", "trader")
    assert events["shot"][1:] == ("men", "trader")


def test_a_predicate_under_a_sentence_parsed_as_one_prepositional_phrase_has_its_subject(coder):
    source = coder("On 3 April, relatives and neighbours of a missing fisherman protested in Durban.")["protested"][1]
    assert source in ("relatives", "neighbours")


def test_the_sides_of_a_clash_may_hang_off_a_verb_parsed_as_its_modifier(coder):
    assert coder("A clash ensued between supporters of the mayor and farmers near the market.")["clash"][1:] == (
        "supporters", "farmers")


def test_a_subject_folded_into_the_opening_date_phrase_is_the_doer(coder):
    # Parsed with "croupiers" as a conjunct of "May".
    assert coder("On 12 May, croupiers and waiters at the Casino de Quebec walked out and held a demonstration.")[
        "held"][1] == "croupiers"


def test_a_subject_folded_into_the_opening_place_phrase_is_the_doer(coder):
    # Parsed with "teachers" as an apposition of "Tula".
    assert coder("On 3 June, in Tula, Hidalgo, around hundred teachers from the state union held a march.")[
        "held"][1] == "teachers"


def test_a_main_verb_with_no_subject_anywhere_stays_without_doer(coder):
    assert coder("On 2 March, in Leeds, staged a protest outside the hospital.").get("staged", ("", None))[1] is None
