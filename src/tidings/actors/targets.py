"""Resolve an event's target: its phrase's actor, a thing's owner, a fallback party or a place."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.actors.coref import ActorContext
from tidings.actors.parties import (
    harmed_by_opposed,
    is_companion,
    names_means,
    own_means,
    people_of_place,
)
from tidings.actors.phrase import read_phrase
from tidings.actors.resolve import (
    PLAIN_PEOPLE,
    STATELESS_ROLES,
    is_place_object,
    prep_objects,
    resolve_actor,
)
from tidings.actors.scene import sentence_country
from tidings.nlp import doc_text
from tidings.types import Actor

# Prepositions that name who a thing belongs to or comes from ("calls by Annan", "welfare of Libyans").
THING_PREPS = ("by", "of", "from", "among", "for")


def resolve_target(head: Token, context: ActorContext, places: bool = True) -> Actor | None:
    """The target of an event whose target phrase is headed by `head`.

    The phrase's own actor; or, when the phrase names a thing rather than an actor, the actor the
    thing belongs to: "rejected North Korea's demand" → North Korea, "demanded an admission by
    Moscow" → Moscow, "vetoed a Security Council resolution" → the Security Council. CAMEO codes
    the party the act is aimed at, and a proposal or a blockade is never a party. With `places`
    False the last resort (where the thing is) is left to the caller.
    """
    # "planted a roadside bomb": the weapon is what the act uses; its owner, if named, is the party.
    actor = None if names_means(head, context) else resolve_actor(head, context)
    if actor is None and _someone(head):
        return _civilian(head, context)
    if actor is not None or head.pos_ != "NOUN" or head.ent_type_:
        return actor
    victims = harmed_by_opposed(head)
    for owner in _thing_owners(head):
        if owner.i in victims:
            continue
        found = resolve_actor(owner, context)
        if found is not None:
            return found
    return _target_place(head, context) if places else None


def _someone(head: Token) -> bool:
    """"A man", "a woman": one unnamed person, no actor as a doer or an antecedent, but as what an
    act lands on ("a man was shot") a civilian, as CAMEO codes victims."""
    return (head.lemma_.lower() in PLAIN_PEOPLE and head.tag_ == "NN"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.lefts))


def _civilian(head: Token, context: ActorContext) -> Actor:
    """The person as a civilian of the country the sentence places the act in, when it names one."""
    reading = read_phrase(head, context.kb, context.when)
    country = reading.country or sentence_country(head, context.kb, (reading.start, reading.end), where=True)
    text = doc_text(head.doc)[reading.start:reading.end]
    return Actor(text, reading.start, reading.end, (country or "") + "CVL", country, "CVL", None)


def _target_place(head: Token, context: ActorContext) -> Actor | None:
    """Where a thing is, as the country the act lands on (see `resolve_target`)."""
    # Last, where the thing is: "a curfew in Montenegro", "imposed a curfew in the town of X" code
    # the country the act lands on, as PETRARCH does - a place only, never a group found there.
    places = prep_objects(head, ("in", "into"))
    if head.dep_ == "dobj":
        places += prep_objects(head.head, ("in", "into"))
    for place in places:
        found = resolve_actor(place, context)
        if found is not None and found.role is None and found.country:
            return people_of_place(found, head)
    return None


def resolve_target_or_fallback(head: Token | None, fallbacks: tuple[Token, ...], context: ActorContext,
                               source: Actor | None) -> Actor | None:
    """The target of `head`; when that names no actor, the first fallback head that does.

    A fallback that is the source's own mention, or codes exactly as the source does, is skipped:
    the doer of an act is rarely its target ("Iraq said its army would attack Kurds").
    """
    actor = resolve_target(head, context, places=source is None) if head is not None else None
    if actor is not None and head.dep_ == "pobj" and head.head.lower_ in ("in", "on"):
        actor = people_of_place(actor, _measure(head.head.head))  # "a curfew in Abidjan": the act's place
    stateless = actor is not None and actor.country is None and actor.role in STATELESS_ROLES
    if source is None or actor is not None and not stateless and not own_means(head, actor, source):
        return actor
    # A place the act happens in is the weakest guess: "blocked streets in Hong Kong in defiance of
    # Chinese authorities" is aimed at the authorities. Parties named elsewhere come first, then
    # where the target's thing is, then the places among the fallbacks.
    victims = harmed_by_opposed(head) if head is not None else frozenset()
    ranked = sorted((f for f in fallbacks if f.i not in victims), key=is_place_object)
    place = _target_place(head, context) if head is not None and actor is None else None
    for fallback in ranked:
        if place is not None and is_place_object(fallback):
            return place
        found = resolve_target(fallback, context)
        if found is None or not found.code:
            continue
        if head is not None:
            found = people_of_place(found, head)  # "lift the curfew on Palestinians": their civilians
        if found.start < source.end and source.start < found.end:
            continue
        if found.code == source.code and not is_companion(fallback):
            continue
        if stateless and actor is not None:
            if found.role is not None or not found.country:
                return actor  # "killed 23 civilians" stays uncoded by country rather than mis-roled
            # "killed 23 civilians … in Tel Aviv": the civilians of the country the act lands in.
            return Actor(actor.text, actor.start, actor.end, found.country + actor.role, found.country,
                         actor.role, actor.name)
        return found
    return place or actor


def _measure(governor: Token) -> Token:
    """What a place phrase is the place of: the noun it hangs on, or, when the parser hangs it on the
    verb ("imposed a curfew in the town in Turkey"), the verb's object."""
    if governor.pos_ in ("VERB", "AUX"):
        return next((c for c in governor.children if c.dep_ == "dobj"), governor)
    return governor


def _thing_owners(head: Token) -> list[Token]:
    """Who a thing may belong to: its possessor, a named modifier, then its by/of/… objects."""
    owners = [c for c in head.lefts if c.dep_ == "poss" and c.lower_ != "whose"]
    owners += [c for c in head.lefts if c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE", "NORP", "PERSON")]
    # "Israeli military policies", "Iranian demands": a nationality adjective names the owner.
    owners += [c for c in head.lefts if c.dep_ == "amod" and c.ent_type_ in ("GPE", "NORP")]
    owners += prep_objects(head, THING_PREPS)
    # "the demonstration staged by students": the agent of a participle describing the thing.
    owners += [obj for acl in head.rights if acl.dep_ == "acl" and acl.tag_ == "VBN"
               for agent in acl.children if agent.dep_ == "agent"
               for obj in agent.children if obj.dep_ == "pobj"]
    return owners
