"""Where things are in a parsed doc: character spans, sentence context and clause extents."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Token

from tidings.nlp import doc_text
from tidings.types import Span


def char_span(doc: Doc, start: int, end: int) -> Span:
    first, last = doc[start], doc[end - 1]
    begin, finish = first.idx, last.idx + len(last.text)
    return Span(begin, finish, doc_text(doc)[begin:finish])


def clause_sentence_starts(doc: Doc) -> list[int]:
    """Where the sentences with a verb start: verbless fragments belong to the sentence before.

    Kept in doc.user_data: every event of the document asks, and walking every token of the
    document once per event cost ~5 % of coding (issue 9).
    """
    starts = doc.user_data.get("tidings.clause_sentence_starts")
    if starts is None:
        starts = doc.user_data["tidings.clause_sentence_starts"] = [
            s.start_char for s in doc.sents if any(t.pos_ in ("VERB", "AUX") for t in s)
        ]
    return starts


def sentence_context(doc: Doc, token: Token) -> tuple[int, int]:
    """Character span of the token's sentence, extended over verbless fragments that follow it.

    Scraped and machine-translated text splits one sentence into pieces ("… near the embassy.
    United in Baghdad, two weeks ago."); a fragment without a verb belongs to the sentence before.
    """
    sentence = token.sent
    start, end = sentence.start_char, sentence.end_char
    following = doc[sentence.end:] if sentence.end < len(doc) else None
    while following is not None and len(following):
        nxt = following[0].sent
        if any(t.pos_ in ("VERB", "AUX") for t in nxt):
            break
        end = nxt.end_char
        following = doc[nxt.end:] if nxt.end < len(doc) else None
    return start, end


def clause_with_fragments(doc: Doc, trigger: Token, evidence: Span, sentence: tuple[int, int]) -> tuple[int, int]:
    """The event's clause, extended over the verbless fragments after its sentence when the
    clause runs to that sentence's end: the fragment continues the clause's last phrase
    ("launched missiles near the embassy. United in Baghdad, two weeks ago.")."""
    if sentence[1] <= trigger.sent.end_char:
        return evidence.start, evidence.end
    words = [t for t in trigger.sent if not (t.is_punct or t.is_space)]
    runs_to_end = bool(words) and evidence.end >= words[-1].idx + len(words[-1].text)
    # The parse may hang the clause's last phrase elsewhere ("attacking the site, the facility.");
    # the sentence's last verb still owns what follows it.
    verbs = [t.i for t in trigger.sent if t.pos_ in ("VERB", "AUX")]
    governor = trigger
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    if runs_to_end or (verbs and governor.i == verbs[-1]):
        return evidence.start, sentence[1]
    return evidence.start, evidence.end


def phrase_tokens(head: Token) -> tuple[int, int]:
    """Token span of a source's noun phrase, stopping at commas (appositions, parentheticals)."""
    start, end = head.i, head.i + 1
    for token in reversed(list(head.lefts)):
        if token.is_punct:
            break
        start = token.left_edge.i
    for token in head.rights:
        if token.is_punct or token.dep_ in ("relcl", "acl", "appos"):
            break
        end = token.right_edge.i + 1
    return start, end


def sentence_index(doc: Doc, token: Token) -> int:
    # Sentence starts are sorted; the sentence's index is how many start before it.
    starts = doc.user_data.get("tidings.sentence_starts")
    if starts is None:
        starts = doc.user_data["tidings.sentence_starts"] = [s.start for s in doc.sents]
    return bisect_left(starts, token.sent.start)
