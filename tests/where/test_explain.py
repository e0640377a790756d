"""explain_places and the `tidings where` command: mentions with scored readings."""

from __future__ import annotations

from typer.testing import CliRunner

from tidings.cli import app
from tidings.where.explain import explain_places


def test_readings_are_scored_best_first(nlp, gazetteer):
    reports = explain_places(nlp("Clashes erupted in Tripoli, Lebanon."), gazetteer)
    tripoli = reports[0]
    assert tripoli.text == "Tripoli" and tripoli.readings[0].candidate.country == "LBN"
    scores = [r.score for r in tripoli.readings]
    assert scores == sorted(scores, reverse=True) and len(scores) > 1
    assert ("LBN", None) in tripoli.containers


def test_modifier_mention_is_shown_as_not_literal(nlp, gazetteer):
    reports = explain_places(nlp("US forces left the base near Mosul."), gazetteer)
    assert [(r.text, r.literal) for r in reports] == [("US", False), ("Mosul", True)]


def test_where_command_prints_candidates():
    result = CliRunner().invoke(app, ["where", "Fighting resumed in Tripoli, Libya.", "--top", "2"])
    assert result.exit_code == 0, result.output
    assert "Tripoli" in result.output and "LBY" in result.output
