"""Parallel coding in parts: byte-range planning, same records and events as a local run, resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tidings.distributed import Manifest, code_part, plan_parts, read_parts, read_slice
from tidings.ingest.readers import read_records
from tidings.runners import run_local, sample_path
from tidings.settings import Settings
from tidings.types import Article, RecordError

SETTINGS = Settings()


def jsonl(path: Path, records: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def sample_records(n: int) -> list[dict]:
    lines = sample_path().read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines[:n]]


def test_byte_range_parts_cover_a_file_at_line_starts(tmp_path):
    records = [{"id": f"a{i}", "text": "word " * (i % 7 + 1)} for i in range(200)]
    path = jsonl(tmp_path / "big.jsonl", records)
    parts = plan_parts([str(path)], SETTINGS, part_bytes=500)
    slices = [s for part in parts for s in part.slices]
    assert len(parts) > 5
    assert slices[0].start == 0 and slices[-1].end == path.stat().st_size
    data = path.read_bytes()
    for before, after in zip(slices, slices[1:]):
        assert before.end == after.start and data[after.start - 1:after.start] == b"\n"
        assert after.first_line == data[:after.start].count(b"\n") + 1


def test_a_small_input_is_cut_into_at_least_min_parts(tmp_path):
    records = [{"id": f"a{i}", "text": "word " * 400} for i in range(400)]  # ~0.8 MB
    path = jsonl(tmp_path / "small.jsonl", records)
    assert len(plan_parts([str(path)], SETTINGS)) == 1
    parts = plan_parts([str(path)], SETTINGS, min_parts=8)
    assert len(parts) >= 8
    sizes = [sum(s.end - s.start for s in part.slices) for part in parts]
    assert max(sizes) <= 2 * min(sizes) + 2100  # balanced, up to one record


def test_parts_are_never_cut_below_the_minimum_size(tmp_path):
    from tidings.distributed.parts import MIN_PART_BYTES

    records = [{"id": f"a{i}", "text": "word " * 20} for i in range(1000)]  # ~0.1 MB
    path = jsonl(tmp_path / "tiny.jsonl", records)
    parts = plan_parts([str(path)], SETTINGS, min_parts=100)
    assert 1 < len(parts) <= path.stat().st_size // MIN_PART_BYTES + 1


def test_parts_read_the_same_records_and_error_locations_as_read_records(tmp_path):
    lines = [{"id": "g1", "text": "Troops attacked the town."}, "{not json", {"id": "e", "text": "  "},
             {"id": "g2", "text": "The minister visited Paris.", "published": "2020-01-02"}] * 30
    path = jsonl(tmp_path / "in.jsonl", lines)
    folder = tmp_path / "dir"
    folder.mkdir()
    (folder / "note.txt").write_text("A plain text article.", encoding="utf-8")
    inputs = [str(path), str(folder), str(tmp_path / "missing.jsonl")]
    parts = plan_parts(inputs, SETTINGS, part_bytes=300)
    from_parts = [record for part in parts for piece in part.slices for _, record in read_slice(piece, None)]
    # read_records drops the repeated ids (same text); the parts keep them for the driver's check.
    first_seen, unique = set(), []
    for record in from_parts:
        if isinstance(record, Article):
            if record.id in first_seen:
                continue
            first_seen.add(record.id)
        unique.append(record)
    assert unique == list(read_records(inputs))
    assert RecordError(None, f"{path}:6", "invalid JSON: Expecting property name enclosed in double quotes (column 2)") in unique


def test_stdin_cannot_be_split():
    from tidings.errors import InputError

    with pytest.raises(InputError):
        plan_parts(["-"], SETTINGS)


def test_parts_coded_apart_replay_like_a_local_run(tmp_path):
    records = sample_records(6)
    records.append(dict(records[0]))  # the same record twice: once is enough
    records.append({**records[1], "text": records[1]["text"] + " Changed."})  # same id, other text
    records.append("[1, 2]")
    path = jsonl(tmp_path / "in.jsonl", records)
    parts = plan_parts([str(path)], SETTINGS, part_bytes=4000)
    assert len(parts) >= 3
    for part in parts:
        code_part(part, SETTINGS, str(tmp_path))
    errors: list[RecordError] = []
    replayed = list(read_parts(parts, tmp_path, errors))

    local_out = tmp_path / "local.jsonl"
    summary = run_local([str(path)], SETTINGS, output=local_out)
    local_events = [json.loads(line) for line in local_out.read_text(encoding="utf-8").splitlines()]
    assert [e.to_dict() for c in replayed for e in c.events] == local_events
    assert [c.article.id for c in replayed] == [r["id"] for r in records[:6]]
    assert errors == summary.errors and len(errors) == 2


def test_manifest_ignores_a_line_cut_by_a_kill_and_parts_without_a_file(tmp_path):
    (tmp_path / "part-00000-x.parquet").write_bytes(b"")
    (tmp_path / "manifest.jsonl").write_text(
        json.dumps({"part_id": "x", "file": "part-00000-x.parquet"}) + "\n"
        + json.dumps({"part_id": "y", "file": "part-00001-y.parquet"}) + "\n" + '{"part_id": "z", "fi',
        encoding="utf-8",
    )
    assert set(Manifest(tmp_path).done) == {"x"}


def _store_rows(db: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(db), read_only=True) as con:
        articles = con.execute("SELECT * EXCLUDE (coded_at) FROM articles ORDER BY article_id").fetchall()
        events = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    return articles, events


def test_a_killed_dask_run_resumes_to_the_same_store_as_an_uninterrupted_run(tmp_path):
    # Ten parts, killed once the first is done: the rest leave the run seconds from its end even
    # on an idle machine (with four parts and a kill after two, a fast run sometimes finished first).
    path = jsonl(tmp_path / "in.jsonl", sample_records(25))
    db = tmp_path / "resumed.duckdb"
    manifest = Path(f"{db}.parts") / "manifest.jsonl"
    command = [sys.executable, "-m", "tidings.cli", "code", str(path), "--dask", "local", "--workers", "1",
               "--part-mb", "0.005", "--db", str(db), "-o", str(tmp_path / "events.jsonl")]
    planned = len(plan_parts([str(path)], SETTINGS, part_bytes=int(0.005 * 2**20)))
    assert planned >= 8

    first = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 400
    while time.monotonic() < deadline and first.poll() is None:
        if manifest.exists() and len(manifest.read_text().splitlines()) >= 1:
            break
        time.sleep(0.1)
    assert first.poll() is None, first.stderr.read().decode()
    os.killpg(first.pid, signal.SIGKILL)  # the driver, the cluster and its worker: a real crash
    first.wait()
    done_before = len(Manifest(manifest.parent).done)
    assert 1 <= done_before < planned and not db.exists()

    second = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert second.returncode == 0, second.stderr
    assert f"{done_before} of {planned} part(s) resumed" in " ".join(second.stderr.split())
    assert not manifest.parent.exists()  # parts are removed once the store holds them

    run_local([str(path)], SETTINGS, db_path=tmp_path / "local.duckdb", output=tmp_path / "local.jsonl")
    assert _store_rows(db) == _store_rows(tmp_path / "local.duckdb")
    assert (tmp_path / "events.jsonl").read_text() == (tmp_path / "local.jsonl").read_text()
