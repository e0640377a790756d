"""Casualty, arrest and troop counts in a clause ("killing 12", "from 3,000 to 2,500 troops")."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from tidings.types import Quantity
from tidings.nlp import doc_text

# Lemmas (as the model gives them) that say what a count counts.
CUES = {
    "killed": frozenset(
        {"kill", "die", "dead", "death", "slay", "massacre", "execute", "behead", "slaughter"}
    ),
    "wounded": frozenset({"wound", "wounded", "injure", "injured", "hurt", "injury", "maim"}),
    "arrested": frozenset({"arrest", "detain", "jail", "imprison", "apprehend", "round", "nab"}),
}
TROOP_NOUNS = frozenset(
    {
        "troop",
        "soldier",
        "force",
        "personnel",
        "marine",
        "peacekeeper",
        "serviceman",
        "paratrooper",
        "reservist",
        "servicemember",
    }
)
# "rose to 45" counts the dead only when the death toll is what rose.
TOLL_NOUNS = frozenset({"toll"})
UNITS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {
    w: 10 * i
    for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)
}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
# Entity types whose numbers are never head counts ("$3 million", "12 percent", "the 3rd").
NOT_COUNTS = frozenset({"MONEY", "PERCENT", "ORDINAL", "TIME", "QUANTITY"})
# Sub-counts ("including four children", "among the dead") repeat part of a count already given.
SUBSET_HEADS = frozenset({"include", "including", "among"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "npadvmod", "attr", "oprd"})


def _word_value(word: str) -> float | None:
    """The value of one number word or numeral ("3,000", "twelve"), None if it is not one."""
    word = word.lower()
    if DIGITS.match(word):
        return float(word.replace(",", ""))
    if word in UNITS:
        return UNITS[word]
    if word in TENS:
        return TENS[word]
    return None


def number_value(words: list[str]) -> int | float | None:
    """The value of a number phrase ("two hundred and fifty", "1.5 million", "a dozen")."""
    total, current, seen = 0.0, 0.0, False
    for word in words:
        word = word.lower()
        if word in ("and", "-", "a", "an"):
            continue
        parts = word.split("-")
        if len(parts) > 1 and all(_word_value(p) is not None for p in parts):
            current += sum(_word_value(p) or 0 for p in parts)
        elif (value := _word_value(word)) is not None:
            current += value
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word == "dozen":
            current = (current or 1) * 12
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    return int(value) if value == int(value) else value


def _is_number_word(token: Token) -> bool:
    # "dozens" and "hundreds" are vague on purpose; only the singular forms are numbers.
    lower = token.lower_
    return (
        _word_value(lower) is not None
        or lower in SCALES
        or lower in ("hundred", "dozen")
        or (("-" in lower) and number_value([lower]) is not None)
    )


def _joins(before: Token, joiner: Token, after: Token) -> bool:
    """Whether a joiner continues one number: "twenty-five", "two hundred and fifty".

    Not "12 and 30" (two counts) nor "10-15" (a range).
    """
    if joiner.text == "-":
        return before.lower_ in TENS and after.lower_ in UNITS
    if joiner.lower_ == "and":
        return before.lower_ in ("hundred", *SCALES) and _word_value(after.lower_) is not None
    return False


def number_phrases(span: Span) -> list[list[Token]]:
    """Runs of number tokens ("two", "hundred"; "1.5", "million"), joined over "-" and "and"."""
    phrases: list[list[Token]] = []
    current: list[Token] = []
    for token in span:
        if _is_number_word(token):
            # "a dozen", "a hundred": the article is part of the number's text.
            if (
                not current
                and token.i > span.start
                and token.nbor(-1).lower_ in ("a", "an")
                and token.lower_ in ("hundred", "thousand", "million", "dozen")
            ):
                current.append(token.nbor(-1))
            current.append(token)
        elif current and token.i + 1 < span.end and _joins(current[-1], token, token.nbor(1)):
            current.append(token)
        elif current:
            phrases.append(current)
            current = []
    if current:
        phrases.append(current)
    return phrases


def _phrase_head(phrase: list[Token]) -> Token:
    """The token of the phrase whose head lies outside it (the phrase's link to the sentence)."""
    inside = {t.i for t in phrase}
    for token in reversed(phrase):
        if token.head.i not in inside or token.head is token:
            return token
    return phrase[-1]


def _clause_verb(token: Token, limit: int = 4) -> Token | None:
    """The verb a prepositional number hangs from ("rose to 45", "from 3,000 to 2,500")."""
    current = token
    for _ in range(limit):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _mentions_troops(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass"):
            if child.lemma_.lower() in TROOP_NOUNS:
                return True
            # "the number of troops", "its presence of soldiers"
            for of in child.children:
                if of.lower_ == "of" and any(o.lemma_.lower() in TROOP_NOUNS for o in of.children):
                    return True
    return False


def _cue_of(lemma: str) -> str | None:
    for what, lemmas in CUES.items():
        if lemma in lemmas:
            return what
    return None


def _casualty(counted: Token) -> str | None:
    """killed / wounded / arrested when the words around the counted noun say so."""
    lemma = counted.lemma_.lower()
    if counted.pos_ == "ADJ" and _cue_of(lemma):  # "12 dead", "three wounded"
        return _cue_of(lemma)
    for child in counted.children:  # "12 people killed", "30 wounded soldiers"
        if child.dep_ in ("amod", "acl", "relcl") and _cue_of(child.lemma_.lower()):
            return _cue_of(child.lemma_.lower())
    governor = counted.head
    if governor is counted:
        return None
    cue = _cue_of(governor.lemma_.lower())
    if cue and (
        counted.dep_ in OBJECT_DEPS
        or (
            counted.dep_ == "nsubj"
            and (
                governor.lemma_.lower() == "die" or governor.tag_ == "VBN" or governor.pos_ == "ADJ"
            )
        )
    ):
        # An active subject of "kill" is the killer, so only passive or intransitive subjects count.
        return cue
    if counted.dep_ in (
        "nsubj",
        "dobj",
    ):  # "three were dead", "left 12 people dead", "among the dead"
        for sibling in governor.children:
            if sibling.dep_ in ("acomp", "oprd", "xcomp", "ccomp") and _cue_of(
                sibling.lemma_.lower()
            ):
                return _cue_of(sibling.lemma_.lower())
            if sibling.dep_ == "prep" and sibling.lower_ == "among":
                for obj in sibling.children:
                    if obj.dep_ == "pobj" and _cue_of(obj.lemma_.lower()):
                        return _cue_of(obj.lemma_.lower())
    if counted.dep_ == "pobj" and governor.lower_ == "of":  # "the deaths of 12 people"
        return _cue_of(governor.head.lemma_.lower())
    return None


def _counts_what(head: Token) -> str | None:
    """What the number whose phrase head is `head` counts, from the words around it."""
    counted = head.head if head.dep_ in ("nummod", "compound", "quantmod") else head
    # Casualties first: "killed 3 soldiers" counts the dead, not the troops.
    cue = _casualty(counted)
    if cue:
        return cue
    if counted.lemma_.lower() in TROOP_NOUNS:
        return "troops"
    if counted.dep_ == "pobj":  # "the death toll rose to 45", "cut troops from 3,000 to 2,500"
        verb = _clause_verb(counted)
        if verb is not None:
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if subject.lemma_.lower() in TOLL_NOUNS:
                    return "killed"
                for of in (c for c in subject.children if c.lower_ == "of"):  # "the number of dead"
                    for obj in of.children:
                        if obj.dep_ == "pobj" and _cue_of(obj.lemma_.lower()):
                            return _cue_of(obj.lemma_.lower())
            if _mentions_troops(verb):
                return "troops"
    return None


def _superseded(head: Token) -> bool:
    """A "from" number that a "to" number replaces ("from 3,000 to 2,500": only 2,500 stays)."""
    counted = head.head if head.dep_ in ("nummod", "compound", "quantmod") else head
    prep = counted.head
    if counted.dep_ != "pobj" or prep.lower_ != "from":
        return False
    for holder in (prep, prep.head):
        for child in holder.children:
            if child.lower_ == "to" and any(c.dep_ == "pobj" for c in child.children):
                return True
    return False


def _is_subset(head: Token) -> bool:
    counted = head.head if head.dep_ in ("nummod", "compound", "quantmod") else head
    return counted.dep_ == "pobj" and counted.head.lemma_.lower() in SUBSET_HEADS


def find_quantities(span: Span) -> tuple[Quantity, ...]:
    """Counts of killed, wounded and arrested people and of troops in the span, in text order."""
    found: list[Quantity] = []
    for phrase in number_phrases(span):
        if any(t.ent_type_ in NOT_COUNTS for t in phrase):
            continue
        value = number_value([t.text for t in phrase])
        if value is None:
            continue
        head = _phrase_head(phrase)
        # A bare four-digit year ("in 2021") is a date, not a count.
        if (
            head.ent_type_ == "DATE"
            and isinstance(value, int)
            and 1800 <= value <= 2100
            and "," not in head.text
        ):
            continue
        if _superseded(head) or _is_subset(head):
            continue
        what = _counts_what(head)
        if what is None:
            continue
        text = doc_text(span.doc)[phrase[0].idx : phrase[-1].idx + len(phrase[-1].text)]
        found.append(Quantity(what=what, value=value, text=text))
    return tuple(found)
