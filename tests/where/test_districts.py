"""Second-level regions (admin2.tsv.gz): read with context only, as containers or named with
their kind word."""

from __future__ import annotations

from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer, **options):
    return find_places(nlp(text), gazetteer, **options)


def test_district_is_keyed_without_its_kind_word(gazetteer):
    readings = gazetteer.lookup_towns("Kachhi")
    assert any(c.precision == "admin2" and c.country == "PAK" for c in readings)


def test_district_is_not_read_from_a_bare_name(gazetteer):
    assert all(c.precision != "admin2" for c in gazetteer.lookup("Kachhi"))


def test_unknown_village_falls_back_to_its_district(nlp, gazetteer):
    text = "APCLS fighters fought the army in Kanii village (Masisi, Nord-Kivu)."
    places = places_in(text, nlp, gazetteer)
    assert [(p.text, p.precision, p.country) for p in places][0] == ("Masisi", "admin2", "COD")


def test_district_named_with_its_kind_word_is_read(nlp, gazetteer):
    text = "Militants attacked a checkpoint in Kachhi district on Tuesday."
    assert [(p.precision, p.country) for p in places_in(text, nlp, gazetteer)] == [("admin2", "PAK")]


def test_kind_word_licenses_a_village_reading(nlp, gazetteer):
    text = "Teachers gathered outside the Ayolas town hall on Monday."
    assert [(p.text, p.country) for p in places_in(text, nlp, gazetteer)] == [("Ayolas", "PRY")]


def test_unambiguous_big_city_places_the_name_before_it_in_its_region(nlp, gazetteer):
    text = "Houthi forces shelled residential areas east of Hays city (Hays, Al Hudaydah)."
    first = places_in(text, nlp, gazetteer)[0]
    assert first.country == "YEM"
