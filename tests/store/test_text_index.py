"""The evidence word index (store.textindex): kept by upserts, sorted, upgraded from schema 2."""

from __future__ import annotations

import re

import duckdb
import pytest

from tidings.errors import StoreError
from tidings.store import EventStore, textindex
from tidings.store.schema import SCHEMA_VERSION


def _words(path) -> list[tuple[str, str]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("SELECT token, event_id FROM event_words ORDER BY ALL").fetchall()


def _expected(path) -> list[tuple[str, str]]:
    """The index recomputed in Python from the events table."""
    with duckdb.connect(str(path), read_only=True) as con:
        rows = con.execute("SELECT event_id, evidence_text FROM events").fetchall()
    return sorted({(w, eid) for eid, text in rows for w in re.findall(r"[^\W_]+", text.lower())})


def test_upserts_index_every_word_of_each_events_evidence(db_path, event, coded):
    first, second = event("a1", 0, 29), event("a1", 30, 70, code="036")
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", first, second))
    words = _words(db_path)
    by_word = {token: {eid for t, eid in words if t == token} for token, _ in words}
    assert len(by_word["baghdad"]) == len(by_word["ankara"]) == 1  # each event's own words
    assert by_word["baghdad"] != by_word["ankara"] and len(by_word["in"]) == 2
    assert words == _expected(db_path)


def test_recoding_an_article_replaces_its_words(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", event("a1", 0, 29)))
        store.upsert(coded("a1", event("a1", 30, 70, code="036")))
    tokens = {token for token, _ in _words(db_path)}
    assert "ankara" in tokens and "baghdad" not in tokens
    assert _words(db_path) == _expected(db_path)


def test_reingesting_the_same_coding_leaves_the_index_identical(db_path, event, coded):
    batch = [coded("a1", event("a1", 0, 29)), coded("a2", event("a2", 30, 70, code="036"))]
    with EventStore.open(db_path) as store:
        store.upsert_many(batch)
    before = _words(db_path)
    with EventStore.open(db_path) as store:
        assert store.upsert_many(batch) == 0
    assert _words(db_path) == before


def test_a_long_unsorted_tail_is_merged_back_in_token_order(db_path, event, coded, monkeypatch):
    monkeypatch.setattr(textindex, "MIN_UNSORTED", 0)
    monkeypatch.setattr(textindex, "SORT_SLACK", 0.0)
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", event("a1", 30, 70, code="036")))
        store.upsert(coded("a2", event("a2", 0, 29)))
    with duckdb.connect(str(db_path), read_only=True) as con:
        stored = [r[0] for r in con.execute("SELECT token FROM event_words").fetchall()]
        (unsorted,) = con.execute(
            "SELECT value FROM tidings_meta WHERE key = ?", [textindex.UNSORTED_KEY]
        ).fetchone()
    assert stored == sorted(stored) and unsorted == "0"


def _downgrade_to_schema_2(path) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute("DROP TABLE event_words")
        con.execute("UPDATE tidings_meta SET value = '2' WHERE key = 'schema_version'")


def test_a_schema_2_store_is_upgraded_in_place_when_opened_for_writing(db_path, event, coded):
    with EventStore.open(db_path) as store:
        store.upsert(coded("a1", event("a1", 0, 29), event("a1", 30, 70, code="036")))
    indexed = _words(db_path)
    _downgrade_to_schema_2(db_path)
    with EventStore.open(db_path, read_only=True) as store:  # readable as it is
        assert store.counts()["events"] == 2
    with EventStore.open(db_path) as store:
        assert store.counts()["events"] == 2
    assert _words(db_path) == indexed
    with duckdb.connect(str(db_path), read_only=True) as con:
        assert con.execute(
            "SELECT value FROM tidings_meta WHERE key = 'schema_version'"
        ).fetchone() == (SCHEMA_VERSION,)


def test_a_store_of_an_unknown_version_is_still_refused(db_path):
    EventStore.open(db_path).close()
    with duckdb.connect(str(db_path)) as con:
        con.execute("UPDATE tidings_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema version 99"):
        EventStore.open(db_path)


@pytest.mark.parametrize(
    ("query", "text", "found"),
    [
        ("place 42", "Clashes in Place 42, officials said", True),
        ("place 42", "Clashes in place 420", False),  # not inside a longer word
        ("lace 42", "Clashes in place 42", False),
        ("U.S. troops", "the u.s.  troops left", True),  # whitespace runs are equal
        ("U.S. troops", "the US troops left", False),  # punctuation is literal
        ("al-Assad", "President Bashar al-Assad said", True),
        ("Erdoğan", "ERDOĞAN met Putin", True),
        ("(a+b)", "x (A+B) y", True),
    ],
)
def test_phrase_patterns_agree_in_python_and_duckdb(query, text, found):
    assert bool(textindex.phrase_matcher(query).search(text)) is found
    with duckdb.connect() as con:
        (sql,) = con.execute(
            "SELECT regexp_matches(?, ?)", [text, textindex.phrase_regex(query)]
        ).fetchone()
    assert sql is found


def test_query_words_are_tokenized_like_the_index():
    with duckdb.connect() as con:
        assert textindex.query_words(con, "U.S. troops, troops; Erdoğan 42") == [
            "u", "s", "troops", "erdoğan", "42",
        ]  # fmt: skip
