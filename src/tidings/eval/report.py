"""The evaluation report: metrics, misses, and their rendering as a rich table."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Metric:
    """One score. `n` is its denominator; `higher_is_better` is False for rates of mistakes."""

    name: str
    value: float
    n: int
    higher_is_better: bool = True


@dataclass(frozen=True)
class Miss:
    """One gold item the system got wrong; `severity` orders misses (larger is worse)."""

    gold_id: str
    text: str
    expected: str
    got: str
    severity: float


@dataclass(frozen=True)
class DatasetInfo:
    """A gold file as read: its name (the metric prefix), format and how many records were scored."""

    name: str
    path: str
    format: str
    records: int
    scored: int

    @property
    def note(self) -> str:
        if self.scored == self.records:
            return f"{self.records} records"
        return f"{self.scored} of {self.records} records (deterministic sample by id hash)"


@dataclass
class EvalReport:
    datasets: list[DatasetInfo] = field(default_factory=list)
    metrics: list[Metric] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)

    def metric(self, name: str) -> Metric:
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(name)

    def worst(self, n: int) -> list[Miss]:
        """The n most severe misses; ties broken by id so the list is stable between runs."""
        return sorted(self.misses, key=lambda m: (-m.severity, m.gold_id))[:n]

    def to_dict(self) -> dict[str, Any]:
        return {
            "datasets": [dataclasses.asdict(d) | {"note": d.note} for d in self.datasets],
            "metrics": [dataclasses.asdict(m) for m in self.metrics],
            "misses": [dataclasses.asdict(m) for m in self.misses],
        }


def prefixed(dataset: str, metrics: list[Metric]) -> list[Metric]:
    """The metrics named `<dataset>/<metric>`, so several gold files share one report."""
    return [dataclasses.replace(m, name=f"{dataset}/{m.name}") for m in metrics]


def ratio(hits: int, total: int) -> float:
    # An empty denominator scores 0, never NaN: a floor check on NaN would silently pass.
    return hits / total if total else 0.0


def render_report(report: EvalReport, console: Console, errors: int = 0) -> None:
    """Print the metrics table (metric, value, n) and then the `errors` worst misses."""
    for dataset in report.datasets:
        console.print(f"[bold]{dataset.name}[/bold] ({dataset.format}): {dataset.note}", highlight=False)
    table = Table(title="tidings eval")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("n", justify="right")
    for metric in report.metrics:
        arrow = "" if metric.higher_is_better else " ↓"
        table.add_row(metric.name + arrow, f"{metric.value:.3f}", str(metric.n))
    console.print(table)
    if errors <= 0 or not report.misses:
        return
    misses = Table(title=f"{min(errors, len(report.misses))} worst of {len(report.misses)} misses")
    for name in ("id", "text", "expected", "got", "severity"):
        misses.add_column(name, overflow="fold")
    for miss in report.worst(errors):
        text = miss.text if len(miss.text) <= 120 else miss.text[:117] + "…"
        misses.add_row(miss.gold_id, text, miss.expected, miss.got, f"{miss.severity:g}")
    console.print(misses)
