"""Compose the stages (ingest → nlp → actors → events → when/where) into coded events."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from tidings.actors import ActorContext, ActorKB, resolve_actor, resolve_target_or_fallback
from tidings.events.attribution import attribution_frames, frames_an_event
from tidings.events.codebook import Codebook
from tidings.events.complements import ComplementRules, refine_candidates
from tidings.events.derive import Derivations, derived_event, without_restated
from tidings.events.extract import EventCandidate, find_event_candidates
from tidings.events.modality import ModalityCues, candidate_modality
from tidings.events.patterns import PatternSet, load_patterns
from tidings.events.quantities import find_quantities
from tidings.events.reporting import ReportingCues
from tidings.ingest.clean import clean_text
from tidings.nlp import load_nlp
from tidings.settings import Settings
from tidings.spans import (
    char_span,
    clause_sentence_starts,
    clause_with_fragments,
    phrase_tokens,
    sentence_context,
    sentence_index,
)
from tidings.types import (
    Actor,
    Article,
    Attribution,
    CodedArticle,
    Event,
    EventDate,
    Place,
    make_event_id,
    stable_id,
)
from tidings.when import event_date, find_time_expressions
from tidings.when.choose import is_unrealised
from tidings.where.attach import ACTOR_COUNTRY
from tidings.where.gazetteer import Gazetteer
from tidings.where.resolve import event_place, find_places

log = logging.getLogger(__name__)

# Documented model cache (see STYLE.md): Resources hold the spaCy model, KB and gazetteer, which
# take seconds to load; code_text() called in a loop must not reload them. Keyed by Settings.
_RESOURCES_CACHE: dict[Settings, "Resources"] = {}


@dataclass(frozen=True)
class Resources:
    """Everything the stages load once per process: model, codebook, patterns, KB, gazetteer."""

    settings: Settings
    nlp: Language
    codebook: Codebook
    patterns: PatternSet
    reporting: ReportingCues
    modality: ModalityCues
    actors: ActorKB
    gazetteer: Gazetteer
    derivations: Derivations | None = None  # intent / threat / rejection events (events.derive)
    complements: ComplementRules | None = None  # demands / threats coded by their complement

    @classmethod
    def cached(cls, settings: Settings) -> Resources:
        """The process-wide Resources for these settings, loaded on first use."""
        if settings not in _RESOURCES_CACHE:
            _RESOURCES_CACHE[settings] = cls.load(settings)
        return _RESOURCES_CACHE[settings]

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        actors = ActorKB.load(extra_dirs=settings.actor_dirs)
        codebook = Codebook.load()
        return cls(
            settings=settings,
            nlp=load_nlp(settings, actors.ruler_patterns(), patterns_key=f"actor-kb:{settings.actor_dirs}"),
            codebook=codebook,
            patterns=load_patterns(codebook),
            reporting=ReportingCues.load(),
            modality=ModalityCues.load(),
            actors=actors,
            gazetteer=Gazetteer.load(settings),
            derivations=Derivations.load(codebook),
            complements=ComplementRules.load(codebook),
        )


def _attribution(frames, context: ActorContext, doc: Doc) -> tuple[Attribution, ...]:
    chain = []
    for frame in frames:
        actor = resolve_actor(frame.head, context)
        start, end = phrase_tokens(frame.head)
        span = char_span(doc, start, end)
        chain.append(Attribution(span.text, span.start, span.end, actor.code if actor else None, frame.cue))
    return tuple(chain)


def code_document(article: Article, doc: Doc, resources: Resources) -> list[Event]:
    """Code one parsed article into events (the stages after nlp, in their fixed order)."""
    context = ActorContext(resources.actors, article.published)
    candidates = find_event_candidates(doc, resources.patterns, resources.reporting)
    if resources.complements is not None and resources.derivations is not None:
        candidates = refine_candidates(doc, candidates, resources.complements, resources.derivations,
                                       frozenset(resources.reporting.verbs))
    # Only a candidate with an actor in its parse can become an event; one with neither ("a crushing
    # response") must not turn the reporting verb that frames it into mere attribution.
    triggers = {c.trigger for c in candidates if c.source is not None or c.target is not None}
    expressions = find_time_expressions(doc, article.published, day_first=resources.settings.day_first)
    places = find_places(doc, resources.gazetteer)
    published = article.published.isoformat() if article.published else None

    events: list[Event] = []
    seen: set[str] = set()
    derived_ids: set[str] = set()
    previous_date: EventDate | None = None
    previous_place: Place | None = None
    # Resolve actors in text order so coreference sees earlier mentions first.
    for candidate in candidates:
        trigger = doc[candidate.trigger]
        source = resolve_actor(doc[candidate.source], context) if candidate.source is not None else None
        target = resolve_target_or_fallback(
            doc[candidate.target] if candidate.target is not None else None,
            tuple(doc[i] for i in candidate.target_fallbacks), context, source)
        if candidate.reporting and frames_an_event(trigger, triggers - {candidate.trigger}):
            continue  # the reporting verb is attribution for the event it frames
        if candidate.reporting and source is not None and source.role == "MED":
            continue  # a newspaper reporting is attribution, never an event
        if source is None and target is None:
            continue
        if source is not None and target is not None and source.code == target.code and source.start == target.start:
            target = None
        # A promised reaction ("would have a crushing response") is a threat made now: asserted.
        promised = getattr(candidate.pattern, "reaction", False)
        found_modality = candidate_modality(trigger, resources.modality, promised)
        event = _build_event(article, doc, candidate, source, target, expressions, places,
                             previous_date, previous_place, context, resources, published,
                             found_modality)
        if event.event_id in seen:
            continue
        seen.add(event.event_id)
        events.append(event)
        if resources.derivations is not None:
            extra = derived_event(event, found_modality[1], resources.derivations, resources.codebook)
            if extra is not None and extra.event_id not in seen:
                seen.add(extra.event_id)
                derived_ids.add(extra.event_id)
                events.append(extra)
        if event.date.precision not in ("published", "unknown") and _not_after(event.date, published):
            # Later sentences inherit a past date; a future one ("by January 20") stays put.
            previous_date = event.date
        if event.location is not None and event.location.precision != ACTOR_COUNTRY:
            previous_place = event.location  # a stand-in actor country is no evidence for the next
    return without_restated(events, derived_ids)


def _build_event(article, doc, candidate: EventCandidate, source: Actor | None, target: Actor | None,
                 expressions, places, previous_date, previous_place, context, resources, published,
                 found_modality: tuple[str, str]) -> Event:
    """One Event from a candidate; found_modality is candidate_modality's (modality, cue)."""
    trigger = doc[candidate.trigger]
    evidence = char_span(doc, candidate.clause_start, candidate.clause_end)
    sentence = sentence_context(doc, trigger)
    clause = clause_with_fragments(doc, trigger, evidence, sentence)
    codebook = resources.codebook
    code = candidate.code
    # Target first: with no place named, an event is placed in its target's country.
    actor_countries = [a.country for a in (target, source) if a is not None and a.country]
    modality, modality_cue = found_modality
    return Event(
        event_id=make_event_id(article.id, evidence, code),
        article_id=article.id,
        published=published,
        sentence_index=sentence_index(doc, trigger),
        evidence=evidence,
        source=source,
        target=target,
        cameo=codebook.cameo(code),
        quad_class=codebook.quad_class(code),
        goldstein=codebook.goldstein(code),
        plover=codebook.plover(code),
        modality=modality,
        date=event_date(expressions, clause, sentence, article.published, previous_date,
                        trigger=trigger.idx, sentence_starts=clause_sentence_starts(doc),
                        unrealised=is_unrealised(modality, modality_cue)),
        location=event_place(places, clause, sentence, actor_countries, previous_place,
                             doc=doc, trigger=candidate.trigger, gazetteer=resources.gazetteer,
                             source_country=source.country if source is not None else None),
        attribution=_attribution(attribution_frames(trigger, resources.reporting), context, doc),
        quantities=find_quantities(doc[candidate.clause_start:candidate.clause_end]),
    )


def _not_after(when: EventDate, published: str | None) -> bool:
    return published is None or (when.value is not None and when.value <= published)


def _prepare(article: Article, settings: Settings) -> str:
    """The text handed to spaCy: cleaned (length-preserving, so offsets hold) and size-capped."""
    text = article.text
    if len(text) > settings.max_chars:
        log.warning("article %s: %d chars, coding the first %d", article.id, len(text), settings.max_chars)
        # Cut before cleaning: cleaning keeps length, so the result is the same, and a 10 MB
        # page of markup costs seconds of regex work that would be thrown away.
        text = text[: settings.max_chars]
    return clean_text(text)


def code_articles(
    articles: Iterable[Article], settings: Settings | None = None, resources: Resources | None = None
) -> Iterator[CodedArticle]:
    """Code articles in batches (nlp.pipe); yields each article with its events, in input order."""
    settings = settings or Settings()
    resources = resources or Resources.cached(settings)
    pending = list()
    for article in articles:
        pending.append(article)
        if len(pending) >= settings.batch_size:
            yield from _code_batch(pending, resources)
            pending = []
    if pending:
        yield from _code_batch(pending, resources)


def _code_batch(batch: list[Article], resources: Resources) -> Iterator[CodedArticle]:
    texts = [_prepare(a, resources.settings) for a in batch]
    for article, doc in zip(batch, resources.nlp.pipe(texts, batch_size=resources.settings.batch_size)):
        yield CodedArticle(article, tuple(code_document(article, doc, resources)))


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value[:10])


def code_text(
    text: str,
    published: date | str | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
    resources: Resources | None = None,
) -> list[Event]:
    """Code one text; the article id defaults to a hash of the text."""
    article = Article(id=article_id or stable_id(text), text=text, published=_as_date(published))
    coded = next(code_articles([article], settings, resources))
    return list(coded.events)
