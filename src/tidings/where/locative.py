"""Names the parse puts in a locative phrase ("rallied in central Gifhorn"), whatever their NER label."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Prepositions whose object is where something is or happens. "at" is left out: its object is as
# often an organisation ("worked at Google", "studied at Harvard") as a place; "from" and
# "between" name origins and ranges rather than where an event is.
GOVERNING_PREPOSITIONS = frozenset({"in", "near", "outside", "into", "inside", "around"})
# Words that may stand between the preposition and the name without changing what the name is
# ("in central Gifhorn", "outside northern Kharkiv", "in downtown Portland").
PART_WORDS = frozenset({
    "central", "downtown", "northern", "southern", "eastern", "western", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "northeast",
    "northwest", "southeast", "southwest", "rural", "suburban", "greater", "old", "uptown",
})
# Heads a locative phrase may hang on: a verb ("protested in X") or a common noun ("a protest in
# X", "a village near X"); not a proper noun ("Ministry of Interior in X" is the ministry's name).
_HEADS = frozenset({"VERB", "AUX", "NOUN"})


def locative_object(doc: Doc, span: Span) -> bool:
    """True when the span is the object of a locative preposition that modifies a verb or a common
    noun ("protested in Ebersberg", "a rally near Hofors", "rallied in central Gifhorn"): the
    grammar says the name is a place, where the small NER model may call it a PERSON or ORG.
    Callers still require the name to be in the gazetteer ("invested in Tesla" finds nothing).

    Not a possessor ("in Jordan's words") and not after a determiner ("in the Guardian")."""
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in PART_WORDS and doc[i].is_lower:
        i -= 1
    if i < 0 or doc[i].lower_ not in GOVERNING_PREPOSITIONS:
        return False
    preposition = doc[i]
    if span.end < len(doc) and doc[span.end].tag_ == "POS":
        return False
    if not _object_of(span.root, preposition):
        return False
    return preposition.head.pos_ in _HEADS


def _object_of(root: Token, preposition: Token) -> bool:
    """The name's root hangs on the preposition as its object; the small parser sometimes labels
    that arc compound, conj or appos when the name is unknown to it."""
    return root.head.i == preposition.i and root.dep_ in ("pobj", "conj", "appos", "compound")
