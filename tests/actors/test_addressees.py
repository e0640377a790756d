"""Addressees and doers: a harm an act is against protects its victim, a companion outranks a place,
a weapon doing the act stands for its unseen user.

Hand-made sentences (none from the gold files). The target head and fallbacks are found the way the
event stage finds them (`target_of_verb`, `target_fallbacks`), then resolved (actors round 3, issue 5).
"""

from __future__ import annotations

from datetime import date

from tidings.actors import ActorContext, resolve_actor, resolve_target
from tidings.actors.targets import resolve_target_or_fallback
from tidings.events.arguments import target_fallbacks
from tidings.events.doers import subject_of, target_of_verb
from tidings.events.patterns import VerbPattern

from tests.actors.conftest import head_of


def _target_code(actor_nlp, actor_kb, text: str, verb: str, prep: str | None = None) -> str | None:
    doc = actor_nlp(text)
    trigger = next(t for t in doc if t.text == verb)
    source = subject_of(trigger)
    target = target_of_verb(trigger, VerbPattern(lemma=trigger.lemma_, code="010", prep=prep))
    context = ActorContext(actor_kb, date(2019, 6, 1))
    source_actor = resolve_actor(source, context) if source is not None else None
    fallbacks = tuple(doc[i] for i in target_fallbacks(trigger, source, target))
    actor = resolve_target_or_fallback(target, fallbacks, context, source_actor)
    return actor.code if actor is not None else None


def test_the_victim_of_a_harm_warned_against_is_no_target(actor_nlp, actor_kb):
    code = _target_code(actor_nlp, actor_kb, "Kenya warned against the killing of Ugandan traders.", "warned")
    assert code is None or not code.startswith("UGA")


def test_the_victim_of_a_harm_condemned_is_still_its_owner(actor_nlp, actor_kb):
    # Only "against" marks the harm as what the act opposes; a condemned killing keeps its victims.
    code = _target_code(actor_nlp, actor_kb, "Kenya condemned the killing of Ugandan traders.", "condemned")
    assert code is not None and code.startswith("UGA")


def test_a_companion_beats_the_place_of_the_act(actor_nlp, actor_kb):
    code = _target_code(actor_nlp, actor_kb,
                        "The Kenyan president demanded, during talks with Ugandan ministers in Nairobi, a new border deal.",
                        "demanded")
    assert code is not None and code.startswith("UGA")


def test_a_companion_of_the_sources_own_side_is_kept(actor_nlp, actor_kb):
    code = _target_code(actor_nlp, actor_kb,
                        "The Kenyan president demanded, during a meeting with his advisers in Nairobi, a new budget.",
                        "demanded")
    assert code == "KENGOV"


def test_a_weapon_that_does_the_act_stands_for_unidentified_armed_forces(resolve):
    actor = resolve("A roadside bomb killed three soldiers near the Somali town of Kismayo.", "roadside bomb")
    assert actor is not None and actor.role == "UAF"


def test_a_weapon_the_act_uses_is_no_target(actor_nlp, actor_kb):
    doc = actor_nlp("Rebels planted a bomb near the market on Tuesday.")
    actor = resolve_target(head_of(doc, "bomb"), ActorContext(actor_kb, date(2019, 6, 1)))
    assert actor is None or actor.role != "UAF"


def test_weapon_cues_load_as_means(actor_kb):
    assert actor_kb.role_cue("explosive device").means
    assert not actor_kb.role_cue("gunmen").means
