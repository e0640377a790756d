"""The model's attribute ruler (tag → POS/morph, pronoun and auxiliary exceptions), applied with numpy.

spaCy's AttributeRuler runs a Matcher over ~180 single-token rules and spent ~1 CPU-s per 100
news articles, as much as the parser (issue 9). The rules are plain attribute tests, so each one
is a boolean mask over the document's attribute arrays. Semantics are spaCy's: every rule is
matched against the document as the tagger and parser left it, then the matches are applied in
rule order (later rules win), each setting its attributes on the token at its index. A rule
this module cannot express (operators, other attributes) raises UnsupportedRule at load, and
nlp.build_nlp then keeps spaCy's own ruler.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

# Attributes a rule may test, as columns of Doc.to_array.
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_TESTED_COLUMNS = list(TESTED.values())
# Attributes a rule may set: these through Doc.from_array; DEP token by token (from_array
# would want HEAD with it), which only whitespace tokens get.
SET_BY_ARRAY = (POS, MORPH, LEMMA, TAG)


class UnsupportedRule(ValueError):
    """A ruler pattern this module does not evaluate (the caller keeps spaCy's ruler)."""


@dataclass(frozen=True)
class _Test:
    column: int
    kind: str  # "eq", "in", "not_in", "regex"
    value: Any  # a hash (eq), an array of hashes (in/not_in) or a compiled regex

    def mask(self, columns: np.ndarray, strings) -> np.ndarray:
        values = columns[:, self.column]
        if self.kind == "eq":
            return values == self.value
        if self.kind == "in":
            return np.isin(values, self.value)
        if self.kind == "not_in":
            return ~np.isin(values, self.value)
        # The Matcher searches the attribute's string; test each distinct value once.
        distinct = np.unique(values)
        hits = [v for v in distinct.tolist() if self.value.search(strings[v])]
        return np.isin(values, np.array(hits, dtype=values.dtype))


@dataclass(frozen=True)
class _Rule:
    alternatives: tuple[tuple[tuple[_Test, ...], ...], ...]  # token patterns, tests per token
    index: int  # the token of a match the rule sets; negative counts from the match's end
    array_values: tuple[tuple[int, np.uint64], ...]  # (column in SET_BY_ARRAY, value)
    dep: int | None


class AttributeRules:
    """A pipeline component equal to an AttributeRuler's patterns, evaluated on arrays."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.rules: list[_Rule] = []

    def load(self, ruler: AttributeRuler) -> AttributeRules:
        """Compile the ruler's patterns (in its order); UnsupportedRule if one cannot be."""
        self.rules = [
            _compile(pattern, attrs, index)
            for pattern, attrs, index in zip(ruler.patterns, ruler.attrs, ruler.indices, strict=True)
        ]
        return self

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0 or not self.rules:
            return doc
        columns = doc.to_array(_TESTED_COLUMNS)
        if columns.ndim == 1:
            columns = columns.reshape((n, -1))
        out = doc.to_array(list(SET_BY_ARRAY)).reshape((n, len(SET_BY_ARRAY)))
        deps: list[tuple[int, int]] = []
        strings = self.vocab.strings
        for rule in self.rules:
            for tokens in rule.alternatives:
                span = len(tokens)
                if span > n:
                    continue
                starts = np.ones(n - span + 1, dtype=bool)
                for offset, tests in enumerate(tokens):
                    for test in tests:
                        starts &= test.mask(columns, strings)[offset : offset + n - span + 1]
                targets = np.flatnonzero(starts) + (rule.index if rule.index >= 0 else span + rule.index)
                if not len(targets):
                    continue
                for column, value in rule.array_values:
                    out[targets, column] = value
                if rule.dep is not None:
                    deps += [(int(i), rule.dep) for i in targets]
        doc.from_array(list(SET_BY_ARRAY), out)
        for i, value in deps:
            doc[i].dep = value
        return doc


@Language.factory("tidings_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> AttributeRules:
    """An empty AttributeRules; nlp.build_nlp loads it from the model's attribute ruler."""
    return AttributeRules(nlp.vocab)


def _compile(pattern: dict, attrs: dict, index: int) -> _Rule:
    alternatives = tuple(
        tuple(_token_tests(spec) for spec in tokens) for tokens in pattern["patterns"]
    )
    for tokens in alternatives:
        if not -len(tokens) <= index < len(tokens):
            raise UnsupportedRule(f"index {index} outside pattern {pattern['patterns']}")
    array_values, dep = [], None
    for attr, value in attrs.items():
        if attr in SET_BY_ARRAY:
            array_values.append((SET_BY_ARRAY.index(attr), np.uint64(value)))
        elif attr == DEP:
            dep = int(value)
        else:
            raise UnsupportedRule(f"sets attribute {attr}: {pattern}")
    return _Rule(alternatives, index, tuple(array_values), dep)


def _token_tests(spec: dict) -> tuple[_Test, ...]:
    tests = []
    for key, value in spec.items():
        if key not in TESTED:
            raise UnsupportedRule(f"tests {key}: {spec}")
        column = list(TESTED).index(key)
        if isinstance(value, bool):
            tests.append(_Test(column, "eq", np.uint64(value)))
        elif isinstance(value, str):
            # Hashes use all 64 bits: compared as uint64, never through a float or an int64.
            tests.append(_Test(column, "eq", np.uint64(get_string_id(value))))
        elif isinstance(value, dict) and len(value) == 1:
            (predicate, argument), = value.items()
            if predicate in ("IN", "NOT_IN") and all(isinstance(v, str) for v in argument):
                hashes = np.array([get_string_id(v) for v in argument], dtype=np.uint64)
                tests.append(_Test(column, predicate.lower(), hashes))
            elif predicate == "REGEX" and isinstance(argument, str) and key != "IS_SPACE":
                tests.append(_Test(column, "regex", re.compile(argument)))
            else:
                raise UnsupportedRule(f"predicate {predicate}: {spec}")
        else:
            raise UnsupportedRule(f"value {value!r}: {spec}")
    return tuple(tests)
