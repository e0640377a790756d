"""The town tier: villages below the city floor, read only with a locative cue or container."""

from __future__ import annotations

from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer):
    return find_places(nlp(text), gazetteer)


def test_town_table_is_loaded(gazetteer):
    towns = gazetteer.lookup_towns("Plourin-les-Morlaix")
    assert towns and towns[0].country == "FRA" and towns[0].source == "town"


def test_village_with_a_locative_cue_is_found(nlp, gazetteer):
    found = places_in("Around 80 health workers demonstrated in Plourin-les-Morlaix.", nlp, gazetteer)
    assert [(p.text, p.name, p.country) for p in found] == [
        ("Plourin-les-Morlaix", "Plourin-lès-Morlaix", "FRA")]


def test_region_after_the_village_picks_the_right_namesake(nlp, gazetteer):
    found = places_in("Russian forces fired artillery on Ivanivka, Kherson.", nlp, gazetteer)
    village = found[0]
    assert (village.text, village.country, village.admin1) == ("Ivanivka", "UKR", "Kherson")


def test_village_contradicted_by_its_region_is_dropped(nlp, gazetteer):
    # The only Sokolivka in the table lies in Ivano-Frankivsk, not in Kharkiv oblast.
    found = places_in("Russian forces shelled civilian infrastructure in Sokolivka, Kharkiv.", nlp, gazetteer)
    assert "Sokolivka" not in [p.text for p in found]


def test_region_in_the_local_language_contains_the_city(nlp, gazetteer):
    found = places_in("Activists staged a protest in Sevilla (Andalucia).", nlp, gazetteer)
    assert (found[0].name, found[0].country) == ("Sevilla", "ESP")


def test_same_named_city_abroad_does_not_act_as_container(nlp, gazetteer):
    found = places_in("Transport workers gathered in Rome (Roma, Lazio) to protest.", nlp, gazetteer)
    assert found[0].country == "ITA"


def test_country_named_like_its_people_is_a_place(nlp, gazetteer):
    found = places_in("Police beat a civilian to death in Djibouti.", nlp, gazetteer)
    assert [p.country for p in found] == ["DJI"]


def test_name_also_in_a_group_name_is_a_place_after_in(nlp, gazetteer):
    text = "Hundreds gathered in Leeds. Members of Sisters Uncut Leeds attended."
    assert "Leeds" in [p.text for p in places_in(text, nlp, gazetteer)]

