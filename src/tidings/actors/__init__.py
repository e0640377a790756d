"""Actors stage: knowledge base, noun-phrase resolution to CAMEO actor codes, coreference."""

from tidings.actors.coref import ActorContext
from tidings.actors.kb import ActorKB, NamedActor, RoleCue
from tidings.actors.resolve import resolve_actor
from tidings.actors.targets import resolve_target, resolve_target_or_fallback

__all__ = ["ActorContext", "ActorKB", "NamedActor", "RoleCue", "resolve_actor", "resolve_target",
           "resolve_target_or_fallback"]
