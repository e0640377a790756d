"""CPU time of coding alone (pipeline.code_document on parsed docs), with a digest of every event."""

# Run by hand (never inside pytest):
#   python benchmarks/coding.py --n 300 [--repeat 3] [--profile 20]
# The sample is parsed once and cached as a spaCy DocBin (--cache), so runs before and after a change
# code the very same parses; the model's own time is left out. CPU time (time.process_time), not
# wall time, because the machine is shared. The digest (SHA-256 over each event's sorted JSON) proves
# a speed-up changed no output: compare it before and after.

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import pstats
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stages import _day  # noqa: E402
from throughput import CORPUS, sample_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300, help="articles to code")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (the best is reported)")
    parser.add_argument("--profile", type=int, default=0, help="also print this many top functions")
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parsed sample")
    args = parser.parse_args(argv)

    from spacy.tokens import DocBin

    from tidings import pipeline
    from tidings.settings import Settings
    from tidings.types import Article

    records = sample_corpus(sorted(CORPUS.glob("*.jsonl.gz")), args.n)
    articles = [Article(id=r["id"], text=r["text"], published=_day(r.get("published"))) for r in records]
    settings = Settings()
    resources = pipeline.Resources.cached(settings)
    cache = args.cache or Path("/tmp") / f"tidings-coding-{args.n}.docbin"
    if cache.exists():
        docs = list(DocBin().from_bytes(cache.read_bytes()).get_docs(resources.nlp.vocab))
    else:
        texts = [pipeline._prepare(a, settings) for a in articles]
        docs = list(resources.nlp.pipe(texts, batch_size=settings.batch_size))
        cache.write_bytes(DocBin(docs=docs, store_user_data=True).to_bytes())

    def code_all() -> list:
        return [event for a, d in zip(articles, docs) for event in pipeline.code_document(a, d, resources)]

    events = code_all()  # warm the per-process caches first, as a long-running worker has them
    passes = []
    for _ in range(args.repeat):
        started = time.process_time()
        code_all()
        passes.append((time.process_time() - started) * 100 / len(articles))
    digest = hashlib.sha256()
    for event in events:
        digest.update(json.dumps(event.to_dict(), sort_keys=True, default=str).encode())
    print(f"{len(articles)} articles, {len(events)} events, digest {digest.hexdigest()}")
    shown = ", ".join(f"{p:.3f}" for p in passes)
    print(f"coding CPU-s per 100 articles: best {min(passes):.3f} (passes {shown})")
    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        code_all()
        profile.disable()
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
