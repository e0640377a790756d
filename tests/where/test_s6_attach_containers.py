"""event_place: the finest named place of a container chain wins, in the event's sentence or an earlier one."""

from __future__ import annotations

from tidings.where.attach import event_place
from tidings.where.resolve import find_places


def place_of(text, word, nlp, gazetteer, actors=()):
    doc = nlp(text)
    sentence = next(s for s in doc.sents if any(t.text == word for t in s))
    span = (sentence.start_char, sentence.end_char)
    trigger = next(t.i for t in doc if t.text == word)
    return event_place(find_places(doc, gazetteer), span, span, list(actors), None, doc=doc,
                       trigger=trigger, gazetteer=gazetteer)


def test_bracket_closed_before_of_names_a_container(nlp, gazetteer):
    text = "Drones struck a farm in Bamerne area (Al Amadiya district) of Duhok province."
    place = place_of(text, "struck", nlp, gazetteer)
    assert (place.name, place.precision) == ("Al Amadiya", "admin2")


def test_later_sentence_takes_the_finest_place_of_the_earlier_chain(nlp, gazetteer):
    text = ("On Monday, soldiers clashed with rebels near Pyin Oo village (Pyinoolwin "
            "district, Mandalay region). The troops then burned forty houses.")
    place = place_of(text, "burned", nlp, gazetteer)
    assert (place.name, place.precision) == ("Pyinoolwin", "admin2")


def test_a_bracket_after_a_country_names_no_container_of_it(nlp, gazetteer):
    text = ("On Monday, police detained a trader near the border between Rwanda and Uganda (Gicumbi, "
            "Northern). He was taken to an unknown place.")
    assert place_of(text, "taken", nlp, gazetteer).precision != "country"
