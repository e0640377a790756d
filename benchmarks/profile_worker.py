"""Where one worker's time goes: cProfile of distributed.code_part over one part of real news."""

# Run by hand (never inside pytest):
#   python benchmarks/profile_worker.py --n 200 [--top 30]
# Writes benchmarks/results/<YYYY-MM-DD>-profile.json: own time (tottime) summed by area (spaCy/thinc
# inference, each tidings stage, Parquet, rest) and the top functions by cumulative time. The model is
# loaded before profiling starts, as a worker loads it once and then codes many parts.

from __future__ import annotations

import argparse
import cProfile
import json
import os
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

# First match wins: a function's own time is charged to the area of the file it lives in (builtins
# such as str.join or re matching are "other"; ENTRY_POINTS gives each stage's inclusive time).
AREAS = (
    ("spacy+thinc (nlp)", ("spacy/", "thinc/", "numpy", "blis", "srsly", "cymem", "preshed")),
    ("actors", ("tidings/actors/",)),
    ("events", ("tidings/events/",)),
    ("when", ("tidings/when/",)),
    ("where", ("tidings/where/",)),
    ("pipeline (assembly)", ("tidings/pipeline.py", "tidings/spans.py", "tidings/types.py", "tidings/nlp.py")),
    ("ingest", ("tidings/ingest/",)),
    ("parts (parquet, json)", ("tidings/distributed/", "pyarrow", "json")),
)
# Inclusive (cumulative) time of the functions each stage enters through, as the pipeline calls them.
ENTRY_POINTS = {
    "nlp (spaCy nlp.pipe, all components)": ("spacy/language.py", "pipe"),
    "coding (pipeline.code_document)": ("tidings/pipeline.py", "code_document"),
    "  actors (resolve_actor)": ("tidings/actors/resolve.py", "resolve_actor"),
    "  events (find_event_candidates)": ("tidings/events/extract.py", "find_event_candidates"),
    "  when (find_time_expressions)": ("tidings/when/expressions.py", "find_time_expressions"),
    "  where (find_places)": ("tidings/where/resolve.py", "find_places"),
    "parts (Parquet writes)": ("pyarrow/parquet/core.py", "write_table"),
}


def area_of(filename: str, function: str) -> str:
    key = f"{filename}:{function}"
    for area, needles in AREAS:
        if any(needle in key for needle in needles):
            return area
    return "other (python builtins, re, …)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=200, help="articles in the profiled part")
    parser.add_argument("--top", type=int, default=30, help="functions to list by cumulative time")
    parser.add_argument("--corpus", type=Path, action="append", help="a .jsonl.gz corpus file (repeatable)")
    parser.add_argument("--no-write", action="store_true", help="print only, do not write results/")
    args = parser.parse_args(argv)

    from tidings.distributed import code_part, plan_parts
    from tidings.pipeline import Resources
    from tidings.settings import Settings

    records = sample_corpus(args.corpus or sorted(CORPUS.glob("*.jsonl.gz")), args.n)
    settings = Settings()
    Resources.cached(settings)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "part.jsonl"
        source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        (part,) = plan_parts([str(source)], settings, part_bytes=source.stat().st_size + 1)
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        done = code_part(part, settings, tmp)
        profile.disable()
        seconds = time.perf_counter() - started

    stats = pstats.Stats(profile)
    own: dict[str, float] = defaultdict(float)
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():
        own[area_of(filename, function)] += tottime
        rows.append((cumtime, tottime, calls, f"{_short(filename)}:{line}({function})"))
    total = sum(own.values())
    rows.sort(reverse=True)
    inclusive = {}
    for label, (file_part, function) in ENTRY_POINTS.items():
        times = [v[3] for (f, _, name), v in stats.stats.items() if name == function and f.endswith(file_part)]
        inclusive[label] = round(max(times, default=0.0) / seconds, 3)
    result = {
        "date": date.today().isoformat(),
        "n": done.articles,
        "events": done.events,
        "seconds_profiled": round(seconds, 2),
        "articles_per_s_under_profile": round(done.articles / seconds, 2),
        "inclusive_share_by_stage": inclusive,
        "own_time_share_by_area": {k: round(v / total, 3) for k, v in sorted(own.items(), key=lambda x: -x[1])},
        "top_cumulative": [
            {"function": name, "cumulative_s": round(cum, 3), "own_s": round(tot, 3), "calls": calls}
            for cum, tot, calls, name in rows[: args.top]
        ],
        "load_average": os.getloadavg(),
        "machine": machine_facts(),
    }
    print(f"{done.articles} articles, {done.events} events, {seconds:.1f} s under cProfile")
    print("inclusive time by stage:")
    for label, share in inclusive.items():
        print(f"  {label:<40}{share:>7.1%}")
    print("own time by area:")
    for area, share in result["own_time_share_by_area"].items():
        print(f"  {area:<32}{share:>7.1%}")
    print(f"{'cumulative s':>13}{'own s':>9}  function")
    for row in result["top_cumulative"]:
        print(f"{row['cumulative_s']:>13}{row['own_s']:>9}  {row['function']}")
    if not args.no_write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"{result['date']}-profile.json"
        previous = json.loads(out.read_text(encoding="utf-8"))["runs"] if out.exists() else []
        out.write_text(json.dumps({"runs": previous + [result]}, indent=2) + "\n", encoding="utf-8")
        print(f"written: {out}")
    return 0


def _short(filename: str) -> str:
    for marker in ("site-packages/", "src/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


if __name__ == "__main__":
    sys.exit(main())
