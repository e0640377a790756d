"""The task a worker runs (code one part into a Parquet file) and the replay of parts as CodedArticles."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from tidings.distributed.parts import Part, read_slice
from tidings.settings import Settings
from tidings.types import Article, CodedArticle, Event, RecordError

ROW_GROUP = 256  # articles per Parquet row group: the most a worker holds before writing
# One row per input record. Events are kept as the types.py contract JSON (not store rows), so
# parts stay valid whatever table layout the store uses; the store gets them as CodedArticles.
PART_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("text", pa.string()),
    ("published", pa.date32()),
    ("title", pa.string()),
    ("url", pa.string()),
    ("source", pa.string()),
    ("language", pa.string()),
    ("location", pa.string()),  # file:line the record came from
    ("events", pa.list_(pa.string())),  # Event JSON, in coding order
    ("error", pa.string()),  # set for a record that could not be read (then there is no text)
])


@dataclass(frozen=True)
class PartDone:
    """What a worker reports for a finished part (also the part's manifest line)."""

    part_id: str
    file: str
    articles: int
    events: int
    errors: int
    seconds: float
    cpu_seconds: float  # this process's CPU time on the part: the rate a dedicated core would give
    pid: int
    peak_rss_mb: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def code_part(part: Part, settings: Settings, parts_dir: str, published: date | None = None) -> PartDone:
    """Code one part into parts_dir/<part file>; runs on a worker, the model loads once per process."""
    from tidings.pipeline import Resources, code_articles  # the pipeline imports spaCy

    resources = Resources.cached(settings)
    started, cpu_started = time.perf_counter(), time.process_time()
    target = Path(parts_dir) / part.file_name()
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    counts = {"articles": 0, "events": 0, "errors": 0}
    rows: list[dict[str, Any]] = []
    with pq.ParquetWriter(temporary, PART_SCHEMA) as writer:
        for row in _part_rows(part, published, settings, resources, code_articles, counts):
            rows.append(row)
            if len(rows) >= ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(rows, PART_SCHEMA))
                rows.clear()
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, PART_SCHEMA))
    os.replace(temporary, target)  # a part file exists only once it is complete
    return PartDone(part.part_id, target.name, counts["articles"], counts["events"], counts["errors"],
                    round(time.perf_counter() - started, 3), round(time.process_time() - cpu_started, 3),
                    os.getpid(), peak_rss_mb())


def _part_rows(part, published, settings, resources, code_articles, counts) -> Iterator[dict[str, Any]]:
    # Reading runs ahead of coding (code_articles fills a batch), so what was read waits in one
    # queue in input order: errors, and the location of each article. code_articles yields one
    # result per article in order, so each result takes the errors read before its article.
    read: deque[RecordError | str] = deque()

    def articles() -> Iterator[Article]:
        for piece in part.slices:
            for location, record in read_slice(piece, published):
                read.append(record if isinstance(record, RecordError) else location)
                if isinstance(record, Article):
                    yield record

    for coded in code_articles(articles(), settings, resources):
        while isinstance(read[0], RecordError):
            yield _error_row(read.popleft(), counts)
        counts["articles"] += 1
        counts["events"] += len(coded.events)
        yield _article_row(coded, read.popleft())
    while read:
        yield _error_row(read.popleft(), counts)


def _error_row(problem: RecordError, counts: dict[str, int]) -> dict[str, Any]:
    counts["errors"] += 1
    return {"article_id": problem.record_id, "location": problem.location, "error": problem.reason}


def _article_row(coded: CodedArticle, location: str) -> dict[str, Any]:
    article = coded.article
    return {
        "article_id": article.id, "text": article.text, "published": article.published,
        "title": article.title, "url": article.url, "source": article.source,
        "language": article.language, "location": location,
        "events": [json.dumps(e.to_dict(), ensure_ascii=False) for e in coded.events],
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / 2**20 if sys.platform == "darwin" else peak / 1024, 1)


def read_parts(parts: Iterable[Part], parts_dir: Path, errors: list[RecordError]) -> Iterator[CodedArticle]:
    """Replay finished parts in plan order; read errors are appended to `errors` in input order.

    A record whose id was already seen with the same text is dropped; with another text it becomes
    a RecordError: the rule of ingest.read_records, applied across all parts.
    """
    seen: dict[str, str] = {}  # id -> SHA-1 of its text, as read_records keeps
    for part in parts:
        table = pq.ParquetFile(Path(parts_dir) / part.file_name())
        for batch in table.iter_batches(batch_size=ROW_GROUP):
            for row in batch.to_pylist():
                if row["error"] is not None:
                    errors.append(RecordError(row["article_id"], row["location"], row["error"]))
                    continue
                digest = hashlib.sha1(row["text"].encode("utf-8")).hexdigest()
                first = seen.get(row["article_id"])
                if first is None:
                    seen[row["article_id"]] = digest
                    yield _coded(row)
                elif first != digest:
                    errors.append(RecordError(row["article_id"], row["location"],
                                              "duplicate id with different text"))
                # else: the same record read twice (a file given twice); once is enough


def _coded(row: dict[str, Any]) -> CodedArticle:
    article = Article(
        id=row["article_id"], text=row["text"], published=row["published"], title=row["title"],
        url=row["url"], source=row["source"], language=row["language"],
    )
    return CodedArticle(article, tuple(Event.from_dict(json.loads(e)) for e in row["events"]))
