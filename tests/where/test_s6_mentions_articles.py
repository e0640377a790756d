"""Arabic article variants: a name not in the gazetteer is tried with its article added or dropped."""

from __future__ import annotations

from tidings.where.names import article_variants


def test_article_is_dropped_from_a_name_that_has_one():
    assert article_variants("al amadiya") == ["amadiya"]


def test_article_is_added_and_assimilated_before_a_sun_letter():
    assert article_variants("sanamayn") == ["al sanamayn", "as sanamayn"]


def test_article_is_added_plainly_before_a_moon_letter():
    assert article_variants("kut") == ["al kut"]


def test_short_or_non_letter_keys_have_no_variants():
    assert article_variants("ur") == [] and article_variants("9th") == []


def test_name_without_its_article_finds_the_arab_place(gazetteer):
    assert [(c.country, c.precision) for c in gazetteer.lookup("Kut")][:1] == [("IRQ", "city")]


def test_article_variant_is_not_tried_for_places_outside_the_arab_world(gazetteer):
    # Only the Arabic article is added: "Bolson" does not find Argentina's "El Bolson".
    assert gazetteer.lookup("Bolson") == [] and gazetteer.lookup_towns("Bolson") == []


def test_exact_name_is_preferred_to_an_article_variant(gazetteer):
    assert gazetteer.lookup("Paris")[0].country == "FRA"


def test_town_tier_tries_the_variant_when_nothing_else_matches(gazetteer):
    towns = gazetteer.lookup_towns("Amadiya")
    assert towns and towns[0].country == "IRQ"
