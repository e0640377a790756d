"""Find event candidates in a parsed document: who did what to whom, from dependency arcs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from tidings.events.arguments import target_fallbacks
from tidings.events.doers import SUBJECT_DEPS, children, content_head, prep_objects, subject_of, target_of_verb
from tidings.events.framing import is_under_phrase, is_unrealized, reaction_actors, under_target
from tidings.events.themes import EVENT_FRAME_NOUNS, theme_phrase, theme_words

if TYPE_CHECKING:
    from tidings.events.patterns import NounPattern, PatternSet, VerbPattern
    from tidings.events.reporting import ReportingCues

# Slots of a nominal event whose verb only says it happened ("fighting broke out", "a clash took
# place", "there were clashes", "a clash was reported").
EVENT_NOUN_SLOTS = frozenset({"nsubj", "nsubjpass", "attr", "dobj"})


@dataclass(frozen=True)
class EventCandidate:
    """An event found in the parse, before its actors, date and place are resolved."""

    trigger: int  # token index of the verb or noun that expresses the event
    code: str
    source: int | None  # head token index of the source noun phrase
    target: int | None  # head token index of the target noun phrase
    clause_start: int  # token span [start, end) of the event's clause
    clause_end: int
    kind: str  # "verb" or "noun"
    reporting: bool  # the trigger is a reporting verb (say, tell, report)
    # The pattern that fired (for `tidings explain`); not part of the candidate's identity.
    pattern: VerbPattern | NounPattern | None = field(default=None, compare=False)
    # Why events.complements changed the pattern's code ("" when it did not), for `tidings explain`.
    refined: str = field(default="", compare=False)
    # Heads to try, in order, when `target` is missing or names no actor (events/arguments.py).
    target_fallbacks: tuple[int, ...] = field(default=(), compare=False)


def clause_bounds(trigger: Token, source: Token | None) -> tuple[int, int]:
    """Token span of the event's clause: the trigger's subtree, widened to its subject."""
    start, end = trigger.left_edge.i, trigger.right_edge.i + 1
    if source is not None and source.sent == trigger.sent:
        start = min(start, source.left_edge.i)
        end = max(end, source.right_edge.i + 1)
    doc = trigger.doc
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


class VerbFacts:
    """What the pattern checks read off one verb, each computed at most once.

    A verb lemma can have dozens of patterns; without this every pattern re-walked the verb's
    children and, for complement patterns, its whole subtree (issue 9: the top coding cost).
    """

    def __init__(self, verb: Token) -> None:
        self.verb = verb
        self._children: list[Token] | None = None
        self._particles: set[str] | None = None
        self._preps: set[str] | None = None
        self._object_words: set[str] | None = None
        self._subject_lemmas: set[str] | None = None
        self._complements: set[str] | None = None

    @property
    def children(self) -> list[Token]:
        if self._children is None:
            self._children = list(self.verb.children)
        return self._children

    @property
    def particles(self) -> set[str]:
        if self._particles is None:
            self._particles = {c.lower_ for c in self.children if c.dep_ == "prt"}
        return self._particles

    @property
    def preps(self) -> set[str]:
        if self._preps is None:
            self._preps = {c.lower_ for c in self.children if c.dep_ in ("prep", "agent", "dative")}
        return self._preps

    @property
    def object_words(self) -> set[str]:
        """Theme lemmas of all direct objects / passive subjects, pooled (any object may match)."""
        if self._object_words is None:
            self._object_words = set()
            for obj in self.children:
                if obj.dep_ in ("dobj", "nsubjpass"):
                    self._object_words |= theme_words(obj)
        return self._object_words

    @property
    def subject_lemmas(self) -> set[str]:
        if self._subject_lemmas is None:
            self._subject_lemmas = {content_head(s).lemma_.lower()
                                    for s in self.children if s.dep_ in SUBJECT_DEPS}
        return self._subject_lemmas

    @property
    def complements(self) -> set[str]:
        """Lemmas of the verbs and nouns at most four arcs below the verb."""
        if self._complements is None:
            found: set[str] = set()
            layer = [self.verb]
            for _ in range(4):
                layer = [c for t in layer for c in t.children]
                found.update(c.lemma_.lower() for c in layer if c.pos_ in ("VERB", "NOUN"))
            self._complements = found
        return self._complements


def verb_pattern_matches(verb: Token, pattern: VerbPattern, facts: VerbFacts | None = None) -> bool:
    """Whether the verb has what the pattern asks for; pass one `facts` for all of a verb's patterns."""
    facts = facts if facts is not None and facts.verb.i == verb.i else VerbFacts(verb)
    if pattern.particle and pattern.particle not in facts.particles:
        return False
    if pattern.prep and pattern.prep not in facts.preps:
        return False
    if pattern.object and facts.object_words.isdisjoint(pattern.object):
        return False
    if pattern.subject and not any(lemma in pattern.subject for lemma in facts.subject_lemmas):
        return False
    if pattern.complement and not any(lemma in pattern.complement for lemma in facts.complements):
        return False
    return True


def noun_pattern_matches(noun: Token, pattern: NounPattern) -> bool:
    if pattern.modifier:
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
        if pattern.reaction and noun.dep_ == "compound":
            # "devastating response orders": the adjective lands on the compound's head.
            modifiers += [c for c in noun.head.children if c.dep_ == "amod"]
        if not any(m.lemma_.lower() in pattern.modifier for m in modifiers):
            return False
    if pattern.theme and not any(o.lemma_.lower() in pattern.theme for o in prep_objects(noun, ("of",))):
        return False
    if pattern.reaction and not is_unrealized(noun):
        return False
    return True


def noun_actors(noun: Token, pattern: NounPattern) -> tuple[Token | None, Token | None]:
    """Source and target of a nominal event ("Iran's attack on the embassy")."""
    if pattern.reaction:
        return reaction_actors(noun, subject_of)
    source: Token | None = None
    target: Token | None = None
    # "undertook a mediation mission between Syria and …": an event noun that only modifies
    # another noun takes its actors from the phrase it modifies.
    # Only nouns that frame an undertaking qualify: "aid groups" or "attack helicopters" are no event.
    phrase = noun
    while phrase.dep_ == "compound" and phrase.head.lemma_.lower() in EVENT_FRAME_NOUNS:
        phrase = phrase.head
    between = False
    if pattern.source_prep:
        found = prep_objects(noun, tuple(pattern.source_prep)) or prep_objects(phrase, tuple(pattern.source_prep))
        if not found and "between" in pattern.source_prep and phrase.dep_ in EVENT_NOUN_SLOTS:
            # "fighting broke out between X and Y", "clashes took place between X and Y": the sides
            # hang off the verb that only says the event happened.
            found = prep_objects(phrase.head, ("between",))
        if not found and "between" in pattern.source_prep:
            # "a clash ensued between X and Y": the parser may hang the verb on the noun instead.
            found = [o for verb in children(noun, {"acl"}) for o in prep_objects(verb, ("between",))]
        source = found[0] if found else None
        between = source is not None and source.head.lower_ == "between"
    if source is None:
        owners = children(noun, {"poss"})
        source = owners[0] if owners and owners[0].lower_ not in ("its", "their", "whose") else None
    if source is None:
        # "a US airstrike", "Iranian missile strikes": a country modifier names the doer.
        modifiers = [
            c for c in noun.children
            if c.dep_ in ("compound", "amod") and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")
        ]
        source = modifiers[0] if modifiers else None
    if pattern.target_prep:
        found = prep_objects(noun, tuple(pattern.target_prep)) or prep_objects(phrase, tuple(pattern.target_prep))
        target = found[0] if found else None
    if between and target is None:
        # "clashes between X and Y": the first side is the source, the second the target.
        source, target = between_sides(source)
    framed = under_target(noun)
    if target is None:
        # "Baghdad is under pressure from Washington": the party in that state is the target.
        target = framed
    of_objects = prep_objects(noun, ("of",))
    if of_objects:
        if pattern.theme_is_source and source is None:
            source = of_objects[0]
        elif not pattern.theme_is_source and target is None:
            target = of_objects[0]
    if source is None and framed is not None:
        # "The convoy came under attack by rebels": the agent may hang off the state verb; its
        # subject is the one acted on, never the doer.
        agents = prep_objects(noun.head.head, ("by", "from"))
        return (agents[0] if agents else None), target
    if source is None and phrase.dep_ in ("dobj", "pobj") and not is_under_phrase(noun):
        # "Trump ordered an airstrike": the governing verb's subject did it ("Under pressure,
        # the cabinet resigned": the one under it is not the doer).
        governor = phrase.head if phrase.dep_ == "dobj" else phrase.head.head
        if governor.pos_ == "VERB":
            source = subject_of(governor)
    return source, target


def between_sides(side: Token) -> tuple[Token, Token | None]:
    """The two sides of "between X and Y" from the preposition's object: (X, Y), Y None if unnamed.

    "between Ukrainian and Russian forces" coordinates the modifiers, "between the army and ISIS
    militants" may be parsed the same way: then the sides are the first modifier and its conjunct.
    """
    conjuncts = children(side, {"conj"})
    if conjuncts:
        return side, conjuncts[0]
    for modifier in side.lefts:
        if modifier.dep_ in ("amod", "compound", "nmod") and children(modifier, {"conj"}):
            return modifier, children(modifier, {"conj"})[0]
    return side, None


def _sides_on_governor(noun: Token, side: Token) -> bool:
    """Whether a side of the noun's event sits in a "between" phrase of the noun's governing verb."""
    prep = next((a for a in side.ancestors if a.dep_ == "prep"), None)
    if prep is None or prep.lower_ != "between":
        return False
    return prep.head.i == noun.head.i != noun.i or prep.head.dep_ == "acl" and prep.head.head.i == noun.i


def find_verb_events(sentence: Span, patterns: PatternSet, reporting: ReportingCues) -> Iterator[EventCandidate]:
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or token.dep_ == "aux":
            continue
        lemma = token.lemma_.lower()
        facts = VerbFacts(token)
        for pattern in patterns.verbs_for(lemma):
            if not verb_pattern_matches(token, pattern, facts):
                continue
            source = subject_of(token)
            target = target_of_verb(token, pattern)
            if target is not None and source is not None and target.i == source.i:
                target = None
            start, end = clause_bounds(token, source)
            yield EventCandidate(
                trigger=token.i, code=pattern.code,
                source=None if source is None else source.i,
                target=None if target is None else target.i,
                clause_start=start, clause_end=end, kind="verb",
                reporting=reporting.is_reporting_verb(lemma), pattern=pattern,
                target_fallbacks=target_fallbacks(token, source, target),
            )
            break


def find_noun_events(sentence: Span, patterns: PatternSet, consumed: set[int],
                     threatened: frozenset[int] = frozenset()) -> Iterator[EventCandidate]:
    """Nominal events, skipping `consumed` themes of coded verbs; a promised reaction is skipped
    only when `threatened`, the theme of a verb that already codes the threat ("threatened a
    crushing response")."""
    for token in sentence:
        if token.pos_ != "NOUN":
            continue
        for pattern in patterns.nouns_for(token.lemma_.lower()):
            # "issue devastating response orders": a promised reaction is a threat of its own,
            # not just the theme of the verb that would carry it out.
            if token.i in consumed and not (pattern.reaction and token.i not in threatened):
                continue
            if not noun_pattern_matches(token, pattern):
                continue
            source, target = noun_actors(token, pattern)
            start = token.left_edge.i
            end = token.right_edge.i + 1
            if source is not None and _sides_on_governor(token, source):
                # "fighting broke out between X and Y in Z": the sides (and the place) are the
                # governing verb's, so its clause is the event's.
                start, end = clause_bounds(token.head, None)
            yield EventCandidate(
                trigger=token.i, code=pattern.code,
                source=None if source is None else source.i,
                target=None if target is None else target.i,
                clause_start=start, clause_end=end, kind="noun", reporting=False, pattern=pattern,
                target_fallbacks=target_fallbacks(token, source, target),
            )
            break


def find_event_candidates(doc: Doc, patterns: PatternSet, reporting: ReportingCues) -> list[EventCandidate]:
    """All event candidates of the document, sentence by sentence, in text order."""
    found: list[EventCandidate] = []
    for sentence in doc.sents:
        verb_events = list(find_verb_events(sentence, patterns, reporting))
        # A noun that is the object of a coded verb is that event's theme, not a second event; a
        # reporting verb's object is what it reports ("announced the suspension of strikes").
        consumed = {
            theme.i
            for event in verb_events
            if not event.reporting
            for child in doc[event.trigger].children
            if child.dep_ in ("dobj", "nsubjpass")
            for theme in theme_phrase(child)
        }
        threatened = frozenset(
            theme.i
            for event in verb_events
            if event.code.startswith("13")
            for child in doc[event.trigger].children
            if child.dep_ in ("dobj", "nsubjpass")
            for theme in theme_phrase(child)
        )
        found.extend(verb_events)
        found.extend(find_noun_events(sentence, patterns, consumed, threatened))
    found.sort(key=lambda c: (c.clause_start, c.trigger))
    return found
