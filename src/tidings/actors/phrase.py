"""Read one noun phrase against the KB: its span, named actor, country, role cues and name."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from tidings.actors.kb import ActorKB, NamedActor, RoleCue
from tidings.nlp import doc_text

# Left dependents that belong to the phrase; a possessor is read separately (it is its own actor).
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "det", "nummod", "quantmod", "npadvmod", "punct",
                           "predet", "case", "poss", "advmod", "dep"})
RIGHT_NAME_DEPS = frozenset({"compound", "flat"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# Words saying the office is over: CAMEO codes a former office-holder as elite (ELI).
FORMER = frozenset({"former", "ex", "ex-", "ousted", "deposed", "toppled", "exiled"})
# "Iranian-backed factions" are not Iranian; "U.S.-led forces" are led by the US.
NOT_OF_COUNTRY = frozenset({"backed", "supported", "sponsored", "funded", "allied", "aligned", "linked",
                            "affiliated", "trained", "armed", "inspired", "leaning", "friendly"})
OF_COUNTRY = frozenset({"led", "based", "run", "owned"})
# Words that make a demonym an ethnicity: "ethnic Turks" may be Swedish or Bulgarian citizens.
ETHNIC_MARKERS = frozenset({"ethnic"})
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


@dataclass
class PhraseReading:
    """What the words of a noun phrase say, before relations and coreference are consulted."""

    head: Token
    start: int  # character span of the mention (determiners and possessor included)
    end: int
    named: NamedActor | None = None
    named_at_head: bool = False  # the head is part of the name ("Donald Trump"), not a modifier of it
    country: str | None = None
    country_at_head: bool = False  # the head itself names the country ("Iraq", "the Americans")
    seat: bool = False  # the country came from a seat of government ("Washington", "the Kremlin")
    head_cue: RoleCue | None = None
    role: str | None = None  # the phrase's role: its rightmost non-proxy cue, else a proxy's default
    titles: set[str] = field(default_factory=set)  # person cues ("prime minister"), for coreference
    person_name: str | None = None  # a PERSON entity the head belongs to, when no KB entry matched
    former: bool = False
    definite: bool = False
    ethnic: bool = False  # "ethnic Turks": a people, whatever state they live in
    evidence: list[str] = field(default_factory=list)  # KB entries matched, with table and line

    @property
    def is_actor_head(self) -> bool:
        """The head itself can be an actor: a name, a country, a role noun or a named entity."""
        return bool(self.named_at_head or self.country_at_head or self.head_cue
                    or self.head.ent_type_ in ACTOR_ENTITIES
                    # a name the model did not tag, titled by its modifiers ("British militant X Y")
                    or (self.head.pos_ == "PROPN" and (self.role or self.country))
                    # a nationality on an unlisted noun codes the country, as PETRARCH does
                    # ("Palestinian prisoners", "Algerian landowners")
                    or (self.head.pos_ == "NOUN" and self.country)
                    # a named organisation on an unlisted noun speaks as it ("the APEC forum")
                    or (self.head.pos_ == "NOUN" and self.named is not None and not self.named.is_person))

    @property
    def person(self) -> bool:
        """One individual: a named person, a person entity or a singular person noun."""
        if self.named_at_head and self.named is not None:
            return self.named.is_person
        if self.person_name:
            return True
        return bool(self.head_cue and self.head_cue.person and self.head.tag_ not in ("NNS", "NNPS"))


def phrase_tokens(head: Token) -> list[Token]:
    """The head, its left modifiers (with their subtrees) and right name parts, in text order."""
    tokens = {head.i: head}
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS:
            tokens.update((t.i, t) for t in child.subtree)
    for child in head.rights:
        if child.dep_ in RIGHT_NAME_DEPS:
            tokens.update((t.i, t) for t in child.subtree)
    ordered = sorted(tokens.values(), key=lambda t: t.i)
    # The phrase is contiguous: a dependent that reaches past a comma is a parse slip, not a modifier.
    while ordered[0].i < head.i and (ordered[0].is_punct or ordered[0].is_space):
        ordered.pop(0)
    return ordered


def read_phrase(head: Token, kb: ActorKB, when: date | None) -> PhraseReading:
    """Longest-match the phrase's token windows against named actors, places and role cues."""
    tokens = phrase_tokens(head)
    owner = {t.i for child in head.lefts if child.dep_ == "poss" for t in child.subtree}
    words = [t for t in tokens if t.i not in owner]  # the possessor is its own actor
    last = max(t.i for t in tokens)
    reading = PhraseReading(head, tokens[0].idx, head.doc[last].idx + len(head.doc[last].text))
    reading.former = any(t.lower_ in FORMER for t in words)
    reading.definite = any(t.lower_ in DEFINITE and t.dep_ in ("det", "predet") for t in words)
    reading.ethnic = any(t.lower_ in ETHNIC_MARKERS for t in words)
    cues: list[tuple[int, RoleCue]] = []
    used: set[int] = set()
    named_of = _name_with_of(head, words, kb, when) or _name_of_entity(head, words, kb, when)
    if named_of is not None:  # "the Organization of African Unity": the whole name, of-phrase included
        reading.named, reading.named_at_head, end = named_of
        reading.end = max(reading.end, end.idx + len(end.text))
        reading.evidence.append(f"named {reading.named.kind} {reading.named.name!r} ({reading.named.source})")
        used.update(t.i for t in words)
    for size in range(min(kb.max_tokens, len(words)), 0, -1):
        for begin in range(len(words) - size + 1):
            window = words[begin:begin + size]
            if window[-1].i - window[0].i != size - 1 or any(t.i in used for t in window):
                continue
            if _match_window(window, kb, when, reading, cues):
                used.update(t.i for t in window)
    _settle_role(reading, cues)
    if reading.named is None and head.ent_type_ == "PERSON":
        reading.person_name = _entity_text(head)
    return reading


def _name_with_of(head: Token, words: list[Token], kb: ActorKB,
                  when: date | None) -> tuple[NamedActor, bool, Token] | None:
    """A proper name that runs on through an "of"-phrase ("League of Arab States"), longest first."""
    if head.pos_ != "PROPN":
        return None
    text = doc_text(head.doc)
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        obj = next((c for c in prep.children if c.dep_ == "pobj" and c.text[:1].isupper()), None)
        if obj is None:
            continue
        last = obj.right_edge
        for first in (t for t in words if t.i <= head.i):
            named = kb.named_actor(text[first.idx:last.idx + len(last.text)], when)
            if named is not None:
                return named, True, last
    return None


def _name_of_entity(head: Token, words: list[Token], kb: ActorKB,
                    when: date | None) -> tuple[NamedActor, bool, Token] | None:
    """The named actor of the entity the head begins, when the parse split the name ("Fridays for
    Future activists": the head "Fridays" with its "for"-phrase)."""
    if head.ent_type_ not in ("ORG", "PERSON") or head.ent_iob_ != "B":
        return None
    end = head.i
    while end + 1 < len(head.doc) and head.doc[end + 1].ent_iob_ == "I":
        end += 1
    if end == head.i or end <= max(t.i for t in words):
        return None  # the phrase's own windows see the whole name
    named = kb.named_actor(head.doc[head.i:end + 1].text, when)
    return (named, True, head.doc[end]) if named is not None else None


def _match_window(window: list[Token], kb: ActorKB, when: date | None, reading: PhraseReading,
                  cues: list[tuple[int, RoleCue]]) -> bool:
    doc, head = window[0].doc, reading.head
    text = doc_text(doc)[window[0].idx:window[-1].idx + len(window[-1].text)]
    at_head = window[0].i <= head.i <= window[-1].i
    if reading.named is None and not _inside_longer_person(window):
        named = kb.named_actor(text, when)
        if named is not None:
            reading.named, reading.named_at_head = named, at_head
            reading.evidence.append(f"named {named.kind} {text!r} → {named.name} ({named.source})")
            return True
    place = _place(window, text, kb)
    if place is not None:
        reading.evidence.append(f"{place[0]} {text!r} → {place[1]} ({kb.place_source(text)})")
        if reading.country is None:
            kind, reading.country = place
            reading.seat = kind == "seat"
        reading.country_at_head = reading.country_at_head or at_head
        return True
    if window[-1].pos_ in ("NOUN", "PROPN", "NUM", "PRON") or (window[-1].pos_ == "ADJ" and at_head) or (
            window[-1].pos_ == "ADJ" and window[-1].dep_ == "amod" and _proxy_head(head, kb)):
        lemmas = " ".join(t.lemma_ for t in window)
        cue = kb.role_cue(text, lemmas)
        if cue is not None and cue.in_names and not window[-1].text[:1].isupper():
            cue = None  # "a birthday party" is no party; "the Iyi Party" is one
        if cue is not None:
            cues.append((window[-1].i, cue))
            reading.evidence.append(f"role cue {cue.cue!r} → {cue.role or '(proxy)'} ({cue.source})")
            if at_head:
                reading.head_cue = cue
            if cue.person and cue.role:
                reading.titles.add(cue.cue)
            return True
    return False


def _proxy_head(head: Token, kb: ActorKB) -> bool:
    """The head stands for someone else ("envoy", "negotiator"), so an adjective before it may say
    whom: "a rebel envoy" speaks for the rebels."""
    cue = kb.role_cue(head.text, head.lemma_)
    return cue is not None and cue.proxy


def _place(window: list[Token], text: str, kb: ActorKB) -> tuple[str, str] | None:
    """A country, demonym or seat the window names, unless the text says it is someone else's."""
    doc = window[0].doc
    if any(t.ent_type_ == "PERSON" for t in window):
        return None  # "Jordan Peterson", "Chad Smith"
    first, last = window[0], window[-1]
    # Neighbours by index, not by slicing: a Span per window was a hot spot of actor coding.
    if first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].lower_ in ("pro", "anti"):
        return None
    if first.i >= 1 and doc[first.i - 1].lower_ in ETHNIC_MARKERS:
        return None  # "ethnic Albanians in Macedonia": a people, not a state's nationals
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-" and doc[last.i + 2].lower_ in NOT_OF_COUNTRY:
        return None
    if len(window) == 1 and "-" in text.strip("-"):
        prefix, _, suffix = text.rpartition("-")
        if suffix.lower() in NOT_OF_COUNTRY:
            return None
        if suffix.lower() in OF_COUNTRY:
            return kb.place(prefix)
    return kb.place(text)


def _inside_longer_person(window: list[Token]) -> bool:
    """The window is part of a longer person's name ("Sharon" in "Sharon Stone")."""
    doc = window[0].doc
    first, last = window[0], window[-1]
    if first.ent_type_ != "PERSON" and last.ent_type_ != "PERSON":
        return False
    starts_inside = first.ent_iob_ == "I"
    ends_inside = last.i + 1 < len(doc) and doc[last.i + 1].ent_iob_ == "I"
    return starts_inside or ends_inside


def _entity_text(token: Token) -> str:
    """The text of the named entity a token belongs to."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _settle_role(reading: PhraseReading, cues: list[tuple[int, RoleCue]]) -> None:
    """The rightmost cue that names a role outright wins; a proxy's own role is the fallback."""
    ordered = [cue for _, cue in sorted(cues, key=lambda item: item[0])]
    direct = [c for c in ordered if c.role and not c.proxy]
    fallback = [c for c in ordered if c.role]
    chosen = (direct or fallback or [None])[-1]
    reading.role = chosen.role if chosen else None
