"""Shared fixtures of the actors tests: the packaged KB and a pipeline with its entity ruler."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from tidings.actors import ActorContext, ActorKB, resolve_actor, resolve_target, resolve_target_or_fallback
from tidings.events.arguments import target_fallbacks
from tidings.nlp import build_nlp
from tidings.settings import Settings
from tidings.types import Actor


@pytest.fixture(scope="session")
def actor_kb() -> ActorKB:
    return ActorKB.load()


@pytest.fixture(scope="session")
def actor_nlp(actor_kb: ActorKB, settings: Settings) -> Language:
    # Loading the model costs ~1 s: once for the whole actors suite.
    return build_nlp(settings, actor_kb.ruler_patterns())


class Resolver:
    """Parse a text and resolve the head of a phrase found in it, the way the event stage does."""

    def __init__(self, nlp: Language, kb: ActorKB) -> None:
        self.nlp, self.kb = nlp, kb

    head_of = staticmethod(lambda doc, phrase, occurrence=0: head_of(doc, phrase, occurrence))

    def __call__(self, text: str, phrase: str, when: date | None = date(2019, 6, 1),
                 occurrence: int = 0) -> Actor | None:
        doc = self.nlp(text)
        return resolve_actor(head_of(doc, phrase, occurrence), ActorContext(self.kb, when))

    def all(self, text: str, phrases: list[str], when: date | None = date(2019, 6, 1)) -> list[Actor | None]:
        """Resolve several phrases of one text with one context (one article)."""
        doc = self.nlp(text)
        context = ActorContext(self.kb, when)
        return [resolve_actor(head_of(doc, phrase), context) for phrase in phrases]


def head_of(doc, phrase: str, occurrence: int = 0):
    """The syntactic head of the `occurrence`-th appearance of `phrase` in the document."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return span.root


@pytest.fixture(scope="session")
def resolve(actor_nlp: Language, actor_kb: ActorKB) -> Resolver:
    return Resolver(actor_nlp, actor_kb)


def token_of(doc, text: str):
    """The first token of the document whose text is `text`."""
    return next(t for t in doc if t.text == text)


def fallback_target(actor_nlp, actor_kb, text: str, verb: str, source: str, target: str | None):
    """The target an event of `verb` gets: its object's actor, else the first fallback that codes."""
    doc = actor_nlp(text)
    context = ActorContext(actor_kb, None)
    trigger = token_of(doc, verb)
    source_head = head_of(doc, source)
    target_head = head_of(doc, target) if target else None
    source_actor = resolve_target(source_head, context)
    fallbacks = tuple(doc[i] for i in target_fallbacks(trigger, source_head, target_head))
    return resolve_target_or_fallback(target_head, fallbacks, context, source_actor)
