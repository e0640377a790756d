"""Resolve a noun phrase to a coded actor, with document-level coreference (ActorContext)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from tidings.actors.kb import ActorKB, NamedActor, normalise
from tidings.types import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
# Heads that act for the group their "for"/"of" object names: "a spokesman for X" speaks as X.
PROXY_HEADS = frozenset({"spokesman", "spokeswoman", "spokesperson", "group", "member", "one", "faction",
                         "representative", "wing", "unit", "fighter", "delegation", "leadership", "envoy"})
LEFT_DEPS = frozenset({"compound", "amod", "nmod", "det", "poss", "nummod", "quantmod", "punct", "case", "npadvmod"})


@dataclass
class ActorContext:
    """The discourse memory of one article: actors seen so far, for coreference."""

    kb: ActorKB
    when: date | None = None
    history: list[tuple[Actor, bool]] = field(default_factory=list)  # (actor, is a person)

    def remember(self, actor: Actor, person: bool) -> None:
        self.history.append((actor, person))

    def latest(self, person: bool | None = None, role: str | None = None, surname: str | None = None) -> Actor | None:
        for actor, is_person in reversed(self.history):
            if person is not None and is_person != person:
                continue
            if role is not None and actor.role != role:
                continue
            if surname is not None and not (actor.name and actor.name.lower().split()[-1] == surname):
                continue
            return actor
        return None


@dataclass
class _Scan:
    named: NamedActor | None = None
    country: str | None = None
    seat: bool = False  # the country came from a capital or seat of government ("Washington")
    role: str | None = None
    person: bool = False
    name_tokens: list[Token] = field(default_factory=list)


def _phrase(head: Token) -> list[Token]:
    """The head and its left modifiers (compounds, adjectives, titles), in text order."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in LEFT_DEPS:
            tokens.extend(t for t in child.subtree if not t.is_space)
    for child in head.rights:
        if child.dep_ in ("compound", "flat"):
            tokens.extend(child.subtree)
    return sorted({t.i: t for t in tokens}.values(), key=lambda t: t.i)


def _scan(tokens: list[Token], kb: ActorKB) -> _Scan:
    """Longest-match the phrase's word n-grams against named actors, countries and role cues."""
    scan = _Scan()
    used: set[int] = set()
    for size in range(min(kb.max_words, len(tokens)), 0, -1):
        for start in range(len(tokens) - size + 1):
            window = tokens[start:start + size]
            if any(t.i in used for t in window) or window[-1].i - window[0].i != size - 1:
                continue
            text = window[0].doc[window[0].i:window[-1].i + 1].text
            key = normalise(text)
            named = kb.named_actor(text)
            if named is not None and scan.named is None:
                scan.named = named
                scan.name_tokens = window
            elif key in kb.countries or key in kb.adjectives or (key in kb.seats and size == len(tokens)):
                if scan.country is None:
                    scan.country = kb.country_of(text)
                    scan.seat = key in kb.seats and key not in kb.countries
            else:
                lemma_key = " ".join(t.lemma_.lower() for t in window)
                cue = kb.roles.get(key) or kb.roles.get(lemma_key)
                if cue is None:
                    continue
                # The rightmost role cue wins: "government spokesman" is the spokesman.
                scan.role, scan.person = cue
            used.update(t.i for t in window)
    if scan.named is None:
        people = [t for t in tokens if t.ent_type_ == "PERSON"]
        scan.name_tokens = people
        scan.person = scan.person or bool(people)
    else:
        scan.person = scan.person or scan.named.kind == "person"
    return scan


def _code(country: str | None, role: str | None) -> str | None:
    if country and role:
        return country + role
    return country or role


def _of_object(head: Token) -> Token | None:
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def resolve_actor(head: Token, context: ActorContext, _depth: int = 0) -> Actor | None:
    """The coded actor of the noun phrase headed by `head` (None when it names no actor)."""
    doc = head.doc
    if head.lower_ in PERSON_PRONOUNS:
        found = context.latest(person=True)
        if found is None:
            return None
        return Actor(head.text, head.idx, head.idx + len(head.text), found.code, found.country, found.role, found.name)

    tokens = [t for t in _phrase(head) if not (t.is_punct and t.i in (head.left_edge.i, head.i))]
    tokens = [t for t in tokens if t.dep_ != "poss" or t.i == head.i] or [head]
    scan = _scan(tokens, context.kb)
    start_tok, end_tok = tokens[0], tokens[-1]
    while start_tok.i < end_tok.i and (start_tok.is_punct or start_tok.lower_ in ("a", "an")):
        start_tok = doc[start_tok.i + 1]
    text_start, text_end = start_tok.idx, end_tok.idx + len(end_tok.text)

    code: str | None
    name = scan.named.name if scan.named else (" ".join(t.text for t in scan.name_tokens) or None)
    country, role = scan.country, scan.role
    if scan.named is not None:
        code = scan.named.code_on(context.when)
        country = code[:3] if code[:3] in context.kb.countries.values() else None
        role = code[3:6] if country else code[:3]
    else:
        if scan.seat and role is None:
            role = "GOV"  # "Washington said": the capital speaks for the government
        if _depth < 3:
            related = _of_object(head)
            if related is not None and (head.lemma_.lower() in PROXY_HEADS or role is not None):
                inner = resolve_actor(related, context, _depth + 1)
                if inner is not None and inner.code:
                    if head.lemma_.lower() in PROXY_HEADS or role is None:
                        country, role = inner.country, inner.role
                        name = name or inner.name
                    else:
                        country = country or inner.country
                        role = inner.role if inner.role and inner.country else role
            appositions = [c for c in head.rights if c.dep_ == "appos"]
            if appositions and (country is None or role is None):
                inner = resolve_actor(appositions[0], context, _depth + 1)
                if inner is not None:
                    country, role = country or inner.country, role or inner.role
            owners = [c for c in head.lefts if c.dep_ == "poss"]
            if owners and country is None and role is not None:
                owner = resolve_actor(owners[0], context, _depth + 1)
                if owner is not None:
                    country = owner.country
        if country is None and role is None and scan.name_tokens:
            surname = scan.name_tokens[-1].lower_
            earlier = context.latest(person=True, surname=surname)
            if earlier is not None:
                return Actor(doc.text[text_start:text_end], text_start, text_end, earlier.code,
                             earlier.country, earlier.role, earlier.name)
        if country is None and role is not None and any(t.lower_ == "the" for t in head.lefts):
            earlier = context.latest(role=role)
            if earlier is not None and earlier.country:
                return Actor(doc.text[text_start:text_end], text_start, text_end, earlier.code,
                             earlier.country, earlier.role, earlier.name)
        code = _code(country, role)
    if not code:
        return None
    actor = Actor(doc.text[text_start:text_end], text_start, text_end, code, country, role, name)
    if _depth == 0:
        context.remember(actor, scan.person)
    return actor
