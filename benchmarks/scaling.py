"""Scale-out on a Dask LocalCluster: 1 vs N workers coding the same articles, efficiency, peak RSS."""

# Run by hand (never inside pytest):
#   python benchmarks/scaling.py --n 400 [--workers 1 2] [--parts-per-worker 4]
# Writes benchmarks/results/<YYYY-MM-DD>-scaling.json (runs of the day are appended).
# What is timed: tidings.distributed.code_in_parallel on an already started cluster whose workers
# have loaded the model (cluster start and model load are reported apart, as `startup_seconds`),
# then the driver's single-writer ingest (read_parts -> EventStore.upsert_many) into a fresh store.

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import CORPUS, RESULTS, machine_facts, sample_corpus  # noqa: E402


def _warm() -> float:
    """Runs on each worker: load model, KB and gazetteer once (the Resources cache)."""
    from tidings.pipeline import Resources
    from tidings.settings import Settings

    started = time.perf_counter()
    Resources.cached(Settings())
    return time.perf_counter() - started


def _worker_rss() -> float:
    from tidings.distributed.worker import peak_rss_mb

    return peak_rss_mb()


def run_workers(workers: int, parts, settings, scratch: Path) -> dict:
    from dask.distributed import Client, LocalCluster

    from tidings.distributed import code_in_parallel, read_parts
    from tidings.distributed.worker import peak_rss_mb
    from tidings.store import EventStore

    started = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=logging.ERROR)
    try:
        with Client(cluster) as client:
            client.wait_for_workers(workers)
            load = client.run(_warm)
            startup = time.perf_counter() - started
            parts_dir = scratch / f"parts-{workers}"
            started = time.perf_counter()
            reports = code_in_parallel(parts, settings, parts_dir, client=client)
            coding = time.perf_counter() - started
            worker_rss = client.run(_worker_rss)
    finally:
        cluster.close()
    errors: list = []
    started = time.perf_counter()
    with EventStore.open(scratch / f"store-{workers}.duckdb") as store:
        store.upsert_many(read_parts(parts, parts_dir, errors))
        counts = store.counts()
        _, rows = store.sql("SELECT event_id FROM events ORDER BY event_id")
    ingest = time.perf_counter() - started
    per_worker = defaultdict(int)
    for report in reports:
        per_worker[report.pid] += report.articles
    articles = sum(r.articles for r in reports)
    return {
        "workers": workers,
        "parts": len(parts),
        "articles": articles,
        "events": counts["events"],
        "startup_seconds": round(startup, 2),
        "model_load_seconds": [round(v, 2) for v in load.values()],
        "coding_seconds": round(coding, 2),
        "worker_cpu_seconds": round(sum(r.cpu_seconds for r in reports), 2),
        "articles_per_cpu_s": round(articles / sum(r.cpu_seconds for r in reports), 2),
        "load_average": os.getloadavg(),
        "ingest_seconds": round(ingest, 2),
        "articles_per_s": round(articles / coding, 2),
        "end_to_end_articles_per_s": round(articles / (coding + ingest), 2),
        "articles_per_worker": sorted(per_worker.values()),
        "peak_rss_mb_per_worker": sorted(round(v) for v in worker_rss.values()),
        "peak_rss_mb_driver": round(peak_rss_mb()),
        "event_ids": [r[0] for r in rows],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=400, help="articles to code")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="worker counts to compare")
    parser.add_argument("--parts-per-worker", type=int, default=4, help="parts per worker of the largest run")
    parser.add_argument("--corpus", type=Path, action="append", help="a .jsonl.gz corpus file (repeatable)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    args = parser.parse_args(argv)

    from tidings.distributed import plan_parts
    from tidings.settings import Settings

    records = sample_corpus(args.corpus or sorted(CORPUS.glob("*.jsonl.gz")), args.n)
    settings = Settings()
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        source = scratch / "sample.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        part_bytes = -(-source.stat().st_size // (max(args.workers) * args.parts_per_worker))
        parts = plan_parts([str(source)], settings, part_bytes=part_bytes)
        for workers in args.workers:
            runs.append(run_workers(workers, parts, settings, scratch))
            print(f"{workers} worker(s): {runs[-1]['articles_per_s']} articles/s", flush=True)
    same_events = len({tuple(r.pop("event_ids")) for r in runs}) == 1
    base = runs[0]
    for run in runs:
        run["speedup"] = round(run["articles_per_s"] / base["articles_per_s"], 3)
        run["efficiency"] = round(run["speedup"] / (run["workers"] / base["workers"]), 3)
    result = {
        "date": date.today().isoformat(),
        "n": len(records),
        "words": sum(len(r["text"].split()) for r in records),
        "part_bytes": part_bytes,
        "same_events_in_every_run": same_events,
        "runs": runs,
        "machine": machine_facts(),
    }
    _print(result)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"{result['date']}-scaling.json"
        previous = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": previous + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"written: {out}")
    return 0


def _print(result: dict) -> None:
    print(f"{result['n']} articles, {result['words']} words, parts of {result['part_bytes']} bytes; "
          f"same events in every run: {result['same_events_in_every_run']}")
    print(f"{'workers':>8}{'coding s':>10}{'art/s':>8}{'speedup':>9}{'effic.':>8}{'ingest s':>10}"
          f"{'startup s':>11}{'RSS/worker MB':>15}{'driver MB':>11}{'art/cpu-s':>11}{'load avg':>10}")
    for run in result["runs"]:
        print(f"{run['workers']:>8}{run['coding_seconds']:>10}{run['articles_per_s']:>8}{run['speedup']:>9}"
              f"{run['efficiency']:>8}{run['ingest_seconds']:>10}{run['startup_seconds']:>11}"
              f"{max(run['peak_rss_mb_per_worker']):>15}{run['peak_rss_mb_driver']:>11}"
              f"{run['articles_per_cpu_s']:>11}{run['load_average'][0]:>10.1f}")


if __name__ == "__main__":
    sys.exit(main())
