"""Which phrases near an act are its parties: victims, weapons, companions, own forces, populations."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.actors.coref import ActorContext
from tidings.types import Actor

# Harms whose "of" object is the one harmed ("the death of any American"). When such a harm is what an
# act is against ("warned against the killing of X"), X is whom the act protects, never its addressee.
HARM_NOUNS = frozenset({"death", "killing", "murder", "harm", "injury", "execution", "assassination",
                        "massacre", "slaughter", "torture", "abduction", "kidnapping", "suffering"})

# Measures laid on a place as a whole bind the people living there: "a curfew in Abidjan", "martial
# law as battles raged in Baghdad" are aimed at the place's civilians (CVL), as CAMEO codes them.
POPULATION_MEASURES = frozenset({"curfew", "lockdown", "siege"})
# Measures named by a noun and a modifier ("martial law", "state of emergency").
QUALIFIED_MEASURES = {"law": "martial", "state": "emergency"}


def binds_population(head: Token) -> bool:
    """The thing an act imposes is a measure on everyone in a place ("curfew", "martial law")."""
    lemma = head.lemma_.lower()
    if lemma in POPULATION_MEASURES:
        return True
    qualifier = QUALIFIED_MEASURES.get(lemma)
    return qualifier is not None and any(t.lower_ == qualifier for t in head.subtree if t is not head)


# Possessives that make forces the doer's own ("Syria will withdraw its troops").
OWN_POSSESSIVES = frozenset({"its", "their", "his", "her"})
# Roles of forces a state sends or raises: with no name of their own, the doer's means, not its target.
OWN_FORCE_ROLES = frozenset({"MIL"})
# Entity labels that name an actor (also read by events.doers for target heads).
PARTY_ENTITIES = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def names_means(head: Token, context: ActorContext) -> bool:
    """The phrase ending at `head` is a weapon cue ("bomb", "improvised explosive device")."""
    doc = head.doc
    for width in (1, 2, 3):
        window = doc[max(head.i - width + 1, 0):head.i + 1]
        cue = context.kb.role_cue(window.text, " ".join(t.lemma_ for t in window))
        if cue is not None and cue.means:
            return True
    return False


def harmed_by_opposed(head: Token) -> frozenset[int]:
    """Token indices of whoever a harm the act is against would hurt ("warned against the death of
    any American" → "any American"): the protected party, so neither the target nor its fallback."""
    if head.lemma_.lower() not in HARM_NOUNS or head.dep_ != "pobj" or head.head.lower_ != "against":
        return frozenset()
    return frozenset(t.i for victim in _of_objects(head) for t in victim.subtree)


def people_of_place(place: Actor, measure: Token) -> Actor:
    """A place or people a curfew or martial law binds stands for its civilians; any other for itself."""
    if place.role is not None or not place.country or not binds_population(measure):
        return place
    return Actor(place.text, place.start, place.end, place.country + "CVL", place.country, "CVL", place.name)


def own_means(head: Token, actor: Actor, source: Actor) -> bool:
    """"Syria will withdraw its troops from Lebanon": the source's own forces are the means, and the
    party the act lands on (Lebanon) is the target, when the sentence names one."""
    if actor.country is None or actor.country != source.country:
        return False
    if any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in head.children):
        return True
    # "Britain mobilized army reservists for a war against Iraq": forces whose phrase names no one
    # got the source's country from the sentence; they are its means, and the party named is the target.
    return actor.role in OWN_FORCE_ROLES and not any(t.ent_type_ in PARTY_ENTITIES for t in head.subtree)


def is_companion(head: Token) -> bool:
    """Whom the act is done with ("a meeting with his advisers"): another party even when coded as the
    source is, unlike the source's own means ("Iraq said its army would attack")."""
    return head.dep_ == "pobj" and head.head.lower_ == "with"


def _of_objects(head: Token) -> list[Token]:
    return [obj for child in head.rights if child.dep_ == "prep" and child.lower_ == "of"
            for obj in child.children if obj.dep_ == "pobj"]
