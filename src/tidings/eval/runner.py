"""`run_eval`: read gold files, run the pipeline (or one stage) over them, and score the output."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from tidings.errors import InputError
from tidings.eval.acled import score_acled
from tidings.eval.article import match_article
from tidings.eval.attribution import score_attribution
from tidings.eval.events import score_events
from tidings.eval.formats import GoldFile, GoldRecord, read_gold, sample_records
from tidings.eval.petrarch import score_petrarch, scorable
from tidings.eval.report import DatasetInfo, EvalReport, Metric, Miss, prefixed
from tidings.eval.timex import score_timex
from tidings.eval.toponyms import PlaceGuess, score_toponyms
from tidings.settings import Settings
from tidings.types import Article, Event

Scorer = Callable[[Sequence[GoldRecord], Mapping[str, Sequence[Any]]], tuple[list[Metric], list[Miss]]]

# The field holding each format's publication date (PETRARCH records carry the sentence date).
PUBLISHED_FIELD = {"events": "published", "petrarch": "date", "acled": "published", "attribution": "published"}


def run_eval(paths: Sequence[Path], settings: Settings | None = None, sample: int | None = None) -> EvalReport:
    """Score tidings on each gold file; `sample` caps the records per file (a deterministic sample)."""
    settings = settings or Settings()
    golds = [read_gold(Path(p)) for p in paths]  # read all first: a bad gold line fails before any coding
    report = EvalReport()
    for gold in golds:
        if gold.format == "article":
            metrics, misses, scored = _eval_article(gold, settings)
        else:
            records = sample_records(gold.records, sample)
            metrics, misses = _evaluate(gold.format, records, settings)
            scored = len(records)
        report.datasets.append(DatasetInfo(gold.name, str(gold.path), gold.format, len(gold.records), scored))
        report.metrics.extend(prefixed(gold.name, metrics))
        report.misses.extend(misses)
    return report


def _evaluate(fmt: str, records: Sequence[GoldRecord], settings: Settings) -> tuple[list[Metric], list[Miss]]:
    scorers: dict[str, Scorer] = {
        "events": score_events, "petrarch": score_petrarch, "acled": score_acled,
        "attribution": score_attribution, "toponyms": score_toponyms, "timex": score_timex,
    }
    if fmt == "toponyms":
        predictions: Mapping[str, Sequence[Any]] = predict_places(records, settings)
    elif fmt == "timex":
        predictions = predict_timexes(records, settings)
    else:
        if fmt == "petrarch":
            records = [r for r in records if scorable(r)]  # inputs PETRARCH rejects are not coded
        predictions = predict_events(records, settings, PUBLISHED_FIELD[fmt])
    return scorers[fmt](records, predictions)


def published_of(record: GoldRecord, key: str) -> date | None:
    value = record.data.get(key)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(record.location, f"{key} {value!r} is not an ISO date", record.id) from exc


def _articles(records: Sequence[GoldRecord], published_key: str) -> Iterator[Article]:
    for record in records:
        yield Article(id=record.id, text=record.data["text"], published=published_of(record, published_key))


def predict_events(records: Sequence[GoldRecord], settings: Settings, published_key: str) -> dict[str, list[Event]]:
    """The whole pipeline over the gold texts, batched: record id → events in text order."""
    from tidings.pipeline import code_articles

    return {
        coded.article.id: list(coded.events)
        for coded in code_articles(_articles(records, published_key), settings)
    }


def _parsed(records: Sequence[GoldRecord], settings: Settings) -> Iterator[tuple[GoldRecord, Any, Any]]:
    """Each record with its spaCy doc, parsed by the pipeline's own model (actor ruler included)."""
    from tidings.pipeline import Resources

    resources = Resources.cached(settings)
    texts = (r.data["text"] for r in records)
    for record, doc in zip(records, resources.nlp.pipe(texts, batch_size=settings.batch_size)):
        yield record, doc, resources


def predict_places(records: Sequence[GoldRecord], settings: Settings) -> dict[str, list[PlaceGuess]]:
    """Stage-level: the toponym finder alone, since most GeoWebNews places are in no event.

    `literal_only=False`: GeoWebNews resolves metonymic and modifier uses too ("Washington said",
    "Russian troops"), which the pipeline leaves out of event locations but the finder does see.
    """
    from tidings.where.resolve import find_places

    out: dict[str, list[PlaceGuess]] = {}
    for record, doc, resources in _parsed(records, settings):
        found = find_places(doc, resources.gazetteer, literal_only=False)
        out[record.id] = [PlaceGuess(p.start, p.end, p.text, p.lat, p.lon) for p in found]
    return out


def predict_timexes(records: Sequence[GoldRecord], settings: Settings) -> dict[str, list[Any]]:
    """Stage-level: temporal expressions resolved against each record's publication date."""
    from tidings.when import find_time_expressions

    return {
        record.id: list(find_time_expressions(doc, published_of(record, "published"), day_first=settings.day_first))
        for record, doc, _ in _parsed(records, settings)
    }


def article_input(gold: GoldFile) -> Article:
    """The article an annotation describes: `<name>.jsonl` (first record) or `<name>.txt` beside it."""
    stem = gold.path.name.split(".", 1)[0]
    jsonl, txt = gold.path.with_name(f"{stem}.jsonl"), gold.path.with_name(f"{stem}.txt")
    if jsonl.is_file():
        with jsonl.open(encoding="utf-8") as handle:
            first = handle.readline()
        try:
            data = json.loads(first)
            record = GoldRecord(1, data, str(jsonl))
            return Article(id=str(data.get("id") or stem), text=data["text"],
                           published=published_of(record, "published"))
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(f"{jsonl}:1", f"not an article record ({exc})") from exc
    if txt.is_file():
        return Article(id=stem, text=txt.read_text(encoding="utf-8"))
    raise InputError(str(gold.path), f"no article beside the annotation (looked for {jsonl.name}, {txt.name})")


def _eval_article(gold: GoldFile, settings: Settings) -> tuple[list[Metric], list[Miss], int]:
    from tidings.pipeline import code_articles

    article = article_input(gold)
    events = list(next(code_articles([article], settings)).events)
    score = match_article(gold.records, events, article.text)
    return score.metrics(), score.misses(article.id), len(gold.records)
