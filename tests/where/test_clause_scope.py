"""event_place: places another conjunct or a trailing fragment owns, fragments that continue the
clause, the event's own phrase, and dotted abbreviations."""

from __future__ import annotations

from tidings.where.attach import event_place
from tidings.where.resolve import find_places


def place_of(text, word, nlp, gazetteer, clause=None, actors=()):
    doc = nlp(text)
    sentence = (0, len(text))
    trigger = next(t.i for t in doc if t.text == word)
    return event_place(find_places(doc, gazetteer), clause or sentence, sentence, list(actors), None,
                       doc=doc, trigger=trigger, gazetteer=gazetteer)


def test_a_later_conjuncts_place_is_not_the_first_verbs(nlp, gazetteer):
    text = "Rebels agreed a ceasefire in March, but later shelled houses in Aleppo. Nobody was hurt."
    place = place_of(text, "agreed", nlp, gazetteer, clause=(0, text.index(", but")))
    assert place is None or place.name != "Aleppo"


def test_a_fronted_place_sets_the_scene_for_every_conjunct(nlp, gazetteer):
    text = "In Mosul, gunmen stormed a checkpoint and killed two soldiers."
    assert place_of(text, "killed", nlp, gazetteer).name == "Mosul"


def test_a_town_in_a_trailing_fragment_continues_the_clause(nlp, gazetteer):
    text = "The army weighed plans for striking the rebel depot. of Benghazi in Libya."
    assert place_of(text, "striking", nlp, gazetteer).name == "Benghazi"


def test_the_events_own_phrase_outranks_the_subjects_place(nlp, gazetteer):
    text = "An official in Paris said the ministry wanted options for bombing the base at Sirte."
    start = text.index("An official")
    assert place_of(text, "bombing", nlp, gazetteer, clause=(start, len(text) - 1)).name == "Sirte"


def test_a_country_in_the_own_phrase_does_not_outrank_the_clauses_town(nlp, gazetteer):
    text = "Students marched in Lyon to protest against the war in Ukraine."
    assert place_of(text, "protest", nlp, gazetteer).name == "Lyon"


def test_an_abbreviation_alias_needs_its_dots(gazetteer):
    assert [c.name for c in gazetteer.lookup("N.C.")] == ["North Carolina"]
    assert all(c.name != "North Carolina" for c in gazetteer.lookup("NC"))
