"""Query parameters shared by the API's event views, turned into store.views.EventFilters."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any, Optional

from fastapi import HTTPException, Query

from tidings.errors import StoreError
from tidings.store.views import EventFilters


def _split(values: list[str]) -> tuple[str, ...]:
    # Repeated parameters (?root=19&root=18) and comma lists (?root=19,18) both work, so a
    # dashboard URL stays short and a script can build either.
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())


def _day(value: Optional[str], name: str) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise HTTPException(400, f"{name}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _bbox(value: Optional[str]) -> Optional[tuple[float, float, float, float]]:
    if not value:
        return None
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise HTTPException(400, f"bbox: {value!r} is not west,south,east,north") from None
    return west, south, east, north


def event_filters(
    actor: Optional[str] = Query(None, description="Actor code prefix (USA, IRQGOV) or country."),
    side: str = Query("any", description="Where the actor must be: any, source or target."),
    code: Optional[str] = Query(None, description="CAMEO event code prefix, e.g. 19 or 138."),
    root: list[str] = Query([], description="CAMEO root(s), repeated or comma-separated."),
    quad_class: list[str] = Query([], description="QuadClass(es) 1-4."),
    plover: list[str] = Query([], description="PLOVER event type(s), e.g. ASSAULT."),
    modality: list[str] = Query([], description="asserted, negated, conditional, planned, ..."),
    since: Optional[str] = Query(None, description="Events dated on or after (YYYY-MM-DD)."),
    until: Optional[str] = Query(None, description="Events dated on or before (YYYY-MM-DD)."),
    place: Optional[str] = Query(None, description="Place name or country code."),
    country: Optional[str] = Query(None, description="Country code of the event's place."),
    bbox: Optional[str] = Query(None, description="west,south,east,north in degrees."),
    q: Optional[str] = Query(
        None, max_length=200,
        description="Words in the evidence, as a phrase: case-insensitive, whole words"
        " ('place 42' does not match 'place 420'); text without letters or digits is a substring.",
    ),  # fmt: skip
    article: Optional[str] = Query(None, description="Only events from this article id."),
) -> EventFilters:
    """FastAPI dependency: the shared filters; a bad value is a 400 naming the parameter."""
    try:
        classes = tuple(int(v) for v in _split(quad_class))
    except ValueError:
        raise HTTPException(400, f"quad_class: {quad_class} are not integers 1-4") from None
    try:
        return EventFilters(
            actor=actor or None, side=side, code=code or None, roots=_split(root),
            quad_classes=classes, plover_types=_split(plover), modalities=_split(modality),
            since=_day(since, "since"), until=_day(until, "until"), place=place or None,
            country=country or None, bbox=_bbox(bbox), text=q or None, article_id=article or None,
        )  # fmt: skip
    except StoreError as exc:
        raise HTTPException(400, str(exc)) from None


def to_json(value: Any) -> str:
    """JSON text with dates as ISO strings (faster than FastAPI's encoder on big pages)."""
    return json.dumps(value, ensure_ascii=False, default=_iso, separators=(",", ":"))


def _iso(value: Any) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    raise TypeError(f"cannot encode {type(value).__name__} as JSON")


def to_csv(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row[c] is None else _cell(row[c]) for c in columns])
    return buffer.getvalue()


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (date, datetime)) else value
