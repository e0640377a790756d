"""Quality gate: tidings scored on the dev gold in ../shared/gold; every metric must meet its floor.

Floors live in tests/quality_floors.json. ACLED is sampled (SAMPLE notes, chosen by id hash) to
keep the run within a few minutes on two cores; the report's n says how many were scored.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from tidings.eval import EvalReport, render_report, run_eval

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FLOORS_FILE = Path(__file__).parent / "quality_floors.json"
FLOORS: dict = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["metrics"]
SAMPLE = 500
GOLD_FILES = (
    "events/cameo_manual_examples.dev.jsonl",
    "events/plover_gsr_cameo.dev.jsonl",
    "petrarch2_unittest/petrarch2_unittest.jsonl",
    "acled/acled_relative.dev.jsonl",
    "geowebnews/geowebnews.dev.jsonl",
)


@pytest.fixture(scope="module")
def report() -> EvalReport:
    if not GOLD.is_dir():
        pytest.skip(f"{GOLD} not found: the dev gold sits in ../shared beside the repository")
    found = run_eval([GOLD / name for name in GOLD_FILES], sample=SAMPLE)
    render_report(found, Console(width=120), errors=10)  # visible with -s or on failure
    return found


def test_every_metric_has_a_floor(report):
    missing = [m.name for m in report.metrics if m.name not in FLOORS]
    assert not missing, f"add floors to {FLOORS_FILE.name} for: {', '.join(missing)}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_meets_its_floor(report, name):
    metric = report.metric(name)
    bound = FLOORS[name]
    if isinstance(bound, dict):
        assert metric.value <= bound["max"], f"{name} = {metric.value:.3f} (n={metric.n}) above {bound['max']}"
    else:
        assert metric.value >= bound, f"{name} = {metric.value:.3f} (n={metric.n}) below floor {bound}"
