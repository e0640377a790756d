"""Toponym resolution: the places an article names, and the place of each event."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from tidings.types import Place
from tidings.where.attach import PRECISION_RANK, event_place
from tidings.where.gazetteer import Candidate, Gazetteer, normalize
from tidings.where.mentions import PlaceMention, find_mentions, has_place_noun_after
from tidings.nlp import doc_text

__all__ = ["PRECISION_RANK", "event_place", "find_places"]
# Being named only by an alternate spelling counts against a reading: "Islamabad" is also an old
# name of Chattogram (pop. 3.9 M), which must not beat Pakistan's capital (1.0 M). (1.5 would also
# keep "Valence" (France, 64 k) from Valencia (0.8 M, old name Valence) but costs GeoWebNews acc@50.)
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
# A reading in the container's country but another (or unknown) region still gains: regions are
# named inconsistently ("La Paz, Baja California" for Baja California Sur) and towns lack admin1.
CONTAINER_COUNTRY_BONUS = 2.5
_MAX_CONTAINERS = 4
# A city contains (places in its region) the name before it only when this big: a small one is
# too often the wrong reading of a region's name ("Kampar regency" is not Malaysia's Kampar).
CONTAINER_CITY_MIN_POPULATION = 100_000
# What may stand between a name and its containers: separators, capitalised names the gazetteer
# does not know, and region-kind words ("Yinmarbin township, Yinmarbin district, Sagaing").
_CONTAINER_GAP = re.compile(
    r"(?:[\s,()\-–]|[A-Z][\w'’.\-]*|(?:coded|as|to|of|de|del|the|"
    r"district|region|province|state|county|township|village|town|city|governorate|oblast|"
    r"municipality|department|division|locality|area|woreda|zone|tehsil|upazila|lga|raion|rayon|regency|territory))*"
)
# Dependency roles in which a place name modifies a noun ("US forces", "Baghdad government") or
# acts as the government it hosts ("Washington threatened"): the name is not where anything is.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Gazetteer tiers read only with context (see PlaceMention.town_licence): villages and districts.
LICENSED_SOURCES = frozenset({"town", "admin2"})


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
    # Names inside names ("Pakistan Army") are places only for a reader of every use of a name.
    mentions = find_mentions(doc, gazetteer, embedded=not literal_only)
    named = {i for m in mentions for i in _token_range(doc, m)}
    containers = _containers(doc, mentions)
    votes = _country_votes(mentions)
    places = []
    for index, mention in enumerate(mentions):
        if literal_only and mention.origin != "curated" and not _is_literal(doc, mention, named):
            continue
        container = containers.get(index, set())
        best = _licensed_reading(mention, votes, container)
        if best is None:
            continue
        places.append(
            Place(
                name=best.name, country=best.country, admin1=best.admin1, lat=best.lat,
                lon=best.lon, precision=best.precision, text=mention.text,
                start=mention.start, end=mention.end,
            )
        )
    return places


def _token_range(doc: Doc, mention: PlaceMention) -> range:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _is_literal(doc: Doc, mention: PlaceMention, named: frozenset[int] | set[int] = frozenset()) -> bool:
    """False for a name used as a noun modifier or a verb's subject; `named` holds the tokens of
    all place mentions, since a name modifying another place name is one name ("Culiacan
    Rosales") or a place and its part, not a modifier."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return True
    root = span.root
    if has_place_noun_after(doc, span[-1]):
        return True
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i > root.i and head.pos_ in ("NOUN", "PROPN"):
        # "Seoul City - Jongno" is a place and its district, not a modifier and its noun.
        if not any(t.is_punct for t in doc[root.i + 1 : head.i]) and head.i not in named:
            return False
    return root.dep_ not in SUBJECT_DEPS


def _containers(
    doc: Doc, mentions: Sequence[PlaceMention]
) -> dict[int, set[tuple[str, str | None]]]:
    """For a mention followed by ", X" or " (X" (through unknown names: "Awara, Abuna Ginde Beret
    (West Shewa, Oromia)"), the (country, admin1) pairs the regions and countries X may be."""
    text = doc_text(doc)
    hints: dict[int, set[tuple[str, str | None]]] = {}
    for index, here in enumerate(mentions):
        pairs: set[tuple[str, str | None]] = set()
        end = here.end
        for after in mentions[index + 1 : index + 1 + _MAX_CONTAINERS]:
            gap = text[end : after.start]
            if not _CONTAINER_GAP.fullmatch(gap) or not any(mark in gap for mark in ",("):
                break
            # Only regions and countries contain: a same-named city elsewhere ("Roma" in Texas,
            # "Andalucía" in Colombia) must not pull the name before it abroad.
            # Districts and cities are many per name: they place the name before them only when
            # all their readings lie in one country ("(Tharparkar, Sindh)", "(Hays, Al Hudaydah)").
            one_country = len({c.country for c in after.candidates}) == 1
            for candidate in after.candidates:
                if candidate.country is None:
                    continue
                if candidate.precision == "country":
                    pairs.add((candidate.country, None))
                elif candidate.precision == "admin1" and candidate.admin1:
                    pairs.add((candidate.country, candidate.admin1))
                elif candidate.precision == "admin2" and candidate.admin1 and one_country:
                    pairs.add((candidate.country, candidate.admin1))
                elif len(after.candidates) == 1 and candidate.admin1 and _well_known(candidate):
                    # An unambiguous city ("(Hays, Al Hudaydah)" read as Hodeidah) places the name
                    # before it in its region; an ambiguous one might pull it abroad.
                    pairs.add((candidate.country, candidate.admin1))
            end = after.end
        if pairs:
            hints[index] = pairs
    return hints


def _well_known(city: Candidate) -> bool:
    """A city sure enough to place its neighbours: curated, or big and named by its own name."""
    return city.source == "curated" or (not city.alternate and city.population >= CONTAINER_CITY_MIN_POPULATION)


def _inside(candidate: Candidate, container: set[tuple[str, str | None]]) -> bool:
    return (candidate.country, None) in container or (candidate.country, candidate.admin1) in container


def _licensed_reading(
    mention: PlaceMention, votes: dict[str, Counter[str]], container: set[tuple[str, str | None]]
) -> Candidate | None:
    """The best reading, if a village reading is licensed: inside the region named with it, or
    cued ("in X") and not contradicted by it. Else the best non-village reading, else None: a
    village outside its named region is another village of that name."""
    for candidate, _ in reading_scores(mention, votes, container):
        if candidate.source not in LICENSED_SOURCES:
            return candidate
        if _inside(candidate, container) or (
            mention.town_licence == "cued" and not (container and _contradicted(candidate, container))
        ):
            return candidate
    return None


def _contradicted(candidate: Candidate, container: set[tuple[str, str | None]]) -> bool:
    """The containers name other countries, or other regions of its country (its own known)."""
    if _inside(candidate, container):
        return False
    regions = {admin1 for country, admin1 in container if country == candidate.country}
    return not regions or candidate.admin1 is not None


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


def reading_scores(
    mention: PlaceMention,
    votes: dict[str, Counter[str]],
    container: set[tuple[str, str | None]],
) -> list[tuple[Candidate, float]]:
    """Each reading of a mention with its score (prior, context and container), best first."""
    own = normalize(mention.text)
    context: Counter[str] = Counter()
    for key, counter in votes.items():
        if key != own:
            context.update(counter)
    countries = {country for country, _ in container}

    def score(candidate: Candidate) -> float:
        inside = _inside(candidate, container)
        bonus = CONTAINER_BONUS if inside else CONTAINER_COUNTRY_BONUS if candidate.country in countries else 0.0
        return _reading_score(candidate, context) + bonus

    # sorted() is stable: equal scores keep the gazetteer's order, as max() did.
    return sorted(((c, score(c)) for c in mention.candidates), key=lambda pair: -pair[1])


def _best_reading(
    mention: PlaceMention,
    votes: dict[str, Counter[str]],
    container: set[tuple[str, str | None]],
) -> Candidate:
    return reading_scores(mention, votes, container)[0][0]
