"""Builders for hand-made events and tiny gold files: scorer tests need no model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.types import Actor, Attribution, Cameo, Event, EventDate, Place, Plover, Span


def actor(code: str | None) -> Actor | None:
    if code is None:
        return None
    return Actor(text=code, start=0, end=0, code=code, country=code[:3], role=code[3:] or None, name=None)


def build_event(
    code: str = "190",
    source: str | None = None,
    target: str | None = None,
    span: tuple[int, int] = (0, 10),
    plover: str | None = None,
    modality: str = "asserted",
    date: tuple[str | None, str] = (None, "unknown"),
    place: Place | None = None,
    attribution: tuple[str, ...] = (),
    article_id: str = "a",
) -> Event:
    start, end = span
    return Event(
        event_id=f"{article_id}-{code}-{start}-{end}",
        article_id=article_id,
        published=None,
        sentence_index=0,
        evidence=Span(start, end, ""),
        source=actor(source),
        target=actor(target),
        cameo=Cameo(code, code[:2], ""),
        quad_class=1,
        goldstein=None,
        plover=Plover(plover),
        modality=modality,
        date=EventDate(date[0], date[1]),
        location=place,
        attribution=tuple(Attribution(text, 0, 0, None, "said") for text in attribution),
    )


def build_place(name: str = "Baghdad", country: str = "IRQ", lat: float | None = 33.34,
                lon: float | None = 44.40, start: int = 0, end: int = 0) -> Place:
    return Place(name, country, None, lat, lon, "city", name, start, end)


@pytest.fixture
def make_event():
    return build_event


@pytest.fixture
def make_place():
    return build_place


@pytest.fixture
def write_jsonl(tmp_path: Path):
    """Write records (dicts, or raw strings for broken lines) to a JSONL file in tmp_path."""

    def write(name: str, records: list) -> Path:
        path = tmp_path / name
        lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    return write
