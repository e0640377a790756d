"""A measure laid on a place (curfew, martial law) targets the place's civilians (issue 5).

Hand-made sentences, none from the gold files or the seed article.
"""

from __future__ import annotations

from tidings.actors.parties import binds_population

from tests.actors.conftest import fallback_target, head_of


def test_a_curfew_in_a_city_targets_its_civilians(actor_nlp, actor_kb):
    text = "The junta imposed a curfew in Lagos on Friday."
    actor = fallback_target(actor_nlp, actor_kb, text, "imposed", "junta", "curfew")
    assert actor is not None and actor.code == "NGACVL"


def test_another_thing_in_a_city_targets_the_country_alone(actor_nlp, actor_kb):
    text = "The junta closed the airport in Lagos on Friday."
    actor = fallback_target(actor_nlp, actor_kb, text, "closed", "junta", "airport")
    assert actor is not None and actor.code == "NGA"


def test_martial_law_binds_a_population_but_plain_law_does_not(actor_nlp):
    doc = actor_nlp("The cabinet declared martial law and passed a new tax law.")
    assert binds_population(head_of(doc, "martial law"))
    assert not binds_population(head_of(doc, "new tax law"))


def test_the_place_a_curfew_is_in_codes_its_civilians(actor_nlp, actor_kb):
    text = "The governor announced a new curfew in Lagos."
    actor = fallback_target(actor_nlp, actor_kb, text, "curfew", "governor", "Lagos")
    assert actor is not None and actor.code == "NGACVL"


def test_the_place_a_summit_is_in_codes_the_country(actor_nlp, actor_kb):
    text = "The governor announced a new summit in Lagos."
    actor = fallback_target(actor_nlp, actor_kb, text, "summit", "governor", "Lagos")
    assert actor is not None and actor.code == "NGA"
