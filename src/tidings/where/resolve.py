"""Toponym resolution: the places an article names, and the place of each event."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from tidings.types import Place
from tidings.where.gazetteer import Candidate, Gazetteer, normalize
from tidings.where.mentions import PlaceMention, find_mentions, has_place_noun_after
from tidings.nlp import doc_text

# Most specific first: the order event_place prefers places in.
PRECISION_RANK = {"site": 0, "city": 1, "admin1": 2, "country": 3}
# Being named only by an alternate spelling counts against a reading: "Islamabad" is also an old
# name of Chattogram (pop. 3.9 M), which must not beat Pakistan's capital (1.0 M).
ALTERNATE_PENALTY = 1.0
# Bonus for a reading in a country the article names elsewhere: enough to prefer Lebanon's
# Tripoli (pop. 0.23 M) over Libya's (1.3 M) in a Lebanon story, capped so that an article
# naming the US ten times still reads "Paris" as France's (2.1 M) and not Texas's (25 k).
CONTEXT_BASE = 1.5
CONTEXT_PER_DOUBLING = 0.5
CONTEXT_CAP = 2.0
# A mention votes for its country as context only when its reading is clear by this margin.
CONFIDENT_MARGIN = 1.5
# "Guadalupe, Zacatecas" / "Sampacho (Cordoba)": the name after a comma or bracket is the region
# or country containing the one before; readings inside it win outright.
CONTAINER_BONUS = 4.0
_CONTAINER_GAPS = frozenset({",", "(", ", ", " ("})
# Dependency roles in which a place name modifies a noun ("US forces", "Baghdad government") or
# acts as the government it hosts ("Washington threatened"): the name is not where anything is.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def find_places(doc: Doc, gazetteer: Gazetteer, *, literal_only: bool = True) -> list[Place]:
    """The places an article names, resolved, in text order; offsets index `doc.text`.

    Mentions come from curated names, wire datelines, spaCy GPE/LOC/FAC entities (and other
    entities with a locative cue, "in Macerata") and capitalised proper nouns that are big
    cities. Nationality
    words and person names are not places. An ambiguous name takes the reading inside a region
    named right after it ("Guadalupe, Zacatecas"), else in a country the article names elsewhere,
    else the most populous. With `literal_only` (the default, for event locations) a name used as
    a noun modifier ("US forces") or as a verb's subject ("Washington threatened") is left out.
    """
    mentions = find_mentions(doc, gazetteer)
    containers = _containers(doc, mentions)
    votes = _country_votes(mentions)
    places = []
    for index, mention in enumerate(mentions):
        if literal_only and mention.origin != "curated" and not _is_literal(doc, mention):
            continue
        best = _best_reading(mention, votes, containers.get(index, set()))
        places.append(
            Place(
                name=best.name, country=best.country, admin1=best.admin1, lat=best.lat,
                lon=best.lon, precision=best.precision, text=mention.text,
                start=mention.start, end=mention.end,
            )
        )
    return places


def event_place(
    places: Sequence[Place],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    actor_countries: Sequence[str],
    inherited: Place | None,
) -> Place | None:
    """The place of one event: the most specific place named in its clause, else in its sentence.

    Specific means site, then city, then admin1 region, then country; among equally specific
    places one in an actor's country wins, then the first named. With no place in the sentence
    the event keeps the article's previous event place (`inherited`), else it has none.
    """
    for low, high in (clause, sentence):
        inside = [p for p in places if p.start >= low and p.end <= high]
        if inside:
            return min(
                inside,
                key=lambda p: (
                    PRECISION_RANK.get(p.precision, len(PRECISION_RANK)),
                    p.country not in actor_countries,
                    p.start,
                ),
            )
    return inherited


def _is_literal(doc: Doc, mention: PlaceMention) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if has_place_noun_after(doc, span[-1]):
        return True
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i > root.i and head.pos_ in ("NOUN", "PROPN"):
        # "Seoul City - Jongno" is a place and its district, not a modifier and its noun.
        if not any(t.is_punct for t in doc[root.i + 1 : head.i]):
            return False
    return root.dep_ not in SUBJECT_DEPS


def _containers(
    doc: Doc, mentions: Sequence[PlaceMention]
) -> dict[int, set[tuple[str, str | None]]]:
    """For a mention followed by ", X" or " (X", the (country, admin1) pairs X may stand for."""
    hints: dict[int, set[tuple[str, str | None]]] = {}
    for index in range(len(mentions) - 1):
        here, after = mentions[index], mentions[index + 1]
        if doc_text(doc)[here.end : after.start] not in _CONTAINER_GAPS:
            continue
        pairs: set[tuple[str, str | None]] = set()
        for candidate in after.candidates:
            if candidate.country is None:
                continue
            if candidate.precision == "country":
                pairs.add((candidate.country, None))
            elif candidate.admin1:
                pairs.add((candidate.country, candidate.admin1))
        if pairs:
            hints[index] = pairs
    return hints


def _reading_score(candidate: Candidate, context: Counter[str]) -> float:
    score = candidate.prior - (ALTERNATE_PENALTY if candidate.alternate else 0.0)
    count = context.get(candidate.country or "", 0)
    if count:
        score += min(CONTEXT_CAP, CONTEXT_BASE + CONTEXT_PER_DOUBLING * math.log2(count))
    return score


def _country_votes(mentions: Sequence[PlaceMention]) -> dict[str, Counter[str]]:
    """Per name key, the countries its clear mentions vote for (a name never votes for itself)."""
    votes: dict[str, Counter[str]] = {}
    empty: Counter[str] = Counter()
    for mention in mentions:
        ranked = sorted(mention.candidates, key=lambda c: -_reading_score(c, empty))
        top = ranked[0]
        unanimous = all(c.country == top.country for c in ranked)
        clear = len(ranked) == 1 or (
            _reading_score(top, empty) - _reading_score(ranked[1], empty) >= CONFIDENT_MARGIN
        )
        if top.country and (unanimous or clear):
            votes.setdefault(normalize(mention.text), Counter())[top.country] += 1
    return votes


def _best_reading(
    mention: PlaceMention,
    votes: dict[str, Counter[str]],
    container: set[tuple[str, str | None]],
) -> Candidate:
    own = normalize(mention.text)
    context: Counter[str] = Counter()
    for key, counter in votes.items():
        if key != own:
            context.update(counter)

    def score(candidate: Candidate) -> float:
        inside = (candidate.country, None) in container or (
            candidate.country, candidate.admin1
        ) in container
        return _reading_score(candidate, context) + (CONTAINER_BONUS if inside else 0.0)

    return max(mention.candidates, key=score)
