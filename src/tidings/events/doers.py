"""The doer and the recipient of an event's trigger: subjects, passive agents, objects, prepositions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from tidings.actors.parties import PARTY_ENTITIES
from tidings.events.arguments import relative_antecedent, stative_doer
from tidings.events.themes import theme_tokens

if TYPE_CHECKING:
    from tidings.events.patterns import VerbPattern

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
# Arcs inside one noun phrase, climbed to find the phrase a misattached participle belongs to.
NOMINAL_ARCS = frozenset({"pobj", "prep", "conj", "compound", "appos", "nmod"})
# Verbs with no passive reading: their past participle after a noun is a misparsed predicate
# ("150 citizens protested in Leon"), never "citizens who were protested".
INTRANSITIVE_LEMMAS = frozenset({"protest", "demonstrate", "gather", "march", "rally", "assemble", "riot",
                                 "picket", "congregate", "mobilize", "mobilise", "clash"})
# Entity labels of the date and place phrases a note opens with ("On 15 May, in Tula, Hidalgo, …").
SETTING_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC"})
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
    # A coordinated passive's agent is one even without a passive subject of the verb's own: "was
    # shot and killed by gunmen" hangs the subject on "shot", the agent on "killed". (A participle's
    # agent, "property seized by the army", describes a thing, not an act the text reports.)
    agents = prep_objects(verb, ("by",)) if passive else agent_objects(verb) if listed(verb) else []
    if (passive or listed(verb) and verb.tag_ == "VBN") and not agents:
        agents = _conjunct_agents(verb)
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
    if head.i == verb.i:  # spaCy makes a new Token on every access: compare indices
        return _swallowed_subject(verb)
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
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON") and head.i < verb.i:
        return modified_doer(verb)
    return None


def _swallowed_subject(verb: Token) -> Token | None:
    """The subject of a subjectless main verb that the parser folded into the date or place phrase
    before it: "On 15 May, dealers at the casino walked out" (dealers: a conjunct of "May"), "in
    Tula, Hidalgo, about 100 workers held a march" (workers: an apposition of the place)."""
    found = None
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        for token in prep.subtree:
            if (token.dep_ in ("appos", "conj") and token.pos_ in ("NOUN", "PROPN")
                    and token.ent_type_ not in SETTING_ENTITIES and _is_setting(token.head)):
                found = token
    return content_head(found) if found is not None else None


def _is_setting(token: Token) -> bool:
    """A date or a named place ("May", "Tula"; a place name may carry an ORG label from the ruler)."""
    return token.ent_type_ in SETTING_ENTITIES or token.pos_ == "PROPN" and token.dep_ in ("pobj", "appos")


def agent_objects(verb: Token) -> list[Token]:
    """Objects of the verb's passive-agent arcs ("killed by gunmen" → gunmen)."""
    return [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]


def _conjunct_agents(verb: Token) -> list[Token]:
    """The agent of a later coordinated passive with no subject of its own: in "was dragged from his
    car and beaten by four men" the men did both; the last agent in the chain is shared."""
    found: list[Token] = []
    chain = sorted((t for t in verb.subtree if t.pos_ == "VERB" and t.i > verb.i and _coordinated(verb, t)),
                   key=lambda t: t.i)
    for conj in chain:
        if children(conj, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS):
            break  # "was arrested and police beat him": a new subject starts a new act
        found = agent_objects(conj) or found
    return found


def _coordinated(verb: Token, conj: Token) -> bool:
    """Whether `conj` reaches `verb` through list arcs only (not a conjunct inside a clause of it)."""
    while listed(conj) and conj.i != verb.i:
        conj = conj.head
    return conj.i == verb.i


def listed(verb: Token) -> bool:
    """A verb in a list of predicates: a conjunct, or a bare participle the parser hung as an
    adverbial clause ("was kidnapped, tortured and shot": "tortured" comes out as advcl)."""
    if verb.dep_ == "conj":
        return True
    return (verb.dep_ == "advcl" and verb.tag_ == "VBN" and verb.head.pos_ == "VERB"
            and not children(verb, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"mark", "aux", "auxpass"}))


def _noun_phrase_top(noun: Token) -> Token:
    """The head of the whole noun phrase a noun sits in ("tens of doctors at the hospital" → tens)."""
    top = current = noun
    while current.dep_ in NOMINAL_ARCS and current.head.i != current.i:
        current = current.head
        if current.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            top = current
        elif current.pos_ != "ADP" and current.dep_ != "prep":  # "including" is tagged a verb
            break
    return top


def modified_doer(verb: Token) -> Token | None:
    """The doer of a participle clause misparsed as modifying a noun, or None.

    "around 1000 people protested in Palma": with no verb at the root (or the root after the clause)
    the parser made the real predicate a participle of its subject, hung on the nearest noun, and
    the whole phrase is the doer. A past participle is otherwise passive ("civilians killed in the
    attack"), so it only counts when active: tagged past tense, with an object, or a verb that has
    no passive reading ("people protested").
    """
    if agent_objects(verb) or verb.tag_ == "VB":
        return None  # "an attempt to assassinate X": a noun's infinitive is no predicate
    top = _noun_phrase_top(verb.head)
    # "members … protested in X, voicing anger": the participle after it was made the root instead.
    # A finite verb after it is the real predicate ("troops deployed there were attacked").
    # "On 10 May, relatives of a victim protested": the parser may make "On" the root and the whole
    # sentence its object; the phrase before the participle is then its subject too.
    predicate = (top.dep_ == "ROOT" or top.dep_ == "nsubj" and top.head.i > verb.i and top.head.tag_ == "VBG"
                 or top.dep_ == "pobj" and top.head.dep_ == "ROOT" and top.head.pos_ == "ADP")
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    active = any(v.tag_ == "VBD" or children(v, {"dobj"}) for v in verbs)
    # An active participle elsewhere ("roads leading to Kabul", "a withdrawal … calling them") is
    # too often a thing's description, not an act of the noun: only the misparsed predicate counts.
    if predicate and (active or verb.tag_ == "VBG" or verb.lemma_.lower() in INTRANSITIVE_LEMMAS):
        return content_head(top)
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


def target_of_verb(verb: Token, pattern: VerbPattern) -> Token | None:
    """The recipient of a verb's action: passive subject, object, or a preposition's object."""
    passive = children(verb, PASSIVE_SUBJECT_DEPS)
    if not passive and listed(verb) and not children(verb, SUBJECT_DEPS) and (
            agent_objects(verb) or _conjunct_agents(verb)):
        # "a man was shot and killed by gunmen": the later passive shares the first one's subject.
        first = verb
        while listed(first) and not children(first, PASSIVE_SUBJECT_DEPS):
            first = first.head
        passive = children(first, PASSIVE_SUBJECT_DEPS)
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


def _named_recipient(candidates: list[Token]) -> Token | None:
    """The first candidate that is, or is modified by, a named actor ("Chilean officials")."""
    for token in candidates:
        if token.ent_type_ in PARTY_ENTITIES or any(
            t.ent_type_ in PARTY_ENTITIES for child in token.lefts for t in child.subtree
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
