"""Which phrases near an act are its parties: a harm's victim, a weapon's user, a companion."""

from __future__ import annotations

from spacy.tokens import Token

from tidings.actors.coref import ActorContext

# Harms whose "of" object is the one harmed ("the death of any American"). When such a harm is what an
# act is against ("warned against the killing of X"), X is whom the act protects, never its addressee.
HARM_NOUNS = frozenset({"death", "killing", "murder", "harm", "injury", "execution", "assassination",
                        "massacre", "slaughter", "torture", "abduction", "kidnapping", "suffering"})


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


def is_companion(head: Token) -> bool:
    """Whom the act is done with ("a meeting with his advisers"): another party even when coded as the
    source is, unlike the source's own means ("Iraq said its army would attack")."""
    return head.dep_ == "pobj" and head.head.lower_ == "with"


def _of_objects(head: Token) -> list[Token]:
    return [obj for child in head.rights if child.dep_ == "prep" and child.lower_ == "of"
            for obj in child.children if obj.dep_ == "pobj"]
