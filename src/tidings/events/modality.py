"""Whether an event happened: asserted, negated, conditional, planned or hypothetical."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

from tidings.errors import DataFileError

# How far up the dependency tree a governing cue may sit ("was advised not to launch" is 2 arcs).
MAX_CLIMB = 4
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "acl", "advcl", "pobj", "dobj", "relcl"})


@dataclass(frozen=True)
class ModalityCues:
    negation_words: frozenset[str]
    negating_verbs: frozenset[str]
    planning_heads: frozenset[str]
    planning_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_heads: frozenset[str]
    condition_markers: frozenset[str]

    @classmethod
    def load(cls, path: Path | None = None) -> ModalityCues:
        source = path or resources.files("tidings") / "data" / "cues" / "modality.yaml"
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        try:
            return cls(**{key: frozenset(str(v).lower() for v in values) for key, values in data.items()})
        except TypeError as exc:
            raise DataFileError(str(source), None, f"bad modality cues: {exc}") from exc


def _negated_here(token: Token, cues: ModalityCues) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in cues.negation_words)
               for c in token.children)


def _auxiliaries(token: Token) -> set[str]:
    return {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}


def modality_with_cue(trigger: Token, cues: ModalityCues) -> tuple[str, str]:
    """The modality of the event expressed by `trigger`, from its own and its governors' cues.

    The trigger's own clause decides first (negation, modal, future auxiliary, condition); then
    the chain of governing words: a complement of "refuse" is negated, of "plan" planned, of
    "threaten"/"urge"/"options for" hypothetical, and a clause under "if" conditional.
    """
    auxiliaries = _auxiliaries(trigger)
    # "advised Trump not to launch": the negated act was only advised, so the head decides.
    advised = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in cues.hypothetical_heads
    if _negated_here(trigger, cues) and trigger.pos_ in ("VERB", "AUX") and not advised:
        # "will not accept", "would not meet": a refusal, not just a non-event.
        future = auxiliaries & (cues.planning_auxiliaries | {"would"})
        return "negated", f"not+{sorted(future)[0]}" if future else "not"
    if any(c.dep_ == "mark" and c.lower_ in cues.condition_markers for c in trigger.children):
        return "conditional", "if-clause"
    # "would withdraw if the militants stopped": the consequent of a condition is conditional too.
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.condition_markers - {"whether"}
                                     for m in c.children) for c in trigger.children):
        return "conditional", "if-consequent"
    if auxiliaries & cues.planning_auxiliaries:
        return "planned", sorted(auxiliaries & cues.planning_auxiliaries)[0]
    if auxiliaries & cues.hypothetical_auxiliaries:
        return "hypothetical", sorted(auxiliaries & cues.hypothetical_auxiliaries)[0]
    current = trigger
    for _ in range(MAX_CLIMB):
        head = current.head
        if head is current or current.dep_ not in COMPLEMENT_DEPS | {"prep"}:
            break
        lemma = head.lemma_.lower()
        if current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in cues.condition_markers for c in current.children
        ):
            return "conditional", "if-clause"
        if current.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep"):
            if lemma in cues.negating_verbs and current.dep_ != "dobj":
                return "negated", lemma
            if lemma in cues.planning_heads:
                return "planned", lemma
            if lemma in cues.hypothetical_heads:
                return "hypothetical", lemma
            head_aux = _auxiliaries(head)
            if head_aux & cues.planning_auxiliaries:
                return "planned", sorted(head_aux & cues.planning_auxiliaries)[0]
            if head_aux & cues.hypothetical_auxiliaries and current.dep_ != "ccomp":
                return "hypothetical", sorted(head_aux & cues.hypothetical_auxiliaries)[0]
        if current.dep_ in ("ccomp", "advcl") and head.pos_ in ("VERB", "AUX"):
            # A reported clause keeps its own modality; do not inherit the reporter's.
            break
        current = head
    return "asserted", ""


def candidate_modality(trigger: Token, cues: ModalityCues, promised: bool = False) -> tuple[str, str]:
    """modality_with_cue, except for a promised reaction ("would meet a crushing response"): that
    threat is made now; the modal or condition belongs to the reaction, so it is asserted."""
    modality, cue = modality_with_cue(trigger, cues)
    if promised and modality in ("hypothetical", "planned", "conditional"):
        return "asserted", "promised reaction"
    return modality, cue


def modality_of(trigger: Token, cues: ModalityCues) -> str:
    """The modality of the event expressed by `trigger` (see modality_with_cue)."""
    return modality_with_cue(trigger, cues)[0]
