"""Evidence text search (`q`): whole-word phrase match through the word index, on the demo store."""

from __future__ import annotations

import re
import shutil

import duckdb
import pytest

from tidings.store.views import EventFilters, StoreViews


def _phrase(query: str, text: str) -> bool:
    """The documented rule, written out independently: the query's words, in order, separated
    by whitespace only, not inside longer words, any case."""
    words = [re.escape(w) for w in query.split()]
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text, re.IGNORECASE) is not None


def _queries(all_events: list[dict]) -> list[str]:
    """Words and two- and three-word phrases cut from every 5th event's evidence."""
    out = []
    for row in all_events[::5]:
        words = row["evidence_text"].split()
        bare = [i for i in range(len(words) - 2) if all(w.isalnum() for w in words[i : i + 3])]
        if bare:
            i = bare[len(bare) // 2]
            out += [words[i], " ".join(words[i : i + 2]), " ".join(words[i : i + 3]).upper()]
    return out


def _ids(client, **params) -> set[str]:
    response = client.get("/api/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return {row["event_id"] for row in response.json()["events"]}


def test_indexed_search_finds_exactly_the_events_whose_evidence_has_the_phrase(client, all_events):
    queries = _queries(all_events)
    assert len(queries) > 20
    for query in queries:
        expected = {e["event_id"] for e in all_events if _phrase(query, e["evidence_text"])}
        assert _ids(client, q=query) == expected, query
        assert expected  # cut from the evidence: at least its own event


def test_a_word_matches_whole_words_only(client, all_events):
    word = next(
        w for e in all_events for w in re.findall(r"[A-Za-z]{6,}", e["evidence_text"])
    )
    assert _ids(client, q=word[:-2]) <= {
        e["event_id"] for e in all_events if re.search(rf"\b{word[:-2]}\b", e["evidence_text"], re.I)
    }
    assert _ids(client, q=word)


def test_words_of_no_event_find_nothing(client):
    assert _ids(client, q="zzyzzx qqxq") == set()
    assert _ids(client, q="Baghdad zzyzzx") == set()


def test_a_query_without_letters_or_digits_is_a_substring_match(client, all_events):
    expected = {e["event_id"] for e in all_events if "," in e["evidence_text"]}
    assert _ids(client, q=",") == expected and expected


def test_aggregates_count_the_same_events_as_the_list(client):
    listed = client.get("/api/events", params={"q": "Baghdad", "limit": 0}).json()["total"]
    timeline = client.get("/api/stats/timeline", params={"q": "Baghdad"}).json()["counts"]
    assert listed > 0 and sum(row["count"] for row in timeline) == listed


def test_a_store_without_the_index_still_searches_by_substring(demo_db, tmp_path, all_events):
    old = tmp_path / "schema2.duckdb"
    shutil.copy(demo_db, old)
    with duckdb.connect(str(old)) as con:  # what a store written before schema 3 looks like
        con.execute("DROP TABLE event_words")
        con.execute("UPDATE tidings_meta SET value = '2' WHERE key = 'schema_version'")
    views = StoreViews(old)
    try:
        total, rows = views.events(EventFilters(text="baghd"), limit=1000)
    finally:
        views.close()
    expected = {e["event_id"] for e in all_events if "baghd" in e["evidence_text"].lower()}
    assert {r["event_id"] for r in rows} == expected and total == len(expected) > 0


@pytest.mark.parametrize("query", ["'; DROP TABLE event_words; --", "a\\b", "(x", "[^a]*", "?*+"])
def test_regex_and_sql_characters_are_literal(client, query):
    response = client.get("/api/events", params={"q": query})
    assert response.status_code == 200, response.text
    assert all(query.lower() in e["evidence_text"].lower() for e in response.json()["events"])


def test_word_queries_look_up_their_rarest_word_in_the_index(client):
    plan = client.app.state.views._text_match(EventFilters(text="in Baghdad"))
    assert plan.words[0] == "baghdad" and plan.phrase and plan.event_ids is not None
