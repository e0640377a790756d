"""Evidence text search over the word index: plan a query, then the SQL that applies it."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tidings.store.textindex import TOKEN_PATTERN, is_single_word, phrase_matcher, phrase_regex

INDEX_WORDS = 3  # a text query looks up at most its rarest words; the phrase check does the rest
# A further word joins the lookup only when it is this rare: intersecting with a word most events
# have costs a scan of its many rows and removes few candidates (the phrase check catches them).
INTERSECT_MAX = 100_000
# Up to this many index candidates, a text query's phrase is checked in Python on their evidence
# (fetched by key) and the query gets the matching ids; more, and SQL checks it in the scan.
CONFIRM_LIMIT = 20_000
# Up to this many ids, `event_id IN (?, ...)` is answered from the primary-key index (about
# 50 us a row); more, and a semi-join over one scan of event_id (~20-30 ms) is cheaper.
KEY_LOOKUP = 300

Rows = Callable[[str, list[Any]], list[tuple[Any, ...]]]  # run SQL with params, return its rows


@dataclass(frozen=True)
class TextMatch:
    """How a text filter runs on a store with the word index (schema 3).

    The query matches an event when it appears in the evidence verbatim (case-insensitive,
    whitespace runs equal) and not inside a longer word: "place 42" finds "Place 42," but not
    "place 420". Candidates come from the index (events having the query's rarest `words`),
    then `phrase` checks the exact text on them only; a one-word query needs no check.
    A query without letters or digits ("%") has no words: it stays a substring scan.
    """

    words: tuple[str, ...]  # index words to intersect, rarest first
    phrase: bool
    event_ids: tuple[str, ...] | None = None  # the matches, when resolved beforehand


def plan_text(rows: Rows, text: str) -> TextMatch | None:
    """The plan for one query text; None when it has no word (a substring scan then).

    Each word's count is a range scan of the sorted index, so the rarest is known before any
    event is read; with few candidates the matches are resolved here to a list of ids.
    """
    ((tokens,),) = rows(f"SELECT regexp_extract_all(lower(?), '{TOKEN_PATTERN}')", [text])
    tokens = list(dict.fromkeys(tokens))
    if not tokens:
        return None
    counts = " UNION ALL ".join(
        "SELECT ? AS token, count(*) AS n FROM event_words WHERE token = ?" for _ in tokens
    )
    rarest = sorted(rows(counts, [v for t in tokens for v in (t, t)]), key=lambda r: (r[1], r[0]))
    words = [rarest[0][0]]  # alone when no event has it: the lookup then returns nothing
    if rarest[0][1] > 0:
        words += [token for token, n in rarest[1:INDEX_WORDS] if n <= INTERSECT_MAX]
    plan = TextMatch(words=tuple(words), phrase=not is_single_word(text, tokens))
    if rarest[0][1] > CONFIRM_LIMIT:
        return plan  # broad: the postings and the phrase check stay inside the SQL
    candidates = [row[0] for row in rows(*postings_sql(plan.words))]
    if plan.phrase and candidates:
        matcher = phrase_matcher(text)
        texts = rows(
            f"SELECT event_id, evidence_text FROM events WHERE {key_clause(candidates)}",
            key_params(candidates),
        )
        candidates = [key for key, evidence in texts if evidence and matcher.search(evidence)]
    return TextMatch(plan.words, plan.phrase, tuple(sorted(candidates)))


def text_clause(text: str, match: TextMatch | None) -> tuple[list[str], list[Any]]:
    """WHERE conditions (AND-ed) and parameters for a text filter planned by plan_text."""
    if match is not None and match.event_ids is not None:
        return [key_clause(match.event_ids)], key_params(match.event_ids)
    if match is not None and match.words:
        postings, params = postings_sql(match.words)
        where = [f"event_id IN ({postings})"]
        if match.phrase:
            # The cheap ILIKE (words in order) spares the regex most rows it would reject.
            where.append("evidence_text ILIKE ? ESCAPE '!' AND regexp_matches(evidence_text, ?)")
            params += ["%" + "%".join(map(like_literal, text.split())) + "%", phrase_regex(text)]
        return where, params
    # ILIKE scans faster than contains(lower()); the user's ! % _ are escaped to literals.
    return ["evidence_text ILIKE ? ESCAPE '!'"], [f"%{like_literal(text)}%"]


def like_literal(text: str) -> str:
    return re.sub(r"([!%_])", r"!\1", text)


def postings_sql(words: tuple[str, ...]) -> tuple[str, list[Any]]:
    """SELECT of the ids of events having every one of these words (rarest first), and params.

    Nested semi-joins, the rarest word innermost: its few rows filter the next word's scan.
    """
    postings = ""
    for word in words:
        inner = f" AND event_id IN ({postings})" if postings else ""
        postings = f"SELECT event_id FROM event_words WHERE token = ?{inner}"
    return postings, list(reversed(words))  # the outermost (most common) word's ? comes first


def key_clause(keys: tuple[str, ...] | list[str]) -> str:
    """`event_id IN ...` for a known set of ids: the key index for a few, a semi-join for many."""
    if not keys:
        return "FALSE"
    if len(keys) <= KEY_LOOKUP:
        return f"event_id IN ({', '.join('?' * len(keys))})"
    return "event_id IN (SELECT unnest(?::VARCHAR[]))"


def key_params(keys: tuple[str, ...] | list[str]) -> list[Any]:
    return list(keys) if len(keys) <= KEY_LOOKUP else [list(keys)]
