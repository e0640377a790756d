"""event_place: a place the event is about (purpose, cause, stance object) yields to where it is held."""

from __future__ import annotations

from tidings.where.attach import event_place
from tidings.where.resolve import find_places
from tidings.where.topic import is_topic


def place_of(text, word, nlp, gazetteer, actors=(), inherited=None):
    doc = nlp(text)
    sentence_start = next(s for s in doc.sents if any(t.text == word for t in s))
    span = (sentence_start.start_char, sentence_start.end_char)
    trigger = next(t.i for t in doc if t.text == word)
    return event_place(find_places(doc, gazetteer), span, span, list(actors), inherited, doc=doc,
                       trigger=trigger, gazetteer=gazetteer)


def test_purpose_clause_place_yields_to_an_untied_town(nlp, gazetteer):
    text = "Nurses assembled on the steps of the hospital of Grenoble to denounce the bombings in Syria."
    assert place_of(text, "assembled", nlp, gazetteer, actors=["SYR"]).name == "Grenoble"


def test_stance_object_place_yields_to_the_earlier_scene(nlp, gazetteer):
    text = "About 80 people marched in Nantes on Sunday. They condemned the shelling of Kharkiv."
    assert place_of(text, "condemned", nlp, gazetteer, actors=["UKR"]).name == "Nantes"


def test_topic_preposition_place_yields_to_an_untied_town(nlp, gazetteer):
    text = "Farmers rallied with tractors on the ring road of Paris against the fires in Brazil."
    assert place_of(text, "rallied", nlp, gazetteer, actors=["BRA"]).name == "Paris"


def test_topic_place_still_places_an_event_with_no_other_place(nlp, gazetteer):
    text = "Students rallied to condemn the war in Yemen."
    assert place_of(text, "rallied", nlp, gazetteer).country == "YEM"


def test_place_of_the_event_noun_itself_is_no_topic(nlp, gazetteer):
    doc = nlp("They denounced the invasion of Ukraine.")
    invasion = next(t for t in doc if t.text == "invasion")
    ukraine = next(t for t in doc if t.text == "Ukraine")
    assert not is_topic(ukraine, invasion)
    assert is_topic(ukraine, next(t for t in doc if t.text == "denounced"))


def test_participle_modifier_keeps_its_place(nlp):
    doc = nlp("Rebels attacked soldiers stationed in Kidal.")
    kidal = next(t for t in doc if t.text == "Kidal")
    assert not is_topic(kidal, next(t for t in doc if t.text == "attacked"))


def test_air_battle_over_a_town_is_there(nlp):
    doc = nlp("Jets fought over Mariupol.")
    town = next(t for t in doc if t.text == "Mariupol")
    assert not is_topic(town, next(t for t in doc if t.text == "fought"))


def test_strike_over_something_in_a_town_is_about_it(nlp):
    doc = nlp("Dockers struck over the closure of the port in Antwerp.")
    town = next(t for t in doc if t.text == "Antwerp")
    assert is_topic(town, next(t for t in doc if t.text == "struck"))


def test_gathering_for_a_rally_keeps_the_rally_place(nlp, gazetteer):
    text = "Parents gathered for a vigil at the Lincoln Memorial Church in Tacoma against school shootings."
    assert place_of(text, "gathered", nlp, gazetteer).name == "Tacoma"


def test_infinitive_complement_is_no_purpose_clause(nlp):
    doc = nlp("Nurses went on strike, refusing to work at the hospitals in Leeds.")
    leeds = next(t for t in doc if t.text == "Leeds")
    assert not is_topic(leeds, next(t for t in doc if t.text == "strike"))


def test_airstrikes_against_fighters_in_a_town_are_there(nlp):
    doc = nlp("Jets carried out airstrikes against militants in Kidal.")
    kidal = next(t for t in doc if t.text == "Kidal")
    assert not is_topic(kidal, next(t for t in doc if t.text == "airstrikes"))


def test_place_of_the_predicate_beats_the_subjects_home(nlp, gazetteer):
    text = "Workers of a mill in Lublin rallied in Warsaw, demanding back pay."
    assert place_of(text, "rallied", nlp, gazetteer).name == "Warsaw"


def test_subject_place_still_places_an_event_alone(nlp, gazetteer):
    text = "Workers of a mill in Lublin rallied on Friday."
    assert place_of(text, "rallied", nlp, gazetteer).name == "Lublin"
