"""event_place with the parse: tied places, discourse places, dominant place, actor country."""

from __future__ import annotations

from tidings.where.attach import ACTOR_COUNTRY, event_place
from tidings.where.resolve import find_places


def _sentence_span(doc, index):
    sentence = list(doc.sents)[index]
    return sentence.start_char, sentence.end_char


def _trigger(doc, word):
    return next(t.i for t in doc if t.text == word)


def place_of(text, word, nlp, gazetteer, sentence=0, actors=(), inherited=None):
    doc = nlp(text)
    places = find_places(doc, gazetteer)
    span = _sentence_span(doc, sentence)
    return event_place(places, span, span, list(actors), inherited, doc=doc,
                       trigger=_trigger(doc, word), gazetteer=gazetteer)


def test_locative_place_beats_a_country_named_as_a_cause(nlp, gazetteer):
    text = "About 200 people protested in Nagoya against the invasion of Ukraine."
    assert place_of(text, "protested", nlp, gazetteer).name == "Nagoya"


def test_locative_chain_reaches_the_region_after_an_unknown_village(nlp, gazetteer):
    text = "Fighters attacked a checkpoint near Zxqvillage, Idlib province."
    chosen = place_of(text, "attacked", nlp, gazetteer)
    assert (chosen.country, chosen.admin1) == ("SYR", "Idlib")


def test_object_of_the_event_verb_is_its_place(nlp, gazetteer):
    text = "Ismail Qaani visited Baghdad."
    assert place_of(text, "visited", nlp, gazetteer).name == "Baghdad"


def test_later_sentence_takes_the_place_of_the_sentence_before(nlp, gazetteer):
    text = "On Monday, around 120 people demonstrated in Siegburg. Police arrested two of them."
    chosen = place_of(text, "arrested", nlp, gazetteer, sentence=1)
    assert chosen.name == "Siegburg"


def test_discourse_place_beats_a_country_the_sentence_names_as_a_topic(nlp, gazetteer):
    text = "Around 60 persons demonstrated in Quimper. They denounced the invasion of Ukraine."
    chosen = place_of(text, "denounced", nlp, gazetteer, sentence=1)
    assert (chosen.name, chosen.country) == ("Quimper", "FRA")


def test_weak_on_tie_loses_to_in(nlp, gazetteer):
    text = "Protesters gathered in Kuwait City against the raids on the Al Aqsa Mosque."
    assert place_of(text, "gathered", nlp, gazetteer).name == "Kuwait City"


def test_actor_country_is_the_last_resort_and_says_so(nlp, gazetteer):
    chosen = place_of("The army arrested two men.", "arrested", nlp, gazetteer, actors=["MLI"])
    assert (chosen.country, chosen.precision, chosen.text) == ("MLI", ACTOR_COUNTRY, "")


def test_no_place_and_no_actor_country_is_none(nlp, gazetteer):
    assert place_of("Somebody arrested two men.", "arrested", nlp, gazetteer) is None


def test_placeless_sentence_after_a_country_and_its_city_takes_the_country(nlp, gazetteer):
    # The earlier sentence names Chile and Santiago in it; the later one may be about either.
    text = ("The ministry, which is cutting its staff in Chile, threatened to close its office in "
            "Santiago. Officials say the staff will drop to 200 by March.")
    chosen = place_of(text, "drop", nlp, gazetteer, sentence=1)
    assert (chosen.country, chosen.precision) == ("CHL", "country")


def test_placeless_sentence_after_a_single_city_keeps_the_city(nlp, gazetteer):
    text = "Around 80 farmers marched in Temuco. Police detained three of them."
    chosen = place_of(text, "detained", nlp, gazetteer, sentence=1)
    assert chosen.name == "Temuco"
