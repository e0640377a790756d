"""VerbFacts: what pattern checks read off one verb, computed once and shared by all its patterns."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.events.extract import VerbFacts, verb_pattern_matches
from tidings.events.patterns import VerbPattern


@pytest.fixture(scope="module")
def doc() -> Doc:
    # A hand-built parse, so the test does not depend on the model: depth below "threatened" is
    # launch 1, attacks 2, on 3, town 4, border 5.
    words = ["Rebels", "threatened", "to", "launch", "attacks", "on", "the", "border", "town", "."]
    heads = [1, 1, 3, 1, 3, 4, 8, 8, 5, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "dobj", "prep", "det", "compound", "pobj", "punct"]
    pos = ["NOUN", "VERB", "PART", "VERB", "NOUN", "ADP", "DET", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["rebel", "threaten", "to", "launch", "attack", "on", "the", "border", "town", "."]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_complements_reach_four_arcs_below_the_verb_and_no_further(doc):
    facts = VerbFacts(doc[1])
    # Any verb or noun in reach counts, the subject too; not "border" (5 arcs), nor the verb itself.
    assert facts.complements == {"rebel", "launch", "attack", "town"}


def test_complement_pattern_matches_only_within_reach(doc):
    near = VerbPattern(lemma="threaten", code="138", complement=("town",))
    far = VerbPattern(lemma="threaten", code="138", complement=("border",))
    assert verb_pattern_matches(doc[1], near)
    assert not verb_pattern_matches(doc[1], far)


def test_shared_facts_give_the_same_answers_as_fresh_ones(doc):
    facts = VerbFacts(doc[1])
    patterns = [
        VerbPattern(lemma="threaten", code="1", subject=("rebel",)),
        VerbPattern(lemma="threaten", code="2", subject=("army",)),
        VerbPattern(lemma="threaten", code="3", prep="on"),  # "on" hangs from attacks, not the verb
        VerbPattern(lemma="threaten", code="4", particle="off"),
        VerbPattern(lemma="launch", code="5", object=("attack",)),
    ]
    for pattern in patterns:
        assert verb_pattern_matches(doc[1], pattern, facts) == verb_pattern_matches(doc[1], pattern)
    assert [verb_pattern_matches(doc[1], p, facts) for p in patterns] == [True, False, False, False, False]
    # Facts of another verb are not used by mistake: "launch" has the object "attacks".
    assert verb_pattern_matches(doc[3], patterns[4], facts)
