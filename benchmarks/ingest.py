"""Store ingest cost per successive batch: does upserting stay linear as the store grows?"""

# Run by hand (never inside pytest):
#   python benchmarks/ingest.py --n 600 [--batch 100] [--coded /tmp/coded600.pickle] [--profile]
# The hash sample (throughput.sample_corpus) is coded once, then upserted into a fresh temp store
# in successive batches; each batch's CPU seconds (time.process_time, as the machine is shared)
# are split into the store's phases by wrapping the functions EventStore._replace calls in the
# tidings.store.duck namespace. A linear ingest costs about the same for every batch; a cost that
# grows with the batch number means some phase reads what the store holds, not what it changes.
# --coded keeps the coded articles in a pickle so a re-run measures the store alone.

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from throughput import CORPUS, RESULTS, machine_facts, sample_corpus  # noqa: E402

# Names as imported into tidings.store.duck, each a phase of one batch's write.
PHASES = ("removed_mentions", "assign_new", "move_mentions", "refresh_events", "refresh_words")


def code_sample(n: int, cache: Path | None) -> tuple[list, float]:
    """The coded hash sample and the CPU seconds coding took (0 when read from the cache)."""
    if cache and cache.exists():
        with cache.open("rb") as handle:
            return pickle.load(handle), 0.0
    from tidings.ingest.readers import read_records
    from tidings.pipeline import Resources, code_articles
    from tidings.settings import Settings
    from tidings.types import Article

    records = sample_corpus(sorted(CORPUS.glob("*.jsonl.gz")), n)
    settings = Settings()
    Resources.cached(settings)  # model load is not coding
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "sample.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        articles = [a for a in read_records([str(path)], settings=settings) if isinstance(a, Article)]
    cpu = time.process_time()
    coded = list(code_articles(articles, settings))
    cpu = time.process_time() - cpu
    if cache:
        with cache.open("wb") as handle:
            pickle.dump(coded, handle)
    return coded, cpu


def instrument(module, seconds: dict[str, float]) -> None:
    """Wrap the phase functions in the store module's namespace, adding their CPU seconds up."""
    for name in PHASES:
        original = getattr(module, name)

        def timed(*args, _original=original, _name=name, **kwargs):
            started = time.process_time()
            try:
                return _original(*args, **kwargs)
            finally:
                seconds[_name] += time.process_time() - started

        setattr(module, name, timed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=600, help="articles to code")
    parser.add_argument("--batch", type=int, default=100, help="articles per upsert_many call")
    parser.add_argument("--coded", type=Path, help="pickle of the coded sample (written if missing; when it exists --n is not used)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="ingest the series this many times into fresh stores; report each batch's minimum")
    parser.add_argument("--profile", action="store_true", help="cProfile the slowest batch (re-run)")
    parser.add_argument("--note", default="", help="recorded with the run")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    args = parser.parse_args(argv)

    from tidings.store import EventStore, duck

    coded, coding_cpu = code_sample(args.n, args.coded)
    seconds: dict[str, float] = defaultdict(float)
    instrument(duck, seconds)
    batches: list[dict] = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(args.repeat):
            db = Path(scratch) / f"ingest{run}.duckdb"
            for index, start in enumerate(range(0, len(coded), args.batch)):
                seconds.clear()
                cpu = time.process_time()
                with EventStore.open(db) as store:
                    opened = time.process_time()
                    store.upsert_many(coded[start : start + args.batch])
                    cpu, opened = time.process_time() - opened, opened - cpu
                    counts = store.counts()
                # A run opens the store once: opening is reported apart from the batch's cost.
                row = {"cpu_s": round(cpu, 3), "open_s": round(opened, 3),
                       **{k: round(v, 3) for k, v in seconds.items()},
                       "mentions": counts["mentions"], "events": counts["events"]}
                # On a shared machine the least-disturbed run of a batch is the closest to its cost.
                if run == 0:
                    batches.append(row)
                elif row["cpu_s"] < batches[index]["cpu_s"]:
                    batches[index] = row
        slowest = max(range(len(batches)), key=lambda i: batches[i]["cpu_s"])
        profile = _profile(Path(scratch), coded, slowest, args.batch) if args.profile else None

    events = sum(len(c.events) for c in coded)
    result = {
        "date": date.today().isoformat(),
        "n": len(coded),
        "events": events,
        "batch": args.batch,
        "repeat": args.repeat,
        "coding_cpu_s": round(coding_cpu, 2) or None,
        "articles_per_coding_cpu_s": round(len(coded) / coding_cpu, 2) if coding_cpu else None,
        "batches": batches,
        "note": args.note,
        "machine": machine_facts(),
    }
    print(f"{len(coded)} articles, {events} events, batches of {args.batch}")
    if coding_cpu:
        print(f"coding: {coding_cpu:.1f} CPU-s, {result['articles_per_coding_cpu_s']} articles/CPU-s")
    print(f"{'batch':<6}{'CPU-s':>7}{'open':>7}" + "".join(f"{p[:12]:>14}" for p in PHASES) + f"{'mentions':>10}")
    for i, b in enumerate(batches):
        print(f"{i:<6}{b['cpu_s']:>7}{b['open_s']:>7}" + "".join(f"{b.get(p, 0):>14}" for p in PHASES) + f"{b['mentions']:>10}")
    if profile:
        print(profile)
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"{result['date']}-ingest.json"
        runs = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": runs + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"written: {out}")
    return 0


def _profile(scratch: Path, coded: list, index: int, size: int) -> str:
    """Re-ingest the batches before `index` into a fresh store, then cProfile batch `index`."""
    from io import StringIO

    from tidings.store import EventStore

    fresh = scratch / "profile.duckdb"
    with EventStore.open(fresh) as store:
        store.upsert_many(coded[: index * size], batch_size=size)
        profiler = cProfile.Profile()
        profiler.enable()
        store.upsert_many(coded[index * size : (index + 1) * size])
        profiler.disable()
    out = StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
    return f"profile of batch {index}:\n{out.getvalue()}"


if __name__ == "__main__":
    sys.exit(main())
