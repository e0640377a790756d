"""Fallback argument heads: where else an event's target may be named when its own slot is empty.

The extractor's first choice (`extract.target_of_verb`, `extract.noun_actors`) is the grammatical
slot; when that slot is empty or names no actor ("began a hunger strike to protest against
Sweden's decision", "killed 23 people … in Tel Aviv"), the resolver tries these heads in order and
keeps the first that codes to an actor. Gold codes a target for almost every event, so a near
party is a better guess than none (actors helper, issue 5).
"""

from __future__ import annotations

from collections import deque

from spacy.tokens import Token

# Labels of the entities that can name a party (a DATE or a MONEY amount never does).
PARTY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
# Clauses that carry the event's purpose or content ("to protest against X", "demand that X …").
CLAUSE_DEPS = frozenset({"xcomp", "advcl", "ccomp", "acl", "relcl", "pcomp"})
# Prepositions whose object in a purpose clause may be the party aimed at.
TARGET_PREPS = ("against", "on", "with", "at", "to", "toward", "towards", "into", "from", "for", "of", "by")
# How far down the trigger's subtree a named party may sit and still be taken as the target.
MAX_DEPTH = 5


def clause_targets(trigger: Token) -> list[Token]:
    """Objects and prepositional objects of the trigger's purpose/content clauses, nearest first."""
    found: list[Token] = []
    for clause in (c for c in trigger.children if c.dep_ in CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")):
        for child in clause.children:
            if child.dep_ in ("dobj", "dative", "attr", "nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN"):
                found.append(child)
            elif child.dep_ in ("prep", "agent") and child.lower_ in TARGET_PREPS:
                found.extend(o for o in child.children if o.dep_ == "pobj")
    return found


def named_parties(trigger: Token, exclude: Token | None) -> list[Token]:
    """Heads of named parties in the trigger's subtree, breadth first (nearest in the parse first).

    The source's phrase is skipped (it is the doer), and so is anything under a date.
    """
    skip = {t.i for t in exclude.subtree} if exclude is not None else set()
    found: list[Token] = []
    queue = deque((c, 1) for c in trigger.children)
    while queue:
        token, depth = queue.popleft()
        if token.i in skip or depth > MAX_DEPTH or token.ent_type_ in ("DATE", "TIME"):
            continue
        if _names_party(token):
            # "Nigerian government", "Sweden's decision": the phrase the name modifies comes first
            # (the resolver codes a role noun whole, and a thing by its owner).
            if token.dep_ in ("amod", "compound", "poss") and token.head.pos_ == "NOUN" and token.head is not trigger:
                found.append(token.head)
            found.append(token)
        queue.extend((c, depth + 1) for c in token.children)
    return found


def target_fallbacks(trigger: Token, source: Token | None, target: Token | None) -> tuple[int, ...]:
    """Token indices to try, in order, when the chosen target names no actor."""
    ordered: list[int] = []
    taken = {t for t in (source, target) if t is not None}
    heads = [*clause_targets(trigger), *named_parties(trigger, source)]
    governor = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else None
    if governor is not None and governor.pos_ == "VERB":
        # "began a hunger strike to protest against Sweden's decision": a nominal event that is a
        # verb's object shares that verb's purpose clause and its named parties.
        heads += [*clause_targets(governor), *named_parties(governor, source)]
    for token in heads:
        if token.i == trigger.i:
            continue
        if token in taken or token.i in ordered:
            continue
        if source is not None and token.i in {t.i for t in source.subtree}:
            continue
        ordered.append(token.i)
    return tuple(ordered)


def _names_party(token: Token) -> bool:
    """The head word of a named party ("Sweden", "Mubarak" of "Hosni Mubarak", "Israeli")."""
    if token.pos_ not in ("PROPN", "NOUN", "ADJ") or token.ent_type_ not in PARTY_LABELS:
        return False
    # One head per entity: a name's inner words hang off its last word with the same label.
    return not (token.dep_ in ("compound", "flat") and token.head.ent_type_ == token.ent_type_)
