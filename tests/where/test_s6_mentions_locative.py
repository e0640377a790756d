"""Names the parse puts in a locative phrase are places whatever the NER label; seats beat districts."""

from __future__ import annotations

from tidings.where.locative import locative_object
from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer):
    return [(p.text, p.name, p.country, p.precision) for p in find_places(nlp(text), gazetteer)]


def test_town_the_model_misses_is_read_after_a_verb_and_in(nlp, gazetteer):
    found = places_in("Around 30 people demonstrated in Ebersberg against vaccine mandates.", nlp, gazetteer)
    assert [(text, country) for text, _, country, _ in found] == [("Ebersberg", "DEU")]


def test_adjective_between_preposition_and_name_keeps_the_cue(nlp, gazetteer):
    found = places_in("Farmers protested in central Gifhorn against the new rules.", nlp, gazetteer)
    assert [(text, country) for text, _, country, _ in found] == [("Gifhorn", "DEU")]


def test_small_swedish_town_after_in_is_found(nlp, gazetteer):
    found = places_in("Around 20 people demonstrated in Hofors.", nlp, gazetteer)
    assert [country for _, _, country, _ in found] == ["SWE"]


def test_possessor_after_in_is_not_a_locative_object(nlp):
    doc = nlp("In Jordan's view, the talks failed.")
    assert not locative_object(doc, doc[1:2])


def test_name_after_a_determiner_is_not_a_locative_object(nlp):
    doc = nlp("The interview appeared in the Guardian on Monday.")
    name = next(t for t in doc if t.text == "Guardian")
    assert not locative_object(doc, doc[name.i : name.i + 1])


def test_object_of_at_is_not_a_locative_object(nlp):
    doc = nlp("She studied at Harvard for four years.")
    name = next(t for t in doc if t.text == "Harvard")
    assert not locative_object(doc, doc[name.i : name.i + 1])


def test_locative_object_of_a_verb_through_a_direction_word(nlp):
    doc = nlp("Students rallied in northern Hofors.")
    name = next(t for t in doc if t.text == "Hofors")
    assert locative_object(doc, doc[name.i : name.i + 1])


def test_bare_name_of_a_district_seat_reads_as_the_seat(nlp, gazetteer):
    found = places_in("Fishermen protested in Kannur against the ban.", nlp, gazetteer)
    assert [(country, precision) for _, _, country, precision in found] == [("IND", "city")]


def test_district_kind_word_still_reads_as_the_district(nlp, gazetteer):
    found = places_in("Fishermen protested in Kannur district against the ban.", nlp, gazetteer)
    assert [(country, precision) for _, _, country, precision in found] == [("IND", "admin2")]
