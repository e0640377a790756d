"""Frozen dataclasses that flow through the pipeline: the output contract, in one file."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Modality = Literal["asserted", "negated", "conditional", "planned", "hypothetical"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "conditional", "planned", "hypothetical")
DatePrecision = Literal["day", "month", "year", "published", "unknown"]
PlacePrecision = Literal["city", "admin1", "country", "site"]


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic hex id from the parts' text: the same content always gives the same id."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Article:
    """One input record. `text` is kept exactly as given: every offset points into it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Span:
    """A character span into the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A coded actor mention: the mention's span plus its CAMEO actor code and parts."""

    text: str
    start: int
    end: int
    code: str | None
    country: str | None
    role: str | None
    name: str | None


@dataclass(frozen=True)
class Cameo:
    """A CAMEO event code with its root and label (built by events.codebook, never sliced ad hoc)."""

    code: str
    root: str
    label: str


@dataclass(frozen=True)
class Plover:
    event_type: str | None
    mode: str | None = None


@dataclass(frozen=True)
class EventDate:
    """The event's own date: ISO value (day, month or year), its precision and its evidence."""

    value: str | None
    precision: str
    text: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    """One link of an attribution chain ("Reuters", then "a US official")."""

    text: str
    start: int
    end: int
    code: str | None
    cue: str


@dataclass(frozen=True)
class Quantity:
    what: str
    value: int | float
    text: str


@dataclass(frozen=True)
class Event:
    event_id: str
    article_id: str
    published: str | None
    sentence_index: int
    evidence: Span
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    quad_class: int
    goldstein: float | None
    plover: Plover
    modality: str
    date: EventDate
    location: Place | None = None
    attribution: tuple[Attribution, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The event as the fixed JSON contract (one object per line in JSONL output)."""
        out = _plain(self)
        out["attribution"] = list(out["attribution"])
        out["quantities"] = list(out["quantities"])
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an Event from its JSON form (the inverse of to_dict)."""

        def maybe(kind: type, value: dict[str, Any] | None) -> Any:
            return None if value is None else kind(**value)

        return cls(
            event_id=data["event_id"],
            article_id=data["article_id"],
            published=data.get("published"),
            sentence_index=data["sentence_index"],
            evidence=Span(**data["evidence"]),
            source=maybe(Actor, data.get("source")),
            target=maybe(Actor, data.get("target")),
            cameo=Cameo(**data["cameo"]),
            quad_class=data["quad_class"],
            goldstein=data.get("goldstein"),
            plover=Plover(**data["plover"]),
            modality=data["modality"],
            date=EventDate(**data["date"]),
            location=maybe(Place, data.get("location")),
            attribution=tuple(Attribution(**a) for a in data.get("attribution") or ()),
            quantities=tuple(Quantity(**q) for q in data.get("quantities") or ()),
        )


def _plain(value: Any) -> Any:
    """dataclasses.asdict without its deep copies: every leaf here is an immutable scalar.

    asdict deep-copies each leaf, which made serialising events a third of the store's time.
    The contract's classes declare no ClassVar or InitVar, so every __dataclass_fields__ entry
    is a field (tests/pipeline/test_speedups.py compares with asdict).
    """
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if type(value) is tuple:
        return tuple(_plain(v) for v in value)
    if type(value) is list:
        return [_plain(v) for v in value]
    if type(value) is dict:
        return {k: _plain(v) for k, v in value.items()}
    return value


def make_event_id(article_id: str, evidence: Span, cameo_code: str) -> str:
    """Deterministic event id: a hash of article id, evidence span and CAMEO code."""
    return stable_id(article_id, evidence.start, evidence.end, cameo_code)


@dataclass(frozen=True)
class RecordError:
    """A record that could not be coded: where it came from and why. Batches go on after it."""

    record_id: str | None
    location: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class CodedArticle:
    """An article and the events coded from it (what the store upserts in one transaction)."""

    article: Article
    events: tuple[Event, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class EventCluster:
    """One real-world event: the mentions (coded Events) that report it, clustered by dedup.

    `representative` is the most informative mention; the counts are over all its mentions,
    `num_sources` counts distinct outlets and `confidence` grows with independent outlets.
    """

    event_id: str
    representative: Event
    num_mentions: int
    num_articles: int
    num_sources: int
    first_seen: str | None
    last_seen: str | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        """The representative mention in the Event JSON contract plus a `cluster` object.

        Readers of the contract keep working (Event.from_dict ignores `cluster`); the event's
        own id is cluster.event_id (the top-level event_id is the representative mention's).
        """
        out = self.representative.to_dict()
        out["cluster"] = {
            "event_id": self.event_id,
            "num_mentions": self.num_mentions,
            "num_articles": self.num_articles,
            "num_sources": self.num_sources,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "confidence": self.confidence,
        }
        return out
