"""The runners: read inputs, code them (in this process or on Dask), write the output and the store."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources as package_files
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from tidings.ingest.readers import read_records
from tidings.pipeline import code_articles
from tidings.settings import Settings
from tidings.store import EventStore
from tidings.store.export import write_events
from tidings.types import Article, CodedArticle, Event, RecordError


@dataclass
class RunSummary:
    """What a run did: articles coded, events written, records skipped (with reasons)."""

    articles: int = 0
    events: int = 0
    errors: list[RecordError] = field(default_factory=list)
    parts: int = 0  # parallel runs: input parts planned, and how many an earlier run had finished
    parts_resumed: int = 0


def run_local(
    inputs: Sequence[str],
    settings: Settings,
    published: date | None = None,
    db_path: Path | None = None,
    output: Path | None = None,
    fmt: str = "jsonl",
    progress: Console | None = None,
    errors_path: Path | None = None,
) -> RunSummary:
    """The local runner: read inputs, code them, write events (stdout or file) and the store."""
    summary = RunSummary()
    articles = _collect_errors(read_records(inputs, published=published, settings=settings), summary)
    _deliver(code_articles(articles, settings), summary, settings.batch_size, db_path, output, fmt, progress,
             errors_path)
    return summary


def run_dask(
    inputs: Sequence[str],
    settings: Settings,
    scheduler: str = "local",
    workers: int | None = None,
    published: date | None = None,
    db_path: Path | None = None,
    output: Path | None = None,
    fmt: str = "jsonl",
    progress: Console | None = None,
    errors_path: Path | None = None,
    parts_dir: Path | None = None,
    part_bytes: int | None = None,
    keep_parts: bool = False,
) -> RunSummary:
    """The Dask runner: workers code input parts into Parquet, then this process alone writes the store.

    scheduler: "local" (a LocalCluster of `workers` processes, default all cores) or the address of
    a running scheduler. Killed runs resume: the same call skips parts already in the manifest.
    """
    from tidings import distributed

    # Local clusters get at least four parts per worker, so no worker idles while another finishes
    # a last large part; a remote scheduler's worker count is not known here.
    min_parts = 4 * (workers or os.cpu_count() or 1) if scheduler == "local" else 1
    parts = distributed.plan_parts(inputs, settings, published, part_bytes or distributed.DEFAULT_PART_BYTES,
                                   min_parts=min_parts)
    folder = parts_dir or distributed.default_parts_dir(inputs, settings, published, db_path, output)
    reports = distributed.code_in_parallel(parts, settings, folder, published, scheduler, workers, progress)
    summary = RunSummary(parts=len(parts), parts_resumed=len(parts) - len(reports))
    coded = distributed.read_parts(parts, folder, summary.errors)
    _deliver(coded, summary, settings.ingest_batch_size, db_path, output, fmt, None, errors_path)
    if not keep_parts:
        distributed.remove_parts(folder)
    return summary


def _deliver(
    coded: Iterable[CodedArticle], summary: RunSummary, store_batch: int, db_path: Path | None,
    output: Path | None, fmt: str, progress: Console | None, errors_path: Path | None,
) -> None:
    """Write coded articles to the output (streamed for JSONL) and the store, one writer."""
    collected: list[Event] = []
    sink = None if fmt != "jsonl" else (output.open("w", encoding="utf-8") if output else sys.stdout)
    if db_path is not None:
        EventStore.open(db_path).close()  # a locked, foreign or old store fails before coding
    # Written a batch at a time, one transaction each, and the store is closed in between so
    # a server reading it (tidings serve) gets the file back while the next batch is coded.
    pending: list[CodedArticle] = []
    try:
        with _Progress(progress) as bar:
            for item in coded:
                summary.articles += 1
                summary.events += len(item.events)
                if db_path is not None:
                    pending.append(item)
                    if len(pending) >= store_batch:
                        _store_batch(db_path, pending)
                        pending.clear()
                if sink is not None:
                    for event in item.events:
                        sink.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
                else:
                    collected.extend(item.events)
                bar.advance(len(item.events))
        if db_path is not None and pending:
            _store_batch(db_path, pending)
    finally:
        if sink is not None and sink is not sys.stdout:
            sink.close()
    if sink is None:
        target = output if output is not None else sys.stdout
        write_events(collected, target, fmt)
    if errors_path is not None:
        with errors_path.open("w", encoding="utf-8") as handle:
            for problem in summary.errors:
                handle.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")


def _store_batch(db_path: Path, batch: list[CodedArticle]) -> None:
    with EventStore.open(db_path) as store:
        store.upsert_many(batch)


def _collect_errors(records: Iterable[Article | RecordError], summary: RunSummary) -> Iterator[Article]:
    for record in records:
        if isinstance(record, RecordError):
            summary.errors.append(record)
        else:
            yield record


def sample_path() -> Path:
    """The bundled sample articles (the seed article plus CC BY 4.0 WMT news; see data/sample)."""
    return Path(str(package_files.files("tidings") / "data" / "sample" / "articles.jsonl"))


def run_demo(db_path: Path, settings: Settings, progress: Console | None = None) -> tuple[RunSummary, list[Event]]:
    """Code the bundled sample into a DuckDB store; return the summary and the stored events."""
    summary = run_local([str(sample_path())], settings, db_path=db_path, output=Path(os.devnull),
                        progress=progress)
    with EventStore.open(db_path, read_only=True) as store:
        events = store.query()
    return summary, events


class _Progress:
    """A progress line on stderr that appears only once a run has more than a handful of articles."""

    THRESHOLD = 5

    def __init__(self, console: Console | None) -> None:
        self.console = console
        self.progress: Progress | None = None
        self.task = None
        self.count = 0
        self.events = 0
        self.started: float | None = None  # at the first article: the model load is not coding time

    def __enter__(self) -> _Progress:
        return self

    def advance(self, events: int) -> None:
        self.count += 1
        self.events += events
        if self.started is None:
            self.started = time.perf_counter()
        if self.console is None:
            return
        if self.progress is None and self.count > self.THRESHOLD:
            self.progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} articles"),
                TextColumn("{task.fields[events]} events"), TextColumn("{task.fields[rate]} articles/s"),
                TimeElapsedColumn(),
                console=self.console, transient=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("coding", total=None, completed=self.count, events=self.events,
                                               rate="-")
        if self.progress is not None:
            rate = f"{(self.count - 1) / max(time.perf_counter() - self.started, 1e-9):.1f}"
            self.progress.update(self.task, completed=self.count, events=self.events, rate=rate)

    def __exit__(self, *exc_info: object) -> None:
        if self.progress is not None:
            self.progress.stop()
