"""Paging plans for /api/events: which days of matches hold a page, in memory or in one scan."""

from __future__ import annotations

from datetime import date


def page_day_rows(
    matches: list[tuple[int, date | None]], offset: int, limit: int, descending: bool
) -> tuple[list[int], int]:
    """The rowids of the matches on the days of a page (offset < len(matches)), and how many
    matches come before those days; matches are (rowid, date) pairs, undated last either way."""
    dated = sorted((m for m in matches if m[1] is not None), key=lambda m: m[1], reverse=descending)
    ordered = dated + [m for m in matches if m[1] is None]
    days = [m[1] for m in ordered]
    end = min(offset + limit, len(ordered)) - 1
    before = days.index(days[offset])
    after = len(days) - days[::-1].index(days[end])
    return [m[0] for m in ordered[before:after]], before


def page_days_sql(where: str, direction: str) -> str:
    """One scan of the filters: which days a page of /api/events falls in, in the given order.

    Parameters after the WHERE clause's: offset, offset + limit. Returns one row: the total;
    `before`, how many matches precede the page's days (NULL: the page is empty); the first
    and last date among those days; whether they include the undated (last in either order).
    """
    return f"""
WITH days AS (SELECT date_start AS d, count(*) AS n FROM events{where} GROUP BY d),
running AS (
  SELECT d, n,
    sum(n) OVER (ORDER BY d {direction} NULLS LAST ROWS UNBOUNDED PRECEDING) - n AS before
  FROM days
),
marked AS (SELECT d, n, before, before + n > ? AND before < ? AS on_page FROM running)
SELECT sum(n), min(before) FILTER (on_page), min(d) FILTER (on_page), max(d) FILTER (on_page),
  bool_or(d IS NULL) FILTER (on_page)
FROM marked"""
