"""Span matching by overlap, shared by the toponym, timex and article scorers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tidings.eval.report import Metric, ratio


class HasSpan(Protocol):
    start: int
    end: int


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters two half-open spans share (0 when they only touch or are apart)."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match_spans(gold: Sequence[HasSpan], predicted: Sequence[HasSpan]) -> dict[int, int]:
    """Gold index → predicted index, one-to-one, each gold taking its largest free overlap.

    Overlap rather than exact boundaries: "the Green Zone" and "Green Zone" name the same place,
    and boundary conventions differ between annotators and tools.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for g, span in enumerate(gold):
        best, best_overlap = None, 0
        for p, guess in enumerate(predicted):
            shared = overlap(span.start, span.end, guess.start, guess.end)
            if p not in used and shared > best_overlap:
                best, best_overlap = p, shared
        if best is not None:
            pairs[g] = best
            used.add(best)
    return pairs


def prf(true_positives: int, predicted: int, gold: int, prefix: str) -> list[Metric]:
    """Precision, recall and F1 named `<prefix>_precision` etc.; F1's n is the gold count."""
    precision = ratio(true_positives, predicted)
    recall = ratio(true_positives, gold)
    f1 = ratio(2 * precision * recall, precision + recall) if precision + recall else 0.0
    return [
        Metric(f"{prefix}_precision", precision, predicted),
        Metric(f"{prefix}_recall", recall, gold),
        Metric(f"{prefix}_f1", f1, gold),
    ]
