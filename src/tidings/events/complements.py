"""Code an event by its complement clause: what a demand asks for, what a threat threatens."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from tidings.errors import DataFileError
from tidings.events.codebook import Codebook, root_of
from tidings.events.derive import WHEN, Derivations
from tidings.events.extract import EventCandidate

# Arcs from a head verb down to the act it governs: "threatened [xcomp] to cut", "demanded
# [ccomp] that … end", "called [prep] for [pobj] the release". Bounded, as complements are near.
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "dobj", "prep", "pobj", "pcomp", "acl"})
MAX_ARCS = 3


@dataclass(frozen=True)
class ComplementRules:
    """Rules from data/patterns/complements.yaml (see the file for what each means)."""

    refine: dict[str, str]  # head root → derived.tsv `when`
    modals: frozenset[str]
    have_verbs: frozenset[str]
    obligation_verbs: frozenset[str]
    obligation_nouns: frozenset[str]
    default_demand: str
    purpose_roots: frozenset[str] = frozenset()
    purpose_digits: tuple[tuple[str, frozenset[str]], ...] = ()  # (digit, words), tried in order
    known_codes: frozenset[str] = frozenset()  # the codebook's codes, to form only real subcodes

    @classmethod
    def load(cls, codebook: Codebook, path: Path | None = None) -> ComplementRules:
        source = path or resources.files("tidings") / "data" / "patterns" / "complements.yaml"
        where = str(source)
        nodes = yaml.compose(source.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or set(data) != {"refine", "obligation", "purpose"}:
            raise DataFileError(where, 1, "expected the keys refine, obligation and purpose")
        lines = {key.value: key.start_mark.line + 1 for key, _ in nodes.value}
        refine = data["refine"]
        if not isinstance(refine, dict):
            raise DataFileError(where, lines["refine"], "refine must map a CAMEO root to a derived.tsv 'when'")
        for root, when in refine.items():
            if not (isinstance(root, str) and len(root) == 2 and root in codebook) or when not in WHEN:
                raise DataFileError(where, lines["refine"], f"bad refine entry {root!r}: {when!r}")
        obligation = data["obligation"]
        keys = {"modals", "have_verbs", "verbs", "nouns", "default_code"}
        if not isinstance(obligation, dict) or set(obligation) != keys:
            raise DataFileError(where, lines["obligation"], f"obligation must have exactly {sorted(keys)}")
        for key in ("modals", "have_verbs", "verbs", "nouns"):
            words = obligation[key]
            if not isinstance(words, list) or not all(isinstance(w, str) and w == w.strip().lower() for w in words):
                raise DataFileError(where, lines["obligation"], f"obligation.{key} must be a list of lower-case words")
        if str(obligation["default_code"]) not in codebook:
            raise DataFileError(where, lines["obligation"], "obligation.default_code is not a CAMEO code")
        purpose_roots, purpose_digits = _purpose(data["purpose"], where, lines["purpose"], codebook)
        return cls(
            purpose_roots=purpose_roots,
            purpose_digits=purpose_digits,
            known_codes=frozenset(codebook.codes()),
            refine={str(k): str(v) for k, v in refine.items()},
            modals=frozenset(obligation["modals"]),
            have_verbs=frozenset(obligation["have_verbs"]),
            obligation_verbs=frozenset(obligation["verbs"]),
            obligation_nouns=frozenset(obligation["nouns"]),
            default_demand=str(obligation["default_code"]),
        )


def _purpose(data: Any, where: str, line: int, codebook: Codebook) -> tuple[frozenset[str], tuple[tuple[str, frozenset[str]], ...]]:
    if not isinstance(data, dict) or set(data) != {"roots", "digits"}:
        raise DataFileError(where, line, "purpose must have exactly roots and digits")
    roots = data["roots"]
    if not isinstance(roots, list) or not all(isinstance(r, str) and r in codebook for r in roots):
        raise DataFileError(where, line, "purpose.roots must be a list of quoted CAMEO roots")
    digits = []
    for entry in data["digits"] if isinstance(data["digits"], list) else [None]:
        if not (isinstance(entry, dict) and set(entry) == {"digit", "words"} and str(entry["digit"]).isdigit()
                and isinstance(entry["words"], list) and all(isinstance(w, str) and w == w.lower() for w in entry["words"])):
            raise DataFileError(where, line, "each purpose.digits entry needs a digit and a list of lower-case words")
        digits.append((str(entry["digit"]), frozenset(entry["words"])))
    return frozenset(roots), tuple(digits)


def _purpose_code(doc: Doc, candidate: EventCandidate, rules: ComplementRules) -> str | None:
    """A protest's subcode from what its clause says it is for, or None."""
    code = candidate.code
    if len(code) != 3 or root_of(code) not in rules.purpose_roots:
        return None
    trigger = doc[candidate.trigger]
    # "began a hunger strike to protest …": the purpose hangs off the verb that governs the noun.
    scope = trigger.head if candidate.kind == "noun" and trigger.dep_ in ("dobj", "nsubj", "nsubjpass") else trigger
    subject = {t.i for c in scope.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    lemmas = {t.lemma_.lower() for t in scope.subtree if t.i not in subject}
    for digit, words in rules.purpose_digits:
        if lemmas & words and code + digit in rules.known_codes:
            return code + digit
    return None


def _governs(head: Token, token: Token) -> bool:
    """Whether `token` hangs below `head` through complement arcs only (at most MAX_ARCS)."""
    # spaCy makes a new Token object on every access: compare indices, never identity.
    current = token
    for _ in range(MAX_ARCS):
        if current.dep_ not in COMPLEMENT_DEPS or current.head.i == current.i:
            return False
        current = current.head
        if current.i == head.i:
            return True
    return False


def _is_bare(candidate: EventCandidate) -> bool:
    """A verb event from its lemma's fallback pattern: nothing in the sentence chose its subcode."""
    pattern: Any = candidate.pattern
    return candidate.kind == "verb" and pattern is not None and getattr(pattern, "specificity", 1) == 0


def _obliged_act(verb: Token, rules: ComplementRules) -> Token | None:
    """The act a clause says someone must do: "(that) Sudan must return" → return."""
    # "issued a reminder to Iraq that it must cooperate": the clause may hang off the object noun.
    clauses = [c for c in verb.children if c.dep_ == "ccomp"] + [
        c for obj in verb.children if obj.dep_ == "dobj" for c in obj.children if c.dep_ in ("acl", "ccomp")
    ]
    for obj in verb.children:
        # "stressed the obligation of the community to lift sanctions": the act is the noun's clause.
        if obj.dep_ == "dobj" and obj.lemma_.lower() in rules.obligation_nouns:
            for act in obj.children:
                if act.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in act.children):
                    return act
    for clause in clauses:
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in rules.modals for c in clause.children):
            return clause
        # "Sudan has to return": the act is the xcomp of "have".
        if clause.lemma_.lower() in rules.have_verbs:
            acts = [c for c in clause.children if c.dep_ == "xcomp"]
            if acts and any(c.dep_ == "aux" and c.lower_ == "to" for c in acts[0].children):
                return acts[0]
    return None


def _subject(clause: Token) -> Token | None:
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    # "the obligation of the community to act": the one obliged is the noun's of-object.
    if clause.dep_ == "acl":
        for prep in clause.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                objects = [o for o in prep.children if o.dep_ == "pobj"]
                if objects:
                    return objects[0]
    # "Sudan has to return": the subject sits on "have".
    if clause.dep_ == "xcomp":
        return _subject(clause.head)
    return None


def refine_candidates(
    doc: Doc, candidates: Sequence[EventCandidate], rules: ComplementRules, derivations: Derivations,
    reporting_lemmas: frozenset[str] = frozenset(),
) -> list[EventCandidate]:
    """Candidates with obligations turned into demands and bare codes sharpened by complements."""
    dropped: set[int] = set()
    result: dict[int, EventCandidate] = {}
    for candidate in candidates:
        verb = doc[candidate.trigger]
        lemma = verb.lemma_.lower()
        if candidate.kind == "verb" and (lemma in rules.obligation_verbs or lemma in reporting_lemmas):
            act = _obliged_act(verb, rules)
            if act is not None:
                # The act itself and the coded acts it governs ("take action to lift sanctions"): the
                # first one derived.tsv can code names what is demanded; none of them happened.
                acts = sorted(
                    (c for c in candidates
                     if c.trigger != candidate.trigger and (c.trigger == act.i or _governs(act, doc[c.trigger]))),
                    key=lambda c: (c.trigger != act.i, c.trigger),
                )
                coded = [(c, derivations.lookup(c.code, "demanded")) for c in acts]
                inner, code = next(((c, d) for c, d in coded if d is not None), (acts[0] if acts else None, None))
                subject = _subject(act)
                target = subject.i if subject is not None else (inner.target if inner is not None else None)
                result[candidate.trigger] = dataclasses.replace(
                    candidate, code=code or rules.default_demand, target=target, reporting=False,
                    refined=f"obligation: {act.text!r} under {verb.text!r}"
                    + (f", act {inner.code} → {code} (derived.tsv demanded)" if code and inner else ""),
                )
                dropped.update(c.trigger for c in acts)  # demanded, not done
                continue
        purpose = _purpose_code(doc, candidate, rules)
        if purpose is not None:
            result[candidate.trigger] = dataclasses.replace(
                candidate, code=purpose, refined=f"purpose: {candidate.code} → {purpose} (complements.yaml purpose)"
            )
            continue
        when = rules.refine.get(root_of(candidate.code))
        if when is not None and _is_bare(candidate):
            for inner in candidates:
                if inner is candidate or not _governs(verb, doc[inner.trigger]):
                    continue
                code = derivations.lookup(inner.code, when)
                if code is not None and root_of(code) == root_of(candidate.code) and code != candidate.code:
                    result[candidate.trigger] = dataclasses.replace(
                        candidate, code=code,
                        target=candidate.target if candidate.target is not None else inner.target,
                        refined=f"complement {doc[inner.trigger].text!r} {inner.code} → {code} (derived.tsv {when})",
                    )
                    break
    return [result.get(c.trigger, c) for c in candidates if c.trigger not in dropped or c.trigger in result]
