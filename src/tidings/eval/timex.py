"""Score temporal expressions (spans and resolved values) against the `timex` gold format.

The format: `{"id", "text", "published", "timexes": [{"start", "end", "text", "value"}]}` with
`value` an ISO date, month or year ("2020-11-17", "2020-11", "2020") resolved against `published`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from tidings.eval.formats import GoldRecord
from tidings.eval.report import Metric, Miss, ratio
from tidings.eval.spans import match_spans, prf


class TimexLike(Protocol):
    start: int
    end: int
    text: str
    value: str | None


@dataclass(frozen=True)
class _GoldTimex:
    start: int
    end: int
    text: str
    value: str | None


def score_timex(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[TimexLike]]
) -> tuple[list[Metric], list[Miss]]:
    """Span P/R/F1 by overlap, then the share of matched spans whose value is exactly right."""
    gold_count = predicted_count = matched = value_hits = 0
    misses: list[Miss] = []
    for record in records:
        text = record.data["text"]
        gold = [_GoldTimex(t["start"], t["end"], t.get("text") or text[t["start"]:t["end"]], t["value"])
                for t in record.data["timexes"]]
        guesses = list(predictions.get(record.id, ()))
        pairs = match_spans(gold, guesses)
        gold_count += len(gold)
        predicted_count += len(guesses)
        matched += len(pairs)
        for index, timex in enumerate(gold):
            if index not in pairs:
                misses.append(Miss(record.id, text, f"{timex.text} = {timex.value}", "not found", 2.0))
                continue
            guess = guesses[pairs[index]]
            if guess.value == timex.value:
                value_hits += 1
            else:
                misses.append(Miss(record.id, text, f"{timex.text} = {timex.value}",
                                   f"{guess.text} = {guess.value}", 1.0))
    metrics = prf(matched, predicted_count, gold_count, "timex")
    metrics.append(Metric("value_accuracy", ratio(value_hits, matched), matched))
    return metrics, misses
