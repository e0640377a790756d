"""Actors of nominal events that the surrounding clause frames: "under pressure from", "a response to any move"."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

# Verbs that state a subject's condition: "Baghdad is/remains/came under pressure from Washington".
STATE_VERBS = frozenset({"be", "remain", "come", "fall", "stay", "find", "keep", "leave", "put", "place"})
# Auxiliaries and heads that make a promised reaction a threat rather than a reported act:
# "would have a crushing response", "is prepared to order a devastating response".
UNREALIZED_AUXILIARIES = frozenset({"would", "will", "'ll", "wo", "shall"})
UNREALIZED_HEADS = frozenset({"prepare", "ready", "vow", "promise", "pledge", "warn", "threaten"})
CONDITION_MARKERS = frozenset({"if", "unless", "should"})
REPORTING_LEMMAS = frozenset({"say", "tell", "warn", "state", "declare", "announce", "add", "stress"})


def is_under_phrase(noun: Token) -> bool:
    """Whether the noun is the object of "under" ("under pressure", "under attack")."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "under"


def under_target(noun: Token) -> Token | None:
    """The party an "under" phrase puts in a state: "X is under pressure from Y" → X.

    The event noun's own prepositions name the other party; the one it weighs on is the subject
    of the clause the phrase hangs from (or, for "put X under pressure", that verb's object).
    """
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "under" or prep.head is prep:
        return None
    verb = prep.head
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in STATE_VERBS:
        return None
    for deps in (("dobj",), ("nsubj", "nsubjpass")):
        found = [c for c in verb.children if c.dep_ in deps and c.pos_ in ("PROPN", "NOUN", "PRON")]
        if found:
            return found[0]
    return None


def is_unrealized(noun: Token) -> bool:
    """Whether a reaction noun is promised, not reported: a modal, a readiness head or an if-clause
    on the way from the noun to its sentence's root ("would have a crushing response")."""
    token = noun
    for _ in range(8):
        kids = list(token.children)
        if any(c.dep_ == "aux" and c.lower_ in UNREALIZED_AUXILIARIES for c in kids):
            return True
        if token.lemma_.lower() in UNREALIZED_HEADS:
            return True
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS for m in c.children)
               for c in kids):
            return True
        if token.head is token or token.dep_ == "ccomp":
            return False
        token = token.head
    return False


def _clause_verb(noun: Token) -> Token | None:
    """The verb whose object (directly or through a preposition or a compound) the noun is."""
    token = noun
    while token.dep_ == "compound" and token.head is not token:
        token = token.head
    if token.dep_ == "pobj" and token.head.head is not token.head:
        token = token.head
    if token.dep_ in ("dobj", "prep", "attr") and token.head.pos_ in ("VERB", "AUX"):
        return token.head
    return None


def _doer_of_act(act: Token) -> Token | None:
    """Who would commit a provoking act: "any US move", "Russia's attack", "an attack by Russia"."""
    for child in act.children:
        named = child.ent_type_ in ("GPE", "NORP", "ORG")
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nsubj") and named):
            return child
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def reaction_actors(
    noun: Token, doer_of: Callable[[Token], Token | None]
) -> tuple[Token | None, Token | None]:
    """Source and target of a promised reaction ("any US move against Iran would have a crushing
    response"): the one who reacts is whoever states it, else the party the act is against; the
    target is the act's doer. `doer_of` finds a verb's doer (doers.subject_of)."""
    verb = _clause_verb(noun)
    if verb is None:
        return None, None
    acts = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"]
    target = _doer_of_act(acts[0]) if acts else None
    source = None
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in REPORTING_LEMMAS:
        source = doer_of(clause.head)  # "said …, and warned that …": the inherited subject
    if source is None and acts:
        source = next((o for c in acts[0].children if c.dep_ == "prep" and c.lower_ in ("against", "on")
                       for o in c.children if o.dep_ == "pobj"), None)
    if source is None and not acts:
        # "he was prepared to order a devastating response": the one who would order it.
        source = doer_of(verb)
    if target is None:
        # "ready to order a devastating response if rebels shell the base": the condition's doer.
        condition = _condition_clause(verb)
        target = doer_of(condition) if condition is not None else None
    return source, target


def _condition_clause(verb: Token) -> Token | None:
    """The if-clause on the verb or the heads it is a complement of (at most three up)."""
    token = verb
    for _ in range(3):
        for child in token.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKERS
                                             for m in child.children):
                return child
        if token.head is token or token.dep_ not in ("xcomp", "acomp", "ccomp"):
            return None
        token = token.head
    return None
