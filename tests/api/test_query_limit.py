"""The per-query time limit of API reads: an over-long query is interrupted (504), not hung."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tidings.api import create_app
from tidings.errors import StoreError
from tidings.settings import Settings
from tidings.store import EventStore
from tidings.store.views import QueryTimeout, StoreViews

N_EVENTS = 500_000


@pytest.fixture(scope="module")
def big_db(tmp_path_factory):
    """A real store whose events table is big enough that a full text scan takes a while."""
    path = tmp_path_factory.mktemp("big-store") / "big.duckdb"
    with EventStore.open(path) as store:
        store._con.execute(
            "INSERT INTO events (event_id, evidence_text, date_start, date_end, cameo_root)"
            " SELECT 'e' || i::VARCHAR, 'Protesters ' || i::VARCHAR || ' marched in city '"
            " || (i % 977)::VARCHAR, DATE '2015-01-01' + (i % 3000)::INTEGER,"
            " DATE '2015-01-01' + (i % 3000)::INTEGER, lpad((i % 20 + 1)::VARCHAR, 2, '0')"
            " FROM range(?) r(i)",
            [N_EVENTS],
        )
    return path


def test_a_query_over_the_limit_raises_and_the_connection_stays_usable(big_db):
    views = StoreViews(big_db, query_seconds=0.2)
    try:
        with pytest.raises(QueryTimeout, match="0.2 s limit"):
            views._rows("SELECT count(*) FROM range(1000000000000)", [])
        assert views._rows("SELECT count(*) FROM events", [])[1] == [(N_EVENTS,)]
    finally:
        views.close()


def test_the_api_answers_504_with_a_json_reason_then_serves_the_next_request(big_db):
    app = create_app(big_db, Settings(api_query_seconds=0.001))
    with TestClient(app) as client:
        # "%" has no word: a substring scan of every evidence text, far over 1 ms.
        response = client.get("/api/events", params={"q": "%"})
        assert response.status_code == 504
        assert "limit" in response.json()["detail"]
        app.state.views.query_seconds = 30.0  # the same connection, now with time to answer
        response = client.get("/api/events", params={"q": "%"})
        assert response.status_code == 200 and response.json()["total"] == 0
        assert client.get("/api/summary").json()["events"] == N_EVENTS


def test_a_non_positive_limit_is_refused(big_db):
    with pytest.raises(StoreError, match="over 0 seconds"):
        StoreViews(big_db, query_seconds=0)
