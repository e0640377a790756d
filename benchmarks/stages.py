"""Time per pipeline stage per 1,000 sentences (nlp, actors, events, when, where, store) on real news."""

# Run by hand (never inside pytest):
#   python benchmarks/stages.py --n 300 [--corpus PATH ...]
# How: spaCy parses every text first (timed alone), then pipeline.code_document codes each doc
# while the stage functions it calls are wrapped with timers *in the pipeline module's namespace*,
# so what is timed is exactly what the pipeline calls, in its own order. Whatever code_document
# spends outside those functions (assembling events, codebook lookups) is reported as "assembly".

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import CORPUS, RESULTS, machine_facts, sample_corpus  # noqa: E402

# Names as imported into tidings.pipeline, grouped by the stage they belong to.
STAGES = {
    "actors": ("resolve_actor",),
    "events": ("find_event_candidates", "modality_of", "attribution_frames", "frames_an_event", "find_quantities"),
    "when": ("find_time_expressions", "event_date"),
    "where": ("find_places", "event_place"),
}


def instrument(module, seconds: dict[str, float]) -> list[str]:
    """Wrap the stage functions the pipeline module calls; return the names it does not have."""
    missing = []
    for stage, names in STAGES.items():
        for name in names:
            original = getattr(module, name, None)
            if original is None:
                missing.append(name)
                continue

            def timed(*args, _original=original, _stage=stage, **kwargs):
                started = time.perf_counter()
                try:
                    return _original(*args, **kwargs)
                finally:
                    seconds[_stage] += time.perf_counter() - started

            setattr(module, name, timed)
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="articles to code")
    parser.add_argument("--corpus", type=Path, action="append", help="a .jsonl.gz corpus file (repeatable)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    args = parser.parse_args(argv)

    from tidings import pipeline
    from tidings.settings import Settings
    from tidings.store import EventStore
    from tidings.types import Article, CodedArticle

    records = sample_corpus(args.corpus or sorted(CORPUS.glob("*.jsonl.gz")), args.n)
    articles = [Article(id=r["id"], text=r["text"], published=_day(r.get("published"))) for r in records]
    settings = Settings()
    resources = pipeline.Resources.cached(settings)
    seconds: dict[str, float] = defaultdict(float)

    texts = [pipeline._prepare(a, settings) for a in articles]
    started = time.perf_counter()
    docs = list(resources.nlp.pipe(texts, batch_size=settings.batch_size))
    seconds["nlp"] = time.perf_counter() - started
    sentences = sum(1 for doc in docs for _ in doc.sents)

    missing = instrument(pipeline, seconds)
    coded = []
    started = time.perf_counter()
    for article, doc in zip(articles, docs):
        coded.append(CodedArticle(article, tuple(pipeline.code_document(article, doc, resources))))
    coding = time.perf_counter() - started
    seconds["assembly"] = coding - sum(seconds[s] for s in STAGES)

    with tempfile.TemporaryDirectory() as scratch:
        started = time.perf_counter()
        with EventStore.open(Path(scratch) / "stages.duckdb") as store:
            store.upsert_many(coded)
        seconds["store"] = time.perf_counter() - started

    order = ("nlp", "actors", "events", "when", "where", "assembly", "store")
    total = sum(seconds[s] for s in order)
    result = {
        "date": date.today().isoformat(),
        "n": len(articles),
        "sentences": sentences,
        "events": sum(len(c.events) for c in coded),
        "seconds_per_1000_sentences": {s: round(seconds[s] * 1000 / sentences, 3) for s in order},
        "share": {s: round(seconds[s] / total, 3) for s in order},
        "not_instrumented": missing,
        "machine": machine_facts(),
    }
    print(f"{len(articles)} articles, {sentences} sentences, {result['events']} events")
    print(f"{'stage':<10}{'s/1k sent':>10}{'share':>8}")
    for stage in order:
        print(f"{stage:<10}{result['seconds_per_1000_sentences'][stage]:>10}{result['share'][stage]:>8.1%}")
    if missing:
        print(f"not found in tidings.pipeline (not timed separately): {', '.join(missing)}")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"{result['date']}-stages.json"
        runs = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": runs + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"written: {out}")
    return 0


def _day(value):
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


if __name__ == "__main__":
    sys.exit(main())
