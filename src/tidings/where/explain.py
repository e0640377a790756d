"""Why a text's places resolved as they did: every mention with its scored readings (`tidings where`)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from tidings.where.gazetteer import Candidate, Gazetteer
from tidings.where.mentions import find_mentions
from tidings.where.resolve import _containers, _country_votes, _is_literal, kind_after, reading_scores


@dataclass(frozen=True)
class ScoredReading:
    """One gazetteer reading of a mention and the score that ranked it."""

    candidate: Candidate
    score: float


@dataclass(frozen=True)
class MentionReport:
    """A place mention: its span, how it was found, whether it can be an event location (literal,
    not "US forces" or "Washington said"), its containers' regions and its readings, best first."""

    text: str
    start: int
    end: int
    origin: str
    literal: bool
    containers: tuple[tuple[str, str | None], ...]
    readings: tuple[ScoredReading, ...]


def explain_places(doc: Doc, gazetteer: Gazetteer, top: int = 5) -> list[MentionReport]:
    """Every place mention of `doc` with up to `top` readings and their scores, in text order.

    The first reading is the one find_places picks, unless find_places drops it: a village
    contradicted by its container or abroad of the article's places, or a reading abroad of a
    bracketed container (see resolve._licensed_reading) is shown here all the same.
    """
    mentions = find_mentions(doc, gazetteer)
    containers, _, _ = _containers(doc, mentions)
    votes = _country_votes(mentions)
    reports = []
    for index, mention in enumerate(mentions):
        container = containers.get(index, set())
        scored = reading_scores(mention, votes, container, kind_after(doc, mention))[:top]
        reports.append(MentionReport(
            text=mention.text, start=mention.start, end=mention.end, origin=mention.origin,
            literal=mention.origin == "curated" or _is_literal(doc, mention),
            containers=tuple(sorted(container, key=lambda pair: (pair[0], pair[1] or ""))),
            readings=tuple(ScoredReading(c, round(score, 3)) for c, score in scored),
        ))
    return reports
