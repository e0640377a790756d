"""Names qualified by what follows them: containers that veto readings abroad, kind words that pick
a region or district, "the village of X", and the container never taken for the event's place."""

from __future__ import annotations

from tidings.where.attach import event_place
from tidings.where.mentions import PlaceMention
from tidings.where.resolve import _licensed_reading, find_places


def places_in(text, nlp, gazetteer, **options):
    found = find_places(nlp(text), gazetteer, **options)
    return [(p.text, p.name, p.country, p.precision) for p in found]


def place_of(text, word, nlp, gazetteer):
    doc = nlp(text)
    span = (0, len(text))
    trigger = next(t.i for t in doc if t.text == word)
    return event_place(find_places(doc, gazetteer), span, span, [], None, doc=doc, trigger=trigger,
                       gazetteer=gazetteer)


def test_current_region_names_are_aliases_of_their_geonames_spelling(gazetteer):
    assert any(c.precision == "admin1" and c.country == "ETH" for c in gazetteer.lookup("Oromia"))
    assert any(c.precision == "admin1" and c.country == "MMR" for c in gazetteer.lookup("Sagaing"))
    assert any(c.precision == "admin1" and c.country == "PAK" for c in gazetteer.lookup("KPK"))


def test_region_word_reads_a_region_no_city_of_that_name_is_in(nlp, gazetteer):
    # Bare, "Mon" is a town in Nagaland; "Mon state" is Myanmar's region.
    places = places_in("Soldiers raided a monastery in Mon state.", nlp, gazetteer)
    assert [(p[2], p[3]) for p in places] == [("MMR", "admin1")]


def test_region_named_for_its_capital_is_placed_at_the_capital(nlp, gazetteer):
    places = places_in("Fighting was reported in the Sumy region on Monday.", nlp, gazetteer)
    assert [(p[1], p[2], p[3]) for p in places] == [("Sumy", "UKR", "city")]


def test_place_noun_and_of_cue_a_village(nlp, gazetteer):
    places = places_in("Police entered the village of Ayolas at dawn.", nlp, gazetteer)
    assert [(p[0], p[2]) for p in places] == [("Ayolas", "PRY")]


def test_place_noun_and_of_cue_a_small_city(nlp, gazetteer):
    places = places_in("Gunmen attacked the town of Gwoza at dawn.", nlp, gazetteer)
    assert [(p[0], p[2], p[3]) for p in places] == [("Gwoza", "NGA", "city")]


def test_lga_after_a_name_makes_it_a_place_not_a_modifier(nlp, gazetteer):
    places = places_in("Gunmen killed two farmers in Gwoza LGA on Sunday.", nlp, gazetteer)
    assert [(p[0], p[2]) for p in places] == [("Gwoza", "NGA")]


def test_name_kept_only_for_its_container_resolves_inside_it(nlp, gazetteer):
    # The small model tags the town as an organisation: the region after it is its only cue.
    places = places_in("Troops shelled Lysychansk, Luhansk on Monday.", nlp, gazetteer)
    assert ("Lysychansk", "UKR") in [(p[0], p[2]) for p in places]


def test_name_kept_only_for_its_container_is_dropped_abroad_of_it(nlp, gazetteer):
    places = places_in("Trips to Majuro, Guam and Hawaii were cancelled.", nlp, gazetteer)
    assert "Majuro" not in [p[0] for p in places]


def test_bracketed_region_vetoes_a_reading_abroad(gazetteer):
    # "Richmond (KwaZulu-Natal)" is not Virginia's capital, whatever else it may be.
    richmond = PlaceMention(0, 8, "Richmond", "entity", tuple(gazetteer.lookup("Richmond")))
    inside = {("ZAF", "KwaZulu-Natal")}
    reading = _licensed_reading(richmond, {}, inside, bracketed=True)
    assert reading is None or reading.country == "ZAF"


def test_country_after_a_comma_may_be_a_list_and_vetoes_nothing(gazetteer):
    richmond = PlaceMention(0, 8, "Richmond", "entity", tuple(gazetteer.lookup("Richmond")))
    assert _licensed_reading(richmond, {}, {("KEN", None)}).country == "USA"


def test_event_is_placed_in_the_district_not_the_city_that_qualifies_it(nlp, gazetteer):
    text = "Militants shelled positions in Jhal Magsi district, Sibi on Monday."
    place = place_of(text, "shelled", nlp, gazetteer)
    assert (place.text, place.precision) == ("Jhal Magsi", "admin2")


def test_district_that_qualifies_the_name_before_it_is_read(gazetteer):
    # "Kwall (Mangu, Plateau)": Mangu is named as the district Kwall lies in.
    readings = tuple(gazetteer.lookup_towns("Mangu"))
    mangu = PlaceMention(7, 12, "Mangu", "entity", readings, "contained")
    assert _licensed_reading(mangu, {}, set()) is None
    reading = _licensed_reading(mangu, {}, set(), qualifying=True)
    assert (reading.country, reading.precision) == ("NGA", "admin2")


def test_cued_village_before_an_unknown_region_is_read(gazetteer):
    # "protested in Ayolas (Somewhere)": the unknown name after it takes nothing from the cue.
    candidates = tuple(gazetteer.lookup_towns("Ayolas"))
    cued = PlaceMention(0, 6, "Ayolas", "cued", candidates, "contained")
    assert _licensed_reading(cued, {}, set()).country == "PRY"
    bare = PlaceMention(0, 6, "Ayolas", "entity", candidates, "contained")
    assert _licensed_reading(bare, {}, set()) is None


def test_a_long_capitalised_gap_is_rejected_without_backtracking_blowup():
    # A failing match over an all-caps run used to try 2^n splits of it (a headline between two
    # places hung the coder); the guard turns a hang into a failure instead of a stuck suite.
    import signal

    from tidings.where.mentions import CONTAINER_GAP

    def hung(signum, frame):
        raise AssertionError("CONTAINER_GAP backtracked for over 10 s")

    gap = " " + "BREAKING NEWSWIRE CORRESPONDENTS REPORTED " * 4 + "said"
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(10)
    try:
        assert CONTAINER_GAP.fullmatch(gap) is None
        assert CONTAINER_GAP.fullmatch(", West Shewa (") is not None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
