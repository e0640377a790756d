"""Resolving one noun phrase: compounds, of-phrases, appositions, metonymy, dated roles, spans."""

from __future__ import annotations

from datetime import date

import pytest


def code(actor):
    return actor.code if actor else None


def test_demonym_title_and_name_give_the_persons_dated_code(resolve):
    actor = resolve("Iraqi Prime Minister Mustafa al-Kadhimi met the envoy.", "Kadhimi", date(2021, 3, 1))
    assert (actor.code, actor.name) == ("IRQGOV", "Mustafa al-Kadhimi")


def test_country_with_plural_role_noun(resolve):
    assert code(resolve("US officials rejected the plan.", "officials")) == "USAGOV"


def test_group_of_resolves_to_its_members(resolve):
    assert code(resolve("A group of Syrian rebels seized the town.", "group")) == "SYRREB"


def test_spokesman_for_a_named_group_speaks_as_the_group(resolve):
    actor = resolve("A spokesman for Kataib Hezbollah denied the report.", "spokesman")
    assert (actor.code, actor.name) == ("IRQREB", "Kataib Hezbollah")


def test_role_noun_of_a_named_organisation_takes_its_code(resolve):
    text = "He was named commander of the Iranian Revolutionary Guard last year."
    assert code(resolve(text, "commander")) == "IRNMIL"


def test_apposition_codes_a_person_the_kb_does_not_know(resolve):
    actor = resolve("Ahmed Karimi, commander of the Iranian navy, visited Muscat.", "Ahmed Karimi")
    assert (actor.code, actor.name) == ("IRNMIL", "Ahmed Karimi")


def test_compound_role_nouns_with_a_demonym(resolve):
    assert code(resolve("An Iranian government spokesman said talks would resume.", "spokesman")) == "IRNGOV"


def test_capital_as_subject_is_the_government(resolve):
    assert code(resolve("Washington warned of sanctions.", "Washington")) == "USAGOV"


def test_seat_of_government_is_the_government(resolve):
    assert code(resolve("The Kremlin denied the report.", "Kremlin")) == "RUSGOV"


def test_capital_after_a_locative_preposition_is_the_country(resolve):
    assert code(resolve("Protests spread in Baghdad on Friday.", "Baghdad")) == "IRQ"


def test_definite_plural_demonym_is_the_country(resolve):
    assert code(resolve("The rockets struck a base used by the Americans.", "Americans")) == "USA"


def test_the_government_with_a_demonym(resolve):
    assert code(resolve("The Iraqi government ordered an inquiry.", "government")) == "IRQGOV"


def test_possessive_pronoun_gives_a_role_noun_the_owners_country(resolve):
    text = "President Donald Trump met his advisers on Monday."
    assert code(resolve(text, "his advisers")) == "USAGOV"


def test_possessor_country_gives_a_role_noun_its_country(resolve):
    assert code(resolve("Iran's foreign minister flew to Oman.", "minister")) == "IRNGOV"


def test_named_person_modifying_a_group_noun(resolve):
    assert code(resolve("The Trump administration imposed tariffs.", "administration")) == "USAGOV"


def test_named_group_modifying_a_proxy_noun(resolve):
    assert code(resolve("A Taliban commander spoke to reporters.", "commander")) == "AFGREBTAL"


def test_former_makes_an_office_holder_an_elite(resolve):
    assert code(resolve("Former President Barack Obama spoke.", "Obama")) == "USAELI"


def test_backed_by_a_country_is_not_of_that_country(resolve):
    actor = resolve("Iranian-backed militias fired rockets.", "militias")
    assert (actor.code, actor.country) == ("REB", None)


def test_led_by_a_country_is_of_that_country(resolve):
    assert code(resolve("U.S.-led forces withdrew.", "forces")) == "USAMIL"


def test_in_a_country_locates_a_non_state_group(resolve):
    assert code(resolve("Militants in Syria claimed the attack.", "Militants")) == "SYRREB"


def test_known_group_codes_for_igos(resolve):
    codes = [code(a) for a in resolve.all("The United Nations and NATO met the IAEA.",
                                          ["United Nations", "NATO", "IAEA"])]
    assert codes == ["IGOUNO", "IGOWSTNAT", "IGOUNOIAE"]


def test_news_outlet_is_media(resolve):
    assert code(resolve("The Washington Post reported the talks.", "Post")) == "USAMED"


def test_wire_service_is_media_without_a_country(resolve):
    actor = resolve("Reuters reported the talks.", "Reuters")
    assert (actor.code, actor.country, actor.role) == ("MED", None, "MED")


@pytest.mark.parametrize("text, phrase", [("Trump asked for options.", "options"),
                                          ("Moderation is the best path.", "Moderation"),
                                          ("Missiles struck Iran's main nuclear site.", "site")])
def test_phrase_without_an_actor_is_none(resolve, text, phrase):
    assert resolve(text, phrase) is None


def test_relative_clause_is_not_read(resolve):
    # The delegation's role default stands; "Iranian officials" inside the clause is not its country.
    actor = resolve("The delegation, which Iranian officials led, arrived.", "delegation")
    assert (actor.code, actor.country) == ("GOV", None)


def test_head_outside_a_relative_clause_keeps_its_own_span(resolve):
    text = "Washington, which is cutting its forces in Iraq, threatened to act."
    actor = resolve(text, "Washington")
    assert (actor.code, actor.text, actor.start, actor.end) == ("USAGOV", "Washington", 0, 10)


def test_span_covers_the_phrase_and_its_of_object(resolve):
    text = "Later, a spokesman for Hamas rejected the offer."
    actor = resolve(text, "spokesman")
    assert actor.text == "a spokesman for Hamas" == text[actor.start:actor.end]


def test_part_of_a_longer_persons_name_is_not_the_kb_person(resolve):
    assert resolve("Sharon Stone attended the gala.", "Sharon Stone") is None


def test_dated_role_follows_the_article_date(resolve):
    text = "Donald Trump criticized the deal."
    assert code(resolve(text, "Trump", date(2018, 5, 1))) == "USAGOV"
    assert code(resolve(text, "Trump", date(2015, 5, 1))) == "USAELI"


def test_undated_title_picks_the_office(resolve):
    assert code(resolve("President Donald Trump criticized the deal.", "Trump", when=None)) == "USAGOV"


def test_dated_code_of_a_group(resolve):
    text = "The Taliban announced a new cabinet."
    assert code(resolve(text, "Taliban", date(2021, 9, 7))) == "AFGGOVTAL"
    assert code(resolve(text, "Taliban", date(2010, 9, 7))) == "AFGREBTAL"


def test_plain_people_without_a_country_are_no_actor_even_with_an_agent_cue(resolve):
    assert resolve("The girls left the school early.", "The girls") is None


def test_plain_people_with_a_country_are_its_civilians(resolve):
    assert resolve("Kenyan women marched in Nairobi.", "Kenyan women").code.startswith("KEN")


def test_counted_nationals_are_civilians(resolve):
    assert resolve("Police detained 40 Nigerians at the border.", "40 Nigerians").code == "NGACVL"


def test_the_nationals_without_a_count_stay_the_country(resolve):
    assert resolve("The Nigerians rejected the offer.", "The Nigerians").code == "NGA"


def test_military_aircraft_are_the_military(resolve):
    assert resolve("Turkish warplanes struck the camp.", "Turkish warplanes").code == "TURMIL"


def test_a_name_with_an_of_phrase_is_read_whole(resolve):
    text = "The Organization of African Unity condemned the coup."
    assert resolve(text, "The Organization of African Unity").code.startswith("IGO")


def test_a_generic_noun_is_no_imported_name(resolve):
    assert resolve("The Organization held a meeting in March.", "The Organization") is None


def test_a_negotiator_speaks_for_the_government(resolve):
    assert resolve("The Kenyan negotiator left the talks early.", "Kenyan negotiator").code == "KENGOV"


def test_a_rebel_negotiator_speaks_for_the_rebels(resolve):
    assert resolve("A rebel negotiator left the talks early.", "rebel negotiator").role == "REB"
