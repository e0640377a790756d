"""Commands over an event store: query, serve, stats and export."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from tidings.cli.common import cluster_table, err, event_table, fail, out, parse_date
from tidings.errors import TidingsError
from tidings.settings import Settings


class QueryFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


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
    mentions: bool = typer.Option(False, "--mentions", help="Raw mentions (one per coded sentence) instead of deduplicated events."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", help="Events reported by at least N outlets."),
) -> None:
    """Query the event store by filters (events; --mentions for raw mentions), or with read-only SQL."""
    from tidings.store import EventStore
    from tidings.store.export import write_events

    if not db.exists():
        fail(TidingsError(f"{db}: no such store (run `tidings code … --db {db}` or `tidings demo` first)"))
    try:
        if sql is not None:
            with EventStore.open(db, read_only=True) as store:
                columns, rows = store.sql(sql)
            _print_rows(columns, rows, fmt)
            return
        filters = dict(
            actor=actor, code=code_, root=root, since=parse_date(since, "--since"),
            until=parse_date(until, "--until"), place=place, modality=modality, limit=limit,
        )
        with EventStore.open(db, read_only=True) as store:
            if not mentions:
                clusters = store.query_events(**filters, min_sources=min_sources)
            else:
                events = store.query(**filters)
    except TidingsError as exc:
        fail(exc)
    if not mentions:
        from tidings.store.export import write_clusters

        if fmt is QueryFormat.table:
            out.print(cluster_table(clusters, title=f"{len(clusters)} event(s)"))
        else:
            write_clusters(clusters, sys.stdout, fmt.value)
        return
    if fmt is QueryFormat.table:
        out.print(event_table(events, title=f"{len(events)} event(s)"))
    else:
        write_events(events, sys.stdout, fmt.value)


def serve(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store (opened read-only)."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
    port: int = typer.Option(8000, "--port", help="TCP port."),
    allow_store: bool = typer.Option(False, "--allow-store", help="Let POST /api/code store articles."),
    query_seconds: float = typer.Option(
        Settings.api_query_seconds, "--query-seconds", min=0.001,
        help="Time limit of one read query; over it the request gets 504.",
    ),
) -> None:
    """Serve the HTTP API (docs at /docs) and the dashboard (at /) over an event store."""
    from tidings.api import serve as serve_api

    if not db.exists():
        fail(TidingsError(f"{db}: no such store (run `tidings code … --db {db}` or `tidings demo` first)"))
    err.print(f"tidings: dashboard at http://{host}:{port}/ , API docs at http://{host}:{port}/docs", highlight=False)
    try:
        serve_api(db, host=host, port=port, allow_store=allow_store,
                  settings=Settings(api_query_seconds=query_seconds))
    except TidingsError as exc:
        fail(exc)


def stats(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    top: int = typer.Option(10, "--top", help="How many top actors and CAMEO roots to list."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Counts, event date range, deduplication figures, top actors and CAMEO roots."""
    from tidings.store import EventStore

    if not db.exists():
        fail(TidingsError(f"{db}: no such store"))
    try:
        with EventStore.open(db, read_only=True) as store:
            figures = store.stats(top=top)
    except TidingsError as exc:
        fail(exc)
    if as_json:
        sys.stdout.write(json.dumps(figures, ensure_ascii=False) + "\n")
        return
    out.print(
        f"{figures['articles']} articles, {figures['mentions']} mentions, {figures['events']} events"
        f" (mean {figures['mean_mentions']} mentions/event, max {figures['max_mentions']};"
        f" {figures['events_in_several_articles']} in several articles,"
        f" {figures['events_from_several_outlets']} from several outlets)\n"
        f"event dates: {figures['first_event_day'] or '?'} .. {figures['last_event_day'] or '?'}",
        highlight=False,
    )
    actors = Table("actor", "events", title="top actors")
    for code, n in figures["top_actors"]:
        actors.add_row(code, str(n))
    roots = Table("root", "label", "events", title="top CAMEO roots")
    for root, label, n in figures["top_roots"]:
        roots.add_row(root, label, str(n))
    out.print(actors, roots)


class ExportKind(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    parquet = "parquet"


def export_(
    kind: ExportKind = typer.Argument(..., help="gdelt (a directory of GDELT 2.0 Event + Mentions files), plover (a JSONL file), parquet (a directory partitioned by event month)."),
    out_path: Path = typer.Option(..., "--out", help="Output directory (gdelt, parquet) or file (plover)."),
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
) -> None:
    """Export the deduplicated events as GDELT 2.0 tables, PLOVER JSON or partitioned Parquet."""
    from tidings.store import EventStore
    from tidings.store.bulk import export_gdelt, export_parquet, export_plover

    if not db.exists():
        fail(TidingsError(f"{db}: no such store"))
    try:
        with EventStore.open(db, read_only=True) as store:
            if kind is ExportKind.gdelt:
                files = export_gdelt(store, out_path)
                message = "; ".join(f"{n} {name} rows in {path}" for name, (path, n) in files.items())
            elif kind is ExportKind.plover:
                written, skipped = export_plover(store, out_path)
                message = f"{written} events in {out_path} ({skipped} without a PLOVER type skipped)"
            else:
                message = f"{export_parquet(store, out_path)} events under {out_path}"
    except (TidingsError, OSError) as exc:
        fail(exc)
    err.print(message, highlight=False)


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
