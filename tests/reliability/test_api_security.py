"""Nobody gets in: the API reads through a locked-down connection and answers bad requests with 4xx."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

import tidings.api.app as api_app
from tidings.store.views import MAX_PAGE

INJECTIONS = [
    "' OR '1'='1", "'; DROP TABLE events; --", "USA') OR 1=1 --", "%", "_", "!", "\\", "\x00",
    "' UNION SELECT text FROM articles --", "1; COPY events TO '/tmp/x.csv'", "\u202e", "A" * 5000,
]
STRING_PARAMS = ["actor", "code", "root", "plover", "modality", "place", "country", "q", "article", "side"]


def test_view_connection_is_read_only_and_cannot_reach_files(client):
    con = client.app.state.views._con
    with pytest.raises(duckdb.Error, match="read-only|read only"):
        con.execute("CREATE TABLE pwned (x INTEGER)")
    with pytest.raises(duckdb.Error):
        con.execute("SELECT * FROM read_csv('/etc/passwd')").fetchall()
    with pytest.raises(duckdb.Error):
        con.execute("COPY (SELECT 1) TO '/tmp/tidings-pwned.csv'")


@pytest.mark.parametrize("name", STRING_PARAMS)
@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_strings_are_data_never_sql(client, name, value):
    for path in ("/api/events", "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places"):
        response = client.get(path, params={name: value})
        assert response.status_code in (200, 400, 422), (path, name, value, response.text)
        if response.status_code == 200 and path == "/api/events":
            # Matched literally: an "OR 1=1" never widens the result to every event.
            events = response.json()["events"]
            if name == "q":
                assert all(value.lower() in e["evidence_text"].lower() for e in events)
            else:
                assert events == []


def test_only_allowlisted_words_are_formatted_into_sql(client):
    for params in ({"bucket": "day'); DROP TABLE events; --"}, {"series": "cameo_root, text"},
                   {"level": "source_code, (SELECT text FROM articles)"}):  # fmt: skip
        path = "/api/stats/dyads" if "level" in params else "/api/stats/timeline"
        assert client.get(path, params=params).status_code == 400
    assert client.get("/api/summary").json()  # the store is still there


def test_no_sql_text_is_built_in_the_api_package():
    # The only SQL lives in tidings.store; the API passes values, never query text.
    for path in Path(api_app.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") in ("execute", "sql")]
        assert calls == [], f"{path.name} runs SQL itself"


@pytest.mark.parametrize("params", [
    {"limit": MAX_PAGE + 1}, {"limit": -1}, {"limit": "ten"}, {"offset": -5},
    {"order": "asc; DROP"}, {"format": "xml"}, {"since": "yesterday"}, {"until": "2020-13-45"},
    {"bbox": "1,2,3"}, {"bbox": "a,b,c,d"}, {"bbox": "0,95,10,99"}, {"quad_class": "x"},
    {"q": "x" * 201}, {"side": "both"},
])  # fmt: skip
def test_bad_paging_and_filter_values_are_client_errors(client, params):
    assert 400 <= client.get("/api/events", params=params).status_code < 500


def test_offset_past_the_end_is_an_empty_page(client):
    body = client.get("/api/events", params={"offset": 10**30}).json()
    assert body["events"] == [] and body["total"] > 0


@pytest.mark.parametrize("path", [
    "/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/vendor/../../app.py", "/static/%00",
    "/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/%00", "/api/events/%2e%2e",
    "/api/events/" + "x" * 3000, "/../../etc/passwd",
])  # fmt: skip
def test_path_traversal_is_a_client_error_and_never_a_file(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert "root:" not in response.text and "import" not in response.text


def test_post_size_is_limited(client):
    huge = "a" * 2_000_000
    response = client.post("/api/code", content=f'{{"text": "{huge}"}}', headers={"content-type": "application/json"})
    assert response.status_code == 413
    too_long = client.post("/api/code", json={"text": "a" * 200_001})
    assert too_long.status_code == 422
    for body in ('{"text": 5}', "[]", "not json", '{"text": "x", "published": "soon"}', '{"sentence": null}'):
        assert client.post("/api/code", content=body, headers={"content-type": "application/json"}).status_code == 422
    assert client.post("/api/explain", json={"sentence": "x" * 2_001}).status_code == 422


def test_cors_is_off_by_default(client):
    origin = {"Origin": "https://evil.example"}
    assert "access-control-allow-origin" not in client.get("/api/summary", headers=origin).headers
    preflight = client.options("/api/events", headers={**origin, "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in preflight.headers


def test_server_binds_loopback_by_default():
    from tidings.cli import serve as serve_command

    assert inspect.signature(api_app.serve).parameters["host"].default == "127.0.0.1"
    assert inspect.signature(serve_command).parameters["host"].default.default == "127.0.0.1"


query_values = st.text(max_size=30) | st.sampled_from(INJECTIONS) | st.integers().map(str)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.sampled_from(["/api/events", "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places",
                     "/api/events/{v}", "/api/articles/{v}"]),
    st.dictionaries(st.sampled_from([*STRING_PARAMS, "limit", "offset", "order", "format", "since",
                                     "until", "bbox", "quad_class", "bucket", "series", "level"]),
                    query_values, max_size=4),
    query_values,
)  # fmt: skip
def test_any_request_is_answered_without_a_server_error(client, path, params, value):
    response = client.get(path.replace("{v}", quote(value, safe="") or "x"), params=params)
    assert response.status_code < 500, (path, params, value, response.text[:300])
