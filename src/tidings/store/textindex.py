"""The word index behind evidence text search: (token, event id) rows kept sorted by token.

DuckDB's `fts` extension downloads at run time, which tidings may not do, so the store keeps
its own inverted index: `event_words` holds one row per distinct word of an event's evidence
(lower-cased runs of letters and digits) and its event id. Sorted by token, a word's rows sit in
one or two row groups, so `WHERE token = ?` is a range scan that DuckDB's zone maps narrow to
those groups. Upserts append new rows unsorted; once the unsorted tail passes a share of the
table the whole table is rewritten in order (like an LSM merge), which keeps lookups cheap
without sorting on every batch.
"""

from __future__ import annotations

import re
import string

import duckdb

# RE2 (DuckDB) syntax: letters and digits of any script; everything else separates words.
TOKEN_PATTERN = r"[\p{L}\p{N}]+"
NOT_WORD = r"[^\p{L}\p{N}]"
WORDS_DDL = "CREATE TABLE IF NOT EXISTS event_words (token VARCHAR, event_id VARCHAR)"
UNSORTED_KEY = "words_unsorted"  # tidings_meta: rows appended since the last sort
# Re-sort when the unsorted tail is over this share of the table (and over MIN_UNSORTED rows).
SORT_SLACK = 0.2
MIN_UNSORTED = 50_000

_TOKENS = f"regexp_extract_all(lower(evidence_text), '{TOKEN_PATTERN}')"
_SELECT_WORDS = f"SELECT DISTINCT unnest({_TOKENS}) AS token, event_id FROM events"


def refresh_words(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> None:
    """Re-index these events (after their rows in `events` were rewritten or dropped)."""
    if not event_ids:
        return
    con.execute("DELETE FROM event_words WHERE list_contains(?, event_id)", [event_ids])
    (added,) = con.execute(
        f"INSERT INTO event_words {_SELECT_WORDS} WHERE list_contains(?, event_id)", [event_ids]
    ).fetchone()
    unsorted = _unsorted(con) + int(added)
    (total,) = con.execute("SELECT count(*) FROM event_words").fetchone()
    if unsorted > max(MIN_UNSORTED, SORT_SLACK * total):
        con.execute("CREATE OR REPLACE TABLE event_words AS SELECT * FROM event_words"
                    " ORDER BY token, event_id")  # fmt: skip
        unsorted = 0
    _set_unsorted(con, unsorted)


def rebuild_words(con: duckdb.DuckDBPyConnection) -> int:
    """Index every event from scratch (schema upgrade, bulk loads); returns the row count."""
    con.execute(f"CREATE OR REPLACE TABLE event_words AS {_SELECT_WORDS} ORDER BY token, event_id")
    _set_unsorted(con, 0)
    return int(con.execute("SELECT count(*) FROM event_words").fetchone()[0])


def query_words(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """The distinct words of a query, tokenized exactly as the index was (same SQL function)."""
    (tokens,) = con.execute(f"SELECT regexp_extract_all(lower(?), '{TOKEN_PATTERN}')", [text]).fetchone()
    return list(dict.fromkeys(tokens))


def phrase_regex(text: str) -> str:
    """An RE2 pattern: the query verbatim (case-insensitive), not inside a longer word.

    Whitespace runs in the query match any whitespace run; ASCII punctuation is escaped so
    it is literal (RE2 rejects escaped letters, so only punctuation is escaped).
    """
    parts = []
    for word in text.split():
        parts.append("".join("\\" + c if c in string.punctuation else c for c in word))
    body = r"\s+".join(parts)
    words = text.strip()
    left = f"(?:^|{NOT_WORD})" if words[:1].isalnum() else ""
    right = f"(?:{NOT_WORD}|$)" if words[-1:].isalnum() else ""
    return f"(?i){left}{body}{right}"


def phrase_matcher(text: str) -> re.Pattern[str]:
    """phrase_regex() for Python's re, to check a few candidates' evidence outside SQL.

    Python's "word character but not underscore" is a letter or digit of any script: the
    same class as TOKEN_PATTERN's (RE2) letters and numbers.
    """
    body = r"\s+".join(re.escape(word) for word in text.split())
    words = text.strip()
    left = r"(?<![^\W_])" if words[:1].isalnum() else ""
    right = r"(?![^\W_])" if words[-1:].isalnum() else ""
    return re.compile(f"{left}{body}{right}", re.IGNORECASE)


def is_single_word(text: str, tokens: list[str]) -> bool:
    """True when the query is one bare word: the index alone decides, no phrase check needed."""
    return len(tokens) == 1 and text.strip().lower() == tokens[0]


def _unsorted(con: duckdb.DuckDBPyConnection) -> int:
    row = con.execute("SELECT value FROM tidings_meta WHERE key = ?", [UNSORTED_KEY]).fetchone()
    return int(row[0]) if row else 0


def _set_unsorted(con: duckdb.DuckDBPyConnection, rows: int) -> None:
    con.execute(
        "INSERT INTO tidings_meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [UNSORTED_KEY, str(rows)],
    )
