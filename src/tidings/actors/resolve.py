"""Resolve a noun phrase's head token to a coded Actor: phrase, relations, then coreference."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from tidings.actors.coref import ActorContext, Mention
from tidings.actors.kb import NamedActor
from tidings.actors.phrase import PhraseReading, read_phrase
from tidings.types import Actor
from tidings.nlp import doc_text

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_POSSESSIVES = frozenset({"its", "their"})
# Heads the document pass resolves up front, so coreference has every earlier mention to look at.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "pobj", "poss", "appos",
                           "attr", "conj", "oprd", "ROOT"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# People who are no actor but are still what a later "he"/"she" refers to ("a man … released him").
PLAIN_PEOPLE = frozenset({"man", "woman", "person", "boy", "girl", "child", "mother", "father", "wife",
                          "husband", "son", "daughter", "brother", "sister", "friend", "witness"})
# How deep "a spokesman for one of the factions of …" may nest before we stop following it.
MAX_DEPTH = 3
# After these a capital is a place ("in Baghdad"), elsewhere it stands for the government.
LOCATIVE_PREPS = frozenset({"in", "at", "near", "into", "across", "around", "outside", "inside",
                            "through", "toward", "towards", "on", "over", "within", "throughout"})


@dataclass(frozen=True)
class _Found:
    """A resolved mention plus what the discourse memory needs to know about it."""

    actor: Actor
    person: bool = False
    cue: str | None = None
    titles: frozenset[str] = frozenset()
    organisation: bool = False


def resolve_actor(head: Token, context: ActorContext) -> Actor | None:
    """The coded actor of the noun phrase headed by `head`, or None when it names no actor.

    The first call for a document resolves every argument head of it in text order (the article's
    discourse memory); later calls return those results, so call order never changes a code.
    """
    context.read(head.doc, lambda h: _resolve_and_remember(h, context), _argument_heads)
    seen, actor = context.known(head)
    return actor if seen else _resolve_and_remember(head, context)


def _argument_heads(doc: Doc) -> list[Token]:
    return [t for t in doc if t.dep_ in ARGUMENT_DEPS and t.pos_ in NOMINAL_POS]


def _resolve_and_remember(head: Token, context: ActorContext) -> Actor | None:
    found = _resolve(head, context, 0)
    if found is None:
        return None
    context.remember(head, found.actor, person=found.person, cue=found.cue, titles=found.titles,
                     organisation=found.organisation)
    return found.actor if found.actor.code else None


def _resolve(head: Token, context: ActorContext, depth: int) -> _Found | None:
    lower = head.lower_
    if lower in PERSON_PRONOUNS:
        return _corefer(head.idx, head.idx + len(head.text), head.doc,
                        context.person_antecedent(head.idx))
    if lower in GROUP_POSSESSIVES and head.dep_ == "poss":
        return _corefer(head.idx, head.idx + len(head.text), head.doc,
                        context.group_antecedent(head.idx))
    if head.pos_ == "PRON":
        return None  # "it", "they", "which": not followed yet (see the package README)
    reading = read_phrase(head, context.kb, context.when)
    if not reading.is_actor_head:
        if head.lemma_.lower() in PLAIN_PEOPLE and head.tag_ == "NN":
            return _Found(_actor(reading, reading.end, None, None, None, None), person=True)
        return None
    if reading.named is not None and reading.named_at_head:
        return _named(reading, reading.named, context)
    return _compose(reading, context, depth)


def _named(reading: PhraseReading, named: NamedActor, context: ActorContext) -> _Found:
    """A named actor at the head: its code on the date, unless the phrase says "former"."""
    earlier = None if reading.titles or reading.former else context.named_antecedent(reading.start, named.name)
    if earlier is not None:  # a bare "Trump" repeats the article's earlier, fuller mention
        return _corefer(reading.start, reading.end, reading.head.doc, earlier, reading)
    code = named.code_on(context.when)
    if context.when is None and reading.role:
        # Undated text: a title in the phrase ("President Trump") says which office is meant.
        offices = [p.code for p in named.periods if context.kb.split_code(p.code)[1] == reading.role]
        code = offices[-1] if offices else code
    country, role = context.kb.split_code(code)
    if reading.former and country:
        code, role = country + "ELI", "ELI"
    actor = _actor(reading, reading.end, code, country, role, named.name)
    return _Found(actor, named.is_person, _cue(reading), frozenset({*reading.titles, *named.titles}),
                  not named.is_person)


def _compose(reading: PhraseReading, context: ActorContext, depth: int) -> _Found | None:
    """Country and role from the phrase, its named modifier, its relations, then coreference."""
    kb, head = context.kb, reading.head
    country, role, name, code = reading.country, reading.role, reading.person_name, None
    end = reading.end
    if reading.seat and reading.country_at_head and role is None and not _is_place(head):
        role = "GOV"  # "Washington said", "the Kremlin warned": the seat speaks for the government
    proxy = bool(reading.head_cue and reading.head_cue.proxy)

    named = reading.named
    if named is not None:  # a name modifying the head: "the Trump administration", "Hamas fighters"
        named_code = named.code_on(context.when)
        named_country, named_role = kb.split_code(named_code)
        name = named.name
        if named.is_person:
            country = country or named_country
        elif proxy or role is None or named_country is None:
            code, country, role = named_code, named_country, named_role
        else:
            country = country or named_country

    if code is None and depth < MAX_DEPTH and reading.head_cue is not None:
        related = _related(head, context, depth, proxy)
        if related is not None:
            found, relation = related
            inner = found.actor
            if relation == "object":
                end = max(end, inner.end)
            takes_whole = (proxy and (inner.role or found.organisation)) or (
                relation == "object" and (found.organisation or inner.country is None))
            if takes_whole:
                code, country, role = inner.code, inner.country, inner.role
                name = name or inner.name
            else:
                country = country or inner.country
                role = role or inner.role

    if code is None and country is None and depth < MAX_DEPTH:
        appositive = next((c for c in head.rights if c.dep_ == "appos"), None)
        inner_found = _resolve(appositive, context, depth + 1) if appositive is not None else None
        # Only like describes like: "Qaani, commander of …", not a group glossed by a person.
        if inner_found is not None and inner_found.actor.code and inner_found.person == reading.person:
            if role is None or inner_found.actor.role == role:
                code = inner_found.actor.code
            country, role = inner_found.actor.country, role or inner_found.actor.role

    if code is None and country is None and role not in (None, "MIL"):
        country = _located_in(head, context)  # "factions in Iraq"; not troops, which deploy abroad

    if code is None and country is None:
        antecedent = _antecedent(reading, context, role)
        if antecedent is not None:
            return _corefer(reading.start, end, head.doc, antecedent, reading)

    if reading.former and (country or code):
        country = country or kb.split_code(code or "")[0]
        code, role = (country + "ELI" if country else code), "ELI"
    code = code or (country + (role or "") if country else role)
    if not code:
        if reading.person_name:  # uncoded, but an antecedent for a later "he"
            return _Found(_actor(reading, end, None, None, None, name), person=True)
        return None
    if country is None and role is None:
        country, role = kb.split_code(code)
    return _Found(_actor(reading, end, code, country, role, name), reading.person, _cue(reading),
                  frozenset(reading.titles))


def _related(head: Token, context: ActorContext, depth: int, proxy: bool) -> tuple[_Found, str] | None:
    """The actor a role noun belongs to: its "of"/"for" object, else its possessor."""
    preps = ("of", "for", "from") if proxy else ("of", "for")
    for obj in _objects(head, preps):
        found = _resolve(obj, context, depth + 1)
        if found is None or not found.actor.code:
            # "the minister of defence of Iraq": an office's own of-phrase names the country.
            found = next((f for o in _objects(obj, ("of",)) for f in [_resolve(o, context, depth + 1)]
                          if f is not None and f.actor.code), None)
        if found is not None:
            return found, "object"
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.lower_ != "whose"), None)
    found = _resolve(owner, context, depth + 1) if owner is not None else None
    if found is not None and found.actor.code:
        return found, "owner"
    return None


def _objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the head's prepositions in `preps` ("a spokesman for X" → X)."""
    return [obj for child in head.rights if child.dep_ == "prep" and child.lower_ in preps
            for obj in child.children if obj.dep_ == "pobj"]


def _is_place(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def _located_in(head: Token, context: ActorContext) -> str | None:
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "in":
            for place in (c for c in child.children if c.dep_ == "pobj"):
                country = context.kb.country_of(place.text)
                if country:
                    return country
    return None


def _antecedent(reading: PhraseReading, context: ActorContext, role: str | None) -> Mention | None:
    """An earlier mention this one repeats: a bare surname or a definite role noun."""
    position = reading.start
    if reading.person_name:
        return context.name_antecedent(position, reading.person_name)
    if reading.definite and reading.head_cue is not None and not _objects(reading.head, ("of", "for")):
        if reading.head_cue.role is None and not reading.head_cue.person:
            return context.group_antecedent(position, named_only=True)  # "the group"
        return context.role_antecedent(position, reading.head_cue.cue, role, reading.person)
    return None


def _corefer(start: int, end: int, doc: Doc, antecedent: Mention | None,
             reading: PhraseReading | None = None) -> _Found | None:
    """This mention's own span with the antecedent's code and name."""
    if antecedent is None:
        return None
    earlier = antecedent.actor
    actor = Actor(doc_text(doc)[start:end], start, end, earlier.code, earlier.country, earlier.role, earlier.name)
    cue = _cue(reading) if reading is not None else antecedent.cue
    return _Found(actor, antecedent.person, cue, antecedent.titles, antecedent.organisation)


def _cue(reading: PhraseReading | None) -> str | None:
    return reading.head_cue.cue if reading is not None and reading.head_cue else None


def _actor(reading: PhraseReading, end: int, code: str | None, country: str | None, role: str | None,
           name: str | None) -> Actor:
    text = doc_text(reading.head.doc)
    return Actor(text[reading.start:end], reading.start, end, code, country, role, name)
