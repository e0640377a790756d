"""StoreViews.events pages: the (date, id) order with ties and undated events, totals, edges."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tidings.store import EventStore
from tidings.store import views as views_module
from tidings.store.views import EventFilters, StoreViews

# 60 events over 5 days: about ten share each day (ties broken by id), every 7th is undated; the
# ids are inserted out of order so storage order says nothing about the page order.
N = 60


def _event(i: int) -> tuple[str, date | None, str]:
    day = None if i % 7 == 0 else date(2021, 3, 1) + timedelta(days=i % 5)
    return f"ev{(i * 37) % 101:03d}", day, "USA" if i % 3 else "FRA"


@pytest.fixture(scope="module")
def views(tmp_path_factory):
    path = tmp_path_factory.mktemp("paging") / "paging.duckdb"
    with EventStore.open(path) as store:
        store._con.executemany(
            "INSERT INTO events (event_id, date_start, date_end, source_code, evidence_text)"
            " VALUES (?, ?, ?, ?, 'text')",
            [(key, day, day, actor) for key, day, actor in map(_event, range(N))],
        )
    opened = StoreViews(path)
    yield opened
    opened.close()


def _expected(actor: str | None, descending: bool) -> list[str]:
    rows = [e for e in map(_event, range(N)) if actor is None or e[2] == actor]
    dated = sorted((e for e in rows if e[1]), key=lambda e: (e[1], e[0]), reverse=descending)
    undated = sorted((e for e in rows if not e[1]), key=lambda e: e[0], reverse=descending)
    return [e[0] for e in dated + undated]


@pytest.mark.parametrize("sort_all", [5000, 3])  # matches read at once, or counted per day
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("actor", [None, "USA", "FRA"])
def test_every_page_is_its_slice_of_the_date_then_id_order(views, monkeypatch, sort_all,
                                                          descending, actor):  # fmt: skip
    monkeypatch.setattr(views_module, "SORT_ALL", sort_all)
    expected = _expected(actor, descending)
    for limit in (1, 5, 12, 13, 100):
        for offset in (0, 3, 11, 12, 40, len(expected) - 1, len(expected), 200):
            total, rows = views.events(EventFilters(actor=actor), limit, offset, descending)
            assert total == len(expected)
            got = [r["event_id"] for r in rows]
            assert got == expected[offset : offset + limit], (limit, offset)


def test_a_zero_limit_counts_without_rows(views):
    assert views.events(EventFilters(), limit=0) == (N, [])


def test_no_match_is_an_empty_page_with_total_zero(views):
    assert views.events(EventFilters(actor="ZZZ"), limit=10, offset=5) == (0, [])


def test_a_page_has_the_list_columns_in_order(views):
    _, rows = views.events(EventFilters(), limit=3)
    assert tuple(rows[0]) == views.list_columns()


def test_page_day_rows_takes_whole_days_around_the_page():
    d1, d2, d3 = date(2020, 1, 1), date(2020, 1, 2), date(2020, 1, 3)
    matches = [(10, d2), (11, None), (12, d1), (13, d2), (14, d3), (15, d2)]
    # Ascending: d1 | d2 d2 d2 | d3 | undated. Positions 2-3 lie within d2's three rows.
    rowids, before = views_module.page_day_rows(matches, offset=2, limit=2, descending=False)
    assert (sorted(rowids), before) == ([10, 13, 15], 1)
    # Descending: d3 | d2 d2 d2 | d1 | undated. Positions 4-5 are d1 and the undated one.
    rowids, before = views_module.page_day_rows(matches, offset=4, limit=5, descending=True)
    assert (rowids, before) == ([12, 11], 4)
