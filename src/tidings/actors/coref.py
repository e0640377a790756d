"""ActorContext: one article's discourse memory, and the antecedent searches coreference uses."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc, Token

from tidings.actors.kb import ActorKB
from tidings.types import Actor

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Antecedents are looked for among this many preceding mentions: news rarely refers further back,
# and an unbounded search makes a long, repetitive text quadratic.
LOOKBACK = 300


@dataclass(frozen=True)
class Mention:
    """A resolved mention as the memory keeps it: the actor and what coreference matches on."""

    actor: Actor  # code None: a person the KB cannot code, still an antecedent for "he"
    sentence: int  # token index of the sentence start
    subject: bool
    person: bool  # one individual (an antecedent for "he"/"she")
    cue: str | None  # the head's role cue ("militia", "newspaper")
    titles: frozenset[str]  # offices the mention gives or the KB knows ("president")
    organisation: bool  # a named organisation (an antecedent for "the group")

    @property
    def start(self) -> int:
        return self.actor.start


class ActorContext:
    """One per article: every resolved mention, so later mentions can corefer with earlier ones.

    Antecedents are searched by text position, not by the order resolve_actor was called in, so a
    caller may resolve a sentence's actors in any order and get the same codes.
    """

    def __init__(self, kb: ActorKB, when: date | None = None) -> None:
        self.kb = kb
        self.when = when
        self._doc: Doc | None = None
        self._mentions: list[Mention] = []  # in text order
        self._starts: list[int] = []  # the mentions' start offsets, for bisecting
        self._spans: set[tuple[int, int]] = set()
        self._by_head: dict[int, Actor | None] = {}

    # -- memory --------------------------------------------------------------------------------

    def read(self, doc: Doc, resolve: Callable[[Token], Actor | None],
             heads: Callable[[Doc], list[Token]]) -> None:
        """On a new document, forget the last one and resolve each of its heads once, in text order."""
        if doc is self._doc:
            return
        self._doc, self._mentions, self._starts, self._spans, self._by_head = doc, [], [], set(), {}
        for head in heads(doc):
            self._by_head[head.i] = resolve(head)

    def known(self, head: Token) -> tuple[bool, Actor | None]:
        """(whether the head was resolved already, its actor)."""
        if head.doc is not self._doc or head.i not in self._by_head:
            return False, None
        return True, self._by_head[head.i]

    def remember(self, head: Token, actor: Actor, *, person: bool, cue: str | None,
                 titles: frozenset[str], organisation: bool) -> None:
        if (actor.start, actor.end) in self._spans:
            return
        self._spans.add((actor.start, actor.end))
        mention = Mention(actor, head.sent.start, head.dep_ in SUBJECT_DEPS, person, cue, titles,
                          organisation)
        at = bisect_left(self._starts, actor.start)
        self._starts.insert(at, actor.start)
        self._mentions.insert(at, mention)
        self._by_head.setdefault(head.i, actor if actor.code else None)

    def _before(self, position: int) -> Iterator[Mention]:
        """Mentions that end before `position`, nearest first, at most LOOKBACK of them."""
        at = bisect_left(self._starts, position)
        for mention in reversed(self._mentions[max(0, at - LOOKBACK):at]):
            if mention.actor.end <= position:
                yield mention

    # -- antecedents ---------------------------------------------------------------------------

    def person_antecedent(self, position: int) -> Mention | None:
        """For "he"/"she"/"his": the latest person, preferring that sentence's subject."""
        people = (m for m in self._before(position) if m.person)
        return _prefer_subject(people)

    def group_antecedent(self, position: int, named_only: bool = False) -> Mention | None:
        """For "its"/"their"/"the group": the latest coded non-person, preferring subjects."""
        groups = (m for m in self._before(position)
                  if not m.person and m.actor.code and (m.organisation or not named_only))
        return _prefer_subject(groups)

    def name_antecedent(self, position: int, name: str) -> Mention | None:
        """For a bare name ("Haddad"): the latest person whose full name ends with or contains it."""
        wanted = name.lower().split()
        for mention in self._before(position):
            known = (mention.actor.name or "").lower().split()
            if mention.person and known and len(wanted) < len(known) and (
                known[-len(wanted):] == wanted or " ".join(wanted) in " ".join(known)
            ):
                return mention
        return None

    def named_antecedent(self, position: int, name: str) -> Mention | None:
        """The latest coded mention of the KB actor called `name` ("Trump" after "President Trump")."""
        return next((m for m in self._before(position)
                     if m.actor.name == name and m.actor.code and (m.person or m.organisation)), None)

    def role_antecedent(self, position: int, cue: str | None, role: str | None,
                        person: bool) -> Mention | None:
        """For "the president", "the newspaper", "the militias": the latest matching actor.

        First an actor with that title or cue ("the minister" matches "prime minister"), then one
        with the same role and the same person/group kind, then one with the same role.
        """
        earlier = [m for m in self._before(position)
                   if m.actor.code and (m.actor.country or m.organisation)]
        if cue:
            for mention in earlier:
                names = {*mention.titles, *([mention.cue] if mention.cue else [])}
                if any(n == cue or n.endswith(" " + cue) for n in names):
                    return mention
        if role:
            same_role = [m for m in earlier if m.actor.role == role]
            same_kind = [m for m in same_role if m.person == person]
            if same_kind or same_role:
                return (same_kind or same_role)[0]
        return None


def _prefer_subject(nearest_first: Iterator[Mention]) -> Mention | None:
    """The nearest mention, or the last subject among those in its sentence before it."""
    latest = next(nearest_first, None)
    if latest is None or latest.subject:
        return latest
    for mention in nearest_first:
        if mention.sentence != latest.sentence:
            break
        if mention.subject:
            return mention
    return latest
