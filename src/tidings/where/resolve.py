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
from tidings.where.mentions import CONTAINER_GAP, PlaceMention, find_mentions, has_place_noun_after
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
# Dependency roles in which a place name modifies a noun ("US forces", "Baghdad government") or
# acts as the government it hosts ("Washington threatened"): the name is not where anything is.
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Gazetteer tiers read only with context (see PlaceMention.town_licence): villages and districts.
LICENSED_SOURCES = frozenset({"town", "admin2"})
# A kind word after a name says which reading it is: "Kharkiv region" is the oblast, not the city
# (which a bare "Kharkiv" means); "Kale district" the district. Enough to beat the city's prior.
KIND_BONUS = 3.0
# A village reading in a country no other place names is dropped once the article's other places
# name some country this often ("Myauk Kyauk Main village" in a Mandalay note is not Jordan's Main).
VILLAGE_CONTEXT_VOTES = 2
# "Rogers Park in Beaumont", "Sanjo in the district of Misungwi", "the Highland Park neighborhood
# of Los Angeles": a name placed in the next one, which contains it as a bracket or comma does.
# A bare "of" is left out ("Bank of America", "the Battle of Kursk").
SPACED_DASH = re.compile(r"\s+[-–]\s+")
CONTAINED_IN = re.compile(
    r"\s+(?:(?:neighbou?rhood|district|area|village|town|suburb|township|quarter|locality|ward)\s+"
    r"(?:in|of)|in)\s+(?:the\s+)?(?:(?:downtown|central|vicinity|outskirts|suburbs|centre|center|"
    r"district|region|province|state|county|municipality|city|town|village)\s+(?:of\s+)?)?",
    re.IGNORECASE,
)
# A district named for its seat ("Kannur", "Udaipur") is read as the seat unless a district
# kind word or bracket asks for it: a district's population sums its towns, so its prior would
# otherwise beat the town the name bare means.
SEAT_PENALTY = 2.0
# The kind a bracket after a name asks for: the region or district it is in.
REGION_KIND = "region"
KIND_PRECISIONS = {
    **dict.fromkeys(
        ("region", "province", "state", "oblast", "governorate", "prefecture"), "admin1"),
    **dict.fromkeys(("district", "county", "raion", "rayon", "lga", "regency"), "admin2"),
    **dict.fromkeys(("city", "town", "village"), "city"),
}


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
    containers, placed_in, distinct = _containers(doc, mentions)
    votes = _country_votes(mentions)
    places = []
    for index, mention in enumerate(mentions):
        if (literal_only and mention.origin != "curated" and not _is_literal(doc, mention, named)
                and not _closed_qualifier(doc, mentions, index)):
            continue
        container = containers.get(index, set())
        best = _licensed_reading(mention, votes, container, kind_after(doc, mention),
                                 bracketed=_bracketed(doc, mention),
                                 regional=_region_follows(mentions, index, container),
                                 qualifying=_qualifies(doc, mentions, index),
                                 placed_in=index in placed_in,
                                 distinct=distinct.get(index, set()))
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
) -> tuple[dict[int, set[tuple[str, str | None]]], set[int], dict[int, set[tuple[str, str | None]]]]:
    """For a mention followed by ", X" or " (X" (through unknown names: "Awara, Abuna Ginde Beret
    (West Shewa, Oromia)"), the (country, admin1) pairs the regions and countries X may be; the
    mentions whose containers open with "in" ("Rogers Park in Beaumont (Texas)"); and the pairs of
    the X named unlike the mention only: every namesake lies in a region of its own name ("Rabat
    (Rabat, ...)" holds Malta's Rabat too), so such an X cannot tell the readings apart."""
    text = doc_text(doc)
    hints: dict[int, set[tuple[str, str | None]]] = {}
    distinct: dict[int, set[tuple[str, str | None]]] = {}
    placed_in: set[int] = set()
    for index, here in enumerate(mentions):
        pairs: set[tuple[str, str | None]] = set()
        unlike: set[tuple[str, str | None]] = set()
        end = here.end
        for after in mentions[index + 1 : index + 1 + _MAX_CONTAINERS]:
            gap = text[end : after.start]
            if end == here.end and CONTAINED_IN.fullmatch(gap):
                placed_in.add(index)
            elif SPACED_DASH.fullmatch(gap):
                # "Los Angeles - Northeast (California)": the name after a spaced dash is a part
                # of the one before it (a city's district), no container; the chain runs on.
                end = after.end
                continue
            elif not CONTAINER_GAP.fullmatch(gap) or not any(mark in gap for mark in ",("):
                break
            found = _container_pairs(after)
            pairs |= found
            if normalize(after.text) != normalize(here.text):
                unlike |= found
            end = after.end
        if pairs:
            hints[index] = pairs
        if unlike:
            distinct[index] = unlike
    return hints, placed_in & set(hints), distinct


def _container_pairs(after: PlaceMention) -> set[tuple[str, str | None]]:
    """The (country, admin1) pairs a container may be. Only regions and countries contain ("Roma"
    in Texas must not pull the name before it abroad); districts and cities, many per name, only
    when all their readings lie in one country ("(Tharparkar, Sindh)", "(Hays, Al Hudaydah)")."""
    pairs: set[tuple[str, str | None]] = set()
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
    return pairs


def kind_after(doc: Doc, mention: PlaceMention) -> str | None:
    """The precision a kind word right after the mention asks for ("Donetsk region": admin1), or
    REGION_KIND for a name in brackets after another ("Punchana (Loreto)": Peru's region, not
    Mexico's town)."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    if span.end < len(doc) and doc[span.end].lower_ in KIND_PRECISIONS:
        return KIND_PRECISIONS[doc[span.end].lower_]
    if len(span) > 1 and span[-1].lower_ in KIND_PRECISIONS:
        return KIND_PRECISIONS[span[-1].lower_]  # the kind word inside the entity: "Poonch city"
    if span.start >= 2 and doc[span.start - 1].text == "(" and doc[span.start - 2].is_title:
        return REGION_KIND
    return None


def _region_follows(
    mentions: Sequence[PlaceMention], index: int, container: set[tuple[str, str | None]]
) -> bool:
    """True when the first container of mentions[index] is a region: "Awara, ... Oromia" names
    where Awara is, where "Saipan, Guam, Alaska" only goes on with a list."""
    if not container or index + 1 >= len(mentions):
        return False
    return any((c.country, c.admin1) in container and c.precision != "country"
               for c in mentions[index + 1].candidates)


def _qualifies(doc: Doc, mentions: Sequence[PlaceMention], index: int) -> bool:
    """True when mentions[index] follows another name as its container ("Ampang (Mangu")."""
    if index == 0:
        return False
    gap = doc_text(doc)[mentions[index - 1].end : mentions[index].start]
    return any(mark in gap for mark in ",(") and CONTAINER_GAP.fullmatch(gap) is not None


def _closed_qualifier(doc: Doc, mentions: Sequence[PlaceMention], index: int) -> bool:
    """True for "Baja California" in "in Tecate, Baja California, nurses protested": a name set
    off after another name says where that one is, whatever role the parser gave it (here the
    verb's subject)."""
    after = doc_text(doc)[mentions[index].end : mentions[index].end + 1]
    return after in (",", ")", ".", ";") and _qualifies(doc, mentions, index)


def _bracketed(doc: Doc, mention: PlaceMention) -> bool:
    """True for "Santa Ana (Tucuman)": a bracket after a name qualifies it, where a comma may only
    run on a list ("Moscow, Kyiv")."""
    return doc_text(doc)[mention.end : mention.end + 3].lstrip().startswith("(")


def _well_known(city: Candidate) -> bool:
    """A city sure enough to place its neighbours: curated, or big and named by its own name."""
    return city.source == "curated" or (not city.alternate and city.population >= CONTAINER_CITY_MIN_POPULATION)


def _inside(candidate: Candidate, container: set[tuple[str, str | None]]) -> bool:
    return (candidate.country, None) in container or (candidate.country, candidate.admin1) in container


def _licensed_reading(
    mention: PlaceMention,
    votes: dict[str, Counter[str]],
    container: set[tuple[str, str | None]],
    kind: str | None = None,
    *,
    bracketed: bool = False,
    regional: bool = False,
    qualifying: bool = False,
    placed_in: bool = False,
    distinct: set[tuple[str, str | None]] | None = None,
) -> Candidate | None:
    """The best reading, if a village reading is licensed: inside the region named with it, or
    cued ("in X") and not contradicted by it. Else the best non-village reading, else None: a
    village outside its named region, or abroad of every country the article's other places
    name, is another village of that name.

    A reading abroad of every container is no reading when the containers surely qualify the
    name: a bracket ("Santa Ana (Tucuman)" is not California's), a region after a name no reader
    knows without it ("Awara, Abuna Ginde Beret (West Shewa, Oromia)"), or a mention kept only
    for its container (see mentions.ORIGIN_RANK). After a comma a country may be the next item of
    a list ("Saipan, Guam"), and a country reading is never dropped ("France, Germany").
    """
    countries = {country for country, _ in container}
    own = normalize(mention.text)
    named: Counter[str] = Counter()
    for key, counter in votes.items():
        if key != own:
            named.update(counter)
    # One stray vote ("cadres of NC") is no context: the article must name the country twice.
    settled = any(n >= VILLAGE_CONTEXT_VOTES for n in named.values())
    # Containers named unlike the mention (see _containers); `container` by default.
    distinct = container if distinct is None else distinct
    inside_any = any(c.precision != "country" and _inside(c, distinct) for c in mention.candidates)
    for candidate, _ in reading_scores(mention, votes, container, kind):
        abroad = bool(countries) and candidate.country not in countries
        if mention.origin == "contained" and (not countries or abroad):
            continue
        surely_qualified = bracketed or (regional and not _well_known(candidate))
        if abroad and candidate.precision != "country" and surely_qualified:
            continue
        # "Ortaca town, Mardin": a namesake in another region of the same country loses
        # to a reading inside the region named, even one of a lower tier.
        if surely_qualified and inside_any and not _inside(candidate, distinct):
            continue
        # "X in Y" states where X is, and an old or alternate name is a weak reading: either is
        # dropped outside the region named ("Oleksandrivka, Kharkiv" is no old name of Donetsk).
        if ((placed_in or candidate.alternate) and candidate.precision != "country"
                and container and _contradicted(candidate, container)):
            continue
        if candidate.source not in LICENSED_SOURCES:
            return candidate
        if settled and candidate.country not in named:
            continue  # a village abroad of every other place the article names is another's
        # A cued name before an unknown one ("in Wabag (Enga)") is as good as cued; a district
        # that qualifies the name before it ("Ampang (Mangu, Plateau)") is named as a district.
        cued = mention.town_licence == "cued" or (
            not container and mention.origin == "cued" and mention.town_licence == "contained")
        if qualifying and candidate.source == "admin2":
            cued = True
        if _inside(candidate, container) or (
            cued and not (container and _contradicted(candidate, container))
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
    kind: str | None = None,
) -> list[tuple[Candidate, float]]:
    """Each reading of a mention with its score (prior, context, container and the precision a
    kind word after it asks for), best first."""
    own = normalize(mention.text)
    context: Counter[str] = Counter()
    for key, counter in votes.items():
        if key != own:
            context.update(counter)
    countries = {country for country, _ in container}
    # "Kharkiv region" is read as Kharkiv oblast, but placed at Kharkiv, the city it is named for
    # (so for districts): a region's point (the mean of its towns) lies hundreds of km from most
    # places in a big one, and event data code region-level reports to the capital.
    wanted = ("admin1", "admin2") if kind == REGION_KIND else (kind,)
    capital_of = {(c.country, c.admin1) for c in mention.candidates
                  if kind in ("admin1", "admin2", REGION_KIND) and c.precision in wanted}
    seats = {(c.country, c.admin1) for c in mention.candidates
             if c.precision == "city" and kind in (None, "city")}

    def score(candidate: Candidate) -> float:
        inside = _inside(candidate, container)
        bonus = CONTAINER_BONUS if inside else CONTAINER_COUNTRY_BONUS if candidate.country in countries else 0.0
        place = (candidate.country, candidate.admin1)
        named_for = candidate.precision == "city" and place in capital_of
        if kind is not None and (candidate.precision in wanted or named_for):
            bonus += KIND_BONUS
        if candidate.precision == "admin2" and place in seats:
            bonus -= SEAT_PENALTY
        return _reading_score(candidate, context) + bonus

    # sorted() is stable: equal scores keep the gazetteer's order, as max() did.
    return sorted(((c, score(c)) for c in mention.candidates), key=lambda pair: -pair[1])


def _best_reading(
    mention: PlaceMention,
    votes: dict[str, Counter[str]],
    container: set[tuple[str, str | None]],
) -> Candidate:
    return reading_scores(mention, votes, container)[0][0]
