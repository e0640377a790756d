"""Topic places: names an event is about (its cause, cause's place, purpose) rather than held at."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# A place below these prepositions is what the event is for or against, not where it is: "rallied
# against the war in Ukraine", "a protest over the arrests in Minsk", "a front for supporting X".
TOPIC_PREPOSITIONS = frozenset({"against", "about", "for", "concerning", "regarding"})
# "over" is a topic ("a strike over pay cuts in Ohio") unless the place is its own object: an air
# battle "over Kherson" happened there.
_OVER = "over"
# "against" names an attack's target, where the attack is, when its object is a fighting side or
# a thing that can be hit ("airstrikes against militants in Zap"): no topic then.
TARGET_NOUNS = frozenset({
    "militant", "force", "soldier", "troop", "fighter", "position", "rebel", "insurgent", "police",
    "army", "base", "camp", "convoy", "vehicle", "member", "civilian", "target", "post",
    "checkpoint", "hideout", "unit", "militia", "militiaman", "gunman", "protester", "protestor",
    "demonstrator", "villager", "resident", "people", "man", "woman", "tank", "boat", "ship",
    "facility", "depot", "infrastructure", "stronghold", "gang", "cell", "element", "personnel",
})
# "gathered for a rally at City Hall in X": what "for" or "about" leads to is the gathering itself.
GATHERING_NOUNS = frozenset({
    "protest", "rally", "demonstration", "march", "vigil", "meeting", "gathering", "strike",
    "picket", "ceremony", "service", "prayer", "celebration", "event", "procession", "sit-in",
    "walk", "parade", "concert", "assembly", "conference",
})
# Nouns whose complements are a cause: "in support of Ukraine", "in solidarity with Gaza".
STANCE_NOUNS = frozenset({"support", "solidarity", "favour", "favor", "memory", "honour", "honor",
                          "tribute", "defence", "defense", "sympathy"})
# A gerund of these verbs says why or whereto ("demanding the release of X", "heading to Paris",
# "Ukrainians living in Antalya"); others just describe the event ("targeting positions near X").
PURPOSE_GERUNDS = frozenset({"head", "travel", "live", "go", "move", "return", "reside", "come"})
# Verbs whose object names a topic: "denounced the invasion of Ukraine" was not in Ukraine.
STANCE_VERBS = frozenset({
    "condemn", "denounce", "protest", "oppose", "support", "demand", "criticize", "criticise",
    "decry", "express", "call", "urge", "reject", "accuse", "blame", "mourn", "commemorate",
    "celebrate", "slam", "deplore", "question", "challenge", "praise", "welcome", "back",
})
_OBJECT_DEPS = frozenset({"dobj", "obj", "ccomp", "attr"})
_MAX_DEPTH = 30


def is_topic(place: Token, event: Token | None) -> bool:
    """Whether the place named at token `place` is a topic of the event at token `event`.

    Walking up the parse from the place to the event's word (or a word above it), the place is a
    topic when the path passes a topic preposition or a stance noun ("in support of"), another
    predicate's verb ("to condemn the war in Ukraine", "heading to Paris"), or when it arrives as
    the object of a stance verb ("denounced the invasion of Ukraine"). A place in another
    sentence, or with no event word, is never a topic.
    """
    for node, child, on_event_line in _path_up(place, event):
        if on_event_line:
            return node.lemma_.lower() in STANCE_VERBS and child.dep_ in _OBJECT_DEPS
        if node.pos_ == "ADP" and _topic_preposition(node, child, place):
            return True
        if node.pos_ == "NOUN" and node.lemma_.lower() in STANCE_NOUNS:
            return True
        if node.pos_ == "VERB" and _other_predicate(node):
            return True
    return False


def _path_up(place: Token, event: Token | None) -> Iterator[tuple[Token, Token, bool]]:
    """(head, child, head is the event word or above it) up the parse from the place, ending at
    the first head on the event's line; nothing for a place in another sentence or no event."""
    if event is None or place.sent.start != event.sent.start:
        return
    event_line = {event.i, *(t.i for t in event.ancestors)}
    child = place
    for _ in range(_MAX_DEPTH):
        node = child.head
        if node.i == child.i:
            return
        if node.i in event_line:
            yield node, child, True
            return
        yield node, child, False
        child = node


def _topic_preposition(preposition: Token, child: Token, place: Token) -> bool:
    word = preposition.lower_
    if preposition.head.pos_ == "PROPN" and child.pos_ == "PROPN":
        return False  # inside a name: "the Court for Corruption Crimes in Palangka Raya"
    if child.lemma_.lower() in GATHERING_NOUNS:
        return False
    if word == _OVER:
        return child.i != place.i
    if word == "against":
        return child.i != place.i and child.pos_ != "PROPN" and child.lemma_.lower() not in TARGET_NOUNS
    return word in TOPIC_PREPOSITIONS


def _other_predicate(verb: Token) -> bool:
    """Whether a verb between a place and the event heads a clause of its own: a purpose clause
    ("to condemn the war in Ukraine"), a relative clause, or a gerund of stance or motion ("demanding
    the release of X", "heading to Paris"). A participle that narrows the event ("targeting
    positions near X", "troops stationed in Lyman") keeps the place the event's."""
    if verb.dep_ == "relcl":
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # a purpose; an infinitive complement ("refusing to work in X") is no topic
    lemma = verb.lemma_.lower()
    return verb.tag_ == "VBG" and (lemma in STANCE_VERBS or lemma in PURPOSE_GERUNDS)


def in_subject(place: Token, event: Token | None) -> bool:
    """Whether the place is named inside the event's subject ("employees of a factory in Lublin
    rallied in Warsaw"): it says where the doers are from, which a place of the predicate beats."""
    for _node, child, on_event_line in _path_up(place, event):
        if on_event_line:
            return child.dep_ in ("nsubj", "nsubjpass") and child.i != place.i
    return False
