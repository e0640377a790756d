"""What a verb's object is about: the thing a measure or container holds, for object conditions.

Patterns name themes by lemma ("hand over" + medicine → humanitarian aid); news text wraps them
in measures and containers ("700 kg of medicine", "part of a military aid program").
"""

from __future__ import annotations

from spacy.tokens import Token

# Nouns that measure, package or take part of the thing handed over: "700 kg of medicine",
# "$50,000 worth of goods", "part of a military aid program" — the pattern's object is what they hold.
THEME_CONTAINERS = frozenset({"kg", "kilogram", "ton", "tonne", "pound", "litre", "liter", "gallon", "barrel",
                              "worth", "amount", "quantity", "shipment", "consignment", "batch", "load",
                              "cargo", "truckload", "package", "program", "programme", "part", "portion",
                              "convoy", "delivery", "plane", "planeload", "lot"})


# Nouns an event noun can modify and still be the event: "a mediation mission", "relief efforts".
EVENT_FRAME_NOUNS = frozenset({"mission", "effort", "bid", "initiative", "campaign", "operation", "program",
                               "programme", "plan", "process", "attempt", "drive", "deal", "package"})


def theme_tokens(obj: Token) -> list[Token]:
    """Tokens that may name what an object is: itself, what a container holds, and its compounds.

    "handed over 700 kg of medicine" is handing over medicine; "suspended part of a military aid
    program" is suspending aid. Compounds count only under a container ("aid program"), so an
    "arms deal" stays a deal.
    """
    found = [obj]
    token = obj
    for _ in range(3):
        if token.lemma_.lower() not in THEME_CONTAINERS and token.lower_ not in THEME_CONTAINERS:
            break
        found.extend(c for c in token.children if c.dep_ == "compound")
        held = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
        if not held:
            break
        token = held[0]
        found.append(token)
        if token.lemma_.lower() not in THEME_CONTAINERS:
            found.extend(c for c in token.children if c.dep_ == "compound")
    return found


def theme_phrase(obj: Token) -> list[Token]:
    """A coded verb's object with its theme tokens and their compounds ("ended mediation efforts")."""
    tokens = theme_tokens(obj)
    return [*tokens, *(c for t in tokens for c in t.children if c.dep_ == "compound")]


def theme_words(obj: Token) -> set[str]:
    """The lemmas of `theme_tokens`, as pattern object lists name them."""
    return {t.lemma_.lower() for t in theme_tokens(obj)}
