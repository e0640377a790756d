"""Score coded events against PETRARCH's unit-test records: event codes only, never actors.

The records are about fictional actors (Arnor, Gondor …) coded with test dictionaries, so actor
codes cannot match tidings' real-world knowledge base; they are left unscored on purpose.
Since actors are unscored, a record's expected events that differ only in their actors (PETRARCH
expands "Mordor, Rohan and Bree welcomed …" into one event per source) count as one expected code.

The expected codes come from the test dictionary `PETR.Validate.verbs`, which its own header calls
mostly WEIS, not CAMEO, codes ("welcome" → 041, "contribute" → 070 or 903): root and code accuracy
here measure agreement with that test dictionary, not CAMEO accuracy, and stay low by design.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tidings.eval.events import cameo_root, describe
from tidings.eval.formats import GoldRecord
from tidings.eval.report import Metric, Miss, ratio
from tidings.types import Event


def scorable(record: GoldRecord) -> bool:
    """Records PETRARCH itself validates; those expecting a rejected input test a parser, not coding."""
    return bool(record.data.get("in_validation_run", True)) and not record.data.get("expected_error")


def _pair(codes: Sequence[str], predicted: Sequence[Event]) -> list[Event | None]:
    """Each expected code's predicted event: same code first, then same root, then any left over."""
    free = list(predicted)
    pairs: list[Event | None] = []
    for code in codes:
        best = max(free, key=lambda e: (e.cameo.code == code, e.cameo.root == cameo_root(code)), default=None)
        if best is not None:
            free.remove(best)
        pairs.append(best)
    return pairs


def score_petrarch(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> tuple[list[Metric], list[Miss]]:
    expected = found = code_hits = root_hits = quiet_records = quiet_hits = 0
    misses: list[Miss] = []
    for record in filter(scorable, records):
        predicted = list(predictions.get(record.id, ()))
        if record.data.get("expect_no_events"):
            quiet_records += 1
            quiet_hits += not predicted
            if predicted:
                misses.append(Miss(record.id, record.data["text"], "no event", describe(predicted[0]), 1.0))
            continue
        codes = list(dict.fromkeys(str(e["code"]) for e in record.data["expected_events"]))
        for code, event in zip(codes, _pair(codes, predicted)):
            expected += 1
            found += event is not None
            code_ok = event is not None and event.cameo.code == code
            root_ok = event is not None and event.cameo.root == cameo_root(code)
            code_hits += code_ok
            root_hits += root_ok
            if not code_ok:
                severity = 4.0 if event is None else 1.0 if root_ok else 3.0
                misses.append(Miss(record.id, record.data["text"], code, describe(event), severity))
    metrics = [
        Metric("event_recall", ratio(found, expected), expected),
        Metric("cameo_root_accuracy", ratio(root_hits, expected), expected),
        Metric("cameo_code_accuracy", ratio(code_hits, expected), expected),
        Metric("no_event_accuracy", ratio(quiet_hits, quiet_records), quiet_records),
    ]
    return metrics, misses
