"""Place mentions in a parsed article: the spans that name places, before any resolution."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tidings.where.gazetteer import Candidate, Gazetteer, normalize
from tidings.nlp import doc_text
from tidings.where.locative import locative_object
# Re-exported: resolve and attach read the vocabulary from here.
from tidings.where.place_words import (
    CONTAINER_GAP, KIND_NOUNS, LOCATIVE_WORDS, NAME_CONNECTORS, PLACE_LABELS, PLACE_NOUNS,
)

# Tokens that separate place names inside one entity ("Cankaya, Ankara", "Khartoum North (Bahri").
_SEGMENT_BREAKS = frozenset({"(", ")", ",", "-", "–", "—", "/", ";", "[", "]"})
# Lowercase words at which the small model runs two places into one entity ("Zolozolo Township in
# Mzuzu"); names themselves hardly contain them (unlike "of": "Gulf of Mexico").
_ENTITY_BREAK_WORDS = frozenset({"in", "near"})
# A bare capitalised word the NER missed is taken for a city only if the city is big enough that
# news names it without introduction; smaller towns collide with surnames and common words.
TOKEN_CITY_MIN_POPULATION = 100_000
_MAX_RUN = 4
# A name grown over connectors ("Santa Cruz do Capibaribe") is at most this many tokens.
_MAX_GROWN = 7
# "contained": an entity of another label (the small model's ORG or PERSON for "Yakovlivka,
# Donetsk region") kept only because a name follows it; resolution accepts it only inside the
# country that name is in. Last, since it is the weakest evidence ("WASHINGTON (AP)" is a token).
ORIGIN_RANK = {
    "curated": 0, "dateline": 1, "entity": 2, "cued": 3, "token": 4, "embedded": 5, "contained": 6,
}
# Entities that may hold a place name inside them ("Pakistan Army", "Toronto Police Services
# Board", "Malaysian government") without being places. Not LOC or GPE: a name inside a place's
# name is part of another place ("Indian Ocean", "Mississippi River", "Baja California").
_HOLDER_LABELS = frozenset({"ORG", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"})
# A wire dateline: a capitalised place name opening a line, then a comma, bracket or dash
# ("WASHINGTON (Reuters) -", "SAN DIEGO, Calif. —").
_DATELINE = re.compile(
    r"^[ \t]*([A-Z][A-Za-z.'’\- ]{1,40}?)(?=[ \t]*(?:,|\(|—|–| -))", re.MULTILINE
)


@dataclass(frozen=True)
class PlaceMention:
    """A span of text that names a place, with the gazetteer's readings of it."""

    start: int
    end: int
    text: str
    origin: str
    candidates: tuple[Candidate, ...]
    # How a village reading is licensed: "cued" (a locative word before a place-tagged name or one
    # with a place noun: "demonstrated in Plourin-les-Morlaix"), "contained" (only a containing
    # name after it: the village must then lie inside that region), or "" (no village reading).
    town_licence: str = ""


def find_mentions(doc: Doc, gazetteer: Gazetteer, *, embedded: bool = False) -> list[PlaceMention]:
    """Non-overlapping place mentions in text order: curated names, entities, then bare words.

    With `embedded`, also names inside other names and nationality words ("the Pakistan Army",
    "a French engineer"): they name a place without saying anything happens there.
    """
    person_words = _person_words(doc)
    found = [
        *_curated_mentions(doc, gazetteer),
        *_dateline_mentions(doc, gazetteer),
        *_entity_mentions(doc, gazetteer, person_words),
        *_token_mentions(doc, gazetteer, person_words),
        *(_embedded_mentions(doc, gazetteer, person_words) if embedded else ()),
    ]
    ranked = sorted(found, key=lambda m: (ORIGIN_RANK[m.origin], m.start - m.end, m.start))
    kept: list[PlaceMention] = []
    for mention in ranked:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)


def has_place_noun_after(doc: Doc, token: Token) -> bool:
    """True when the next word says the name is a place ("Islamabad city", "Idlib province")."""
    return token.i + 1 < len(doc) and doc[token.i + 1].lower_ in PLACE_NOUNS


def _person_words(doc: Doc) -> frozenset[str]:
    """Names the article uses for people: a multiword PERSON entity and its surname."""
    words = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            words.update({normalize(ent.text), normalize(ent[-1].text)})
    return frozenset(words)


def _curated_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    pattern = _curated_pattern(gazetteer.curated_names)
    mentions = []
    for match in pattern.finditer(doc_text(doc)):
        # Case-insensitive so "Baghdad airport" matches "Baghdad Airport", but news capitalises a
        # name somewhere ("al-Hol"): "west bank of the river" is not the West Bank.
        if not any(ch.isupper() for ch in match.group(0)):
            continue
        candidates = tuple(c for c in gazetteer.lookup(match.group(0)) if c.source == "curated")
        if candidates:
            mentions.append(
                PlaceMention(match.start(), match.end(), match.group(0), "curated", candidates)
            )
    return mentions


def _dateline_mentions(doc: Doc, gazetteer: Gazetteer) -> list[PlaceMention]:
    mentions = []
    for match in _DATELINE.finditer(doc_text(doc)):
        # A dateline is written in capitals; a title-case line opening is usually just a sentence.
        if not match.group(1).isupper():
            continue
        candidates = tuple(c for c in gazetteer.lookup(match.group(1)) if c.source != "curated")
        if candidates:
            start, end = match.span(1)
            mentions.append(PlaceMention(start, end, match.group(1), "dateline", candidates))
    return mentions


def _curated_pattern(names: Sequence[str]) -> re.Pattern[str]:
    # Built per call from the gazetteer's tuple: ~150 names compile in about a millisecond, and
    # the gazetteer stays free of regex state.
    alternatives = []
    for name in sorted({n.strip() for n in names if n.strip()}, key=len, reverse=True):
        if name.lower().startswith("the "):
            name = name[4:]
        words = [re.escape(w) for w in re.split(r"[\s\-]+", name) if w]
        alternatives.append(r"[\s\-]+".join(words))
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)


def _entity_mentions(
    doc: Doc, gazetteer: Gazetteer, person_words: frozenset[str]
) -> list[PlaceMention]:
    mentions = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
            continue
        for segment in _segments(ent):
            segment = _grown(doc, _hyphen_joined(doc, segment), gazetteer)
            place_label = ent.label_ in PLACE_LABELS
            if not _capitalised(segment[0]):
                continue
            if gazetteer.is_demonym(segment.text):
                continue
            candidates = tuple(gazetteer.lookup(segment.text))
            licence = _town_licence(doc, segment, place_label)
            if licence:
                candidates += tuple(gazetteer.lookup_towns(segment.text))
            if not candidates:
                continue
            region = _names_region(ent, segment, candidates)
            contained_only = not place_label and not region and not _locative_cue(doc, segment)
            if contained_only and licence != "contained":
                continue
            # The small NER model tags a repeated surname as a place ("Qaani warned"); a name the
            # article also uses for a person is a person, unless it is a country or region's name.
            person = normalize(segment.text) in person_words
            cued = before_locative(doc, segment)
            if person and not region and not cued and candidates[0].precision != "country":
                continue
            origin = "entity" if place_label else "contained" if contained_only else "cued"
            mentions.append(PlaceMention(
                segment.start_char, segment.end_char, segment.text, origin, candidates, licence))
    return mentions


def _capitalised(token: Token) -> bool:
    """Written as a name: "Kyiv", "UNITA", and the camel case of "KwaZulu-Natal" or "eThekwini"
    (which neither is_title nor is_upper admits)."""
    text = token.text
    return token.is_title or token.is_upper or (
        token.is_alpha and len(text) >= 4 and (text[0].isupper() or text[1].isupper()))


def _names_region(ent: Span, segment: Span, candidates: Sequence[Candidate]) -> bool:
    """True when a whole entity is exactly a country or region's own name ("Tamil Nadu", tagged
    PERSON by the small model): such names are rarely anything else. Short forms don't count."""
    top = candidates[0]
    return (
        segment.start == ent.start and segment.end == ent.end and len(segment.text) >= 5
        and not top.alternate and top.precision in ("country", "admin1") and top.source != "curated"
    )


def _grown(doc: Doc, span: Span, gazetteer: Gazetteer) -> Span:
    """The span grown over a connector and the capitalised words after it when the longer name is
    a known place ("Concordia" + "do Para", "Castello" + "de la Plana"): NER and proper-noun runs
    stop at lowercase connectors, and the short name is often another, bigger place. The small
    model also cuts a name after a connector ("Santa Cruz de la" + "Sierra") or in two ("Baja" +
    "California"): the connectors it ends on are dropped and the next words tried all the same."""
    end = span.end
    # Only a lowercase, spaced connector is dropped: "Hpa-An" ends on a name.
    while end - 1 > span.start and doc[end - 1].text in NAME_CONNECTORS and doc[end - 2].whitespace_:
        end -= 1
    span = doc[span.start:end]
    while end < len(doc) and doc[end].lower_ in NAME_CONNECTORS:
        end += 1
    # Without a connector, the next word may continue the name ("Baja" + "California"), unless
    # it lies inside an entity the span only ends in ("Deir-ez-" + "Zor City").
    adjacent = end == span.end and end < len(doc) and doc[end].ent_iob_ != "I"
    if end >= len(doc) or not doc[end].is_title or (end == span.end and not adjacent):
        return span
    best = span
    while end < len(doc) and end - span.start <= _MAX_GROWN and doc[end].is_title and doc[end].is_alpha:
        end += 1
        longer = doc[span.start:end]
        if gazetteer.lookup(longer.text) or gazetteer.lookup_towns(longer.text):
            best = longer
    return best


def _hyphen_joined(doc: Doc, span: Span) -> Span:
    """The span grown over unspaced hyphens the tokenizer split off ("Plourin" + "-les-Morlaix"):
    the small model tags only the first piece of such a town's name."""
    end = span.end
    while (
        end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
        and not doc[end].whitespace_ and doc[end + 1].is_alpha
    ):
        end += 2
    return doc[span.start:end] if end != span.end else span


def _segments(ent: Span) -> list[Span]:
    """The entity cut at separators, each without a leading article or trailing possessive."""
    doc = ent.doc
    pieces, start = [], ent.start
    for token in ent:
        # A hyphen joins a name ("Sainte-Anne") unless spaced ("Santiago - Providencia").
        spaced = token.i > 0 and bool(doc[token.i - 1].whitespace_) and bool(token.whitespace_)
        if (token.text in _SEGMENT_BREAKS and (token.text != "-" or spaced)) or token.text in _ENTITY_BREAK_WORDS:
            pieces.append((start, token.i))
            start = token.i + 1
    pieces.append((start, ent.end))
    segments = []
    for low, high in pieces:
        if low < high and doc[low].lower_ == "the":
            low += 1
        if low < high and doc[high - 1].tag_ == "POS":
            high -= 1
        if low < high:
            segments.append(doc[low:high])
    return segments


def _locative_cue(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return (before in LOCATIVE_WORDS or _place_noun_of(doc, span)
            or has_place_noun_after(doc, span[-1]) or _apposed(doc, span)
            or locative_object(doc, span))


def before_locative(doc: Doc, span: Span) -> bool:
    """True when a locative word stands right before the span ("gathered in Leeds"), or a place
    noun and "of" ("the village of Ougarou", "the suburbs of Sumy")."""
    return (span.start > 0 and doc[span.start - 1].lower_ in LOCATIVE_WORDS) or _place_noun_of(doc, span)


def _place_noun_of(doc: Doc, span: Span) -> bool:
    return (span.start > 1 and doc[span.start - 1].lower_ == "of"
            and doc[span.start - 2].lower_ in PLACE_NOUNS)


def _town_licence(doc: Doc, span: Span, place_label: bool) -> str:
    """Whether a name has the context that licenses reading it as a village or small town (see
    PlaceMention.town_licence). Bare, news names only places it expects readers to know; acronyms
    ("APC", "AMLO") are never villages."""
    if span.text.isupper() and len(span.text) <= 5:
        return ""
    if before_locative(doc, span) and (place_label or has_place_noun_after(doc, span[-1])):
        return "cued"
    if locative_object(doc, span):
        return "cued"  # "demonstrated in Ebersberg": the parse says what the NER label does not
    if _place_noun_of(doc, span):
        return "cued"  # "the village of Ougarou": the noun says what the name is
    if span.end < len(doc) and doc[span.end].lower_ in KIND_NOUNS:
        return "cued"
    if before_locative(doc, span) and any(t.lower_ in NAME_CONNECTORS or t.text == "-" for t in span[1:-1]):
        return "cued"  # "in Villeneuve-sur-Yonne": a long name is no surname or common word
    after = span.end
    if (
        after + 1 < len(doc) and doc[after].text in (",", "(")
        and (doc[after + 1].is_title or doc[after + 1].is_upper) and doc[after + 1].is_alpha
    ):
        return "contained"
    return ""


# Words after a name that say it is a first-level region ("Sagaing region", "Mon state").
_REGION_WORDS = frozenset({"region", "province", "state", "oblast", "governorate", "prefecture"})


def _region_word_after(doc: Doc, span: Span) -> bool:
    return span.end < len(doc) and doc[span.end].lower_ in _REGION_WORDS


def _apposed(doc: Doc, span: Span) -> bool:
    """True for the "X" of "Tsyrkuny, X" or "Sampacho (X": a name qualifying the name before it."""
    if span.start < 2 or doc[span.start - 1].text not in (",", "("):
        return False
    previous = doc[span.start - 2]
    if previous.lower_ in KIND_NOUNS and span.start >= 3:
        previous = doc[span.start - 3]  # "Belen town, Diyarbakir": the kind word is the name's
    return previous.pos_ == "PROPN" and previous.is_title


def _token_mentions(
    doc: Doc, gazetteer: Gazetteer, person_words: frozenset[str]
) -> list[PlaceMention]:
    """Runs of capitalised proper nouns outside any entity that are gazetteer places."""
    mentions = []
    for run in _proper_runs(doc):
        # The whole run first ("Novi Sad"), then its words alone.
        run = _grown(doc, _hyphen_joined(doc, run), gazetteer)
        spans = [run] if len(run) == 1 else [run, *(doc[t.i : t.i + 1] for t in run)]
        for span in spans:
            if gazetteer.is_demonym(span.text) or normalize(span.text) in person_words:
                continue
            cued = _locative_cue(doc, span)
            # Only primary names: alternate spellings of big cities include ordinary words.
            candidates = tuple(
                c for c in gazetteer.lookup_primary(span.text)
                if c.precision == "country"
                or (c.precision == "city" and (cued or c.population >= TOKEN_CITY_MIN_POPULATION))
                or (c.precision == "admin1" and (_apposed(doc, span) or _region_word_after(doc, span)))
            )
            licence = _town_licence(doc, span, False)
            if licence:
                candidates += tuple(c for c in gazetteer.lookup_towns(span.text) if not c.alternate)
            if candidates:
                mentions.append(
                    PlaceMention(span.start_char, span.end_char, span.text, "token", candidates, licence)
                )
                break
    return mentions


def _embedded_mentions(
    doc: Doc, gazetteer: Gazetteer, person_words: frozenset[str]
) -> list[PlaceMention]:
    """Well-known place names and nationality words inside non-place entities, longest first."""
    mentions = []
    for ent in doc.ents:
        if ent.label_ not in _HOLDER_LABELS:
            continue
        i = ent.start
        while i < ent.end:
            found = None
            # A name after another capitalised word is part of a longer name ("Latin America",
            # "North American"), which the gazetteer did not know.
            after_name = i > ent.start and doc[i - 1].is_title and doc[i - 1].lower_ != "the"
            for j in range(min(ent.end, i + _MAX_RUN), i if not after_name else ent.end, -1):
                span = doc[i:j]
                if not (span[0].is_title or span[0].is_upper) or normalize(span.text) in person_words:
                    continue
                if ent.label_ == "NORP" and len(span) != len(ent):
                    continue  # "French Quarter": a nationality word starting a name is that name's
                country = gazetteer.demonym_country(span.text)
                candidates = (country,) if country is not None else tuple(
                    c for c in gazetteer.lookup_primary(span.text)
                    if c.precision in ("country", "admin1")
                    or (c.precision == "city" and c.population >= TOKEN_CITY_MIN_POPULATION)
                )
                if candidates and not (span.text.isupper() and len(span.text) <= 3 and country is None
                                       and candidates[0].precision != "country"):
                    found = PlaceMention(span.start_char, span.end_char, span.text, "embedded", candidates)
                    break
            if found is None:
                i += 1
            else:
                mentions.append(found)
                i = doc.char_span(found.start, found.end, alignment_mode="expand").end
    return mentions


def _proper_runs(doc: Doc) -> list[Span]:
    runs, start = [], None
    for token in doc:
        inside = not token.ent_type_ and token.pos_ == "PROPN" and token.is_title
        if inside and start is None:
            start = token.i
        elif not inside and start is not None:
            runs.append(doc[start : token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return [run for run in runs if len(run) <= _MAX_RUN]
