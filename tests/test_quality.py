"""Quality gate: tidings scored on the dev gold in ../shared/gold; every metric must meet its floor.

Floors live in tests/quality_floors.json. ACLED is sampled (SAMPLE notes, chosen by id hash) to
keep the run within a few minutes on two cores; the report's n says how many were scored.
To re-pin the floors after a deliberate change, run with TIDINGS_WRITE_FLOORS=1: the measured
scores minus MARGIN (plus MARGIN for mistake rates) are written and the checks are skipped.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from rich.console import Console

from tidings.eval import EvalReport, render_report, run_eval

GOLD = Path(__file__).resolve().parents[1].parent / "shared" / "gold"
FLOORS_FILE = Path(__file__).parent / "quality_floors.json"
FLOORS: dict = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))["metrics"]
SAMPLE = 500
MARGIN = 0.01  # run-to-run noise is nil (coding is deterministic); this absorbs tiny rule edits
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
    if os.environ.get("TIDINGS_WRITE_FLOORS"):
        _write_floors(found)
        pytest.skip(f"floors written to {FLOORS_FILE.name}; review the diff")
    return found


def _write_floors(found: EvalReport) -> None:
    floors = {}
    for metric in found.metrics:
        if metric.higher_is_better:
            floors[metric.name] = max(0.0, math.floor((metric.value - MARGIN) * 1000) / 1000)
        else:
            floors[metric.name] = {"max": min(1.0, math.ceil((metric.value + MARGIN) * 1000) / 1000)}
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    data["metrics"] = floors
    FLOORS_FILE.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def test_every_metric_has_a_floor(report):
    missing = [m.name for m in report.metrics if m.name not in FLOORS]
    assert not missing, f"add floors to {FLOORS_FILE.name} for: {', '.join(missing)}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_metric_meets_its_floor(report, name):
    measured = {m.name: m for m in report.metrics}
    assert name in measured, f"{FLOORS_FILE.name} has a floor for {name}, which the eval no longer reports"
    metric, bound = measured[name], FLOORS[name]
    if isinstance(bound, dict):
        assert metric.value <= bound["max"], f"{name} = {metric.value:.3f} (n={metric.n}) above {bound['max']}"
    else:
        assert metric.value >= bound, f"{name} = {metric.value:.3f} (n={metric.n}) below floor {bound}"
