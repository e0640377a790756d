"""The `tidings` command line: thin Typer wrappers over library functions."""

from __future__ import annotations

import typer

from tidings.cli.coding import code, demo, eval_, explain, where
from tidings.cli.dictionaries import actors_import, actors_lookup, patterns_import
from tidings.cli.store import export_, query, serve, stats

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
# Registered in the order `tidings --help` lists them (Typer keeps it).
app.command()(code)
app.command()(demo)
app.command("eval")(eval_)
app.command()(explain)
app.command()(where)

patterns_app = typer.Typer(no_args_is_help=True, help="Event pattern files (data/patterns).")
app.add_typer(patterns_app, name="patterns")
patterns_app.command("import")(patterns_import)

actors_app = typer.Typer(no_args_is_help=True, help="The actor knowledge base (data/actors).")
app.add_typer(actors_app, name="actors")
actors_app.command("import")(actors_import)
actors_app.command("lookup")(actors_lookup)

app.command()(query)
app.command()(serve)
app.command()(stats)
app.command("export")(export_)


def main() -> None:  # pragma: no cover - console entry point
    app()
