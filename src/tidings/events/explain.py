"""Why a sentence got its events: the parse, the pattern that fired, actors, modality, attribution.

The coder's debugging view behind `tidings explain "sentence"`. It reads the same resources the
pipeline uses and reports, per candidate, each decision with the rule (file and line) behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from tidings.actors import ActorContext, resolve_actor
from tidings.events.attribution import attribution_frames, frames_an_event
from tidings.events.derive import derivation_kind
from tidings.events.complements import refine_candidates
from tidings.events.extract import find_event_candidates
from tidings.events.modality import candidate_modality
from tidings.types import Actor, Event


def _pattern_text(pattern: Any) -> str:
    if pattern is None:
        return "?"
    conditions = []
    for name in ("particle", "prep", "object", "complement", "modifier", "target_prep", "source_prep"):
        value = getattr(pattern, name, None)
        if value:
            shown = ",".join(value[:6]) + ("…" if len(value) > 6 else "") if isinstance(value, tuple) else value
            conditions.append(f"{name}={shown}")
    where = getattr(pattern, "source", None) or ("nouns.yaml" if hasattr(pattern, "modifier") else "verbs.yaml")
    return f"{where}:{pattern.line} lemma={pattern.lemma} " + " ".join(conditions)


def _actor_text(actor: Actor | None, token_text: str | None) -> str:
    if token_text is None:
        return "none found in the parse"
    if actor is None:
        return f"{token_text!r} → not resolved to an actor"
    return f"{actor.text!r} → {actor.code or '?'} (country {actor.country or '-'}, role {actor.role or '-'})"


def parse_lines(doc: Doc) -> list[str]:
    """One line per token: index, text, lemma, part of speech, dependency and head, entity."""
    lines = []
    for token in doc:
        if token.is_space:
            continue
        ent = f" {token.ent_type_}" if token.ent_type_ else ""
        lines.append(f"  {token.i:>3} {token.text:<16} {token.lemma_:<14} {token.pos_:<5} "
                     f"{token.dep_:<10} ← {token.head.i:>3} {token.head.text}{ent}")
    return lines


def explain_doc(doc: Doc, resources: Any, events: Sequence[Event], published: Any = None) -> list[str]:
    """Human-readable lines explaining every candidate in `doc` and the events finally coded."""
    lines = ["parse:", *parse_lines(doc), "", "candidates:"]
    context = ActorContext(resources.actors, published)
    candidates = find_event_candidates(doc, resources.patterns, resources.reporting)
    if getattr(resources, "complements", None) is not None and resources.derivations is not None:
        candidates = refine_candidates(doc, candidates, resources.complements, resources.derivations,
                                       frozenset(resources.reporting.verbs))
    triggers = {c.trigger for c in candidates if c.source is not None or c.target is not None}
    if not candidates:
        lines.append("  none: no verb or noun in the sentence has a pattern (data/patterns/*.yaml)")
    for candidate in candidates:
        trigger = doc[candidate.trigger]
        info = resources.codebook.info(candidate.code)
        lines.append(f"  [{candidate.kind}] {trigger.text!r} (token {trigger.i}) → {candidate.code} {info.label}")
        lines.append(f"      pattern: {_pattern_text(candidate.pattern)}")
        if candidate.refined:
            lines.append(f"      refined: {candidate.refined}")
        source = resolve_actor(doc[candidate.source], context) if candidate.source is not None else None
        target = resolve_actor(doc[candidate.target], context) if candidate.target is not None else None
        lines.append("      source: " + _actor_text(source, None if candidate.source is None else doc[candidate.source].text))
        lines.append("      target: " + _actor_text(target, None if candidate.target is None else doc[candidate.target].text))
        modality, cue = candidate_modality(trigger, resources.modality, getattr(candidate.pattern, "reaction", False))
        lines.append(f"      modality: {modality}" + (f" (cue {cue!r})" if cue else " (no cue: asserted)"))
        kind = derivation_kind(modality, cue)
        if kind and resources.derivations is not None:
            derived = resources.derivations.lookup(candidate.code, kind)
            if derived:
                lines.append(f"      also: {derived} {resources.codebook.label(derived)} ({kind}, data/patterns/derived.tsv)")
        frames = attribution_frames(trigger, resources.reporting)
        if frames:
            chain = " → ".join(f"{f.cue} {f.head.text!r}" for f in frames)
            lines.append(f"      attribution: {chain}")
        if candidate.reporting and frames_an_event(trigger, triggers - {candidate.trigger}):
            lines.append("      dropped: a reporting verb whose clause holds another event is attribution")
        elif candidate.reporting and source is not None and source.role == "MED":
            lines.append("      dropped: reporting by a media outlet is attribution, not an event")
        elif source is None and target is None:
            lines.append("      dropped: neither source nor target resolved to an actor")
    lines += ["", f"events ({len(events)}):"]
    for event in events:
        src = event.source.code if event.source and event.source.code else "-"
        tgt = event.target.code if event.target and event.target.code else "-"
        quantities = ", ".join(f"{q.what}={q.value}" for q in event.quantities)
        lines.append(f"  {event.cameo.code} {event.cameo.label} | {src} → {tgt} | {event.modality} | "
                     f"PLOVER {event.plover.event_type or '-'}{'/' + event.plover.mode if event.plover.mode else ''}"
                     + (f" | {quantities}" if quantities else ""))
    return lines
