"""The driver of a parallel run: the manifest of finished parts, the Dask client, the progress bar."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

from tidings.distributed.parts import Part, coding_key
from tidings.distributed.worker import PartDone, code_part
from tidings.settings import Settings
from tidings.types import stable_id

MANIFEST = "manifest.jsonl"
LOCAL = "local"


class Manifest:
    """manifest.jsonl in the parts folder: one line per finished part, appended by the driver only.

    A part counts as finished only if its line is complete and its Parquet file exists (workers
    write the file under a temp name and rename it when complete), so a kill at any moment leaves
    at worst a part that is coded again.
    """

    def __init__(self, parts_dir: Path) -> None:
        self.path = Path(parts_dir) / MANIFEST
        self.done: dict[str, dict[str, Any]] = {}
        if self.path.exists():
            for line in self.path.read_text(encoding="utf-8").splitlines():
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line cut short by a kill
                if isinstance(entry, dict) and (self.path.parent / str(entry.get("file"))).exists():
                    self.done[entry["part_id"]] = entry

    def finished(self, part: Part) -> bool:
        return part.part_id in self.done

    def add(self, done: PartDone) -> None:
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(done.to_dict()) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.done[done.part_id] = done.to_dict()


def default_parts_dir(
    inputs: Sequence[str], settings: Settings, published: date | None,
    db_path: Path | None = None, output: Path | None = None,
) -> Path:
    """Where a run keeps its parts: beside the store or the output file, so the same command finds
    them again; runs to stdout use a folder in the temp dir named by a hash of inputs and settings."""
    if db_path is not None:
        return Path(f"{db_path}.parts")
    if output is not None and str(output) != os.devnull:
        return Path(f"{output}.parts")
    key = stable_id(*(str(Path(i).absolute()) for i in inputs), coding_key(settings, published))
    return Path(tempfile.gettempdir()) / "tidings-parts" / key


def code_in_parallel(
    parts: Sequence[Part], settings: Settings, parts_dir: Path, published: date | None = None,
    scheduler: str = LOCAL, workers: int | None = None, progress: Console | None = None,
    client: Any = None,
) -> list[PartDone]:
    """Code every part not yet in the manifest; return this run's reports in finishing order.

    scheduler: "local" starts a LocalCluster of `workers` processes (default: all cores), or an
    address ("tcp://host:8786") of a running Dask scheduler whose workers see the same paths.
    A local run with a single part left codes it in this process: no cluster to start for it.
    `client`: an open dask.distributed.Client to use instead (then scheduler/workers are ignored).
    """
    parts_dir = Path(parts_dir)
    parts_dir.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(parts_dir)
    todo = [part for part in parts if not manifest.finished(part)]
    reports: list[PartDone] = []
    with _PartsProgress(progress, parts, todo) as bar:
        if client is None and scheduler == LOCAL and len(todo) <= 1:
            for part in todo:
                reports.append(_finish(code_part(part, settings, str(parts_dir), published), part, manifest, bar))
            return reports
        from dask.distributed import as_completed  # only parallel runs import Dask

        with _client(scheduler, workers, client) as client:
            futures = {
                client.submit(code_part, part, settings, str(parts_dir.absolute()), published,
                              key=f"tidings-part-{part.part_id}", retries=1): part
                for part in todo
            }
            for future in as_completed(futures):
                reports.append(_finish(future.result(), futures[future], manifest, bar))
    return reports


def _finish(done: PartDone, part: Part, manifest: Manifest, bar: _PartsProgress) -> PartDone:
    manifest.add(done)
    bar.advance(part, done)
    return done


@contextmanager
def _client(scheduler: str, workers: int | None, given: Any = None) -> Iterator[Any]:
    from dask.distributed import Client, LocalCluster

    if given is not None:
        yield given
        return
    if scheduler != LOCAL:
        with Client(scheduler) as client:
            yield client
        return
    # One single-threaded process per core: spaCy holds the GIL, so threads would not help, and a
    # process per worker gives each its own model (loaded once) and its own memory limit.
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
        dashboard_address=None, silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


class _PartsProgress:
    """Progress over the input's bytes (so the ETA holds before any count of articles is known)."""

    def __init__(self, console: Console | None, parts: Sequence[Part], todo: Sequence[Part]) -> None:
        self.console = console
        self.total = sum(p.nbytes for p in parts)
        self.already = self.total - sum(p.nbytes for p in todo)
        self.articles = 0
        self.progress: Progress | None = None
        self.task = None
        self.started = time.perf_counter()

    def __enter__(self) -> _PartsProgress:
        if self.console is not None:
            self.progress = Progress(
                TextColumn("coding"), BarColumn(), TaskProgressColumn(),
                TextColumn("{task.fields[articles]} articles, {task.fields[rate]} articles/s"),
                TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                console=self.console, transient=False,
            )
            self.progress.start()
            self.task = self.progress.add_task("coding", total=self.total, completed=self.already,
                                               articles=0, rate="-")
        return self

    def advance(self, part: Part, done: PartDone) -> None:
        self.articles += done.articles
        if self.progress is not None:
            rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
            self.progress.update(self.task, advance=part.nbytes, articles=self.articles, rate=f"{rate:.1f}")

    def __exit__(self, *exc_info: object) -> None:
        if self.progress is not None:
            self.progress.stop()


def remove_parts(parts_dir: Path) -> None:
    """Delete what a run wrote into parts_dir (part files, temp files, manifest), then the folder."""
    parts_dir = Path(parts_dir)
    for path in parts_dir.glob("part-*.parquet*"):
        path.unlink(missing_ok=True)
    (parts_dir / MANIFEST).unlink(missing_ok=True)
    try:
        parts_dir.rmdir()
    except OSError:
        pass  # something else lives there: leave it
