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


def _eligible(expression: TimeExpression, trigger: int | None) -> bool:
    """An adverbial, or a nominal date of the event's own noun ("the 24 February invasion")."""
    return expression.modifies is None or (trigger is not None and expression.modifies == trigger)


def _not_after(expression: TimeExpression, published: date | None) -> bool:
    return published is None or (expression.value is not None and expression.value <= published.isoformat())


def event_date(
    expressions: Sequence[TimeExpression],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    published: date | None,
    inherited: EventDate | None,
    *,
    trigger: int | None = None,
) -> EventDate:
    """The date of the event whose clause is `clause` (character span) inside `sentence`.

    In order: the first adverbial expression in the clause; else the sentence's adverbial nearest
    the clause; else the discourse date: the last adverbial before the sentence that dates a past
    day, month or year ("On Monday, police ... . Two were killed."), else `inherited` (the previous
    event's date); else a nominal expression of the clause or sentence ("against the 2014 law"
    dates the law, so it comes last); else the publication day with precision "published"; else
    unknown. `trigger` (the event word's character offset) lets a nominal date of the event noun
    itself count as the clause's. An expression that could not be resolved still wins (as unknown):
    it says the event is not "now".
    """
    if isinstance(published, datetime):
        published = published.date()
    in_clause = [e for e in expressions if _overlaps(e, clause)]
    in_sentence = [e for e in expressions if _overlaps(e, sentence)]
    adverbial_clause = [e for e in in_clause if _eligible(e, trigger)]
    if adverbial_clause:
        return _as_event_date(min(adverbial_clause, key=lambda e: e.start))
    adverbial_sentence = [e for e in in_sentence if _eligible(e, trigger)]
    if adverbial_sentence:
        return _as_event_date(min(adverbial_sentence, key=lambda e: _distance(e, clause)))
    before = [
        e for e in expressions
        if e.end <= sentence[0] and e.modifies is None and e.precision in INHERITABLE and _not_after(e, published)
    ]
    if before:
        return _as_event_date(max(before, key=lambda e: e.start))
    if inherited is not None and inherited.precision in INHERITABLE:
        return inherited
    if in_clause:
        return _as_event_date(min(in_clause, key=lambda e: e.start))
    if in_sentence:
        return _as_event_date(min(in_sentence, key=lambda e: _distance(e, clause)))
    if published is not None:
        return EventDate(published.isoformat(), "published")
    return EventDate(None, "unknown")
