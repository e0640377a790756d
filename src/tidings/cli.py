"""The `tidings` command line: thin Typer wrappers over library functions."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from tidings.errors import TidingsError
from tidings.settings import Settings
from tidings.types import Event

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
out = Console()
err = Console(stderr=True)


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option)


def _fail(exc: Exception) -> None:
    err.print(f"[red]error:[/red] {exc}", highlight=False)
    raise typer.Exit(2)


def event_table(events: list[Event], title: str | None = None) -> Table:
    """A readable table of events: who did what to whom, when, where, how sure."""
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("date", "source", "event", "target", "modality", "place", "according to"):
        table.add_column(name, overflow="fold")
    for event in events:
        table.add_row(
            event.date.value or "?",
            _actor_cell(event.source),
            f"{event.cameo.code} {event.cameo.label}",
            _actor_cell(event.target),
            event.modality,
            event.location.name if event.location else "",
            " > ".join(a.text for a in event.attribution),
        )
    return table


def _actor_cell(actor) -> str:
    if actor is None:
        return ""
    return f"{actor.code or '?'} ({actor.text})"


@app.command()
def code(
    inputs: list[str] = typer.Argument(..., help="JSONL/JSONL.gz/.txt/.html files, directories, or - for stdin."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write events here (default: stdout)."),
    fmt: OutputFormat = typer.Option(OutputFormat.jsonl, "--format", help="Output format."),
    db: Optional[Path] = typer.Option(None, "--db", help="Also upsert articles and events into this DuckDB store."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date for .txt inputs (YYYY-MM-DD)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Write per-record errors here as JSONL."),
    strict: bool = typer.Option(False, "--strict", help="Exit non-zero if any record fails."),
) -> None:
    """Code articles into events (JSONL on stdout by default)."""
    from tidings.pipeline import run_local

    if fmt is OutputFormat.parquet and output is None:
        raise typer.BadParameter("parquet output needs -o/--output", param_hint="--format")
    try:
        summary = run_local(
            inputs, Settings(), published=_parse_date(published, "--published"), db_path=db,
            output=output, fmt=fmt.value, progress=err, errors_path=errors,
        )
    except TidingsError as exc:
        _fail(exc)
    for problem in summary.errors:
        where = f"{problem.location}" + (f" (id {problem.record_id})" if problem.record_id else "")
        err.print(f"[yellow]skipped[/yellow] {where}: {problem.reason}", highlight=False)
    err.print(
        f"coded {summary.articles} article(s) into {summary.events} event(s); "
        f"{len(summary.errors)} record(s) skipped" + (f"; store: {db}" if db else ""),
        highlight=False,
    )
    if (strict and summary.errors) or (summary.articles == 0 and summary.errors):
        raise typer.Exit(1)


@app.command()
def demo(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="Where to create the DuckDB store."),
) -> None:
    """Code the bundled sample articles into a DuckDB store and show the events."""
    from tidings.pipeline import run_demo

    try:
        summary, events = run_demo(db, Settings(db_path=db), progress=err)
    except TidingsError as exc:
        _fail(exc)
    out.print(event_table(events, title=f"{summary.events} events from {summary.articles} sample articles"))
    out.print(
        f"\nStore: [bold]{db.resolve()}[/bold] (DuckDB, tables 'articles' and 'events').\n"
        f"Query it:  tidings query --db {db} --root 19\n"
        f"           tidings query --db {db} --sql \"SELECT cameo_root, count(*) FROM events GROUP BY 1\"\n"
        f"Or open it in Python: duckdb.connect('{db}', read_only=True)",
        highlight=False,
    )


@app.command("eval")
def eval_(
    paths: list[Path] = typer.Argument(..., help="Gold files (JSONL, or the YAML of an annotated article)."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the full report as JSON here."),
    errors: int = typer.Option(0, "--errors", help="Show the N worst misses with text, expected and got."),
    sample: Optional[int] = typer.Option(
        None, "--sample", help="Score at most N records per file (a deterministic sample)."
    ),
) -> None:
    """Score tidings against human-coded gold; the format is detected from each file's fields."""
    from tidings.eval import render_report, run_eval

    try:
        report = run_eval(paths, Settings(), sample=sample)
    except TidingsError as exc:
        _fail(exc)
    render_report(report, out, errors=errors)
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        err.print(f"report written to {json_out}", highlight=False)


@app.command()
def query(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code or country (source or target), e.g. USA, IRQGOV."),
    code_: Optional[str] = typer.Option(None, "--code", help="CAMEO code prefix, e.g. 19 or 138."),
    root: Optional[str] = typer.Option(None, "--root", help="CAMEO root, e.g. 19."),
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after this date."),
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before this date."),
    place: Optional[str] = typer.Option(None, "--place", help="Place name or country code."),
    modality: Optional[str] = typer.Option(None, "--modality", help="asserted|negated|conditional|planned|hypothetical"),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many events."),
    fmt: QueryFormat = typer.Option(QueryFormat.table, "--format"),
    sql: Optional[str] = typer.Option(None, "--sql", help="Run a read-only SQL query instead of the filters."),
) -> None:
    """Query the event store by filters, or with read-only SQL."""
    from tidings.store import EventStore
    from tidings.store.export import write_events

    if not db.exists():
        _fail(TidingsError(f"{db}: no such store (run `tidings code … --db {db}` or `tidings demo` first)"))
    try:
        if sql is not None:
            with EventStore.open(db, read_only=True) as store:
                columns, rows = store.sql(sql)
            _print_rows(columns, rows, fmt)
            return
        with EventStore.open(db, read_only=True) as store:
            events = store.query(
                actor=actor, code=code_, root=root, since=_parse_date(since, "--since"),
                until=_parse_date(until, "--until"), place=place, modality=modality, limit=limit,
            )
    except TidingsError as exc:
        _fail(exc)
    if fmt is QueryFormat.table:
        out.print(event_table(events, title=f"{len(events)} event(s)"))
    else:
        write_events(events, sys.stdout, fmt.value)


def _print_rows(columns: list[str], rows: list[tuple], fmt: QueryFormat) -> None:
    if fmt is QueryFormat.table:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)
    elif fmt is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(dict(zip(columns, row)), default=str, ensure_ascii=False) + "\n")
    else:
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
