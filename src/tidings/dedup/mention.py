"""MentionKey: the few fields of a coded event that clustering compares, built from an Event."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from tidings.dedup.rules import DEFAULT_RULE, DedupRule, family_of
from tidings.types import Actor, Article, Event

# How informative a date or place is, for choosing an event's representative mention.
DATE_RANK = {"day": 4, "month": 3, "year": 2, "published": 1, "unknown": 0}
PLACE_RANK = {"site": 4, "city": 3, "admin1": 2, "country": 1}


@dataclass(frozen=True)
class ActorKey:
    code: str | None
    country: str | None
    role: str | None


@dataclass(frozen=True)
class MentionKey:
    """What the rule compares: code, actors, date range, place and counts of one mention."""

    mention_id: str
    article_id: str
    outlet: str
    published: date | None
    code: str
    root: str
    family: str
    source: ActorKey | None
    target: ActorKey | None
    date_start: date | None
    date_end: date | None
    date_precision: str
    place_country: str | None
    place_admin1: str | None
    lat: float | None
    lon: float | None
    place_precision: str | None
    quantities: tuple[tuple[str, float], ...]
    modality: str
    evidence_start: int

    @property
    def order(self) -> tuple:
        """Canonical processing order: by event date, then reporting, then position and id."""
        return (
            self.date_start or date.max,
            self.published or date.max,
            self.article_id,
            self.evidence_start,
            self.mention_id,
        )

    @property
    def informativeness(self) -> tuple:
        """Higher is a better representative: precise date and place, a target, asserted."""
        return (
            DATE_RANK.get(self.date_precision, 0),
            PLACE_RANK.get(self.place_precision or "", 0),
            self.target is not None,
            self.modality == "asserted",
        )


def outlet_of(article: Article) -> str:
    """The outlet that published an article: its source, else its URL's host, else itself.

    An article with neither counts as its own outlet, so unknown sources are never merged into
    one (which would understate independent confirmation).
    """
    return outlet_for(article.id, article.source, article.url)


def outlet_for(article_id: str, source: str | None, url: str | None) -> str:
    """outlet_of() from an article's id, source and URL (as the store keeps them)."""
    if source and source.strip():
        return source.strip().lower()
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return f"article:{article_id}"


def mention_key(
    event: Event,
    outlet: str,
    date_range: tuple[date | None, date | None],
    rule: DedupRule = DEFAULT_RULE,
) -> MentionKey:
    """The key of one Event; date_range is its date as days (store.schema.day_range)."""
    published = _day(event.published)
    start, end = date_range
    if start is None and published is not None:
        # Undated: it happened on the publication day or shortly before.
        start, end = published - timedelta(days=rule.published_lookback), published
    place = event.location
    return MentionKey(
        mention_id=event.event_id,
        article_id=event.article_id,
        outlet=outlet,
        published=published,
        code=event.cameo.code,
        root=event.cameo.root,
        family=family_of(event.cameo.root),
        source=_actor(event.source),
        target=_actor(event.target),
        date_start=start,
        date_end=end,
        date_precision=event.date.precision if event.date.value else "published",
        place_country=place.country if place else None,
        place_admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place_precision=place.precision if place else None,
        quantities=tuple((q.what, float(q.value)) for q in event.quantities),
        modality=event.modality,
        evidence_start=event.evidence.start,
    )


def _actor(actor: Actor | None) -> ActorKey | None:
    if actor is None or not (actor.code or actor.country):
        return None  # an actor the coder saw but could not code names nobody
    return ActorKey(actor.code, actor.country, actor.role)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
