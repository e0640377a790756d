"""Compose the stages (ingest → nlp → actors → events → when/where) into coded events."""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from importlib import resources as package_files
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from spacy.language import Language
from spacy.tokens import Doc, Token

from tidings.actors import ActorContext, ActorKB, resolve_actor, resolve_target_or_fallback
from tidings.events.attribution import attribution_frames, frames_an_event
from tidings.events.codebook import Codebook
from tidings.events.complements import ComplementRules, refine_candidates
from tidings.events.extract import EventCandidate, find_event_candidates
from tidings.events.derive import Derivations, derived_event, without_restated
from tidings.events.modality import ModalityCues, candidate_modality
from tidings.events.patterns import PatternSet, load_patterns
from tidings.events.quantities import find_quantities
from tidings.events.reporting import ReportingCues
from tidings.ingest.clean import clean_text
from tidings.ingest.readers import read_records
from tidings.nlp import doc_text, load_nlp
from tidings.settings import Settings
from tidings.store import EventStore
from tidings.store.export import write_events
from tidings.types import (
    Actor, Article, Attribution, CodedArticle, Event, EventDate, Place, RecordError, Span, make_event_id,
    stable_id,
)
from tidings.when import event_date, find_time_expressions
from tidings.when.choose import is_unrealised
from tidings.where.gazetteer import Gazetteer
from tidings.where.attach import ACTOR_COUNTRY
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


def _char_span(doc: Doc, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    begin, finish = first.idx, last.idx + len(last.text)
    return Span(begin, finish, doc_text(doc)[begin:finish])


def _clause_sentence_starts(doc: Doc) -> list[int]:
    """Where the sentences with a verb start: verbless fragments belong to the sentence before.

    Kept in doc.user_data: every event of the document asks, and walking every token of the
    document once per event cost ~5 % of coding (issue 9).
    """
    starts = doc.user_data.get("tidings.clause_sentence_starts")
    if starts is None:
        starts = doc.user_data["tidings.clause_sentence_starts"] = [
            s.start_char for s in doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)
        ]
    return starts


def _sentence_context(doc: Doc, token: Token) -> tuple[int, int]:
    """Character span of the token's sentence, extended over verbless fragments that follow it.

    Scraped and machine-translated text splits one sentence into pieces ("… near the embassy.
    United in Baghdad, two weeks ago."); a fragment without a verb belongs to the sentence before.
    """
    sentence = token.sent
    start, end = sentence.start_char, sentence.end_char
    following = doc[sentence.end:] if sentence.end < len(doc) else None
    while following is not None and len(following):
        nxt = following[0].sent
        if any(t.pos_ in ("VERB", "AUX") for t in nxt):
            break
        end = nxt.end_char
        following = doc[nxt.end:] if nxt.end < len(doc) else None
    return start, end


def _clause_with_fragments(doc: Doc, trigger: Token, evidence: Span, sentence: tuple[int, int]) -> tuple[int, int]:
    """The event's clause, extended over the verbless fragments after its sentence when the
    clause runs to that sentence's end: the fragment continues the clause's last phrase
    ("launched missiles near the embassy. United in Baghdad, two weeks ago.")."""
    if sentence[1] <= trigger.sent.end_char:
        return evidence.start, evidence.end
    words = [t for t in trigger.sent if not (t.is_punct or t.is_space)]
    runs_to_end = bool(words) and evidence.end >= words[-1].idx + len(words[-1].text)
    # The parse may hang the clause's last phrase elsewhere ("attacking the site, the facility.");
    # the sentence's last verb still owns what follows it.
    verbs = [t.i for t in trigger.sent if t.pos_ in ("VERB", "AUX")]
    governor = trigger
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if runs_to_end or (verbs and governor.i == verbs[-1]):
        return evidence.start, sentence[1]
    return evidence.start, evidence.end


def _phrase_tokens(head: Token) -> tuple[int, int]:
    """Token span of a source's noun phrase, stopping at commas (appositions, parentheticals)."""
    start, end = head.i, head.i + 1
    for token in reversed(list(head.lefts)):
        if token.is_punct:
            break
        start = token.left_edge.i
    for token in head.rights:
        if token.is_punct or token.dep_ in ("relcl", "acl", "appos"):
            break
        end = token.right_edge.i + 1
    return start, end


def _attribution(frames, context: ActorContext, doc: Doc) -> tuple[Attribution, ...]:
    chain = []
    for frame in frames:
        actor = resolve_actor(frame.head, context)
        start, end = _phrase_tokens(frame.head)
        span = _char_span(doc, start, end)
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
    evidence = _char_span(doc, candidate.clause_start, candidate.clause_end)
    sentence = _sentence_context(doc, trigger)
    clause = _clause_with_fragments(doc, trigger, evidence, sentence)
    codebook = resources.codebook
    code = candidate.code
    # Target first: with no place named, an event is placed in its target's country.
    actor_countries = [a.country for a in (target, source) if a is not None and a.country]
    modality, modality_cue = found_modality
    return Event(
        event_id=make_event_id(article.id, evidence, code),
        article_id=article.id,
        published=published,
        sentence_index=_sentence_index(doc, trigger),
        evidence=evidence,
        source=source,
        target=target,
        cameo=codebook.cameo(code),
        quad_class=codebook.quad_class(code),
        goldstein=codebook.goldstein(code),
        plover=codebook.plover(code),
        modality=modality,
        date=event_date(expressions, clause, sentence, article.published, previous_date,
                        trigger=trigger.idx, sentence_starts=_clause_sentence_starts(doc),
                        unrealised=is_unrealised(modality, modality_cue)),
        location=event_place(places, clause, sentence, actor_countries, previous_place,
                             doc=doc, trigger=candidate.trigger, gazetteer=resources.gazetteer),
        attribution=_attribution(attribution_frames(trigger, resources.reporting), context, doc),
        quantities=find_quantities(doc[candidate.clause_start:candidate.clause_end]),
    )


def _not_after(when: EventDate, published: str | None) -> bool:
    return published is None or (when.value is not None and when.value <= published)


def _sentence_index(doc: Doc, token: Token) -> int:
    # Sentence starts are sorted; the sentence's index is how many start before it.
    starts = doc.user_data.get("tidings.sentence_starts")
    if starts is None:
        starts = doc.user_data["tidings.sentence_starts"] = [s.start for s in doc.sents]
    return bisect_left(starts, token.sent.start)


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


@dataclass
class RunSummary:
    """What a run did: articles coded, events written, records skipped (with reasons)."""

    articles: int = 0
    events: int = 0
    errors: list[RecordError] = field(default_factory=list)
    parts: int = 0  # parallel runs: input parts planned, and how many an earlier run had finished
    parts_resumed: int = 0


def run_local(
    inputs: Sequence[str],
    settings: Settings,
    published: date | None = None,
    db_path: Path | None = None,
    output: Path | None = None,
    fmt: str = "jsonl",
    progress: Console | None = None,
    errors_path: Path | None = None,
) -> RunSummary:
    """The local runner: read inputs, code them, write events (stdout or file) and the store."""
    summary = RunSummary()
    articles = _collect_errors(read_records(inputs, published=published, settings=settings), summary)
    _deliver(code_articles(articles, settings), summary, settings.batch_size, db_path, output, fmt, progress,
             errors_path)
    return summary


def run_dask(
    inputs: Sequence[str],
    settings: Settings,
    scheduler: str = "local",
    workers: int | None = None,
    published: date | None = None,
    db_path: Path | None = None,
    output: Path | None = None,
    fmt: str = "jsonl",
    progress: Console | None = None,
    errors_path: Path | None = None,
    parts_dir: Path | None = None,
    part_bytes: int | None = None,
    keep_parts: bool = False,
) -> RunSummary:
    """The Dask runner: workers code input parts into Parquet, then this process alone writes the store.

    scheduler: "local" (a LocalCluster of `workers` processes, default all cores) or the address of
    a running scheduler. Killed runs resume: the same call skips parts already in the manifest.
    """
    from tidings import distributed

    # Local clusters get at least four parts per worker, so no worker idles while another finishes
    # a last large part; a remote scheduler's worker count is not known here.
    min_parts = 4 * (workers or os.cpu_count() or 1) if scheduler == "local" else 1
    parts = distributed.plan_parts(inputs, settings, published, part_bytes or distributed.DEFAULT_PART_BYTES,
                                   min_parts=min_parts)
    folder = parts_dir or distributed.default_parts_dir(inputs, settings, published, db_path, output)
    reports = distributed.code_in_parallel(parts, settings, folder, published, scheduler, workers, progress)
    summary = RunSummary(parts=len(parts), parts_resumed=len(parts) - len(reports))
    coded = distributed.read_parts(parts, folder, summary.errors)
    _deliver(coded, summary, settings.ingest_batch_size, db_path, output, fmt, None, errors_path)
    if not keep_parts:
        distributed.remove_parts(folder)
    return summary


def _deliver(
    coded: Iterable[CodedArticle], summary: RunSummary, store_batch: int, db_path: Path | None,
    output: Path | None, fmt: str, progress: Console | None, errors_path: Path | None,
) -> None:
    """Write coded articles to the output (streamed for JSONL) and the store, one writer."""
    collected: list[Event] = []
    sink = None if fmt != "jsonl" else (output.open("w", encoding="utf-8") if output else sys.stdout)
    if db_path is not None:
        EventStore.open(db_path).close()  # a locked, foreign or old store fails before coding
    # Written a batch at a time, one transaction each, and the store is closed in between so
    # a server reading it (tidings serve) gets the file back while the next batch is coded.
    pending: list[CodedArticle] = []
    try:
        with _Progress(progress) as bar:
            for item in coded:
                summary.articles += 1
                summary.events += len(item.events)
                if db_path is not None:
                    pending.append(item)
                    if len(pending) >= store_batch:
                        _store_batch(db_path, pending)
                        pending.clear()
                if sink is not None:
                    for event in item.events:
                        sink.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                else:
                    collected.extend(item.events)
                bar.advance(len(item.events))
        if db_path is not None and pending:
            _store_batch(db_path, pending)
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    if sink is None:
        target = output if output is not None else sys.stdout
        write_events(collected, target, fmt)
    if errors_path is not None:
        with errors_path.open("w", encoding="utf-8") as handle:
            for problem in summary.errors:
                handle.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")


def _store_batch(db_path: Path, batch: list[CodedArticle]) -> None:
    with EventStore.open(db_path) as store:
        store.upsert_many(batch)


def _collect_errors(records: Iterable[Article | RecordError], summary: RunSummary) -> Iterator[Article]:
    for record in records:
        if isinstance(record, RecordError):
            summary.errors.append(record)
        else:
            yield record


def sample_path() -> Path:
    """The bundled sample articles (the seed article plus CC BY 4.0 WMT news; see data/sample)."""
    return Path(str(package_files.files("tidings") / "data" / "sample" / "articles.jsonl"))


def run_demo(db_path: Path, settings: Settings, progress: Console | None = None) -> tuple[RunSummary, list[Event]]:
    """Code the bundled sample into a DuckDB store; return the summary and the stored events."""
    summary = run_local([str(sample_path())], settings, db_path=db_path, output=Path(os.devnull),
                        progress=progress)
    with EventStore.open(db_path, read_only=True) as store:
        events = store.query()
    return summary, events


class _Progress:
    """A progress line on stderr that appears only once a run has more than a handful of articles."""

    THRESHOLD = 5

    def __init__(self, console: Console | None) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task = None
        self.count = 0
        self.events = 0
        self.started: float | None = None  # at the first article: the model load is not coding time

    def __enter__(self) -> _Progress:
        return self

    def advance(self, events: int) -> None:
        self.count += 1
        self.events += events
        if self.started is None:
            self.started = time.perf_counter()
        if self.console is None:
            return
        if self.progress is None and self.count > self.THRESHOLD:
            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[rate]} articles/s"),
                TimeElapsedColumn(),
                console=self.console, transient=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("coding", total=None, completed=self.count, events=self.events,
                                               rate="-")
        if self.progress is not None:
            rate = f"{(self.count - 1) / max(time.perf_counter() - self.started, 1e-9):.1f}"
            self.progress.update(self.task, completed=self.count, events=self.events, rate=rate)

    def __exit__(self, *exc_info: object) -> None:
        if self.progress is not None:
            self.progress.stop()
