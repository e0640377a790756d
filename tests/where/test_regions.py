"""Curated current regions (regions.tsv) and current admin1 spellings: an unknown village falls
back to the region named with it, not to a same-named place abroad or the country point."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.where.gazetteer_tables import Builder
from tidings.where.resolve import find_places


def _readings(text, nlp, gazetteer):
    return [(p.name, p.country, p.precision) for p in find_places(nlp(text), gazetteer)]


def test_current_admin1_missing_from_geonames_is_a_region(gazetteer):
    assert any(c.country == "COD" and c.precision == "admin1" for c in gazetteer.lookup("Ituri"))
    assert any(c.country == "ECU" and c.precision == "admin1" for c in gazetteer.lookup("Cañar"))
    assert any(c.country == "IND" and c.precision == "admin1" for c in gazetteer.lookup("J&K"))


def test_new_spellings_alias_the_geonames_region(gazetteer):
    assert any(c.admin1 == "Dhi Qar" for c in gazetteer.lookup("Thi Qar"))
    fct = {c.country for c in gazetteer.lookup("FCT") if c.precision == "admin1"}
    assert fct == {"NGA", "PAK"}


def test_districts_are_read_only_with_context(gazetteer):
    # Like admin2.tsv.gz, a curated district is a licensed (towns-tier) reading, never bare.
    assert not any(c.country == "NPL" for c in gazetteer.lookup("Bara"))
    assert any(c.country == "NPL" and c.precision == "admin2" for c in gazetteer.lookup_towns("Bara"))


def test_unknown_village_falls_back_to_its_current_region(nlp, gazetteer):
    found = _readings("Farmers blocked a road in Quzhapa (Chimborazo) on Monday.", nlp, gazetteer)
    assert ("Chimborazo", "ECU", "admin1") in found


def test_region_in_brackets_keeps_a_same_named_town_abroad_out(nlp, gazetteer):
    found = _readings("Teachers marched in Murino (Plav) on Friday.", nlp, gazetteer)
    assert all(country != "RUS" for _, country, _ in found)
    assert ("Plav", "MNE", "admin1") in found


def test_bad_region_row_names_file_and_line(tmp_path: Path):
    path = tmp_path / "regions.tsv"
    path.write_text("name\taliases\tcountry\tadmin1\tlat\tlon\tprecision\n"
                    "Nowhere\t\tXXX\t\t1\t2\tadmin1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="regions.tsv"):
        Builder().add_regions(path)


def test_spaced_dash_part_of_a_city_does_not_stop_its_containers(nlp, gazetteer):
    # "City - District" names a part of the city; the bracket after it still places the
    # neighbourhood before it, so a same-named town in another state is no reading.
    text = "Nurses rallied in the Highland Park neighborhood of Los Angeles - Northeast (California)."
    found = _readings(text, nlp, gazetteer)
    assert all(admin != "city" or country == "USA" for _, country, admin in found)
    assert not any(name == "Highland Park" for name, _, _ in found)


def test_district_of_a_province_is_the_event_place_not_the_province(nlp, gazetteer):
    from tidings.where.attach import event_place

    text = "Warplanes struck rebel positions in Al Amadiya district of Duhok."
    doc = nlp(text)
    trigger = next(t.i for t in doc if t.text == "struck")
    place = event_place(find_places(doc, gazetteer), (0, len(text)), (0, len(text)), [], None,
                        doc=doc, trigger=trigger, gazetteer=gazetteer)
    assert (place.name, place.precision) == ("Al Amadiya", "admin2")
