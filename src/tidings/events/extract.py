"""Find event candidates in a parsed document: who did what to whom, from dependency arcs."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from tidings.events.arguments import relative_antecedent, stative_doer, target_fallbacks
from tidings.events.framing import is_under_phrase, is_unrealized, reaction_actors, under_target
from tidings.events.themes import EVENT_FRAME_NOUNS, theme_phrase, theme_tokens, theme_words

if TYPE_CHECKING:
    from tidings.events.patterns import NounPattern, PatternSet, VerbPattern
    from tidings.events.reporting import ReportingCues

SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
# Verbs whose direct object is the doer of their complement ("urged the militias to stop").
OBJECT_CONTROL_LEMMAS = frozenset(
    {"urge", "ask", "tell", "advise", "order", "persuade", "force", "call", "press", "push",
     "encourage", "invite", "allow", "warn", "request", "instruct", "pressure", "help", "lead"}
)
# Prepositions whose object is a plausible target when the pattern names none.
DEFAULT_TARGET_PREPS = ("against", "on", "with", "at", "to", "toward", "towards", "into")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Nouns that count or group the real actor: "thousands of students", "a group of militias".
QUANTITY_HEADS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million",
                            "millions", "group", "number", "third", "half", "majority", "some", "many",
                            "one", "two", "tens", "scores", "score", "handful", "most", "several", "all"})


def content_head(token: Token) -> Token:
    """The noun a quantity phrase counts ("thousands of students" → students), else the token."""
    for _ in range(2):
        if token.lemma_.lower() not in QUANTITY_HEADS and token.lower_ not in QUANTITY_HEADS:
            break
        objects = [o for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj"]
        if not objects:
            break
        token = objects[0]
    return token


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


def children(token: Token, deps: set[str] | frozenset[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Objects of the token's prepositions in `preps` ("against Iran" → Iran), in order."""
    found = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ in preps:
            found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The doer of a verb: its subject, the agent of a passive, or the subject it inherits."""
    if depth > 6:
        return None
    stance = stative_doer(verb)
    if stance is not None:
        return content_head(stance)  # "Israel is opposed to the plan": the passive's subject holds the stance
    passive = children(verb, PASSIVE_SUBJECT_DEPS)
    agents = prep_objects(verb, ("by",)) if passive else []
    if agents:
        return agents[0]
    if passive:
        # "if any Americans were killed": a passive without agent leaves the doer unsaid; it is
        # not the subject of the clause it hangs from ("Trump said he would respond if …").
        return None
    subjects = children(verb, SUBJECT_DEPS)
    if subjects:
        subject = subjects[0]
        if subject.pos_ == "VERB" and subject is not verb:
            # "The Red Cross operating in Iraq said": a participle parsed as the subject; its own
            # subject is the doer.
            return subject_of(subject, depth + 1)
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return relative_antecedent(verb)
        # "whose missiles struck": the doer is the possessor, i.e. the noun the clause modifies.
        if any(c.lower_ == "whose" for c in subject.children) and verb.dep_ == "relcl":
            return relative_antecedent(verb)
        return content_head(subject)
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ in ("xcomp", "advcl") and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod"):
        # "France is ready to contribute", "Syria is willing to withdraw": the adjective's subject.
        return subject_of(head.head, depth + 1) if head.head is not head else None
    if verb.dep_ == "xcomp" and children(head, PASSIVE_SUBJECT_DEPS):
        # "Iraq was forced to withdraw", "the envoy is expected to visit": the passive's subject.
        return content_head(children(head, PASSIVE_SUBJECT_DEPS)[0])
    if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_.lower() in OBJECT_CONTROL_LEMMAS:
        objects = children(head, {"dobj"})
        if objects and verb.dep_ == "xcomp":
            return objects[0]
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp") and head.pos_ in ("VERB", "AUX"):
        return subject_of(head, depth + 1)
    if verb.dep_ == "csubj" and head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX"):
        # "officials said that removing the sanctions is out of the question": a subjectless act
        # weighed in a claim is the claimant's own option.
        return subject_of(head.head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head:
        return _gerund_doer(head, depth)
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return head
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and _misparsed_predicate(verb):
        # "Doctors from two aid groups donated and delivered goods": with no verb at the root the
        # parser made the real predicate a participle of its subject.
        return head
    return None


def _gerund_doer(prep: Token, depth: int) -> Token | None:
    """The doer of a subjectless gerund after a preposition ("by attacking", "options for attacking").

    "quoted an official as saying": the verb's object; "retaliated by attacking": the verb's subject;
    "requested options for attacking": the subject of the verb whose object the noun is. Other
    verbs' gerunds ("accused Iraq of violating") are the content of a claim, not an act of its own.
    """
    governor = prep.head
    if governor.pos_ in ("VERB", "AUX"):
        objects = children(governor, {"dobj"})
        if prep.lower_ == "as" and objects and objects[0].pos_ in ("NOUN", "PROPN"):
            return content_head(objects[0])
        return subject_of(governor, depth + 1) if prep.lower_ == "by" else None
    owned = any(c.dep_ == "poss" or c.dep_ in ("amod", "compound") and c.ent_type_ for c in governor.lefts)
    if governor.pos_ == "NOUN" and governor.dep_ == "dobj" and governor.head.pos_ in ("VERB", "AUX") and not owned:
        # "rejected an Indian proposal for signing": an owned plan is its owner's, not the verb's doer's.
        return subject_of(governor.head, depth + 1)
    return None


def _misparsed_predicate(verb: Token) -> bool:
    """A participle that is the sentence's predicate: the root is no verb, and the participle (or
    a verb coordinated with it) is tagged past tense or takes a direct object, so it is active."""
    if verb.sent.root.pos_ in ("VERB", "AUX"):
        return False
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(v.tag_ == "VBD" or children(v, {"dobj"}) for v in verbs)


def target_of_verb(verb: Token, pattern: VerbPattern) -> Token | None:
    """The recipient of a verb's action: passive subject, object, or a preposition's object."""
    passive = children(verb, PASSIVE_SUBJECT_DEPS)
    if passive and stative_doer(verb) is not None:
        # "Israel is opposed to French mediation": the subject is the doer; the target is what it is
        # opposed to or engaged in.
        objects = prep_objects(verb, tuple(pattern.target_prep) if pattern.target_prep
                               else ("to", "in", "against", "with", "on"))
        return objects[0] if objects else None
    if passive:
        # "One third of the guerrillas have been demobilized": the guerrillas are the target.
        return content_head(passive[0])
    if pattern.prep:
        objects = prep_objects(verb, (pattern.prep,))
        if objects:
            return objects[0]
    preps = tuple(pattern.target_prep) if pattern.target_prep else DEFAULT_TARGET_PREPS
    objects = children(verb, OBJECT_DEPS)
    if objects and objects[0].pos_ in ("PROPN", "NOUN", "PRON"):
        # Target-head fix (actors helper, issue 5): a thing sent or imposed is the theme, the named
        # party in the preposition is the target ("send arms to Pakistan", "a blockade on Palestinian
        # lorries"). Only a common noun with no entity of its own yields to a named recipient.
        if objects[0].pos_ == "NOUN" and not objects[0].ent_type_:
            recipient = _named_recipient([*prep_objects(verb, preps), *prep_objects(objects[0], preps)])
            if recipient is not None:
                return recipient
        themes = theme_tokens(objects[0])
        if len(themes) > 1:
            # "handed over 300 tonnes of food to the refugees": a measure of goods is never the
            # party; whoever the goods go to is, named or not.
            recipients = [o for t in (verb, *themes) for o in prep_objects(t, preps)
                          if o.ent_type_ not in ("DATE", "TIME", "QUANTITY", "MONEY")]
            if recipients:
                return recipients[0]
        return objects[0]
    # Target-head fix (actors helper, issue 5): "on Tuesday" is a date, never the target.
    objects = [o for o in prep_objects(verb, preps) if o.ent_type_ not in ("DATE", "TIME")]
    if not objects:
        # "launched missiles at the embassy": the target hangs off the object noun.
        for obj in children(verb, {"dobj"}):
            objects = prep_objects(obj, preps)
            if objects:
                break
    if objects:
        return objects[0]
    return _complement_target(verb, preps)


# Entity labels that name an actor (actors helper, issue 5: target-head selection).
ACTOR_ENTITY_LABELS = frozenset({"GPE", "NORP", "ORG", "PERSON"})


def _named_recipient(candidates: list[Token]) -> Token | None:
    """The first candidate that is, or is modified by, a named actor ("Chilean officials")."""
    for token in candidates:
        if token.ent_type_ in ACTOR_ENTITY_LABELS or any(
            t.ent_type_ in ACTOR_ENTITY_LABELS for child in token.lefts for t in child.subtree
        ):
            return token
    return None


def _complement_target(verb: Token, preps: tuple[str, ...]) -> Token | None:
    """Target-head fix (actors helper, issue 5): a verb with no target of its own takes its
    complement's ("demanded that the government end curbs" → government; "refused to meet
    Jordan's king" → king; "threatened to launch an offensive with Iraq" → Iraq)."""
    for comp in children(verb, {"ccomp"}):
        subjects = children(comp, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        if subjects and subjects[0].pos_ in ("PROPN", "NOUN") and subjects[0].lower_ not in RELATIVE_PRONOUNS:
            return subjects[0]
    for comp in children(verb, {"xcomp"}):
        objects = [o for o in children(comp, OBJECT_DEPS) if o.pos_ in ("PROPN", "NOUN")]
        recipient = _named_recipient([*prep_objects(comp, preps),
                                      *(t for o in objects for t in prep_objects(o, preps))])
        if objects and (objects[0].ent_type_ or recipient is None):
            return objects[0]
        if recipient is not None:
            return recipient
    return None


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
    if pattern.source_prep:
        found = prep_objects(noun, tuple(pattern.source_prep)) or prep_objects(phrase, tuple(pattern.source_prep))
        source = found[0] if found else None
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
