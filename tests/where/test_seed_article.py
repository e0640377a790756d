"""The seed article (shared/examples): the places a human coder reads in it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.where.resolve import event_place, find_places

SEED = Path(__file__).resolve().parents[3] / "shared" / "examples" / "seed_article.txt"


@pytest.fixture(scope="module")
def seed(nlp, gazetteer):
    if not SEED.exists():
        pytest.skip(f"{SEED} not present")
    text = SEED.read_text(encoding="utf-8")
    return text, nlp(text), find_places(nlp(text), gazetteer)


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("Iraq", "IRQ"), ("Baghdad", "IRQ"), ("Green Zone", "IRQ"), ("Natanz", "IRN"),
        ("Iran", "IRN"), ("Oval Office", "USA"), ("Baghdad airport", "IRQ"),
    ],
)
def test_seed_article_places_have_their_countries(seed, mention, country):
    _, _, places = seed
    assert country in {p.country for p in places if p.text == mention}


def test_seed_article_offsets_match_the_text(seed):
    text, _, places = seed
    assert all(text[p.start : p.end] == p.text for p in places)


def test_seed_article_names_no_nationality_or_person_as_place(seed):
    _, _, places = seed
    assert not {p.text for p in places} & {"Iraqi", "Iranian", "American", "Trump", "Qaani"}


def test_seed_visit_to_baghdad_is_placed_in_baghdad(seed):
    text, doc, places = seed
    start = text.index("Later, Ismail Qaani")
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    bounds = (sentence.start_char, sentence.end_char)
    chosen = event_place(places, (start, sentence.end_char), bounds, ["IRN"], None)
    assert (chosen.name, chosen.country) == ("Baghdad", "IRQ")
