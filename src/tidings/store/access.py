"""Share one DuckDB file between a writing run and reading servers (writer marker, lock retries).

DuckDB lets one process write a file, or any number read it, never both: a read-only open
fails while a writer holds the file and a writable open fails while any reader does, with
"Could not set lock on file". So that `tidings serve` keeps answering while `tidings code
--db` runs, the two take turns:

- a writer announces itself with a marker file beside the store (`<store>.writer`, holding
  its pid) for as long as its connection is open, and retries its open until readers let go;
- a reader (store.views.StoreViews) closes its connection as soon as a live writer's marker
  appears, waits for the marker to go, then reopens; if the writer keeps the file longer
  than the reader's patience, the API answers 503 "store busy", never a lock error;
- the pipeline writes a batch at a time and closes the store between batches, so a long run
  holds the file for a fraction of a second per batch.

A marker whose pid is no longer running (a killed writer) is ignored and replaced.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb

from tidings.errors import StoreBusyError

MARKER_SUFFIX = ".writer"
WRITE_WAIT_SECONDS = 60.0  # a writer waits this long for readers and other writers to let go
READ_WAIT_SECONDS = 10.0  # a reader waits this long for a writer before giving up (503)
RETRY_SECONDS = 0.05

T = TypeVar("T")


def marker_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + MARKER_SUFFIX)


def announce_writer(db_path: Path) -> Path | None:
    """Create the writer marker (pid inside); None when the folder is not writable."""
    marker = marker_path(db_path)
    try:
        marker.write_text(str(os.getpid()), encoding="ascii")
    except OSError:
        return None  # readers then fall back to lock retries alone
    return marker


def withdraw_writer(marker: Path | None) -> None:
    """Remove our marker (only if it is still ours: another writer may have replaced it)."""
    if marker is None:
        return
    try:
        if marker.read_text(encoding="ascii").strip() == str(os.getpid()):
            marker.unlink()
    except (OSError, ValueError):
        pass


def writer_waiting(db_path: Path) -> bool:
    """True while a running process has announced it writes (or wants to write) the store."""
    try:
        pid = int(marker_path(db_path).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return False
    if pid == os.getpid():
        return False  # our own writer: it hands the file over itself (StoreViews.released)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False  # a killed writer's leftover
    except PermissionError:
        return True  # alive, owned by another user
    return True


def is_lock_conflict(exc: BaseException) -> bool:
    """A DuckDB error saying another process holds the file."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def retry_on_lock(open_: Callable[[], T], wait: float, what: str) -> T:
    """open_() until no other process holds a conflicting lock; StoreBusyError after `wait` s."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return open_()
        except duckdb.IOException as exc:
            if not is_lock_conflict(exc) or time.monotonic() >= deadline:
                if is_lock_conflict(exc):
                    raise StoreBusyError(
                        f"{what}: the store is busy (another process holds it): {exc}"
                    ) from exc
                raise
        time.sleep(RETRY_SECONDS)


def wait_for_writer(db_path: Path, wait: float) -> bool:
    """Wait until no live writer is announced; False if one still is after `wait` s."""
    deadline = time.monotonic() + wait
    while writer_waiting(db_path):
        if time.monotonic() >= deadline:
            return False
        time.sleep(RETRY_SECONDS)
    return True
