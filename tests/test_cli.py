"""The command line as a user runs it: a real `tidings` process, real files, a real DuckDB store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

GOOD = {"id": "g1", "published": "2020-12-01", "text": "Iraqi militias attacked the US embassy in Baghdad on Tuesday."}
GOOD2 = {"id": "g2", "published": "2020-12-02", "text": "The Iranian foreign minister visited Damascus and met Syrian officials."}


def tidings(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tidings.cli", *args], input=stdin, capture_output=True, text=True, timeout=600
    )


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def dump(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        events = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        articles = con.execute("SELECT * FROM articles ORDER BY article_id").fetchall()
    return events + articles


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("batch")
    return write_jsonl(folder / "in.jsonl", [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "nontext", "text": 42}),
        json.dumps(GOOD2),
    ])


def test_bad_records_are_reported_by_line_and_the_batch_goes_on(batch):
    result = tidings("code", str(batch))
    assert result.returncode == 0, result.stderr
    assert "in.jsonl:2" in result.stderr and "in.jsonl:3" in result.stderr and "in.jsonl:4" in result.stderr
    coded_articles = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert coded_articles == {"g1", "g2"}


def test_strict_makes_any_bad_record_fatal(batch):
    assert tidings("code", str(batch), "--strict").returncode == 1


def test_nothing_codable_exits_non_zero(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", ["{oops", json.dumps({"id": "x"})])
    result = tidings("code", str(path))
    assert result.returncode == 1 and "bad.jsonl:1" in result.stderr


def test_errors_file_lists_each_failure_as_jsonl(batch, tmp_path):
    errors = tmp_path / "errors.jsonl"
    tidings("code", str(batch), "--errors", str(errors))
    rows = [json.loads(line) for line in errors.read_text().splitlines()]
    assert [r["location"].rsplit(":", 1)[1] for r in rows] == ["2", "3", "4"]


def test_binary_junk_and_huge_text_do_not_stop_the_batch(tmp_path):
    path = tmp_path / "mixed.jsonl"
    huge = {"id": "huge", "text": "The army attacked the rebels. " * 180_000}  # ~5 MB
    with path.open("wb") as handle:
        handle.write(b"\x00\xff\xfe\x81junk\x00\x00\n")
        handle.write(json.dumps(huge).encode() + b"\n")
        handle.write(json.dumps(GOOD).encode() + b"\n")
    result = tidings("code", str(path))
    assert result.returncode == 0, result.stderr
    assert "mixed.jsonl:1" in result.stderr
    assert {"huge", "g1"} <= {json.loads(line)["article_id"] for line in result.stdout.splitlines()}


def test_recoding_into_the_store_changes_nothing(batch, tmp_path):
    db = tmp_path / "t.duckdb"
    tidings("code", str(batch), "--db", str(db))
    first = dump(db)
    tidings("code", str(batch), "--db", str(db))
    assert first and dump(db) == first


def test_stdin_and_txt_inputs(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(GOOD["text"], encoding="utf-8")
    from_txt = tidings("code", str(story), "--published", "2020-12-01")
    from_stdin = tidings("code", "-", stdin=json.dumps(GOOD) + "\n")
    assert json.loads(from_txt.stdout.splitlines()[0])["article_id"] == "story.txt"
    assert json.loads(from_stdin.stdout.splitlines()[0])["article_id"] == "g1"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_file_output_formats(batch, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert tidings("code", str(batch), "-o", str(out), "--format", fmt).returncode == 0
    rows = duckdb.sql(f"SELECT count(*) FROM '{out}'").fetchall()[0][0]
    assert rows >= 2


def test_query_filters_and_read_only_sql(batch, tmp_path):
    db = tmp_path / "q.duckdb"
    tidings("code", str(batch), "--db", str(db))
    result = tidings("query", "--db", str(db), "--actor", "IRQ", "--format", "jsonl")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all("IRQ" in ((e["source"] or {}).get("code") or "") + ((e["target"] or {}).get("code") or "") for e in events)
    refused = tidings("query", "--db", str(db), "--sql", "DELETE FROM events")
    assert refused.returncode != 0 and "read-only" in refused.stderr
    assert tidings("query", "--db", str(db), "--sql", "SELECT count(*) AS n FROM events").returncode == 0


def test_demo_codes_the_sample_into_a_store(tmp_path):
    db = tmp_path / "demo.duckdb"
    result = tidings("demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "tidings query" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        n_articles = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
        n_events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    assert n_articles >= 21 and n_events > 0
