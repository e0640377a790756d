"""Hand-built articles and events for the store tests."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.types import (
    Actor,
    Article,
    Attribution,
    Cameo,
    CodedArticle,
    Event,
    EventDate,
    Place,
    Plover,
    Quantity,
    Span,
    make_event_id,
)

TEXT = "Trump warned Iran in Baghdad. Iraq hosted talks with Turkey in Ankara."


def make_event(
    article_id: str = "a1",
    start: int = 0,
    end: int = 29,
    code: str = "138",
    source: tuple[str, str] | None = ("USAGOV", "USA"),
    target: tuple[str, str] | None = ("IRN", "IRN"),
    published: str | None = "2020-12-01",
    date_value: str | None = None,
    place: tuple[str, str] | None = ("Baghdad", "IRQ"),
    modality: str = "asserted",
    label: str = "Threaten with military force",
) -> Event:
    evidence = Span(start, end, TEXT[start:end])

    def actor(pair: tuple[str, str] | None, offset: int) -> Actor | None:
        if pair is None:
            return None
        at = start + offset
        return Actor(pair[0].title(), at, at + 4, pair[0], pair[1], None, None)

    return Event(
        event_id=make_event_id(article_id, evidence, code),
        article_id=article_id,
        published=published,
        sentence_index=0 if start < 30 else 1,
        evidence=evidence,
        source=actor(source, 0),
        target=actor(target, 13),
        cameo=Cameo(code, code[:2], label),
        quad_class=3 if code.startswith(("13", "19")) else 2,
        goldstein=-7.0,
        plover=Plover("THREATEN", "military"),
        modality=modality,
        date=EventDate(date_value, "month" if date_value and len(date_value) == 7 else "published"),
        location=None
        if place is None
        else Place(place[0], place[1], None, 33.3, 44.4, "city", place[0], 21, 28),
        attribution=(Attribution("Reuters", 0, 7, "REU", "according to"),),
        quantities=(Quantity("soldiers", 3000, "3,000"),),
    )


def make_coded(
    article_id: str = "a1", *events: Event, published: date | None = date(2020, 12, 1)
) -> CodedArticle:
    article = Article(id=article_id, text=TEXT, published=published, title=f"Title {article_id}")
    return CodedArticle(article, tuple(events))


@pytest.fixture
def event():
    """Build an Event by hand: event(article_id=..., code=..., ...)."""
    return make_event


@pytest.fixture
def coded():
    """Build a CodedArticle by hand: coded("a1", event1, event2, published=...)."""
    return make_coded


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "events.duckdb"
