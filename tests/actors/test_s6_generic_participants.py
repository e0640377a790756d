"""Generic participants (issue s6): crowds, workers, party members and unidentified attackers get
role codes, with the country of the place the sentence puts them in.

Hand-made sentences (none from the gold files or the seed article).
"""

from __future__ import annotations

from tests.actors.conftest import fallback_target
from tidings.actors import ActorKB


def test_counted_persons_are_civilians(resolve):
    actor = resolve("Some 300 persons marched through Rennes on Sunday.", "300 persons")
    assert actor is not None and actor.role == "CVL"


def test_counted_persons_in_a_capital_are_that_countrys_civilians(resolve):
    actor = resolve("Some 300 persons marched in Nairobi on Sunday.", "300 persons")
    assert actor is not None and actor.code == "KENCVL"


def test_locals_are_civilians(resolve):
    actor = resolve("Locals blocked the road near the quarry to protest the dust.", "Locals")
    assert actor is not None and actor.role == "CVL"


def test_relatives_of_a_detainee_are_civilians(resolve):
    actor = resolve("Relatives of the detained teacher held a sit-in outside the court.", "Relatives")
    assert actor is not None and actor.role == "CVL"


def test_the_definite_plural_of_a_plain_person_noun_stays_uncoded(resolve):
    assert resolve("The women went home after the match.", "The women") is None


def test_armed_men_are_unidentified_armed_forces(resolve):
    actor = resolve("Three armed men stormed a farm outside the village.", "Three armed men")
    assert actor is not None and actor.role == "UAF"


def test_armed_individuals_are_unidentified_armed_forces(resolve):
    actor = resolve("Two armed individuals opened fire on a bakery.", "Two armed individuals")
    assert actor is not None and actor.role == "UAF"


def test_unknown_shooters_are_unidentified_armed_forces(resolve):
    actor = resolve("Unknown shooters fired at the bus station overnight.", "Unknown shooters")
    assert actor is not None and actor.role == "UAF"


def test_truck_drivers_are_labour(resolve):
    actor = resolve("Truck drivers parked their lorries across the motorway.", "Truck drivers")
    assert actor is not None and actor.role == "LAB"


def test_nurses_are_health_workers(resolve):
    actor = resolve("Nurses staged a walkout at the district clinic.", "Nurses")
    assert actor is not None and actor.role == "HLH"


def test_members_of_an_unlisted_party_are_party_actors(resolve):
    actor = resolve("Members of the Green Valley Party rallied outside the town hall.", "Members")
    assert actor is not None and actor.role == "PTY"


def test_party_members_named_before_the_noun_are_party_actors(resolve):
    actor = resolve("Blue Horizon Party members picketed the tax office.", "Blue Horizon Party members")
    assert actor is not None and actor.role == "PTY"


def test_opposition_party_members_stay_opposition(resolve):
    actor = resolve("Opposition party members picketed the tax office.", "Opposition party members")
    assert actor is not None and actor.role == "OPP"


def test_a_party_that_is_a_celebration_is_no_actor(resolve):
    assert resolve("The guests danced at the birthday party until dawn.", "the birthday party") is None


def test_party_is_a_known_role_code(actor_kb: ActorKB):
    assert actor_kb.split_code("TURPTY") == ("TUR", "PTY")


def test_a_man_a_shooting_lands_on_is_a_civilian(actor_nlp, actor_kb):
    text = "Gunmen shot a man outside a bar in Nairobi."
    actor = fallback_target(actor_nlp, actor_kb, text, "shot", "Gunmen", "a man")
    assert actor is not None and actor.code == "KENCVL"


def test_a_man_as_the_doer_stays_uncoded(resolve):
    assert resolve("A man walked into the shop on Monday.", "A man") is None


def test_families_of_soldiers_are_civilians_not_soldiers(resolve):
    actor = resolve("Families of Kenyan soldiers marched to the barracks in Nairobi.", "Families")
    assert actor is not None and actor.role == "CVL" and actor.country == "KEN"


def test_a_movement_name_the_parse_splits_is_read_whole(resolve):
    actor = resolve("Fridays for Future activists marched in Oslo on Friday.", "Fridays")
    assert actor is not None and actor.code is not None and actor.code.startswith("NGOENV")
