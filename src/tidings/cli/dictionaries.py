"""Commands over the rule dictionaries: import PETRARCH verbs and actors, look an actor up."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from tidings.cli.common import fail, out, parse_date
from tidings.errors import TidingsError
from tidings.settings import Settings


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
        fail(exc)
    dropped = ", ".join(f"{n} {why}" for why, n in sorted(summary.dropped.items(), key=lambda x: -x[1]))
    out.print(f"{summary.written} patterns from {summary.verbs} verbs in {summary.blocks} blocks "
              f"({summary.patterns_read} dictionary patterns) → {output or packaged_import_path()}\n"
              f"dropped: {dropped}", highlight=False)


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
        fail(TidingsError("say where to write: --kb DIR (a user KB) or --packaged"))
    try:
        report = import_into(file, kb, name)
    except (TidingsError, OSError) as exc:
        fail(exc)
    out.print(f"{report.entries} {report.kind} entries ({report.names} names) → {report.table}; "
              f"{len(report.problems)} lines skipped", highlight=False, soft_wrap=True)
    for problem in report.problems[:show]:
        out.print(f"  {file.name}:{problem.line}: {problem.reason}", highlight=False, soft_wrap=True)


def actors_lookup(
    phrase: str = typer.Argument(..., help='A noun phrase, e.g. "Iraqi Prime Minister".'),
    on: Optional[str] = typer.Option(None, "--date", help="The date the phrase is read on (dated roles)."),
    kb: list[Path] = typer.Option([], "--kb", help="User KB folder(s) read before the packaged KB."),
) -> None:
    """Print the actor code a phrase resolves to, with the rule and dictionary entries behind it."""
    from tidings.actors.lookup import lookup_actor

    try:
        found = lookup_actor(phrase, parse_date(on, "--date"), settings=Settings(actor_dirs=tuple(kb)))
    except TidingsError as exc:
        fail(exc)
    actor = found.actor
    out.print(f"{actor.code if actor else '-'}\t{actor.text if actor else phrase}", highlight=False, soft_wrap=True)
    out.print(f"rule: {found.rule}", highlight=False, soft_wrap=True)
    for line in found.evidence:
        out.print(f"  {line}", highlight=False, soft_wrap=True)
    if actor is None:
        raise typer.Exit(1)
