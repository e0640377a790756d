"""Event filters shared by the store's read views, and the SQL WHERE clause they make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from tidings.errors import StoreError
from tidings.store.textsearch import TextMatch, text_clause

SIDES = ("any", "source", "target")


@dataclass(frozen=True)
class EventFilters:
    """Filters shared by every view; None (or empty) means no filter on that field."""

    actor: str | None = None  # actor code prefix ("USA", "IRQGOV") or country ("IRQ")
    side: str = "any"  # where the actor must be: any, source or target
    code: str | None = None  # CAMEO code prefix
    roots: tuple[str, ...] = ()  # CAMEO roots ("19")
    quad_classes: tuple[int, ...] = ()
    plover_types: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    since: date | None = None  # the event's own day range overlaps [since, until]
    until: date | None = None
    place: str | None = None  # location name or country code, case-insensitive
    country: str | None = None  # location country code, exact
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # words (a phrase) of the evidence, case-insensitive; see TextMatch
    article_id: str | None = None

    def __post_init__(self) -> None:
        if self.side not in SIDES:
            raise StoreError(f"side must be one of {', '.join(SIDES)}, not {self.side!r}")
        if self.bbox is not None:
            west, south, east, north = self.bbox
            if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
                raise StoreError(f"bbox must be west,south,east,north in degrees, not {self.bbox}")


def where_clause(
    filters: EventFilters, mentions: bool = False, text: TextMatch | None = None
) -> tuple[str, list[Any]]:
    """The SQL WHERE clause (or "") and its parameters; user values only ever go in parameters.

    mentions: the store has a mentions table (schema 2), so an article filter means "reported
    in this article", not only "represented by a mention from it". text: use the word index
    for filters.text (None: a substring scan, for stores without it or queries without words).
    """
    where: list[str] = []
    params: list[Any] = []
    if filters.actor:
        value = filters.actor.strip().upper()
        sides = ("source", "target") if filters.side == "any" else (filters.side,)
        parts = [f"starts_with({s}_code, ?) OR {s}_country = ?" for s in sides]
        where.append("(" + " OR ".join(parts) + ")")
        params += [value] * (2 * len(sides))
    if filters.code:
        where.append("starts_with(cameo_code, ?)")
        params.append(filters.code.strip())
    if filters.roots:
        where.append("list_contains(?, cameo_root)")
        params.append([r.strip().zfill(2) for r in filters.roots])
    for column, values in (
        ("quad_class", list(filters.quad_classes)),
        ("plover_type", [v.upper() for v in filters.plover_types]),
        ("modality", [v.lower() for v in filters.modalities]),
    ):
        if values:
            where.append(f"list_contains(?, {column})")
            params.append(values)
    if filters.since is not None:
        where.append("date_end >= ?")
        params.append(filters.since)
    if filters.until is not None:
        where.append("date_start <= ?")
        params.append(filters.until)
    if filters.place:
        where.append("(lower(location_name) = lower(?) OR lower(location_country) = lower(?))")
        params += [filters.place.strip()] * 2
    if filters.country:
        where.append("location_country = ?")
        params.append(filters.country.strip().upper())
    if filters.bbox is not None:
        west, south, east, north = filters.bbox
        # A box whose west edge is east of its east edge crosses the antimeridian.
        joint = "AND" if west <= east else "OR"
        where.append(f"lat BETWEEN ? AND ? AND (lon >= ? {joint} lon <= ?)")
        params += [south, north, west, east]
    if filters.text:
        clauses, values = text_clause(filters.text, text)
        where += clauses
        params += values
    if filters.article_id and mentions:
        where.append("event_id IN (SELECT cluster_id FROM mentions WHERE article_id = ?)")
        params.append(filters.article_id)
    elif filters.article_id:
        where.append("article_id = ?")
        params.append(filters.article_id)
    return (" WHERE " + " AND ".join(where)) if where else "", params
