"""Time per pipeline stage per 1,000 sentences (nlp, actors, events, when, where, store) on real news."""

# Run by hand (never inside pytest):
#   python benchmarks/stages.py --n 300 [--corpus PATH ...]
# How: spaCy parses every text first (timed alone, and each component's CPU time), then
# pipeline.code_document codes each doc while the stage functions it calls (every function the
# pipeline imports from tidings.actors/events/when/where) are wrapped with timers *in the pipeline
# module's namespace*, so what is timed is exactly what the pipeline calls, in its own order,
# in wall and CPU seconds (the machine is shared: compare CPU). Whatever code_document
# spends outside those functions (assembling events, codebook lookups) is reported as "assembly".

from __future__ import annotations

import argparse
import inspect
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

# A stage is the subpackage a function comes from: every function tidings.pipeline imports from one
# of these is timed as that stage, so a stage function renamed or added to the pipeline (as
# `modality_of` became `candidate_modality`) is still timed instead of falling into "assembly".
STAGES = {
    "actors": "tidings.actors",
    "events": "tidings.events",
    "when": "tidings.when",
    "where": "tidings.where",
}


def stage_functions(module) -> dict[str, list[str]]:
    """The functions in the pipeline module's namespace, by the stage package they come from."""
    found: dict[str, list[str]] = {stage: [] for stage in STAGES}
    for name, value in sorted(vars(module).items()):
        if not inspect.isfunction(value):
            continue
        for stage, package in STAGES.items():
            if value.__module__ == package or value.__module__.startswith(package + "."):
                found[stage].append(name)
    return found


def instrument(module, wall: dict[str, float], cpu: dict[str, float]) -> tuple[dict[str, list[str]], list[str]]:
    """Wrap the stage functions the pipeline module calls; return them by stage, and stages with none.

    Only the pipeline's own references are replaced, so a stage function calling another (inside its
    package) is timed once, by the outer call.
    """
    timed = stage_functions(module)
    for stage, names in timed.items():
        for name in names:
            original = getattr(module, name)

            def timer(*args, _original=original, _stage=stage, **kwargs):
                started, started_cpu = time.perf_counter(), time.process_time()
                try:
                    return _original(*args, **kwargs)
                finally:
                    wall[_stage] += time.perf_counter() - started
                    cpu[_stage] += time.process_time() - started_cpu

            setattr(module, name, timer)
    return timed, [stage for stage, names in timed.items() if not names]


def parse_by_component(nlp, texts: list[str], batch_size: int, cpu: dict[str, float]) -> list:
    """nlp.pipe, one component at a time over all texts, with each component's CPU seconds."""
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    cpu["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        cpu[name] = time.process_time() - started
    return docs


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
    cpu: dict[str, float] = defaultdict(float)
    components: dict[str, float] = {}

    texts = [pipeline._prepare(a, settings) for a in articles]
    started, started_cpu = time.perf_counter(), time.process_time()
    docs = parse_by_component(resources.nlp, texts, settings.batch_size, components)
    seconds["nlp"] = time.perf_counter() - started
    cpu["nlp"] = time.process_time() - started_cpu
    sentences = sum(1 for doc in docs for _ in doc.sents)

    timed, missing = instrument(pipeline, seconds, cpu)
    coded = []
    started, started_cpu = time.perf_counter(), time.process_time()
    for article, doc in zip(articles, docs):
        coded.append(CodedArticle(article, tuple(pipeline.code_document(article, doc, resources))))
    seconds["assembly"] = time.perf_counter() - started - sum(seconds[s] for s in STAGES)
    cpu["assembly"] = time.process_time() - started_cpu - sum(cpu[s] for s in STAGES)

    with tempfile.TemporaryDirectory() as scratch:
        started, started_cpu = time.perf_counter(), time.process_time()
        with EventStore.open(Path(scratch) / "stages.duckdb") as store:
            store.upsert_many(coded)
        seconds["store"] = time.perf_counter() - started
        cpu["store"] = time.process_time() - started_cpu

    order = ("nlp", "actors", "events", "when", "where", "assembly", "store")
    total = sum(seconds[s] for s in order)
    result = {
        "date": date.today().isoformat(),
        "n": len(articles),
        "sentences": sentences,
        "events": sum(len(c.events) for c in coded),
        "seconds_per_1000_sentences": {s: round(seconds[s] * 1000 / sentences, 3) for s in order},
        "share": {s: round(seconds[s] / total, 3) for s in order},
        "cpu_seconds_per_1000_sentences": {s: round(cpu[s] * 1000 / sentences, 3) for s in order},
        "nlp_components_cpu_seconds": {name: round(value, 3) for name, value in components.items()},
        "timed_functions": timed,
        "not_instrumented": missing,
        "machine": machine_facts(),
    }
    print(f"{len(articles)} articles, {sentences} sentences, {result['events']} events")
    print(f"{'stage':<10}{'s/1k sent':>10}{'share':>8}{'CPU-s/1k':>10}")
    for stage in order:
        print(f"{stage:<10}{result['seconds_per_1000_sentences'][stage]:>10}{result['share'][stage]:>8.1%}"
              f"{result['cpu_seconds_per_1000_sentences'][stage]:>10}")
    print("nlp components, CPU-s:", ", ".join(f"{k} {v}" for k, v in result["nlp_components_cpu_seconds"].items()))
    if missing:
        print(f"stages with no function found in tidings.pipeline (their time is in assembly): {', '.join(missing)}")
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
