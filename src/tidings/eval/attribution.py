"""Score attribution chains ("Reuters quoted a US official as saying …") of coded events.

The `attribution` gold format: `{"id", "text", "published", "attributions": [{"evidence",
"chain"}]}`: `evidence` is a quote of the event (a substring of `text`), `chain` the attributing
sources outermost first (`["Reuters", "a US official"]`; `[]` when the text asserts it directly).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tidings.errors import InputError
from tidings.eval.formats import GoldRecord
from tidings.eval.report import Metric, Miss, ratio
from tidings.eval.spans import overlap
from tidings.types import Attribution, Event


def quote_span(text: str, quote: str, location: str) -> tuple[int, int]:
    """Where an evidence quote sits in the text; a quote that is not there is a gold error."""
    start = text.find(quote)
    if start < 0:
        raise InputError(location, f"evidence quote not found in the article text: {quote[:60]!r}")
    return start, start + len(quote)


def _same_source(expected: str, got: str) -> bool:
    # Containment either way: "US officials" vs "the US officials", "Post" vs "The Washington Post".
    want, have = expected.casefold().strip(), got.casefold().strip()
    return bool(want) and bool(have) and (want in have or have in want)


def chain_matches(expected: Sequence[str], got: Sequence[Attribution]) -> bool:
    """The same sources in the same order, each compared case-insensitively by containment."""
    return len(expected) == len(got) and all(_same_source(e, g.text) for e, g in zip(expected, got))


def chain_text(chain: Sequence[Attribution]) -> str:
    return " > ".join(a.text for a in chain) or "(direct)"


def best_overlapping(span: tuple[int, int], events: Sequence[Event], exclude: set[str] = frozenset()) -> Event | None:
    """The predicted event whose evidence overlaps the span most (None if none overlaps)."""
    best, best_overlap = None, 0
    for event in events:
        if event.event_id in exclude:
            continue
        shared = overlap(span[0], span[1], event.evidence.start, event.evidence.end)
        if shared > best_overlap:
            best, best_overlap = event, shared
    return best


def score_attribution(
    records: Sequence[GoldRecord], predictions: Mapping[str, Sequence[Event]]
) -> tuple[list[Metric], list[Miss]]:
    """Share of gold events found by evidence overlap, and of those whose chain is right."""
    total = found = chains = 0
    misses: list[Miss] = []
    for record in records:
        text = record.data["text"]
        events = list(predictions.get(record.id, ()))
        for item in record.data["attributions"]:
            total += 1
            span = quote_span(text, item["evidence"], record.location)
            event = best_overlapping(span, events)
            expected = " > ".join(item["chain"]) or "(direct)"
            if event is None:
                misses.append(Miss(record.id, item["evidence"], expected, "no event", 2.0))
                continue
            found += 1
            if chain_matches(item["chain"], event.attribution):
                chains += 1
            else:
                misses.append(Miss(record.id, item["evidence"], expected, chain_text(event.attribution), 1.0))
    return [
        Metric("event_found", ratio(found, total), total),
        Metric("chain_accuracy", ratio(chains, total), total),
    ], misses
