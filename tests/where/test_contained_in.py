"""Names placed in the next name ("X in Y", "X in the district of Y"), alternate readings outside
the region named with them, camel-case names, and the per-doc sentence table placing uses."""

from __future__ import annotations

from tidings.where.attach import _governing_verb, _sentence_of
from tidings.where.resolve import find_places


def places_in(text, nlp, gazetteer):
    return [(p.text, p.name, p.country, p.admin1) for p in find_places(nlp(text), gazetteer)]


def test_name_placed_in_a_town_of_another_state_loses_its_reading_elsewhere(nlp, gazetteer):
    places = places_in("Cyclists rode through Rogers Park in Austin (Texas) on Sunday.", nlp, gazetteer)
    assert "Rogers Park" not in [p[0] for p in places]
    assert ("Austin", "USA", "Texas") in [(p[0], p[2], p[3]) for p in places]


def test_name_alone_keeps_its_only_reading(nlp, gazetteer):
    places = places_in("Cyclists rode through Rogers Park on Sunday.", nlp, gazetteer)
    assert [(p[0], p[3]) for p in places] == [("Rogers Park", "Illinois")]


def test_name_in_the_district_of_another_country_loses_its_reading_abroad(nlp, gazetteer):
    places = places_in("Farmers protested in Sanjo in the district of Kwimba on Friday.", nlp, gazetteer)
    assert [p[2] for p in places] == ["TZA"]


def test_alternate_name_outside_the_region_named_after_it_is_dropped(nlp, gazetteer):
    # "Oleksandrivka" is also an old name of Donetsk, which is not in Kharkiv oblast.
    places = places_in("Artillery hit Oleksandrivka, Kharkiv overnight.", nlp, gazetteer)
    assert "Donetsk" not in [p[1] for p in places]


def test_alternate_name_inside_the_region_named_after_it_is_kept(nlp, gazetteer):
    places = places_in("Protesters marched in Bombay, Maharashtra on Monday.", nlp, gazetteer)
    assert ("Bombay", "Mumbai") in [(p[0], p[1]) for p in places]


def test_camel_case_entity_is_a_name(nlp, gazetteer):
    places = places_in("The school in eThekwini was closed.", nlp, gazetteer)
    assert [(p[2], p[3]) for p in places] == [("ZAF", "KwaZulu-Natal")]


def test_sentence_table_matches_spacy_sentences(nlp):
    doc = nlp("Troops shelled the town. Of the bridge near it. Residents fled on Monday.")
    for token in doc:
        start, end, verbless = _sentence_of(doc, token.i)
        assert (start, end) == (token.sent.start, token.sent.end)
        assert verbless == (not any(t.pos_ in ("VERB", "AUX") for t in token.sent))


def test_governing_verb_stops_at_a_verbless_root(nlp):
    doc = nlp("The bridge near the town.")
    assert _governing_verb(doc[1]) is None


def test_name_cut_after_a_connector_is_grown_to_the_known_name(nlp, gazetteer):
    places = places_in("Traders marched in Santa Cruz de la Sierra on Monday.", nlp, gazetteer)
    assert [(p[1], p[2]) for p in places] == [("Santa Cruz de la Sierra", "BOL")]


def test_name_cut_in_two_is_grown_to_the_known_name(nlp, gazetteer):
    # The small model tags "Baja" and "California" as two entities here.
    places = places_in("On Monday, in Tecate, Baja California, nurses protested.", nlp, gazetteer)
    assert [(p[0], p[2]) for p in places] == [("Tecate", "MEX"), ("Baja California", "MEX")]


def test_name_in_brackets_after_another_reads_as_a_region(nlp, gazetteer):
    # Bare, "Loreto" is a Mexican town (the bigger prior); in brackets it says where Punchana is.
    places = places_in("On Friday, in Punchana (Loreto), truck drivers staged a demonstration.", nlp, gazetteer)
    assert [(p[1], p[2]) for p in places] == [("Loreto", "PER")]


def test_region_in_brackets_keeps_its_city_reading_when_it_is_the_capital(nlp, gazetteer):
    places = places_in("Farmers marched in Sampacho (Cordoba) on Monday.", nlp, gazetteer)
    assert ("Cordoba", "ARG") in [(p[0], p[2]) for p in places]


def test_region_set_off_after_a_town_is_a_place_whatever_its_parse(nlp, gazetteer):
    # The parser reads "California" as the verb's subject.
    places = places_in("On Monday, in Tecate, Baja California, nurses protested.", nlp, gazetteer)
    assert ("Baja California", "MEX") in [(p[0], p[2]) for p in places]


def test_hyphenated_name_ending_like_a_connector_is_not_cut(nlp, gazetteer):
    places = places_in("Soldiers shot a farmer in Hpa-An township on Friday.", nlp, gazetteer)
    assert [(p[0], p[2]) for p in places] == [("Hpa-An", "MMR")]


def _second_sentence_place(nlp, gazetteer, actor_countries):
    from tidings.where.attach import event_place

    text = "Aides met in the Oval Office on Monday. The president warned of strikes against Iran."
    doc = nlp(text)
    start = text.index("The president")
    trigger = next(t.i for t in doc if t.text == "warned")
    span = (start, len(text))
    # actor_countries lists the target's country first, the source's last (as pipeline does).
    return event_place(find_places(doc, gazetteer), span, span, actor_countries, None, doc=doc,
                       trigger=trigger, gazetteer=gazetteer, source_country=actor_countries[-1])


def test_target_country_named_in_passing_keeps_the_earlier_scene(nlp, gazetteer):
    assert _second_sentence_place(nlp, gazetteer, ["IRN", "USA"]).country == "USA"


def test_source_country_named_in_the_sentence_is_its_place(nlp, gazetteer):
    assert _second_sentence_place(nlp, gazetteer, ["USA", "IRN"]).country == "IRN"
