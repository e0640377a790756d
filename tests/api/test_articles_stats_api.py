"""/api/articles, /api/stats/* and the OpenAPI document, on the demo store."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest


def test_article_spans_point_into_its_text(client, all_events):
    article_id = Counter(e["article_id"] for e in all_events).most_common(1)[0][0]
    article = client.get(f"/api/articles/{article_id}").json()
    text = article["text"]
    kinds = Counter(span["kind"] for span in article["spans"])
    assert kinds["evidence"] == len(article["events"]) > 1
    assert kinds["source"] and kinds["place"]
    for span in article["spans"]:
        assert 0 <= span["start"] < span["end"] <= len(text)
        assert text[span["start"]:span["end"]] == span["text"], span
    ids = {e["event_id"] for e in article["events"]}
    assert {s["event_id"] for s in article["spans"]} == ids


def test_unknown_article_is_404(client):
    assert client.get("/api/articles/nope").status_code == 404


def test_timeline_counts_add_up_to_the_dated_events(client, all_events):
    body = client.get("/api/stats/timeline", params={"bucket": "month"}).json()
    assert body["bucket"] == "month" and body["series"] == "quad_class"
    dated = [e for e in all_events if e["date_start"]]
    assert dated and sum(row["count"] for row in body["counts"]) == len(dated)
    by_class = Counter()
    for row in body["counts"]:
        by_class[row["series"]] += row["count"]
    assert by_class == Counter(e["quad_class"] for e in dated)
    months = Counter(e["date_start"][:7] for e in dated)
    assert months == Counter(
        {m: n for m, n in _sum_by(body["counts"], lambda r: r["period"][:7]).items()}
    )


def _sum_by(rows, key):
    totals = Counter()
    for row in rows:
        totals[key(row)] += row["count"]
    return totals


def test_timeline_follows_filters_and_picks_a_bucket(client, all_events):
    body = client.get("/api/stats/timeline", params={"series": "root", "actor": "IRQ"}).json()
    assert body["bucket"] in ("day", "week", "month", "year")
    rows = client.get("/api/events", params={"actor": "IRQ", "limit": 1000}).json()["events"]
    assert sum(row["count"] for row in body["counts"]) == sum(1 for r in rows if r["date_start"])
    assert all(len(row["series"]) == 2 for row in body["counts"])
    assert client.get("/api/stats/timeline", params={"bucket": "hour"}).status_code == 400


def test_dyads_are_counts_and_mean_goldstein_per_directed_pair(client, all_events):
    edges = client.get("/api/stats/dyads", params={"limit": 2000}).json()["edges"]
    expected = defaultdict(list)
    for e in all_events:
        if e["source_code"] and e["target_code"]:
            expected[(e["source_code"], e["target_code"])].append(e["goldstein"])
    assert {(x["source"], x["target"]): x["count"] for x in edges} == {
        k: len(v) for k, v in expected.items()
    }
    for edge in edges:
        scores = [g for g in expected[(edge["source"], edge["target"])] if g is not None]
        if scores:
            assert edge["mean_goldstein"] == pytest.approx(sum(scores) / len(scores))
    counts = [x["count"] for x in edges]
    assert counts == sorted(counts, reverse=True)


def test_dyads_by_country(client):
    edges = client.get("/api/stats/dyads", params={"level": "country"}).json()["edges"]
    assert edges and all(len(x["source"]) == 3 and len(x["target"]) == 3 for x in edges)
    assert client.get("/api/stats/dyads", params={"level": "planet"}).status_code == 400


def test_places_group_located_events(client, all_events):
    places = client.get("/api/stats/places").json()["places"]
    located = [e for e in all_events if e["lat"] is not None]
    assert sum(p["count"] for p in places) == len(located)
    for p in places:
        assert p["count"] == p["q1"] + p["q2"] + p["q3"] + p["q4"]
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
    filtered = client.get("/api/stats/places", params={"quad_class": 4}).json()["places"]
    assert sum(p["count"] for p in filtered) == sum(1 for e in located if e["quad_class"] == 4)


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                 "/api/stats/timeline", "/api/stats/dyads", "/api/stats/places", "/api/code"):
        assert path in paths
    params = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {"actor", "side", "root", "quad_class", "bbox", "q", "since", "limit", "format"} <= params
    assert client.get("/docs").status_code == 200


def test_docs_page_loads_only_local_assets(client):
    """/docs must work offline: Swagger UI comes from the vendored swagger-ui-dist, no CDN."""
    import re

    html = client.get("/docs").text
    urls = re.findall(r"""(?:src|href)=["']([^"']+)["']|url:\s*'([^']+)'""", html)
    urls = [a or b for a, b in urls]
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in urls
    assert "/static/vendor/swagger-ui-dist/swagger-ui.css" in urls
    assert "/openapi.json" in urls
    for url in urls:
        assert url.startswith("/") and not url.startswith("//"), url
        assert client.get(url).status_code == 200, url
    assert "http://" not in html and "https://" not in html


def test_dashboard_page_and_vendored_files_are_served(client):
    page = client.get("/")
    assert page.status_code == 200 and "tidings" in page.text
    for path in ("/static/app.js", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/world-atlas/countries-110m.json"):
        assert client.get(path).status_code == 200, path
