"""GET /api/events and /api/events/{id}: filters, paging, CSV, details, on the demo store."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest


def _ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [row["event_id"] for row in response.json()["events"]]


def test_pages_concatenate_to_the_full_stable_order(client, all_events):
    pages = []
    for offset in range(0, len(all_events), 40):
        pages += _ids(client.get("/api/events", params={"limit": 40, "offset": offset}))
    assert pages == [row["event_id"] for row in all_events]
    assert len(set(pages)) == len(pages)


def test_descending_order_reverses_the_dated_events(client, all_events):
    descending = _ids(client.get("/api/events", params={"limit": 1000, "order": "desc"}))
    dated = [row["event_id"] for row in all_events if row["date_start"]]
    undated = [row["event_id"] for row in all_events if not row["date_start"]]
    assert descending == dated[::-1] + undated[::-1]  # undated events stay last either way


def test_actor_filter_matches_code_prefix_or_country_on_either_side(client, all_events):
    got = set(_ids(client.get("/api/events", params={"actor": "usa", "limit": 1000})))
    expected = {
        e["event_id"] for e in all_events
        if any((e[f"{s}_code"] or "").startswith("USA") or e[f"{s}_country"] == "USA"
               for s in ("source", "target"))
    }  # fmt: skip
    assert got == expected and got


def test_side_restricts_the_actor_to_the_source(client, all_events):
    rows = client.get("/api/events", params={"actor": "USA", "side": "source", "limit": 1000}).json()
    assert rows["total"] > 0
    assert all(
        (r["source_code"] or "").startswith("USA") or r["source_country"] == "USA"
        for r in rows["events"]
    )


def test_quad_class_and_root_filters_accept_lists(client, all_events):
    got = set(_ids(client.get("/api/events?quad_class=3&quad_class=4&limit=1000")))
    assert got == {e["event_id"] for e in all_events if e["quad_class"] in (3, 4)}
    roots = {e["cameo_root"] for e in all_events}
    pick = sorted(roots)[:2]
    got = set(_ids(client.get("/api/events", params={"root": ",".join(pick), "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if e["cameo_root"] in pick}


def test_code_prefix_modality_and_plover_filters(client, all_events):
    code = all_events[0]["cameo_code"][:2]
    got = set(_ids(client.get("/api/events", params={"code": code, "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if e["cameo_code"].startswith(code)}
    got = set(_ids(client.get("/api/events", params={"modality": "planned,negated", "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if e["modality"] in ("planned", "negated")}
    plover = next(e["plover_type"] for e in all_events if e["plover_type"])
    got = set(_ids(client.get("/api/events", params={"plover": plover.lower(), "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if e["plover_type"] == plover}


def test_date_range_keeps_events_whose_dates_overlap_it(client, all_events):
    rows = client.get("/api/events", params={"since": "2020-11-01", "until": "2020-11-30",
                                             "limit": 1000}).json()["events"]  # fmt: skip
    assert rows
    for row in rows:
        assert date.fromisoformat(row["date_start"]) <= date(2020, 11, 30)
    outside = [
        e for e in all_events
        if e["date_start"] is None or date.fromisoformat(e["date_start"]) > date(2020, 11, 30)
    ]
    assert outside and not {e["event_id"] for e in outside} & {r["event_id"] for r in rows}


def test_place_and_bbox_filters(client, all_events):
    got = set(_ids(client.get("/api/events", params={"place": "baghdad", "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if (e["location_name"] or "").lower() == "baghdad"}
    box = (35.0, 25.0, 60.0, 40.0)  # Iraq, Iran, Syria
    rows = client.get("/api/events", params={"bbox": ",".join(map(str, box)), "limit": 1000}).json()
    inside = {
        e["event_id"] for e in all_events
        if e["lat"] is not None and box[1] <= e["lat"] <= box[3] and box[0] <= e["lon"] <= box[2]
    }  # fmt: skip
    assert {r["event_id"] for r in rows["events"]} == inside and inside


def test_bbox_across_the_antimeridian_wraps(client, all_events):
    rows = client.get("/api/events", params={"bbox": "170,-90,-170,90", "limit": 1000}).json()
    located = [e for e in all_events if e["lon"] is not None]
    assert rows["total"] == sum(1 for e in located if e["lon"] >= 170 or e["lon"] <= -170)


def test_text_search_is_case_insensitive_and_literal(client, all_events):
    word = "Baghdad"
    got = set(_ids(client.get("/api/events", params={"q": word.upper(), "limit": 1000})))
    assert got == {e["event_id"] for e in all_events if word.lower() in e["evidence_text"].lower()}
    # LIKE wildcards and quotes are plain characters, not SQL.
    assert client.get("/api/events", params={"q": "%"}).json()["total"] == sum(
        "%" in e["evidence_text"] for e in all_events
    )
    assert client.get("/api/events", params={"actor": "USA' OR 1=1 --"}).json()["total"] == 0


def test_csv_has_the_same_rows_as_json(client):
    response = client.get("/api/events", params={"format": "csv", "limit": 30, "actor": "IRQ"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    json_rows = client.get("/api/events", params={"limit": 30, "actor": "IRQ"}).json()
    assert [r["event_id"] for r in rows] == [r["event_id"] for r in json_rows["events"]]
    assert response.headers["x-total-count"] == str(json_rows["total"])
    assert "evidence_text" in rows[0]


@pytest.mark.parametrize(
    ("params", "status"),
    [({"limit": 5000}, 422), ({"offset": -1}, 422), ({"since": "yesterday"}, 400),
     ({"bbox": "1,2,3"}, 400), ({"bbox": "0,80,10,10"}, 400), ({"side": "middle"}, 400),
     ({"quad_class": "x"}, 400), ({"format": "xml"}, 422)],
)  # fmt: skip
def test_bad_parameters_are_client_errors_naming_the_problem(client, params, status):
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert response.json()["detail"]


def test_event_detail_has_the_contract_mentions_and_attribution(client, all_events):
    details = [client.get(f"/api/events/{row['event_id']}").json() for row in all_events]
    for row, detail in zip(all_events, details, strict=True):
        assert detail["event"]["cameo"]["code"] == row["cameo_code"]
        assert detail["mentions"], "every event has at least the mention it was coded from"
        for mention in detail["mentions"]:
            assert {"evidence", "source", "attribution", "article"} <= set(mention)
    chains = [m["attribution"] for d in details for m in d["mentions"] if m["attribution"]]
    assert chains, "the demo articles quote officials and outlets"
    assert {"text", "start", "end", "cue"} <= set(chains[0][0])


def test_unknown_event_is_404(client):
    assert client.get("/api/events/not-an-id").status_code == 404


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("params", [{}, {"actor": "USA"}, {"quad_class": "3,4"}])
def test_pages_of_any_size_are_slices_of_the_date_then_id_order(client, all_events, descending,
                                                               params):  # fmt: skip
    """Each page is found among a few days' matches; it must still be the exact global slice."""
    matching = {r["event_id"] for r in client.get("/api/events", params={**params, "limit": 1000})
                .json()["events"]}  # fmt: skip
    rows = [r for r in all_events if r["event_id"] in matching]
    dated = sorted((r for r in rows if r["date_start"]),
                   key=lambda r: (r["date_start"], r["event_id"]), reverse=descending)  # fmt: skip
    undated = sorted((r["event_id"] for r in rows if not r["date_start"]), reverse=descending)
    expected = [r["event_id"] for r in dated] + undated
    assert expected
    order = "desc" if descending else "asc"
    for limit, offset in ((7, 0), (7, 7), (7, 30), (3, 63), (50, 11), (7, 500)):
        body = client.get("/api/events", params={**params, "limit": limit, "offset": offset,
                                                 "order": order}).json()  # fmt: skip
        assert body["total"] == len(expected)
        assert [r["event_id"] for r in body["events"]] == expected[offset : offset + limit]
