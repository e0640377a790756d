"""Commands that code text: code, demo, eval, explain and where."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from tidings.cli.common import err, event_table, fail, out, parse_date
from tidings.errors import TidingsError
from tidings.settings import Settings


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


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
    from tidings.runners import run_dask, run_local

    if fmt is OutputFormat.parquet and output is None:
        raise typer.BadParameter("parquet output needs -o/--output", param_hint="--format")
    day = parse_date(published, "--published")
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
        fail(exc)
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


def demo(
    db: Path = typer.Option(Path("tidings.duckdb"), "--db", help="Where to create the DuckDB store."),
) -> None:
    """Code the bundled sample articles into a DuckDB store and show the events."""
    from tidings.runners import run_demo

    try:
        summary, events = run_demo(db, Settings(db_path=db), progress=err)
    except TidingsError as exc:
        fail(exc)
    out.print(event_table(events, title=f"{summary.events} events from {summary.articles} sample articles"))
    out.print(
        f"\nStore: [bold]{db.resolve()}[/bold] (DuckDB, tables 'articles' and 'events').\n"
        f"Query it:  tidings query --db {db} --root 19\n"
        f"           tidings query --db {db} --sql \"SELECT cameo_root, count(*) FROM events GROUP BY 1\"\n"
        f"Or open it in Python: duckdb.connect('{db}', read_only=True)",
        highlight=False,
    )


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
        fail(exc)
    render_report(report, out, errors=errors)
    if json_out is not None:
        json_out.write_text(json.dumps(report.to_dict(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        err.print(f"report written to {json_out}", highlight=False)


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
        article = Article(id=stable_id(sentence), text=sentence, published=parse_date(published, "--published"))
        doc = resources.nlp(sentence)
        lines = explain_doc(doc, resources, code_document(article, doc, resources), article.published)
    except TidingsError as exc:
        fail(exc)
    out.print("\n".join(lines), highlight=False, markup=False)


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
        fail(exc)
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
