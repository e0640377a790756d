"""Pairwise precision/recall of tidings' event clustering on the pair set in pairs.tsv.

Run by hand for the figures: `python tests/dedup/pair_measure.py [--store out.duckdb]`.
The articles are read from ../shared/corpus (never copied here), coded once, stored together
in one store, and an article pair counts as *linked* when some event (cluster) holds a
mention from each. Same-event pairs that are linked are true positives; different-event pairs
that are linked are false positives.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from datetime import date
from pathlib import Path

from tidings.pipeline import code_articles
from tidings.store import EventStore
from tidings.types import Article

HERE = Path(__file__).parent
PAIRS = HERE / "pairs.tsv"
CORPUS = HERE.resolve().parents[1].parent / "shared" / "corpus" / "allsides_political_news_2012_2020.jsonl.gz"


def read_pairs() -> list[tuple[str, str, str]]:
    with open(PAIRS, encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [(r["label"], r["article_a"], r["article_b"]) for r in rows]


def load_articles(ids: set[str], corpus: Path = CORPUS) -> list[Article]:
    found = []
    with gzip.open(corpus, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in ids:
                found.append(Article(
                    id=record["id"], text=record["text"], title=record.get("title"),
                    published=date.fromisoformat(record["published"][:10]),
                    source=record.get("source"), url=record.get("url"),
                ))  # fmt: skip
    return sorted(found, key=lambda a: a.id)


def score_pairs(store: EventStore) -> dict:
    """Pairwise figures for the pair set over a store holding its coded articles."""
    _, rows = store.sql("SELECT article_id, list(DISTINCT cluster_id) FROM mentions GROUP BY 1")
    clusters = {aid: set(cids) for aid, cids in rows}
    tally = {"tp": 0, "fn": 0, "fp": 0, "tn": 0}
    for label, a, b in read_pairs():
        linked = bool(clusters.get(a, set()) & clusters.get(b, set()))
        key = ("tp" if linked else "fn") if label == "same" else ("fp" if linked else "tn")
        tally[key] += 1
    precision = tally["tp"] / max(1, tally["tp"] + tally["fp"])
    recall = tally["tp"] / max(1, tally["tp"] + tally["fn"])
    return {**tally, "precision": round(precision, 3), "recall": round(recall, 3), **store.counts()}


def measure(store_path: Path) -> dict:
    pairs = read_pairs()
    ids = {a for _, a, b in pairs} | {b for _, a, b in pairs}
    coded = list(code_articles(load_articles(ids)))
    with EventStore.open(store_path) as store:
        store.upsert_many(coded)
        return score_pairs(store)


if __name__ == "__main__":
    out = Path(sys.argv[sys.argv.index("--store") + 1]) if "--store" in sys.argv else Path("pairs.duckdb")
    if out.exists():
        out.unlink()
    print(json.dumps(measure(out)))
