"""Longer names the tagger cuts short, and names inside other names."""

from __future__ import annotations

from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer, **options):
    return find_places(nlp(text), gazetteer, **options)


def test_name_grows_over_a_connector_when_the_longer_name_is_known(nlp, gazetteer):
    text = "On Friday, in Santa Cruz do Capibaribe (Pernambuco), teachers marched."
    first = places_in(text, nlp, gazetteer)[0]
    assert (first.text, first.country) == ("Santa Cruz do Capibaribe", "BRA")


def test_hyphenated_long_name_after_in_reads_a_village(nlp, gazetteer):
    text = "Around 30 teachers demonstrated in Villeneuve-sur-Yonne on Tuesday."
    assert [(p.text, p.country) for p in places_in(text, nlp, gazetteer)] == [("Villeneuve-sur-Yonne", "FRA")]


def test_place_name_modifying_another_place_name_is_literal(nlp, gazetteer):
    text = "On Friday, in Culiacan Rosales, Sinaloa, health workers demonstrated."
    # Found as "Culiacan" (a name modifying "Rosales") or, grown, as the city's full name.
    found = [(p.text, p.name) for p in places_in(text, nlp, gazetteer)]
    assert any(mention.startswith("Culiacan") and name == "Culiacán" for mention, name in found)


def test_demonym_names_its_country_only_for_every_use(nlp, gazetteer):
    text = "A Norwegian research vessel joined the search."
    assert places_in(text, nlp, gazetteer) == []
    found = places_in(text, nlp, gazetteer, literal_only=False)
    assert [(p.text, p.country) for p in found] == [("Norwegian", "NOR")]


def test_place_inside_an_organisation_name_is_found_for_every_use(nlp, gazetteer):
    text = "He sued the Toronto Police Services Board last year."
    assert places_in(text, nlp, gazetteer) == []
    found = places_in(text, nlp, gazetteer, literal_only=False)
    assert [(p.text, p.country) for p in found] == [("Toronto", "CAN")]


def test_name_inside_a_longer_unknown_name_is_not_taken(nlp, gazetteer):
    text = "Exports to Latin America rose, the North American Free Trade Agreement officials said."
    found = places_in(text, nlp, gazetteer, literal_only=False)
    assert all(p.country != "USA" for p in found)
