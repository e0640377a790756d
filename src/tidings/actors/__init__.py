"""Actors stage: knowledge base, noun-phrase resolution to CAMEO actor codes, coreference."""

from tidings.actors.kb import ActorKB, NamedActor
from tidings.actors.resolve import ActorContext, resolve_actor

__all__ = ["ActorKB", "ActorContext", "NamedActor", "resolve_actor"]
