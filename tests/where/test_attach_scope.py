"""event_place: narrowing words inside a locative chain, and an actor's country that is no place."""

from __future__ import annotations

from tidings.where.attach import event_place
from tidings.where.resolve import find_places


def place_of(text, word, nlp, gazetteer, actors=()):
    doc = nlp(text)
    span = (0, len(text))
    trigger = next(t.i for t in doc if t.text == word)
    return event_place(find_places(doc, gazetteer), span, span, list(actors), None, doc=doc,
                       trigger=trigger, gazetteer=gazetteer)


def test_narrowing_word_keeps_the_locative_chain(nlp, gazetteer):
    text = "Hundreds rallied outside the CNN Center in downtown Atlanta against the war in Ukraine."
    assert place_of(text, "rallied", nlp, gazetteer, actors=["UKR"]).name == "Atlanta"


def test_actor_country_gives_way_to_a_town_the_sentence_names(nlp, gazetteer):
    text = "Three men beat up a man in a bar of Torrevieja over the invasion of Ukraine."
    assert place_of(text, "beat", nlp, gazetteer, actors=["UKR"]).name == "Torrevieja"


def test_actor_country_still_places_an_event_when_nothing_finer_is_named(nlp, gazetteer):
    text = "Officials said the army would punish Ukraine."
    assert place_of(text, "punish", nlp, gazetteer, actors=["UKR"]).country == "UKR"
