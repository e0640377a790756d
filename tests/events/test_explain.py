"""`tidings explain` and `tidings patterns import`: the coder's tools, through the CLI."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tidings.cli import app

runner = CliRunner()


def test_explain_names_the_pattern_actors_and_modality():
    result = runner.invoke(app, ["explain", "Russian troops will withdraw from Syria next month."])
    assert result.exit_code == 0, result.output
    assert "pattern: verbs.yaml:" in result.output or "pattern: petrarch2_verbs.yaml:" in result.output
    assert "modality: planned (cue 'will')" in result.output
    assert "source: " in result.output and "RUS" in result.output
    assert "events (" in result.output


def test_explain_says_when_no_pattern_fires():
    result = runner.invoke(app, ["explain", "The weather was mild."])
    assert result.exit_code == 0
    assert "no verb or noun in the sentence has a pattern" in result.output


def test_patterns_import_writes_a_loadable_file(tmp_path: Path):
    source = tmp_path / "dict.txt"
    source.write_text("####### VERB PATTERNS #######\n---  VISIT   [042]  ---\nVISIT\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = runner.invoke(app, ["patterns", "import", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert 'lemma: "visit", code: "042"' in out.read_text(encoding="utf-8")


def test_patterns_import_of_a_non_dictionary_fails_with_one_line(tmp_path: Path):
    source = tmp_path / "not.txt"
    source.write_text("hello\n", encoding="utf-8")
    result = runner.invoke(app, ["patterns", "import", str(source), "-o", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2
    assert "VERB PATTERNS" in result.output
