"""Event placement: which of an article's places is where one event happened."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from tidings.nlp import doc_text
from tidings.types import Place
from tidings.where.gazetteer import Gazetteer
from tidings.where.mentions import CONTAINER_GAP, PLACE_NOUNS
from tidings.where.topic import in_subject, is_topic

# Most specific first: the order event_place prefers places in.
PRECISION_RANK = {"site": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}
# Place.precision of the last resort: no place is named for the event, and the country of one of
# its actors (the target's first) stands in. Like EventDate's "published", it says the value is
# inferred, not read; dedup ranks it below "country".
ACTOR_COUNTRY = "actor_country"
# Words that put what follows at a place ("in X", "near X", "between X and Y").
LOCATIVE_WORDS = frozenset({
    "in", "at", "near", "outside", "around", "into", "across", "inside", "through", "throughout",
    "between", "toward", "towards", "within", "along", "nearby", "off", "onto", "beside",
})
# "on Wellington Street", "an attack on Kyiv": a place but only a small one ("sanctions on Russia"
# are not in Russia).
_ON_PRECISIONS = frozenset({"site", "city"})
# Words a locative chain may pass on its way left from a place to its preposition: "in Cankaya,
# Ankara", "near Kyun Lay Pyin village, Yinmarbin township (", "in the Highland Park neighborhood
# of Los Angeles". Capitalised words and these separators continue it; any other word ends it.
_CHAIN_WORDS = frozenset({
    "the", "of", "and", "de", "del", "la", "el", "al",
    # Words that narrow a place without ending the phrase: "in downtown Atlanta", "in central
    # Lancaster", "in the vicinity of Caala", "in rural Kandahar".
    "downtown", "central", "northern", "southern", "eastern", "western", "north", "south", "east",
    "west", "northeastern", "northwestern", "southeastern", "southwestern", "rural", "urban",
    "greater", "vicinity", "outskirts", "parts", "part", "center", "centre", "heart", "a", "an",
})
_CHAIN_PUNCT = frozenset({",", "(", ")", "-", "–", "—", "'", "’", '"', "“", "”", "/"})
_MAX_CHAIN = 24
# Objects of these verbs are where the event is ("shelled Lyman", "visited Baghdad"); "to X" after
# a movement verb is its destination.
_PLACE_DEPS = frozenset({"dobj", "nsubjpass", "obj"})
_TO_WORDS = frozenset({"to"})
# Added to a tie's strength (0 strong, 1 weak) for a place inside the event's subject: below a
# strong tie of the predicate, above a weak one.
SUBJECT_PENALTY = 0.5


def event_place(
    places: Sequence[Place],
    clause: tuple[int, int],
    sentence: tuple[int, int],
    actor_countries: Sequence[str],
    inherited: Place | None,
    *,
    doc: Doc | None = None,
    trigger: int | None = None,
    gazetteer: Gazetteer | None = None,
    source_country: str | None = None,
) -> Place | None:
    """The place of one event whose clause and sentence are character spans.

    With the parsed `doc` (and the event word's token index `trigger`), a place counts as tied to
    the event when a locative preposition leads to it ("in", "near", "between", or "on" a city or
    site), possibly across a chain of names ("in Cankaya, Ankara"), or when it is the event verb's
    object or destination ("shelled Lyman", "visited Baghdad", "flew to Kyiv"). A place
    the event is about (in a purpose clause, after "against"/"for"/"over", or the object of a
    stance verb: see where.topic) counts only after every other place of the sentence, and a tied
    place inside the event's subject ranks after one tied to its predicate. In order:
    the most specific tied place in the clause, else in the sentence; else an untied place of the
    sentence in an actor's country; else the discourse place (the best tied place of the nearest
    earlier sentence that has one); else `inherited` (the previous event's place); else any
    place of the sentence; else the article's dominant place; else (with `gazetteer`) the first
    actor country, with precision "actor_country"; else None. Without `doc` every place counts as
    tied and the discourse, dominant and actor-country steps are skipped.
    """
    def inside(low: int, high: int) -> list[Place]:
        return [p for p in places if p.start >= low and p.end <= high]

    def best(found: Sequence[Place], strength: dict[int, float] | None = None) -> Place:
        return min(found, key=lambda p: (
            (strength or {}).get(id(p), 0),
            PRECISION_RANK.get(p.precision, len(PRECISION_RANK)), p.country not in actor_countries, p.start))

    if doc is None:
        for low, high in (clause, sentence):
            found = inside(low, high)
            if found:
                return best(found)
        return inherited
    event_token = doc[trigger] if trigger is not None and 0 <= trigger < len(doc) else None
    # A place another clause of the sentence owns is not this event's: the other conjunct's ("X
    # announced a truce but shelled Y"), or a trailing fragment's when this clause does not run
    # into it (the fragment continues the sentence's last clause).
    places = [p for p in places if not _other_clause(doc, p, event_token, clause)]
    # id -> 0 for a strong tie ("in X", "shelled X"), 1 for a weak one ("raids on X").
    tied: dict[int, float] = {id(p): tie for p in places if (tie := _tie(doc, p, event_token)) is not None}
    # Where the doers are from ("members of a union in Ondo protested in Owo") ranks after a place
    # tied to the predicate.
    for p in places:
        if id(p) in tied and (token := _place_token(doc, p)) is not None and in_subject(token, event_token):
            tied[id(p)] += SUBJECT_PENALTY
    # A fragment's grammar is broken ("the enrichment facility. of Natanz in Iran"): a place it
    # names continues the clause that runs into it, whatever preposition leads to it.
    for p in places:
        if clause[0] <= p.start and p.end <= clause[1] and _in_fragment(doc, p):
            tied[id(p)] = 0
    # What the event is about ("to condemn the war in Ukraine") is no place of it while anything
    # else can place it: such places wait until the steps below find nothing.
    topics = {id(p) for p in inside(*sentence) if _is_topic(doc, p, event_token)}
    for low, high in (*_own_phrase(event_token, clause), clause, sentence):
        found = [p for p in inside(low, high) if id(p) in tied and id(p) not in topics]
        if (low, high) != clause and (low, high) != sentence:
            # A country in the event's own phrase is often its topic ("to protest the war in
            # Ukraine"), not its place: only a town or site there outranks the clause's.
            found = [p for p in found if p.precision != "country"]
        if found:
            return best(_without_containers(doc, found), tied)
    untied = [p for p in inside(*sentence) if id(p) not in topics]
    # A country named as an actor's ("the invasion of Ukraine", "support for Ukraine") is no place
    # while the sentence names a town or region somewhere ("gathered in a bar of Torrevieja").
    specific = any(p.precision != "country" for p in untied)
    own = [p for p in untied if p.country in actor_countries and not (specific and p.precision == "country")]
    earlier = _nearest_earlier_sentence(doc, [p for p in places if id(p) in tied and p.end <= sentence[0]])
    # A bare country named in passing as the target's ("the attacks attributed to Iran") does not
    # move a story whose earlier sentence set a finer scene ("in the Oval Office"); the acting
    # side's own country (`source_country`: "an Iranian spokesman said") still does.
    if own and earlier and all(p.precision == "country" and p.country != source_country for p in own) \
            and any(p.precision != "country" for p in earlier):
        own = []
    if own:
        return best(own)
    if earlier:
        return best(_without_containers(doc, _discourse_scope(doc, earlier)), tied)
    if inherited is not None:
        return inherited
    if untied:
        return best(untied)
    if topics:
        about = [p for p in inside(*sentence) if id(p) in topics]
        return best(about, {id(p): tied.get(id(p), 2) for p in about})
    dominant = _dominant(places)
    if dominant is not None:
        return dominant
    if gazetteer is not None:
        return _actor_country(gazetteer, actor_countries)
    return None


_TIE_KEY = "tidings.place_ties"


def _own_phrase(event: Token | None, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """The character span of the event word's own phrase (its subtree, and the fragments the
    clause runs into): the clause is widened to the subject, whose places ("an official in the
    Oval Office said …") are not where the event is when the event's phrase names one."""
    if event is None:
        return []
    low, high = event.left_edge.idx, event.right_edge.idx + len(event.right_edge.text)
    if clause[1] > event.sent.end_char:
        high = clause[1]
    return [(low, high)]


_SENTENCES_KEY = "tidings.place_sentences"
_ROOTS_KEY = "tidings.place_roots"


def _place_token(doc: Doc, place: Place) -> Token | None:
    # Asked per event for every place of the article: the span is made once per doc.
    roots = doc.user_data.setdefault(_ROOTS_KEY, {})
    key = (place.start, place.end)
    if key not in roots:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        roots[key] = span.root.i if span is not None and len(span) else None
    return None if roots[key] is None else doc[roots[key]]


def _sentence_of(doc: Doc, i: int) -> tuple[int, int, bool]:
    """(start, end, verbless) of the sentence holding token i: `token.sent` builds a Span on each
    access, and placing asks for it per event and place, so the table is built once per doc."""
    table = doc.user_data.get(_SENTENCES_KEY)
    if table is None or len(table[0]) != len(doc):
        index: list[int] = [0] * len(doc)
        bounds: list[tuple[int, int, bool]] = []
        for sentence in doc.sents:
            bounds.append((sentence.start, sentence.end, _is_fragment(sentence)))
            index[sentence.start : sentence.end] = [len(bounds) - 1] * len(sentence)
        table = doc.user_data[_SENTENCES_KEY] = (index, bounds)
    index, bounds = table
    return bounds[index[i]]


def _is_topic(doc: Doc, place: Place, event: Token | None) -> bool:
    token = _place_token(doc, place)
    return token is not None and is_topic(token, event)


def _is_fragment(sentence) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in sentence)


def _in_fragment(doc: Doc, place: Place) -> bool:
    token = _place_token(doc, place)
    return token is not None and _sentence_of(doc, token.i)[2]


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above the token, within its sentence."""
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _other_clause(doc: Doc, place: Place, event: Token | None, clause: tuple[int, int]) -> bool:
    """Whether another clause of the event's sentence owns the place (see event_place)."""
    if event is None or (clause[0] <= place.start and place.end <= clause[1]):
        return False
    token = _place_token(doc, place)
    if token is None:
        return False
    place_start, _, place_verbless = _sentence_of(doc, token.i)
    event_start = _sentence_of(doc, event.i)[0]
    if place_start != event_start:
        # A trailing fragment this clause did not run into (the clause would include it).
        return place_verbless and place_start > event_start
    own, theirs = _governing_verb(event), _governing_verb(token)
    # Tokens are views made on each access: compare positions, never identity.
    if own is None or theirs is None or own.i == theirs.i:
        return False
    conjuncts = (theirs.dep_ == "conj" and theirs.head.i == own.i) or (own.dep_ == "conj" and own.head.i == theirs.i)
    # Only a place after the other verb (and not after this one) is that verb's own: a fronted
    # one ("In Bilin, shells hit houses and injured a woman") sets the scene for both.
    return conjuncts and theirs.i < token.i and (own.i < theirs.i or token.i < own.i)


def _tie(doc: Doc, place: Place, event: Token | None) -> int | None:
    """0 when the place is tied to the event, 1 when only weakly ("on X"), None when not."""
    # Every event asks about every place of its article: the place's root and locative chain do
    # not depend on the event, so they are found once per doc (a third of placing's time).
    known = doc.user_data.setdefault(_TIE_KEY, {})
    place_key = (place.start, place.end, place.precision)
    if place_key not in known:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        known[place_key] = (
            None if span is None or len(span) == 0
            else (span.root.i, _locative_chain(doc, span.start, place.precision))
        )
    if known[place_key] is None:
        return None
    root_i, chain = known[place_key]
    root = doc[root_i]
    # Tokens are views made on each access: compare positions, never identity.
    if event is not None and root.head.i == event.i and root.dep_ in _PLACE_DEPS:
        return 0
    head = root.head
    if (event is not None and root.dep_ == "pobj" and head.lower_ in _TO_WORDS and head.head.i == event.i):
        return 0
    return chain


def _locative_chain(doc: Doc, start: int, precision: str) -> int | None:
    """0 when a locative word leads, leftward through a chain of names, to the token at `start`;
    1 when the word is "on" and the place a city or site; else None."""
    sentence_start = doc[start].sent.start
    i = start - 1
    steps = 0
    while i >= sentence_start and steps < _MAX_CHAIN:
        token = doc[i]
        word = token.lower_
        if word in LOCATIVE_WORDS:
            return 0
        if word == "on":
            return 1 if precision in _ON_PRECISIONS else None
        if word == "." or not (
            token.text in _CHAIN_PUNCT or word in _CHAIN_WORDS or word in PLACE_NOUNS
            or token.is_title or token.is_upper or token.like_num
        ):
            return None
        i -= 1
        steps += 1
    return None


def _discourse_scope(doc: Doc, earlier: Sequence[Place]) -> Sequence[Place]:
    """The earlier sentence's places a later, placeless sentence continues. When that sentence
    names a country apart from a finer place in it ("reducing its forces in Iraq ... its embassy
    in Baghdad"), which one the next sentence goes on about is unknown; the country holds for
    both. A country that only qualifies the place ("in Panama City, Panama") changes nothing."""
    countries = [p for p in earlier if p.precision == "country"]
    if len(countries) != 1 or len(earlier) < 2 or any(p.country != countries[0].country for p in earlier):
        return earlier
    if countries[0] not in _without_containers(doc, earlier):
        return earlier
    return countries


# A region-kind word and "of" between two names: the second contains the first.
_KIND_OF = re.compile(
    r"\s+(?:district|province|region|governorate|county|municipality|township|oblast|raion|"
    r"state|department|woreda|tehsil|upazila)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def _without_containers(doc: Doc, found: Sequence[Place]) -> Sequence[Place]:
    """The places that no other place of `found` is named inside: in "Harib district (Marib)" the
    event is in the district, though the city that qualifies it ranks as more specific."""
    if len(found) < 2:
        return found
    text = doc_text(doc)
    ordered = sorted(found, key=lambda p: p.start)
    outer_ids = set()
    for index, inner in enumerate(ordered):
        if inner.precision == "country":
            continue  # "between Burundi and Tanzania (Giteranyi, Muyinga)": no town holds a country
        for outer in ordered[index + 1 :]:
            gap = text[inner.end : outer.start]
            # "Zap region (Al Amadiya district) of Duhok": a bracket closed before "of" counts too.
            marked = any(mark in gap for mark in ",(") or (")" in gap and gap.rstrip().endswith(" of"))
            if marked and CONTAINER_GAP.fullmatch(gap):
                outer_ids.add(id(outer))
            elif index + 1 < len(ordered) and outer is ordered[index + 1] and _KIND_OF.fullmatch(gap):
                # "Al Amadiya district of Duhok": the name after "district of" contains the one
                # before it, like a bracket.
                outer_ids.add(id(outer))
    return [p for p in found if id(p) not in outer_ids] or found


def _nearest_earlier_sentence(doc: Doc, earlier: Sequence[Place]) -> list[Place]:
    """The places of `earlier` that lie in the last sentence holding any of them."""
    if not earlier:
        return []
    def sentence_of(place: Place) -> int:
        # A verbless fragment counts as part of the sentence before it ("… facility. of Natanz").
        token = _place_token(doc, place)
        if token is None:
            return place.start
        start, _, verbless = _sentence_of(doc, token.i)
        while verbless and start > 0:
            start, _, verbless = _sentence_of(doc, start - 1)
        return doc[start].idx
    starts = {id(p): sentence_of(p) for p in earlier}
    last = max(starts.values())
    return [p for p in earlier if starts[id(p)] == last]


def _dominant(places: Sequence[Place]) -> Place | None:
    """The article's most named place below country level, else its most named country.

    Ties go to the place named first: a story's lead or dateline names where it happens.
    """
    for kinds in (("site", "city", "admin1"), ("country",)):
        counts = Counter((p.name, p.country) for p in places if p.precision in kinds)
        if counts:
            top = max(counts.values())
            return next(p for p in places if p.precision in kinds and counts[(p.name, p.country)] == top)
    return None


def _actor_country(gazetteer: Gazetteer, actor_countries: Sequence[str]) -> Place | None:
    for code in actor_countries:
        country = gazetteer.country(code)
        if country is not None:
            return Place(name=country.name, country=code, admin1=None, lat=country.lat, lon=country.lon,
                         precision=ACTOR_COUNTRY, text="", start=0, end=0)
    return None
