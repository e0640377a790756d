"""The `tidings` command line: thin Typer wrappers over library functions."""

from __future__ import annotations

import json
import os
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
    workers: Optional[int] = typer.Option(
        None, "--workers", min=1, help="Local worker processes (default: all cores; 1 = no Dask)."
    ),
    dask: Optional[str] = typer.Option(
        None, "--dask", help="'local' starts a Dask LocalCluster; tcp://host:8786 uses a running scheduler."
    ),
    part_mb: float = typer.Option(2.0, "--part-mb", min=0.001, help="Parallel runs: input part size in MB (at most: a small input is cut finer, 4 parts per local worker)."),
    batch_size: int = typer.Option(
        Settings.batch_size, "--batch-size", min=1, help="Articles per NLP batch and per store transaction."
    ),
) -> None:
    """Code articles into events (JSONL on stdout by default); parallel runs resume when rerun."""
    from tidings.pipeline import run_dask, run_local

    if fmt is OutputFormat.parquet and output is None:
        raise typer.BadParameter("parquet output needs -o/--output", param_hint="--format")
    day = _parse_date(published, "--published")
    # Parallel unless one worker is asked for or input comes on stdin (which cannot be split).
    parallel = dask is not None or ((workers or os.cpu_count() or 1) > 1 and "-" not in inputs)
    try:
        if parallel:
            summary = run_dask(
                inputs, Settings(batch_size=batch_size), scheduler=dask or "local", workers=workers, published=day,
                db_path=db, output=output, fmt=fmt.value, progress=err, errors_path=errors,
                part_bytes=int(part_mb * 2**20),
            )
        else:
            summary = run_local(
                inputs, Settings(batch_size=batch_size), published=day, db_path=db,
                output=output, fmt=fmt.value, progress=err, errors_path=errors,
            )
    except TidingsError as exc:
        _fail(exc)
    for problem in summary.errors:
        where = f"{problem.location}" + (f" (id {problem.record_id})" if problem.record_id else "")
        err.print(f"[yellow]skipped[/yellow] {where}: {problem.reason}", highlight=False)
    err.print(
        f"coded {summary.articles} article(s) into {summary.events} event(s); "
        f"{len(summary.errors)} record(s) skipped" + (f"; store: {db}" if db else "")
        + (f"; {summary.parts_resumed} of {summary.parts} part(s) resumed" if summary.parts_resumed else ""),
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
def explain(
    sentence: str = typer.Argument(..., help="The sentence (or short text) to code and explain."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD)."),
) -> None:
    """Show the parse, the pattern that fired, the actors and why each event field got its value."""
    from tidings.events.explain import explain_doc
    from tidings.pipeline import Resources, code_document
    from tidings.types import Article, stable_id

    try:
        resources = Resources.cached(Settings())
        article = Article(id=stable_id(sentence), text=sentence, published=_parse_date(published, "--published"))
        doc = resources.nlp(sentence)
        lines = explain_doc(doc, resources, code_document(article, doc, resources), article.published)
    except TidingsError as exc:
        _fail(exc)
    out.print("\n".join(lines), highlight=False, markup=False)


@app.command()
def where(
    text: str = typer.Argument(..., help="The text whose places to show."),
    top: int = typer.Option(3, "--top", min=1, help="Readings shown per place mention."),
) -> None:
    """Show every place mention with its candidate readings and scores (for debugging toponyms)."""
    from tidings.pipeline import Resources
    from tidings.where.explain import explain_places

    try:
        resources = Resources.cached(Settings())
        reports = explain_places(resources.nlp(text), resources.gazetteer, top=top)
    except TidingsError as exc:
        _fail(exc)
    table = Table(title=f"{len(reports)} place mentions")
    for name in ("mention", "found by", "literal", "reading", "kind", "score", "lat, lon"):
        table.add_column(name, overflow="fold")
    for report in reports:
        for rank, reading in enumerate(report.readings):
            place = reading.candidate
            where_ = ", ".join(part for part in (place.name, place.admin1, place.country) if part)
            at = f"{place.lat:.2f}, {place.lon:.2f}" if place.lat is not None and place.lon is not None else "?"
            first = rank == 0
            table.add_row(f"{report.text} @{report.start}" if first else "", report.origin if first else "",
                          ("yes" if report.literal else "no") if first else "", where_,
                          f"{place.precision} ({place.source})", f"{reading.score:.2f}", at)
    out.print(table)


patterns_app = typer.Typer(no_args_is_help=True, help="Event pattern files (data/patterns).")
app.add_typer(patterns_app, name="patterns")


@patterns_app.command("import")
def patterns_import(
    file: Path = typer.Argument(..., help="A PETRARCH2/TABARI verb dictionary, e.g. CAMEO.2.0.txt."),
    output: Optional[Path] = typer.Option(
        None, "-o", "--output", help="YAML to write (default: the packaged data/patterns/petrarch2_verbs.yaml)."
    ),
) -> None:
    """Convert a PETRARCH verb dictionary into tidings verb patterns (validated on load)."""
    from tidings.events.dictionary_import import import_dictionary, packaged_import_path

    try:
        summary = import_dictionary(file, output or packaged_import_path())
    except (TidingsError, OSError) as exc:
        _fail(exc)
    dropped = ", ".join(f"{n} {why}" for why, n in sorted(summary.dropped.items(), key=lambda x: -x[1]))
    out.print(f"{summary.written} patterns from {summary.verbs} verbs in {summary.blocks} blocks "
              f"({summary.patterns_read} dictionary patterns) → {output or packaged_import_path()}\n"
              f"dropped: {dropped}", highlight=False)


actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base (data/actors).")
app.add_typer(actors_app, name="actors")


@actors_app.command("import")
def actors_import(
    file: Path = typer.Argument(..., help="A PETRARCH2/TABARI .actors or agents dictionary."),
    kb: Optional[Path] = typer.Option(None, "--kb", help="User KB folder to write into (read with Settings.actor_dirs)."),
    packaged: bool = typer.Option(False, "--packaged", help="Write into the packaged KB (data/actors/imported)."),
    name: Optional[str] = typer.Option(None, "--name", help="Table name (default: from the file name)."),
    show: int = typer.Option(5, "--show", min=0, help="Skipped lines to print."),
) -> None:
    """Convert a PETRARCH dictionary (dated codes included) into a KB table; report skipped lines."""
    from tidings.actors.lookup import import_into

    if (kb is None) == (not packaged):
        _fail(TidingsError("say where to write: --kb DIR (a user KB) or --packaged"))
    try:
        report = import_into(file, kb, name)
    except (TidingsError, OSError) as exc:
        _fail(exc)
    out.print(f"{report.entries} {report.kind} entries ({report.names} names) → {report.table}; "
              f"{len(report.problems)} lines skipped", highlight=False, soft_wrap=True)
    for problem in report.problems[:show]:
        out.print(f"  {file.name}:{problem.line}: {problem.reason}", highlight=False, soft_wrap=True)


@actors_app.command("lookup")
def actors_lookup(
    phrase: str = typer.Argument(..., help='A noun phrase, e.g. "Iraqi Prime Minister".'),
    on: Optional[str] = typer.Option(None, "--date", help="The date the phrase is read on (dated roles)."),
    kb: list[Path] = typer.Option([], "--kb", help="User KB folder(s) read before the packaged KB."),
) -> None:
    """Print the actor code a phrase resolves to, with the rule and dictionary entries behind it."""
    from tidings.actors.lookup import lookup_actor

    try:
        found = lookup_actor(phrase, _parse_date(on, "--date"), settings=Settings(actor_dirs=tuple(kb)))
    except TidingsError as exc:
        _fail(exc)
    actor = found.actor
    out.print(f"{actor.code if actor else '-'}\t{actor.text if actor else phrase}", highlight=False, soft_wrap=True)
    out.print(f"rule: {found.rule}", highlight=False, soft_wrap=True)
    for line in found.evidence:
        out.print(f"  {line}", highlight=False, soft_wrap=True)
    if actor is None:
        raise typer.Exit(1)


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
    mentions: bool = typer.Option(False, "--mentions", help="Raw mentions (one per coded sentence) instead of deduplicated events."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", help="Events reported by at least N outlets."),
) -> None:
    """Query the event store by filters (events; --mentions for raw mentions), or with read-only SQL."""
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
        filters = dict(
            actor=actor, code=code_, root=root, since=_parse_date(since, "--since"),
            until=_parse_date(until, "--until"), place=place, modality=modality, limit=limit,
        )
        with EventStore.open(db, read_only=True) as store:
            if not mentions:
                clusters = store.query_events(**filters, min_sources=min_sources)
            else:
                events = store.query(**filters)
    except TidingsError as exc:
        _fail(exc)
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


@app.command()
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
        _fail(TidingsError(f"{db}: no such store (run `tidings code … --db {db}` or `tidings demo` first)"))
    err.print(f"tidings: dashboard at http://{host}:{port}/ , API docs at http://{host}:{port}/docs", highlight=False)
    try:
        serve_api(db, host=host, port=port, allow_store=allow_store,
                  settings=Settings(api_query_seconds=query_seconds))
    except TidingsError as exc:
        _fail(exc)


def cluster_table(clusters, title: str | None = None) -> Table:
    """Deduplicated events: the representative mention with how widely it was reported."""
    table = Table(title=title, show_lines=False, expand=False)
    for name in ("date", "source", "event", "target", "place", "mentions", "articles", "outlets", "conf."):
        table.add_column(name, overflow="fold")
    for c in clusters:
        event = c.representative
        table.add_row(
            event.date.value or c.first_seen or "?", _actor_cell(event.source),
            f"{event.cameo.code} {event.cameo.label}", _actor_cell(event.target),
            event.location.name if event.location else "", str(c.num_mentions),
            str(c.num_articles), str(c.num_sources), f"{c.confidence:.2f}",
        )
    return table


@app.command()
def stats(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
    top: int = typer.Option(10, "--top", help="How many top actors and CAMEO roots to list."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Counts, event date range, deduplication figures, top actors and CAMEO roots."""
    from tidings.store import EventStore

    if not db.exists():
        _fail(TidingsError(f"{db}: no such store"))
    try:
        with EventStore.open(db, read_only=True) as store:
            figures = store.stats(top=top)
    except TidingsError as exc:
        _fail(exc)
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


@app.command("export")
def export_(
    kind: ExportKind = typer.Argument(..., help="gdelt (a directory of GDELT 2.0 Event + Mentions files), plover (a JSONL file), parquet (a directory partitioned by event month)."),
    out_path: Path = typer.Option(..., "--out", help="Output directory (gdelt, parquet) or file (plover)."),
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="The DuckDB store."),
) -> None:
    """Export the deduplicated events as GDELT 2.0 tables, PLOVER JSON or partitioned Parquet."""
    from tidings.store import EventStore
    from tidings.store.bulk import export_gdelt, export_parquet, export_plover

    if not db.exists():
        _fail(TidingsError(f"{db}: no such store"))
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
        _fail(exc)
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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
