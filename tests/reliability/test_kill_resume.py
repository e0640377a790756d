"""SIGKILL `tidings code --db` at random points, re-run it: the store equals an uninterrupted run.

Costly (each `tidings` process loads the model, ~10-30 s on a shared machine): one clean run,
then one store killed three times in a row at random moments - one of them inside a store
write, found by the writer marker (store.access) - and finished by a last run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tidings.runners import sample_path

# coded_at is when a row was written: the one column that differs between runs by design.
VOLATILE = {"coded_at"}
KILLS = 3


def command(db: Path) -> list[str]:
    return [sys.executable, "-m", "tidings.cli", "code", str(sample_path()), "--db", str(db),
            "--workers", "1", "--batch-size", "3", "-o", os.devnull]  # fmt: skip


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every table of the store, every column but the volatile ones, in a total order."""
    tables: dict[str, list[tuple]] = {}
    with duckdb.connect(str(db), read_only=True) as con:
        for (table,) in con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall():
            names = [row[0] for row in con.execute(f'DESCRIBE "{table}"').fetchall()]
            kept = ", ".join(f'"{n}"' for n in names if n not in VOLATILE)
            tables[table] = con.execute(f'SELECT {kept} FROM "{table}" ORDER BY ALL').fetchall()
    return tables


def partial_articles(db: Path) -> list[tuple]:
    """Articles whose stored mentions do not number their n_events, and orphan mentions."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(
            "SELECT a.article_id, a.n_events, count(m.event_id) FROM articles a"
            " LEFT JOIN mentions m USING (article_id) GROUP BY ALL HAVING a.n_events != count(m.event_id)"
            " UNION ALL SELECT m.article_id, NULL, count(*) FROM mentions m ANTI JOIN articles a"
            " USING (article_id) GROUP BY ALL"
        ).fetchall()


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def run(db: Path) -> float:
    started = time.monotonic()
    done = subprocess.run(command(db), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return time.monotonic() - started


def run_and_kill(db: Path, rng: random.Random, in_write: bool, window: tuple[float, float]) -> str:
    """Start a run and SIGKILL it: inside a store write (marker seen) or at a random time."""
    marker = db.with_name(db.name + ".writer")
    process = subprocess.Popen(command(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)  # fmt: skip
    started = time.monotonic()
    deadline = started + rng.uniform(*window)
    try:
        while process.poll() is None:
            now = time.monotonic()
            # The marker also exists during the opening check; a write comes after 3 articles.
            if in_write and marker.exists() and now - started > window[0]:
                time.sleep(rng.uniform(0, 0.02))
                break
            if not in_write and now >= deadline:
                break
            time.sleep(0.002)
        when = f"{time.monotonic() - started:.2f}s{' (in a write)' if in_write else ''}"
        if process.poll() is not None:
            return f"finished before the kill at {when}"
        os.killpg(process.pid, signal.SIGKILL)
        return f"killed at {when}"
    finally:
        process.wait(timeout=60)


def test_killed_runs_resume_to_the_uninterrupted_store(tmp_path):
    clean = tmp_path / "clean.duckdb"
    seconds = run(clean)
    expected = dump(clean)
    assert expected["articles"] and expected["mentions"] and expected["events"]

    rng = random.Random(int(time.time()))  # a different kill schedule every run; logged below
    resumed = tmp_path / "resumed.duckdb"
    # Kills fall in the second half of a run: the first half is mostly loading the model.
    window = (0.5 * seconds, 0.98 * seconds)
    log = []
    for i in range(KILLS):
        log.append(run_and_kill(resumed, rng, in_write=(i == 1), window=window))
        log[-1] += f", {stored_articles(resumed)} articles stored"
    print("kill schedule:", log)
    assert any(entry.startswith("killed") for entry in log)
    if resumed.exists():
        assert partial_articles(resumed) == []  # what a killed run left is whole articles only
    run(resumed)
    assert dump(resumed) == expected
