"""Find the time expressions of a parsed document and resolve each against the publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from spacy.tokens import Doc

from tidings.when import grammar as g
from tidings.when.cues import WhenCues, load_cues
from tidings.when.resolve import NotAPoint, resolve
from tidings.when.tense import tense_of
from tidings.nlp import doc_text

DATE_LABELS = ("DATE", "TIME")
NOMINAL_DEPS = frozenset({"compound", "amod", "nmod", "poss", "nummod"})
PREVIOUS_WORD = re.compile(r"([\w'’]+)\W*$")
POSSESSIVE_BEFORE = re.compile(r"\w['’]s\s+$")


@dataclass(frozen=True)
class TimeExpression:
    """A time expression's span in the text and its resolved ISO value ("2020-11-17", "2020-10",
    "2020") with precision "day", "month" or "year"; value None and "unknown" if unresolvable."""

    start: int
    end: int
    text: str
    value: str | None
    precision: str
    # Character offset of the noun the expression modifies ("the 24 February invasion", "killings
    # of 2014"), None when it is an adverbial of a verb ("On Friday, police ..."). A nominal date
    # dates that noun, not the clause's event, so event_date prefers adverbials.
    modifies: int | None = None


@cache
def packaged_grammar() -> g.Grammar:
    """The grammar of the packaged cue tables.

    The one cache of this stage, explicit: the tables are immutable once loaded and compiling
    the patterns per document would cost more than resolving them. Pass your own Grammar to
    find_time_expressions to use other tables.
    """
    return g.Grammar(load_cues())


def _previous_words(text: str, start: int, count: int = 2) -> list[str]:
    """The `count` words before `start`, nearest first, lowercased, punctuation dropped."""
    words: list[str] = []
    end = start
    while len(words) < count:
        match = PREVIOUS_WORD.search(text, max(0, end - 40), end)
        if match is None:
            break
        words.append(match.group(1).lower())
        end = match.start()
    return words


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _is_point(
    mention: g.Mention, text: str, cues: WhenCues, date_spans: list[tuple[int, int]]
) -> bool:
    """Whether a mention is a point in time here, from the words before it and spaCy's entities."""
    before = _previous_words(text, mention.start, 1)
    previous = before[0] if before else ""
    if previous in cues.duration_markers:
        return False  # "every Tuesday", "since 2019", "until January 20"
    spans_kind = mention.kind in (g.RELATIVE_UNIT, g.SEASON)
    if spans_kind and mention.direction is not None and previous == "the":
        return False  # "over the past week", "in the next month": spans, not points
    if mention.needs_context:
        if POSSESSIVE_BEFORE.search(text, max(0, mention.start - 4), mention.start):
            return False  # "the Women's March": a name, not the month
        prepositions = cues.year_prepositions if mention.kind == g.YEAR else cues.month_prepositions
        return previous in prepositions or _inside(mention.start, mention.end, date_spans)
    return True


def _modified_noun(doc: Doc, start: int, end: int) -> int | None:
    """Offset of the noun an expression qualifies, or None when it qualifies a verb or clause.

    Nominal: a compound/modifier/possessive of a noun ("the May elections", "Monday's attack") or
    the object of "of" under a noun ("the killings of 2014"). "held a protest on Monday" stays
    adverbial even when the parser hangs "on" from the noun: only "of" makes it the noun's.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    head = root.head
    if head is root or start <= head.idx < end:
        return None
    if root.dep_ in NOMINAL_DEPS and head.pos_ in ("NOUN", "PROPN") and head.ent_type_ not in DATE_LABELS:
        return head.idx
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in ("NOUN", "PROPN"):
        return head.head.idx
    return None


def find_time_expressions(
    doc: Doc,
    published: date | None,
    *,
    grammar: g.Grammar | None = None,
    day_first: bool = False,
) -> list[TimeExpression]:
    """Every time expression of `doc` that names a point in time, resolved, in text order.

    Candidates are the grammar's matches (built from data/when/); spaCy DATE/TIME entities
    license a bare month or year that has no cue word before it ("the May elections"). Durations and
    repetitions ("for two weeks", "every year", "since 2019") are skipped. Bare months and
    weekdays are past unless their verb is future ("will meet on Tuesday"). `day_first` reads
    12/03/2020 as 12 March (Settings.day_first); the default is US month-first.
    """
    grammar = grammar or packaged_grammar()
    if isinstance(published, datetime):
        published = published.date()
    text = doc_text(doc)
    date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in DATE_LABELS]
    found: list[TimeExpression] = []
    for mention in grammar.find(text):
        if not _is_point(mention, text, grammar.cues, date_spans):
            continue
        tense = tense_of(doc, mention.start, mention.end, grammar.cues)
        try:
            value, precision = resolve(mention, published, tense, day_first)
        except NotAPoint:
            continue
        found.append(TimeExpression(mention.start, mention.end, text[mention.start:mention.end],
                                    value, precision, _modified_noun(doc, mention.start, mention.end)))
    return sorted(found, key=lambda e: e.start)
