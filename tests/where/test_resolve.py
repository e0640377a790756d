"""Place finding and event placement on small hand-made texts."""

from __future__ import annotations

from tidings.types import Place
from tidings.where.resolve import event_place, find_places


def places_in(text, nlp, gazetteer, **options):
    return find_places(nlp(text), gazetteer, **options)


def test_nationality_adjective_is_not_a_place(nlp, gazetteer):
    assert places_in("Iraqi militias attacked the base.", nlp, gazetteer) == []


def test_person_name_is_not_a_place(nlp, gazetteer):
    text = "Ismail Qaani visited Baghdad. Qaani warned the militias."
    assert [p.text for p in places_in(text, nlp, gazetteer)] == ["Baghdad"]


def test_tripoli_in_a_lebanon_story_is_in_lebanon(nlp, gazetteer):
    text = "Clashes erupted in Tripoli on Sunday. Lebanon's army deployed in the northern city."
    tripoli = places_in(text, nlp, gazetteer)[0]
    assert (tripoli.text, tripoli.country) == ("Tripoli", "LBN")


def test_tripoli_in_a_libya_story_is_in_libya(nlp, gazetteer):
    text = "Fighting resumed in Tripoli, the capital of Libya."
    assert places_in(text, nlp, gazetteer)[0].country == "LBY"


def test_tripoli_without_context_is_the_larger_city(nlp, gazetteer):
    assert places_in("Rebels shelled Tripoli overnight.", nlp, gazetteer)[0].country == "LBY"


def test_many_us_mentions_do_not_move_paris_to_texas(nlp, gazetteer):
    text = (
        "Police in Paris arrested two men. US officials said the US and the United States "
        "would help."
    )
    assert places_in(text, nlp, gazetteer)[0].country == "FRA"


def test_region_after_a_comma_picks_the_reading(nlp, gazetteer):
    text = "On Friday, in Guadalupe, Zacatecas, armed men opened fire."
    place = places_in(text, nlp, gazetteer)[0]
    assert (place.text, place.admin1) == ("Guadalupe", "Zacatecas")


def test_offsets_point_into_the_text(nlp, gazetteer):
    text = "Rockets hit the Green Zone in Baghdad on Tuesday."
    places = places_in(text, nlp, gazetteer)
    spans = [(p.text, p.start, p.end) for p in places]
    assert spans == [("Green Zone", 16, 26), ("Baghdad", 30, 37)]
    assert all(text[p.start : p.end] == p.text for p in places)


def test_site_is_reported_under_its_city_at_its_own_point(nlp, gazetteer):
    office = places_in("He met advisers in the Oval Office.", nlp, gazetteer)[0]
    assert (office.text, office.name, office.country, office.precision) == (
        "Oval Office", "Washington", "USA", "site",
    )


def test_country_as_noun_modifier_is_not_a_location(nlp, gazetteer):
    text = "US forces left the base near Mosul."
    assert [p.text for p in places_in(text, nlp, gazetteer)] == ["Mosul"]
    assert [p.text for p in places_in(text, nlp, gazetteer, literal_only=False)] == ["US", "Mosul"]


def test_place_kind_noun_keeps_a_modifier_literal(nlp, gazetteer):
    text = "Students protested in Srinagar city on Monday."
    assert [p.name for p in places_in(text, nlp, gazetteer)] == ["Srinagar"]


def place(text: str, start: int, precision: str, country: str = "IRQ") -> Place:
    return Place(text, country, None, 0.0, 0.0, precision, text, start, start + len(text))


IRAQ = place("Iraq", 10, "country")
BAGHDAD = place("Baghdad", 40, "city")
GREEN_ZONE = place("Green Zone", 60, "site")
TEHRAN = place("Tehran", 45, "city", "IRN")


def test_event_place_prefers_the_most_specific_in_the_clause():
    chosen = event_place([IRAQ, BAGHDAD, GREEN_ZONE], (0, 80), (0, 100), [], None)
    assert chosen is GREEN_ZONE


def test_event_place_falls_back_to_the_sentence():
    assert event_place([IRAQ, BAGHDAD], (20, 30), (0, 100), [], None) is BAGHDAD


def test_event_place_inherits_when_the_sentence_names_none():
    assert event_place([IRAQ], (200, 220), (180, 260), [], BAGHDAD) is BAGHDAD


def test_event_place_is_none_without_any_place():
    assert event_place([], (0, 10), (0, 20), ["IRQ"], None) is None


def test_event_place_breaks_ties_by_actor_country():
    assert event_place([BAGHDAD, TEHRAN], (0, 80), (0, 80), ["IRN"], None) is TEHRAN
    assert event_place([BAGHDAD, TEHRAN], (0, 80), (0, 80), [], None) is BAGHDAD
