"""Where an actor is: the country of its in-phrase, or the country its sentence is about."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from tidings.actors.kb import ActorKB
from tidings.actors.phrase import ETHNIC_MARKERS
from tidings.nlp import doc_text

# Roles that belong to no one country: an IGO or a peacekeeping force is never "the country's".
TRANSNATIONAL_ROLES = frozenset({"AMN", "GRP", "IGO", "IMG", "INT", "IRC", "MNC", "NGM", "NGO", "PKO", "UNO"})
# Prepositions that place a group in a country ("students throughout Indonesia").
WHERE_GROUPS_ARE = frozenset({"in", "throughout", "across"})
# Prepositions that put an act in a place ("killed 20 people in Haifa").
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around"})


def sentence_country(head: Token, kb: ActorKB, skip: tuple[int, int], where: bool = False) -> str | None:
    """The country the head's sentence names most often, outside the actor's own span `skip`.

    News codes a bare "the judge", "parliament" or "the deputy chief" as the state the report is
    about ("the judge ordered the arrest of two Peruvian ministers": a Peruvian judge). Names, demonyms,
    seats and named groups count; a tie goes to the country named nearest the head. With `where`,
    only places the sentence puts the act in count when it names any: civilians are the people of
    the place ("bombers from Gaza killed 20 people in Haifa" are Israeli civilians). None when the
    sentence names no country.
    """
    # A relative clause on the head tells what others did with it ("the delegation, which Iranian
    # officials led"): its names are the clause's actors, not the setting.
    clauses = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in head.rights
               if c.dep_ == "relcl"]
    named = [f for f in countries_named(head.sent, kb)
             if not any(f[0] < end and begin < f[1] for begin, end in (skip, *clauses))]
    if where:
        located = [f for f in named if _is_located(head.doc, f[0])]
        named = located or named
    counts: Counter[str] = Counter()
    nearest: dict[str, int] = {}
    for start, end, country in named:
        counts[country] += 1
        distance = min(abs(start - head.idx), abs(end - head.idx))
        nearest[country] = min(distance, nearest.get(country, distance))
    if not counts:
        return None
    return max(counts, key=lambda c: (counts[c], -nearest[c]))


def located_in(head: Token, kb: ActorKB) -> str | None:
    """The country of "in/throughout/across <place>" after the head ("rebels in the Ivory Coast"),
    or after a participle describing it ("guerrillas operating in Kosovo", "a group based in Chad")."""
    preps = [c for c in head.rights if c.dep_ == "prep"]
    for clause in (c for c in head.rights if c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")):
        preps += [c for c in clause.children if c.dep_ == "prep"]
    for child in preps:
        if child.lower_ in WHERE_GROUPS_ARE:
            for place in (c for c in child.children if c.dep_ == "pobj"):
                # The place's whole name, its compound parts included ("the Ivory Coast").
                name = place.doc[place.left_edge.i:place.i + 1].text
                country = kb.country_of(name) or kb.country_of(place.text)
                if country:
                    return country
    return None


_NAMED_KEY = "tidings.countries_named"


def countries_named(sentence: Span, kb: ActorKB) -> list[tuple[int, int, str]]:
    """(start, end, country) of each place, demonym, seat or named actor with a country, longest
    match first, so "South Korean" is one Korea and not "Korean".

    Kept per sentence in doc.user_data (keyed by the KB too): every actor of the sentence asks,
    and the window scan was a fifth of coding time (issue 9).
    """
    known = sentence.doc.user_data.setdefault(_NAMED_KEY, {})
    key = (sentence.start, sentence.end, id(kb))
    if key not in known:
        known[key] = _countries_named(sentence, kb)
    return list(known[key])


def _countries_named(sentence: Span, kb: ActorKB) -> list[tuple[int, int, str]]:
    text = doc_text(sentence.doc)
    tokens = list(sentence)
    found: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for size in range(min(kb.max_tokens, len(tokens)), 0, -1):
        for begin in range(len(tokens) - size + 1):
            if not tokens[begin].text[:1].isupper():
                continue  # checked first: most windows start lower-case, and this test is cheap
            window = tokens[begin:begin + size]
            if any(t.i in used for t in window):
                continue
            if window[0].i > 0 and window[0].nbor(-1).lower_ in ETHNIC_MARKERS:
                continue  # "ethnic Albanian parties" name a people, not a state
            start, end = window[0].idx, window[-1].idx + len(window[-1].text)
            country = _country_of_name(text[start:end], kb)
            if country is not None:
                found.append((start, end, country))
                used.update(t.i for t in window)
    return sorted(found)


def _is_located(doc: Doc, start: int) -> bool:
    """The name at `start` is where something happens: the object of "in", "at", "near", …"""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    while token.dep_ in ("compound", "amod", "poss", "case") and token.head is not token:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS


def _country_of_name(name: str, kb: ActorKB) -> str | None:
    place = kb.place(name)
    if place is not None:
        return place[1]
    named = kb.named_actor(name)
    return kb.split_code(named.code)[0] if named is not None else None
