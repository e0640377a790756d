"""Resolve a noun phrase's head token to a coded Actor: phrase, relations, then coreference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from tidings.actors.coref import ActorContext, Mention
from tidings.actors.kb import NamedActor
from tidings.actors.phrase import PhraseReading, read_phrase
from tidings.actors.scene import TRANSNATIONAL_ROLES, located_in, sentence_country
from tidings.nlp import doc_text
from tidings.types import Actor

PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
GROUP_POSSESSIVES = frozenset({"its", "their"})
# Roles whose members belong to the country they are in, when the phrase names none ("civilians").
STATELESS_ROLES = frozenset({"CVL"})
GROUP_SUBJECTS = frozenset({"it", "they"})
# Adjectives that describe a will, so "it is <adj> to …" has a real subject ("it is ready to talk").
AGENT_ADJECTIVES = frozenset({"willing", "unwilling", "ready", "prepared", "able", "unable", "determined",
                              "eager", "keen", "reluctant", "committed", "resolved", "set"})
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
    rule: str = ""  # how the code was reached, for `tidings actors lookup`
    evidence: tuple[str, ...] = ()  # the KB entries that gave it (table and line)


def resolve_actor(head: Token, context: ActorContext) -> Actor | None:
    """The coded actor of the noun phrase headed by `head`, or None when it names no actor.

    The first call for a document resolves every argument head of it in text order (the article's
    discourse memory); later calls return those results, so call order never changes a code.
    """
    context.read(head.doc, lambda h: _resolve_and_remember(h, context), _argument_heads)
    seen, actor = context.known(head)
    return actor if seen else _resolve_and_remember(head, context)


@dataclass(frozen=True)
class Resolution:
    """An actor with the rule and the KB entries that produced its code."""

    actor: Actor | None
    rule: str
    evidence: tuple[str, ...]


def explain_actor(head: Token, context: ActorContext) -> Resolution:
    """Resolve `head` like resolve_actor, keeping how: the rule applied and the entries used."""
    context.read(head.doc, lambda h: _resolve_and_remember(h, context), _argument_heads)
    found = _resolve(head, context, 0)
    if found is None or not found.actor.code:
        return Resolution(None, "no actor: no name, country, role cue or antecedent", ())
    return Resolution(found.actor, found.rule, found.evidence)


def _nearby_group(head: Token, context: ActorContext) -> Mention | None:
    """For a subject "it"/"they": the latest coded group or country of this or the previous
    sentence, preferring subjects ("Japan said it had halted aid" → Japan). Further back, or an
    expletive "it" ("it is likely"), gets none."""
    if head.lower_ == "it" and head.head.lemma_ == "be" and not _agent_predicate(head.head):
        return None
    sentence = head.sent
    earliest = head.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    found = context.group_antecedent(head.idx)
    return found if found is not None and found.actor.start >= earliest else None


def _agent_predicate(be: Token) -> bool:
    """"It is willing to withdraw": a predicate only an actor can be, so the "it" is no expletive."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in AGENT_ADJECTIVES for c in be.children)


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
    if lower in GROUP_SUBJECTS and head.dep_ in ("nsubj", "nsubjpass"):
        return _corefer(head.idx, head.idx + len(head.text), head.doc, _nearby_group(head, context))
    if head.pos_ == "PRON":
        return None  # "which", "who", objects "it"/"them": not followed (too often no actor)
    reading = read_phrase(head, context.kb, context.when)
    # "the girls", "a man" are no actor even where an imported agent list codes them CVL; with a
    # country they are that country's civilians ("Iraqi women").
    plain = (head.lemma_.lower() in PLAIN_PEOPLE and reading.country is None and reading.named is None
             and reading.role in (None, "CVL") and not _crowd(reading))
    if plain or not reading.is_actor_head:
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
    if context.when is None and named.periods:
        # Undated text: a title in the phrase ("President Trump") says which office is meant; with
        # none, the latest office - news names a public figure mostly while they hold it.
        offices = [p.code for p in named.periods if context.kb.split_code(p.code)[1] == reading.role]
        latest = max(named.periods, key=lambda p: p.start or date.min).code
        code = offices[-1] if offices else code if reading.role else latest
    country, role = context.kb.split_code(code)
    if reading.former and country:
        code, role = country + "ELI", "ELI"
    actor = _actor(reading, reading.end, code, country, role, named.name)
    period = named.period_on(context.when)
    rule = "named actor" + (" (former: elite)" if reading.former else
                            f", office {period.code} {period.start or ''}..{period.end or ''} on {context.when}"
                            if period else ", fallback code (no dated office on the date)" if named.periods
                            else "")
    return _Found(actor, named.is_person, _cue(reading), frozenset({*reading.titles, *named.titles}),
                  not named.is_person, rule, tuple(reading.evidence))


def _compose(reading: PhraseReading, context: ActorContext, depth: int) -> _Found | None:
    """Country and role from the phrase, its named modifier, its relations, then coreference."""
    kb, head = context.kb, reading.head
    country, role, name, code = reading.country, reading.role, reading.person_name, None
    end = reading.end
    steps = [s for s, on in (("country from the phrase", country), (f"role {role} from a cue", role)) if on]
    evidence = list(reading.evidence)
    if reading.seat and reading.country_at_head and role is None and not is_place_object(head):
        role = "GOV"  # "Washington said", "the Kremlin warned": the seat speaks for the government
        steps.append("seat of government speaks for the government (GOV)")
    proxy = bool(reading.head_cue and reading.head_cue.proxy)

    named = reading.named
    if named is not None:  # a name modifying the head: "the Trump administration", "Hamas fighters"
        named_code = named.code_on(context.when)
        named_country, named_role = kb.split_code(named_code)
        name = named.name
        if named.is_person:
            country = country or named_country
        elif named_country is None and not proxy and role is not None and role != named_role:
            # A stateless body's own agent ("Arab League Secretary General X", "UN peacekeepers"):
            # CAMEO adds the agent's type to the body's code, as PETRARCH composes agents.
            code, country = named_code + role, None
        elif proxy or role is None or named_country is None:
            code, country, role = named_code, named_country, named_role
        else:
            country = country or named_country
        steps.append(f"named modifier {named.name!r}")

    if code is None and depth < MAX_DEPTH and reading.head_cue is not None:
        related = _related(head, context, depth, proxy)
        if related is not None:
            found, relation = related
            inner = found.actor
            if relation == "object":
                end = max(end, inner.end)
            # "families of soldiers", "residents of Gaza": civilians related to someone are still
            # civilians; only the country carries over.
            civilians = role in STATELESS_ROLES and not proxy
            takes_whole = (proxy and (inner.role or found.organisation)) or (
                relation == "object" and (found.organisation or inner.country is None) and not civilians)
            steps.append(f"{'of/for-phrase' if relation == 'object' else 'possessor'} {inner.text!r} = {inner.code}"
                         + (" (whole code)" if takes_whole else ""))
            evidence += found.evidence
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
            steps.append(f"apposition {inner_found.actor.text!r} = {inner_found.actor.code}")
            evidence += inner_found.evidence

    if role is None and (country or reading.ethnic) and code is None and _people_of(reading):
        role = "CVL"  # "168 Liberians", "young Algerians": people of a country, not its state
        steps.append("people of a country (CVL)")

    if code is None and country is None and role not in (None, "MIL"):
        country = located_in(head, context.kb)  # "factions in Iraq"; not troops, which deploy abroad
        steps += ["country from an in-phrase"] if country else []

    if code is None and country is None:
        antecedent = _antecedent(reading, context, role)
        if antecedent is not None:
            return _corefer(reading.start, end, head.doc, antecedent, reading)
        if role is not None and role not in TRANSNATIONAL_ROLES:
            country = sentence_country(head, context.kb, (reading.start, end), where=role in STATELESS_ROLES)
            steps += [f"country the sentence {'places the act in' if role in STATELESS_ROLES else 'names most'}"
                      ] if country else []

    if reading.former and (country or code):
        country = country or kb.split_code(code or "")[0]
        code, role = (country + "ELI" if country else code), "ELI"
        steps.append("former: elite (ELI)")
    code = code or (country + (role or "") if country else role)
    if not code:
        if reading.person_name:  # uncoded, but an antecedent for a later "he"
            return _Found(_actor(reading, end, None, None, None, name), person=True)
        return None
    if country is None and role is None:
        country, role = kb.split_code(code)
    return _Found(_actor(reading, end, code, country, role, name), reading.person, _cue(reading),
                  frozenset(reading.titles), rule="; ".join(steps) or "composed", evidence=tuple(evidence))


def _crowd(reading: PhraseReading) -> bool:
    """An indefinite plural of people ("200 persons", "two women", "men"): a crowd taking part,
    which CAMEO codes as civilians; "the girls" refer back to someone and stay uncoded."""
    return reading.head.tag_ in ("NNS", "NNPS") and not reading.definite and reading.role is not None


def _people_of(reading: PhraseReading) -> bool:
    """A plural nationality counted or described ("some 800 Iraqis", "young Algerians"), or a
    plain person noun with a country ("Iraqi women"): civilians, as CAMEO codes them."""
    head = reading.head
    if head.lemma_.lower() in PLAIN_PEOPLE:
        return True
    # A number or a describing word: "Young Algerians", often parsed as a compound of the name.
    counted = any(c.dep_ in ("nummod", "amod", "quantmod", "compound") and c.ent_type_ not in ("NORP", "GPE")
                  or c.lower_ in ("some", "many", "several") for c in head.lefts)
    # The head names the people: a nationality, or an ethnic group the KB has no country for
    # ("some 800,000 Iraqi Kurds").
    people = reading.country_at_head or head.ent_type_ == "NORP"
    return people and head.tag_ in ("NNS", "NNPS") and counted and not reading.definite


def _related(head: Token, context: ActorContext, depth: int, proxy: bool) -> tuple[_Found, str] | None:
    """The actor a role noun belongs to: its "of"/"for" object, else its possessor."""
    preps = ("of", "for", "from") if proxy else ("of", "for")
    for obj in prep_objects(head, preps):
        found = _resolve(obj, context, depth + 1)
        if found is None or not found.actor.code:
            # "the minister of defence of Iraq": an office's own of-phrase names the country.
            found = next((f for o in prep_objects(obj, ("of",)) for f in [_resolve(o, context, depth + 1)]
                          if f is not None and f.actor.code), None)
        if found is not None:
            return found, "object"
    owner = next((c for c in head.lefts if c.dep_ == "poss" and c.lower_ != "whose"), None)
    found = _resolve(owner, context, depth + 1) if owner is not None else None
    if found is not None and found.actor.code:
        return found, "owner"
    return None


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of the head's prepositions in `preps` ("a spokesman for X" → X)."""
    return [obj for child in head.rights if child.dep_ == "prep" and child.lower_ in preps
            for obj in child.children if obj.dep_ == "pobj"]


def is_place_object(head: Token) -> bool:
    """The object of a locative preposition: after these a capital is a place, not a government."""
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS


def _antecedent(reading: PhraseReading, context: ActorContext, role: str | None) -> Mention | None:
    """An earlier mention this one repeats: a bare surname or a definite role noun."""
    position = reading.start
    if reading.person_name:
        return context.name_antecedent(position, reading.person_name)
    if reading.definite and reading.head_cue is not None and not prep_objects(reading.head, ("of", "for")):
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
    return _Found(actor, antecedent.person, cue, antecedent.titles, antecedent.organisation,
                  f"coreference with the earlier mention {earlier.text!r} ({earlier.start}-{earlier.end})")


def _cue(reading: PhraseReading | None) -> str | None:
    return reading.head_cue.cue if reading is not None and reading.head_cue else None


def _actor(reading: PhraseReading, end: int, code: str | None, country: str | None, role: str | None,
           name: str | None) -> Actor:
    text = doc_text(reading.head.doc)
    return Actor(text[reading.start:end], reading.start, end, code, country, role, name)
