"""Pick an event's date: clause expression, sentence expression, discourse date or publication."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from tidings.types import EventDate
from tidings.when.expressions import TimeExpression

# Precisions an inherited (discourse) date may carry: "published" is no evidence about the
# previous event's own time, and "unknown" would block the publication fallback.
INHERITABLE = frozenset({"day", "month", "year"})


def _overlaps(expression: TimeExpression, span: tuple[int, int]) -> bool:
    return expression.start < span[1] and span[0] < expression.end


def _distance(expression: TimeExpression, span: tuple[int, int]) -> tuple[int, int]:
    """Characters between the expression and the span; on a tie the expression before the span
    wins, because news fronts its time adverbials ("On Tuesday, police arrested ...")."""
    if expression.end <= span[0]:
        return span[0] - expression.end, 0
    return max(0, expression.start - span[1]), 1


def _as_event_date(expression: TimeExpression) -> EventDate:
    return EventDate(expression.value, expression.precision, expression.text,
                     expression.start, expression.end)


def event_date(
    expressions: Sequence[TimeExpression],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    published: date | None,
    inherited: EventDate | None,
) -> EventDate:
    """The date of the event whose clause is `clause` (character span) inside `sentence`.

    In order: the first expression in the clause; else the sentence's expression nearest the
    clause; else `inherited` (the previous event's date in the article) when it was dated by
    the text; else the publication day with precision "published"; else unknown. An expression
    that could not be resolved still wins (as unknown): it says the event is not "now".
    """
    in_clause = [e for e in expressions if _overlaps(e, clause)]
    if in_clause:
        return _as_event_date(min(in_clause, key=lambda e: e.start))
    in_sentence = [e for e in expressions if _overlaps(e, sentence)]
    if in_sentence:
        return _as_event_date(min(in_sentence, key=lambda e: _distance(e, clause)))
    if inherited is not None and inherited.precision in INHERITABLE:
        return inherited
    if published is not None:
        day = published.date() if isinstance(published, datetime) else published
        return EventDate(day.isoformat(), "published")
    return EventDate(None, "unknown")
