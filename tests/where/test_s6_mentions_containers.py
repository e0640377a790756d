"""Containers after a kind word ("X town, Y"), kind words inside a name, same-named containers."""

from __future__ import annotations

from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer):
    return [(p.text, p.country, p.admin1, p.precision) for p in find_places(nlp(text), gazetteer)]


def test_region_after_town_and_comma_places_the_town(nlp, gazetteer):
    found = places_in("Villagers staged a protest in Belen town, Diyarbakir over the water cuts.", nlp, gazetteer)
    assert found[0][:3] == ("Belen", "TUR", "Diyarbakir")


def test_region_after_town_beats_a_bigger_namesake_in_the_same_country(nlp, gazetteer):
    found = places_in("Villagers staged a protest in Ortaca town, Mardin against the dam.", nlp, gazetteer)
    assert found[0][:3] == ("Ortaca", "TUR", "Mardin")


def test_region_in_brackets_after_town_places_the_town(nlp, gazetteer):
    found = places_in("Farmers marched in Kemer town (Burdur) on Monday.", nlp, gazetteer)
    assert found[0][:3] == ("Kemer", "TUR", "Burdur")


def test_city_word_inside_the_entity_asks_for_the_city(nlp, gazetteer):
    found = places_in("Workers blocked roads in Kathua city on Monday.", nlp, gazetteer)
    assert found[0][1:] == ("IND", "Kashmir", "city")


def test_same_named_container_does_not_pull_the_city_to_a_namesake_region(nlp, gazetteer):
    found = places_in("Doctors held a sit-in in Rabat (Rabat, Rabat-Sale-Kenitra) on Monday.", nlp, gazetteer)
    assert found[0][:2] == ("Rabat", "MAR")


def test_same_named_region_alone_still_picks_the_city_in_it(nlp, gazetteer):
    found = places_in("Fans gathered in Merida (Merida) after the match.", nlp, gazetteer)
    assert found[0][:2] == ("Merida", "VEN")
