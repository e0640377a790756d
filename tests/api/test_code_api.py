"""POST /api/code and /api/explain: coding on demand, storing only when asked and allowed."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.api.app import MAX_BODY_BYTES

TEXT = "Iraqi militias attacked the US embassy in Baghdad on Tuesday, officials said."


def test_code_returns_events_without_storing(client):
    before = client.get("/api/summary").json()
    response = client.post("/api/code", json={"text": TEXT, "published": "2020-12-03", "id": "posted-1"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["stored"] is False and body["article_id"] == "posted-1"
    assert any(e["cameo"]["root"] == "18" or e["cameo"]["root"] == "19" for e in body["events"])
    assert all(e["article_id"] == "posted-1" for e in body["events"])
    assert client.get("/api/summary").json() == before
    assert client.get("/api/articles/posted-1").status_code == 404


def test_storing_is_refused_by_a_read_only_server(client):
    response = client.post("/api/code", json={"text": TEXT, "store": True})
    assert response.status_code == 403


def test_storing_when_allowed_makes_the_article_queryable(writable_copy):
    with TestClient(create_app(writable_copy, allow_store=True)) as writer:
        before = writer.get("/api/summary").json()["articles"]
        body = writer.post("/api/code", json={"text": TEXT, "id": "posted-2", "store": True}).json()
        assert body["stored"] is True and body["events"]
        assert writer.get("/api/summary").json()["articles"] == before + 1
        article = writer.get("/api/articles/posted-2").json()
        assert article["text"] == TEXT and article["spans"]
        assert writer.get("/api/events", params={"article": "posted-2"}).json()["total"] >= 1


def test_oversized_bodies_are_rejected_before_coding(client):
    too_long = "a" * (MAX_BODY_BYTES + 10)
    assert client.post("/api/code", json={"text": too_long}).status_code == 413
    assert client.post("/api/code", json={"text": ""}).status_code == 422


def test_explain_codes_one_sentence(client):
    response = client.post("/api/explain", json={"sentence": TEXT})
    assert response.status_code == 200
    body = response.json()
    assert body["sentence"] == TEXT and body["events"]
    assert client.post("/api/explain", json={"sentence": "x" * 5000}).status_code == 422


def test_explain_returns_the_explain_trace_of_the_events_it_codes(client):
    body = client.post("/api/explain", json={"sentence": TEXT, "published": "2024-03-05"}).json()
    explanation = body["explanation"]
    titles = [section["title"] for section in explanation["sections"]]
    assert titles[:2] == ["parse", "candidates"] and titles[-1] == f"events ({len(body['events'])})"
    sections = {section["title"].split(" ")[0]: section["lines"] for section in explanation["sections"]}
    # One parse line per token, and the candidate that fired names its pattern file and line.
    assert any(" attacked " in line for line in sections["parse"])
    assert any(line.strip().startswith("pattern: ") and ".yaml:" in line for line in sections["candidates"])
    attack = next(e for e in body["events"] if "attacked" in e["evidence"]["text"])
    assert any(attack["cameo"]["code"] in line for line in sections["events"])
    assert explanation["text"].splitlines()[0] == "parse:"
    # The published date resolves "on Tuesday" the same way the pipeline does.
    assert attack["date"]["value"] == "2024-03-05"


def test_explain_a_sentence_without_events_still_shows_the_parse(client):
    body = client.post("/api/explain", json={"sentence": "The weather was mild."}).json()
    assert body["events"] == []
    sections = {section["title"].split(" ")[0]: section["lines"] for section in body["explanation"]["sections"]}
    assert len(sections["parse"]) == 5 and sections["events"] == []
