"""Past or future: the tense of the verb governing a time expression, from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from tidings.when.cues import WhenCues
from tidings.when.dates import FUTURE, PAST

# How many arcs above the expression the governing verb may sit ("on" -> "January 20" is 2).
MAX_CLIMB = 6
# Present auxiliaries of a progressive or passive ("is holding", "are scheduled"): news uses
# them for what is still to come.
PRESENT_AUXILIARIES = frozenset({"is", "are", "am", "'s", "'re", "'m"})
PERFECT_AUXILIARIES = frozenset({"have", "has", "had", "'ve"})


def _is_verb(token: Token) -> bool:
    return token.tag_.startswith("VB") or token.tag_ == "MD" or token.pos_ in ("VERB", "AUX")


def _verb_above(token: Token, limit: int = MAX_CLIMB) -> Token | None:
    for _ in range(limit):
        if token.head is token:
            return None
        token = token.head
        if _is_verb(token):
            return token
    return None


def governing_verb(doc: Doc, start: int, end: int) -> Token | None:
    """The nearest verb above the expression's root, outside the expression itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(MAX_CLIMB):
        if token.head is token:
            return None
        token = token.head
        if _is_verb(token) and not start <= token.idx < end:
            # An auxiliary the date hangs on by a mis-parse ("IS militants attacked", with
            # "IS" read as "is") speaks for its head verb.
            if token.dep_ in ("aux", "auxpass") and token.head is not token:
                return token.head
            return token
    return None


def _is_imperative(verb: Token) -> bool:
    """A subjectless base-form main verb; names holding a verb ("Stand Up KC") are not."""
    return verb.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in verb.children)


def verb_tense(verb: Token, cues: WhenCues, depth: int = 0) -> str | None:
    """PAST, FUTURE or None (no evidence) for `verb`.

    Present tense counts as future because news reports the past in the past tense and uses
    the present for schedules ("Trump leaves office on January 20"); present reporting verbs
    ("says") are the exception.
    """
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in auxiliaries}
    if words & PERFECT_AUXILIARIES:
        return PAST
    if words & cues.future_auxiliaries:
        return FUTURE
    if any(c.tag_ == "VBD" for c in auxiliaries) or verb.tag_ == "VBD":
        return PAST
    lemma = verb.lemma_.lower()
    if verb.tag_ == "VB" and "to" in words:
        # An infinitive takes its time from the verb or adjective it completes: "plans to
        # visit on Tuesday" is future, "went to Kabul to meet officials on Tuesday" past.
        head = verb.head
        above = head if _is_verb(head) and head is not verb else _verb_above(head)
        outer = verb_tense(above, cues, depth + 1) if above is not None and depth < 3 else None
        if outer is None and head.lemma_.lower() in cues.future_heads:
            return FUTURE
        return outer
    if verb.tag_ == "VB" and (words & {"do", "does"} or (not words and _is_imperative(verb))):
        # An imperative or present "do" ("don't stay home in November") looks ahead.
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") or words & PRESENT_AUXILIARIES:
        return None if lemma in cues.reporting_verbs else FUTURE
    if verb.tag_ == "VBN":
        # A bare participle: "the attack carried out on Tuesday" vs "talks scheduled for May".
        return FUTURE if lemma in cues.future_heads else PAST
    if verb.tag_ == "VBG" and depth < 3:
        above = _verb_above(verb)
        return verb_tense(above, cues, depth + 1) if above is not None else None
    return None


SUBJECT_TAGS = frozenset({"NNP", "NNPS", "PRP"})
OBJECT_START_TAGS = frozenset({"DT", "NN", "NNP", "NNPS", "PRP", "PRP$", "CD", "JJ"})


def _looks_like_mistagged_verb(doc: Doc, opener: int, index: int) -> bool:
    """A "-s" word tagged NNS right after a name or pronoun and before an object ("before Trump
    leaves office"): the small model's common mis-tag of a present-tense verb."""
    token = doc[index]
    if token.tag_ != "NNS" or not token.lower_.endswith("s") or index + 1 >= len(doc):
        return False
    subject = doc[opener + 1:index]
    return (len(subject) > 0 and all(t.tag_ in SUBJECT_TAGS for t in subject)
            and doc[index + 1].tag_ in OBJECT_START_TAGS)


def _subordinate_tense(doc: Doc, start: int, verb: Token | None, cues: WhenCues) -> str | None:
    """The tense of a subordinate clause between the governing verb and the expression.

    The parse often hangs a date inside "before X leaves office on January 20" on the main
    verb; the clause opened by the subordinator is the one the date belongs to.
    """
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None:
        return None
    sentence_start = first[0].sent.start if doc.has_annotation("SENT_START") else 0
    floor = max(sentence_start, verb.i + 1 if verb is not None and verb.i < first[0].i else 0)
    for index in range(first[0].i - 1, floor - 1, -1):
        if doc[index].lower_ in cues.subordinators and doc[index].tag_ == "IN":
            opener = index
            break
        if doc[index].text in (";", ":"):
            return None
    else:
        return None
    window = range(opener + 1, first[0].i)
    for index in window:
        if _is_verb(doc[index]):
            return verb_tense(doc[index], cues)
    for index in window:
        if _looks_like_mistagged_verb(doc, opener, index):
            return FUTURE
    return None


def tense_of(doc: Doc, start: int, end: int, cues: WhenCues) -> str | None:
    """The tense of the clause holding the expression at [start, end), or None if unparsed."""
    verb = governing_verb(doc, start, end)
    clause = _subordinate_tense(doc, start, verb, cues)
    if clause is not None:
        return clause
    return None if verb is None else verb_tense(verb, cues)
