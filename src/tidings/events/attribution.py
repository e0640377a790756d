"""Attribution chains: who, according to the text, says an event happened (outermost first)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tidings.events.doers import subject_of
from tidings.events.reporting import ReportingCues

MAX_CLIMB = 8
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj", "relcl", "acl", "pcomp",
                           "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "npadvmod"})


@dataclass(frozen=True)
class AttributionFrame:
    """One source in a chain: the head token of its noun phrase and the cue that introduced it."""

    head: Token
    cue: str


def _according_to(token: Token, cues: ReportingCues) -> list[AttributionFrame]:
    """Frames attached directly to `token`: "according to X" and "citing X"."""
    frames = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                if to.lower_ == "to":
                    objects = [c for c in to.children if c.dep_ == "pobj"]
                    if objects:
                        frames.append(AttributionFrame(objects[0], cues.prepositions["according to"]))
                        frames.extend(_citing(objects[0], cues))
        if child.dep_ in ("advcl", "xcomp", "acl") and child.lemma_.lower() in cues.inner_source_verbs:
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                frames.append(AttributionFrame(objects[0], cues.inner_source_verbs[child.lemma_.lower()]))
    return frames


def _citing(token: Token, cues: ReportingCues) -> list[AttributionFrame]:
    """Inner sources hanging off a source noun: "the Washington Post, citing people …"."""
    frames = []
    for child in token.children:
        if child.dep_ in ("acl", "advcl", "relcl") and child.lemma_.lower() in cues.inner_source_verbs:
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                frames.append(AttributionFrame(objects[0], cues.inner_source_verbs[child.lemma_.lower()]))
    return frames


def _reporter_frames(verb: Token, cues: ReportingCues) -> list[AttributionFrame]:
    """The sources a reporting verb introduces, outermost first."""
    lemma = verb.lemma_.lower()
    frames: list[AttributionFrame] = []
    subject = subject_of(verb)
    # "Reuters quoted a US official as saying": the quoted object is the inner source of "say".
    # (subject_of gives the quoted object as the doer of "saying"; the chain still needs the quoter.)
    if verb.head.lower_ == "as" and verb.head.head.lemma_.lower() in cues.object_source_verbs:
        quoting = verb.head.head
        objects = [c for c in quoting.children if c.dep_ == "dobj"]
        frames.extend(_reporter_frames_outer(quoting, cues))
        if objects:
            frames.append(AttributionFrame(objects[0], cues.verbs.get(lemma, lemma)))
        return frames
    if subject is not None:
        frames.append(AttributionFrame(subject, cues.verbs.get(lemma, lemma)))
        frames.extend(_citing(subject, cues))
    frames.extend(_according_to(verb, cues))
    return frames


def _reporter_frames_outer(verb: Token, cues: ReportingCues) -> list[AttributionFrame]:
    subject = subject_of(verb)
    if subject is None:
        return []
    return [AttributionFrame(subject, cues.verbs.get(verb.lemma_.lower(), verb.lemma_.lower()))]


def attribution_frames(trigger: Token, cues: ReportingCues) -> list[AttributionFrame]:
    """The attribution chain of the event at `trigger`, outermost source first.

    Climbs from the trigger through the clauses that embed it; every reporting verb passed on
    the way ("said", "quoted … as saying", "reported") adds its source, and "according to X" or
    "citing X" attached to a clause adds X.
    """
    groups: list[list[AttributionFrame]] = []
    own = _according_to(trigger, cues)
    if own:
        groups.append(own)
    current = trigger
    seen_quote: set[int] = set()
    for _ in range(MAX_CLIMB):
        head = current.head
        if head is current:
            break
        if current.dep_ not in REPORTED_DEPS:
            break
        lemma = head.lemma_.lower()
        if head.i in seen_quote:
            current = head
            continue
        if cues.is_reporting_verb(lemma) and head.pos_ in ("VERB", "AUX") and current.dep_ in (
            "ccomp", "xcomp", "parataxis", "advcl", "dobj", "conj"
        ) and not (current.dep_ == "dobj" and current.pos_ in ("NOUN", "PROPN", "PRON")):
            frames = _reporter_frames(head, cues)
            if head.head.lower_ == "as":
                seen_quote.add(head.head.head.i)
            if frames:
                groups.append(frames)
        elif head.pos_ in ("VERB", "AUX") and head is not trigger:
            extra = _according_to(head, cues)
            if extra:
                groups.append(extra)
        current = head
    chain: list[AttributionFrame] = []
    for group in reversed(groups):
        for frame in group:
            if all(frame.head.i != f.head.i for f in chain):
                chain.append(frame)
    return chain


def frames_an_event(reporting_verb: Token, event_triggers: set[int]) -> bool:
    """Whether a reporting verb's complement holds another coded event (then it is attribution)."""
    # "said moderation is best, especially as the US withdraws": an adverbial clause is context
    # the reporter adds, not what is reported.
    aside = {t.i for c in reporting_verb.subtree if c.dep_ == "advcl" for t in c.subtree}
    for token in reporting_verb.subtree:
        if token.i != reporting_verb.i and token.i in event_triggers and token.i not in aside:
            # The event must sit in the reported clause, not in the reporter's own subject.
            subject = subject_of(reporting_verb)
            if subject is not None and subject.left_edge.i <= token.i <= subject.right_edge.i:
                continue
            return True
    return False
