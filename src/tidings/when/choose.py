"""Pick an event's date: clause expression, sentence expression, discourse date or publication."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from tidings.types import EventDate
from tidings.when.expressions import TimeExpression

# Precisions an inherited (discourse) date may carry: "published" is no evidence about the
# previous event's own time, and "unknown" would block the publication fallback.
INHERITABLE = frozenset({"day", "month", "year"})
# A discourse day dates the sentence right after it ("On Monday, police ... . Two were killed.");
# further on, a story has moved to other events of the period ("Days after this meeting ..."),
# so the day only says the month; past a few sentences it says nothing ("A spokesman said ...")
# and the event falls back to the publication date like any undated report. A date in the lead
# sentence is exempt: it dates the whole story (wire and ACLED notes are written that way).
DISCOURSE_DAY_SENTENCES = 1
DISCOURSE_MAX_SENTENCES = 5


# Modalities of an act that has not happened, so that no date but its own clause's is its.
UNREALISED_MODALITIES = frozenset({"hypothetical", "planned"})
# Heads that make an act hypothetical yet place it in time: an attempt happens when it is made
# ("voters tried to rip ballot papers" on the day of the vote).
ATTEMPT_CUES = frozenset({"try", "attempt", "seek"})


def is_unrealised(modality: str, cue: str) -> bool:
    """Whether an event of this modality (and modality cue) has not happened (see event_date)."""
    return modality in UNREALISED_MODALITIES and cue not in ATTEMPT_CUES


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


def _from_afar(found: EventDate, sentence_start: int, sentence_starts: Sequence[int]) -> EventDate | None:
    """A discourse date as it dates a sentence this far on: itself nearby, a day as its month a
    little further, None beyond DISCOURSE_MAX_SENTENCES (see event_date)."""
    if found.end is None or not sentence_starts:
        return found
    if not any(0 < s <= found.start for s in sentence_starts):
        return found  # the lead's date is the story's ("On Monday, ... . Police intervened.")
    between = sum(1 for s in sentence_starts if found.end <= s <= sentence_start)
    if between > DISCOURSE_MAX_SENTENCES:
        return None
    if between <= DISCOURSE_DAY_SENTENCES or found.precision != "day" or found.value is None:
        return found
    return EventDate(found.value[:7], "month", found.text, found.start, found.end)


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
    sentence_starts: Sequence[int] = (),
    unrealised: bool = False,
) -> EventDate:
    """The date of the event whose clause is `clause` (character span) inside `sentence`.

    In order: the first adverbial expression in the clause; else the sentence's adverbial nearest
    the clause; else the discourse date: the last adverbial before the sentence that dates a past
    day, month or year ("On Monday, police ... . Two were killed."), else `inherited` (the previous
    event's date); else a nominal expression of the clause or sentence ("against the 2014 law"
    dates the law, so it comes last); else the publication day with precision "published"; else
    unknown. With `sentence_starts` (the character offsets where the document's sentences start),
    a discourse or inherited day more than DISCOURSE_DAY_SENTENCES sentences back is given as its
    month, and one more than DISCOURSE_MAX_SENTENCES back is not used. An `unrealised` (hypothetical
    or planned) event takes only its clause's own adverbial, else is unknown. `trigger` (the event word's character offset) lets a nominal date of the event noun
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
    if unrealised:
        # A hypothetical or planned act has not happened: the sentence's and the story's dates
        # are the report's or the planning's ("On Monday, Trump asked for options for
        # attacking Iran"), not its own.
        return EventDate(None, "unknown")
    adverbial_sentence = [e for e in in_sentence if _eligible(e, trigger)]
    if adverbial_sentence:
        return _as_event_date(min(adverbial_sentence, key=lambda e: _distance(e, clause)))
    before = [
        e for e in expressions
        if e.end <= sentence[0] and e.modifies is None and e.precision in INHERITABLE and _not_after(e, published)
    ]
    discourse = [_as_event_date(max(before, key=lambda e: e.start))] if before else []
    if inherited is not None and inherited.precision in INHERITABLE:
        discourse.append(inherited)
    for found in discourse:
        near = _from_afar(found, sentence[0], sentence_starts)
        if near is not None:
            return near
    if in_clause:
        return _as_event_date(min(in_clause, key=lambda e: e.start))
    if in_sentence:
        return _as_event_date(min(in_sentence, key=lambda e: _distance(e, clause)))
    if published is not None:
        return EventDate(published.isoformat(), "published")
    return EventDate(None, "unknown")
