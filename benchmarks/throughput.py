"""End-to-end throughput (read → code → store) on real news, against a spaCy tagger+parser ceiling."""

# Run by hand (never inside pytest):
#   python benchmarks/throughput.py --n 2000 [--corpus PATH ...] [--batch-size 32]
# Writes benchmarks/results/<YYYY-MM-DD>-throughput.json (runs of the day are appended).

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
RESULTS = HERE / "results"
CEILING_PIPES = ("tok2vec", "tagger", "parser")


def sample_corpus(paths: list[Path], n: int) -> list[dict]:
    """The n records with the smallest SHA-1 of their id, over all files, in hash order.

    A hash sample is deterministic and mixes the files by their size, so the same --n on the same
    corpus always measures the same articles. Two passes, so only the sample is ever held in memory
    (peak RSS is measured in this process).
    """
    ranked: list[tuple[str, int, int]] = []
    for file_index, path in enumerate(paths):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line_index, line in enumerate(handle):
                record = json.loads(line)
                if record.get("text"):
                    digest = hashlib.sha1(record["id"].encode("utf-8")).hexdigest()
                    ranked.append((digest, file_index, line_index))
    ranked.sort()
    wanted = {(f, i): rank for rank, (_, f, i) in enumerate(ranked[:n])}
    chosen: list[tuple[int, dict]] = []
    for file_index, path in enumerate(paths):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line_index, line in enumerate(handle):
                if (file_index, line_index) in wanted:
                    chosen.append((wanted[(file_index, line_index)], json.loads(line)))
    return [record for _, record in sorted(chosen, key=lambda pair: pair[0])]


def peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def machine_facts() -> dict:
    def version(name: str) -> str | None:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return None

    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30 if hasattr(os, "sysconf") else None
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "ram_gb": round(ram, 1) if ram else None,
        "machine": platform.machine(),
        "system": platform.platform(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "duckdb": version("duckdb"),
        "tidings": version("tidings"),
    }


def run_end_to_end(input_path: Path, db_path: Path, settings) -> dict:
    """Read with tidings' reader, code with code_articles, upsert into a fresh DuckDB store."""
    from tidings.ingest.readers import read_records
    from tidings.pipeline import code_articles
    from tidings.store import EventStore
    from tidings.types import Article

    stats = Counter()

    def articles():
        for record in read_records([str(input_path)], settings=settings):
            if isinstance(record, Article):
                stats["articles"] += 1
                stats["words"] += len(record.text.split())
                yield record
            else:
                stats["record_errors"] += 1

    def counted(coded):
        for item in coded:
            stats["events"] += len(item.events)
            yield item

    started, cpu = time.perf_counter(), time.process_time()
    with EventStore.open(db_path) as store:
        store.upsert_many(counted(code_articles(articles(), settings)))
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "cpu_seconds": round(time.process_time() - cpu, 2), **stats}


def run_parallel(input_path: Path, db_path: Path, workers: int) -> dict:
    """The user's command, `tidings code INPUT --workers N --db DB`, timed from outside.

    Includes what a user waits for and run_end_to_end leaves out: starting the Dask cluster and
    loading the model in every worker. CPU seconds are those of the command and its children.
    """
    import duckdb

    command = [sys.executable, "-m", "tidings.cli", "code", str(input_path), "--workers", str(workers),
               "--db", str(db_path)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with duckdb.connect(str(db_path), read_only=True) as con:
        articles, mentions = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)").fetchone()
    return {"workers": workers, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "articles": articles, "events": mentions, "articles_per_s": round(articles / seconds, 2),
            "peak_child_rss_mb": round(after.ru_maxrss / 1024)}


def run_ceiling(texts: list[str], settings) -> dict:
    """spaCy's tagger and parser alone over the same texts: what no spaCy-based coder can beat."""
    import spacy

    nlp = spacy.load(settings.model)
    enable = [name for name in CEILING_PIPES if name in nlp.pipe_names]
    started, cpu = time.perf_counter(), time.process_time()
    with nlp.select_pipes(enable=enable):
        for _ in nlp.pipe(texts, batch_size=settings.batch_size):
            pass
    return {"seconds": round(time.perf_counter() - started, 2), "cpu_seconds": round(time.process_time() - cpu, 2),
            "pipes": enable}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=2000, help="articles to code")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a .jsonl.gz corpus file (repeatable; default: every file in ../shared/corpus)")
    parser.add_argument("--batch-size", type=int, default=None, help="spaCy batch size (default: Settings)")
    parser.add_argument("--workers", type=int, nargs="*", default=[],
                        help="also time `tidings code --workers N` (cluster start and model loads included)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    args = parser.parse_args(argv)

    from tidings.pipeline import Resources
    from tidings.settings import Settings

    paths = args.corpus or sorted(CORPUS.glob("*.jsonl.gz"))
    if not paths:
        parser.error(f"no corpus files (looked in {CORPUS})")
    records = sample_corpus(paths, args.n)
    texts = [r["text"] for r in records]
    with tempfile.TemporaryDirectory() as scratch:
        settings = Settings(db_path=Path(scratch) / "bench.duckdb")
        if args.batch_size:
            settings = replace(settings, batch_size=args.batch_size)
        input_path = Path(scratch) / "sample.jsonl"
        with input_path.open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        started = time.perf_counter()
        Resources.cached(settings)  # model, KB and gazetteer load once, outside the timed run
        load_seconds = round(time.perf_counter() - started, 2)
        e2e = run_end_to_end(input_path, settings.db_path, settings)
        e2e_rss = peak_rss_mb()
        db_mb = round(settings.db_path.stat().st_size / 2**20, 1)
        parallel = [run_parallel(input_path, Path(scratch) / f"workers{n}.duckdb", n) for n in args.workers]
    ceiling = run_ceiling(texts, settings)

    words = e2e["words"]
    result = {
        "date": date.today().isoformat(),
        "n": len(records),
        "corpus": [p.name for p in paths],
        "composition": dict(Counter(r["id"].split("-", 1)[0] for r in records)),
        "batch_size": settings.batch_size,
        "load_seconds": load_seconds,
        "end_to_end": {**e2e, "articles_per_s": round(e2e["articles"] / e2e["seconds"], 2),
                       "words_per_s": round(words / e2e["seconds"]), "peak_rss_mb": round(e2e_rss),
                       "store_mb": db_mb},
        "ceiling": {**ceiling, "articles_per_s": round(len(texts) / ceiling["seconds"], 2),
                    "words_per_s": round(sum(len(t.split()) for t in texts) / ceiling["seconds"])},
        "machine": machine_facts(),
    }
    if parallel:
        result["parallel_command"] = parallel
    result["ratio"] = round(result["end_to_end"]["articles_per_s"] / result["ceiling"]["articles_per_s"], 3)
    # CPU time is what the process got of a core: on a shared machine, the per-core rate to project from.
    for part, count in (("end_to_end", e2e["articles"]), ("ceiling", len(texts))):
        result[part]["articles_per_cpu_s"] = round(count / result[part]["cpu_seconds"], 2)
    result["ratio_cpu"] = round(result["end_to_end"]["articles_per_cpu_s"] / result["ceiling"]["articles_per_cpu_s"], 3)
    result["load_average"] = os.getloadavg()
    _print(result)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"{result['date']}-throughput.json"
        runs = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": runs + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"written: {out}")
    return 0


def _print(result: dict) -> None:
    e2e, ceiling = result["end_to_end"], result["ceiling"]
    print(f"{result['n']} articles {result['composition']}, {e2e['words']} words, "
          f"{e2e['events']} events, batch {result['batch_size']}, model load {result['load_seconds']} s")
    print(f"{'':<22}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    print(f"{'end-to-end':<22}{e2e['seconds']:>9}{e2e['articles_per_s']:>12}{e2e['words_per_s']:>10}")
    print(f"{'ceiling (tag+parse)':<22}{ceiling['seconds']:>9}{ceiling['articles_per_s']:>12}{ceiling['words_per_s']:>10}")
    print(f"per CPU-second: end-to-end {e2e['articles_per_cpu_s']}, ceiling {ceiling['articles_per_cpu_s']} articles; "
          f"ratio {result['ratio_cpu']}; load average {result['load_average'][0]:.1f}")
    for run in result.get("parallel_command", []):
        print(f"tidings code --workers {run['workers']}: {run['seconds']} s, {run['articles_per_s']} articles/s "
              f"(cluster start and model loads included), ratio {run['articles_per_s'] / ceiling['articles_per_s']:.3f}")
    print(f"ratio end-to-end / ceiling: {result['ratio']}; peak RSS {e2e['peak_rss_mb']} MB; "
          f"store {e2e['store_mb']} MB; {result['machine']['cores']} cores, {result['machine']['ram_gb']} GB")


if __name__ == "__main__":
    sys.exit(main())
