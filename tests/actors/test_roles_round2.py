"""Roles, round 2 (issue 5): IGO agents, group nouns, where groups are, civilians under a curfew.

Hand-made sentences (none from the gold files or the seed article).
"""

from __future__ import annotations

from tidings.eval.events import split_actor_code

from tests.actors.conftest import fallback_target


def test_the_head_of_an_international_body_is_its_government_agent(resolve):
    actor = resolve("The Arab League Secretary General met Iraqi ministers in Cairo.", "General")
    assert actor is not None and actor.code is not None
    assert split_actor_code(actor.code)[1] == "GOV" and actor.code.startswith("IGO")


def test_a_secretary_general_is_no_soldier(resolve):
    actor = resolve("The U.N. Secretary-General flew to Nairobi on Monday.", "General")
    assert actor is not None and actor.role == "GOV"


def test_an_international_body_alone_keeps_its_plain_code(resolve):
    actor = resolve("The Arab League condemned the raid on Tuesday.", "League")
    assert actor is not None and actor.code == "IGOMEAARL"


def test_a_terror_group_is_rebels_of_the_country_it_is_based_in(resolve):
    actor = resolve("A terror group based in Chad attacked Sudanese troops near the Sudanese border.", "group")
    assert actor is not None and actor.code == "TCDREB"


def test_guerrillas_operating_in_a_country_belong_to_it(resolve):
    actor = resolve("Guerrillas operating in Niger ambushed Malian soldiers near the Malian town of Gao.",
                    "Guerrillas")
    assert actor is not None and actor.country == "NER"


def test_a_share_of_a_group_is_the_group(resolve):
    actor = resolve("A third of the Colombian rebels laid down their weapons last month.", "third")
    assert actor is not None and actor.role == "REB" and actor.country == "COL"


def test_kidnappers_are_criminals(resolve):
    actor = resolve("Kidnappers in Nigeria freed two Italian engineers.", "Kidnappers")
    assert actor is not None and actor.role == "CRM"


def test_a_school_is_an_education_actor(resolve):
    actor = resolve("The Kenyan school received new books from a British charity.", "school")
    assert actor is not None and actor.code == "KENEDU"


def test_a_curfew_placed_by_the_verb_binds_the_civilians_there(actor_nlp, actor_kb):
    text = "Police imposed a curfew in the town of Jos in central Nigeria after the riots."
    actor = fallback_target(actor_nlp, actor_kb, text, "imposed", "Police", "Nigeria")
    assert actor is not None and actor.code == "NGACVL"
