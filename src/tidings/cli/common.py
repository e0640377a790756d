"""Shared pieces of the command line: the consoles, date options, failing, and event tables."""

from __future__ import annotations

from datetime import date
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from tidings.types import Event

out = Console()
err = Console(stderr=True)


def parse_date(value: Optional[str], option: str) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option)


def fail(exc: Exception) -> None:
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
