"""The model's rule lemmatizer with set-based lookups, applied once per distinct (word, POS, morphology).

spaCy's Lemmatizer in "rule" mode cost ~2 CPU-s per 300 news articles, more than the tagger,
attribute ruler and entity ruler together (issue 9). Nearly all of it is `rule_lemmatize` testing
`form in index`, where the index of a POS is a list of up to 57k words from spacy-lookups-data: a
linear scan per candidate form. This component keeps spaCy's own method (so the lemmas are its
lemmas) but gives a private copy of the lemmatizer the same tables with each index as a frozenset,
which answers `in` identically. It also reads the columns the lemma depends on (ORTH, POS, MORPH:
`rule_lemmatize` and English `is_base_form` read nothing else) with Doc.to_array, looks each
triple up in a dict of lemma hashes, and writes LEMMA back with Doc.from_array. As in spaCy, a
lemma already set (the attribute ruler sets some) is kept unless the lemmatizer overwrites.
nlp.build_nlp keeps spaCy's component for a lemmatizer in another mode or reading other
attributes (`supported`).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

_READ = [ORTH, POS, MORPH, LEMMA]
# Base-form checks known to read only POS and MORPH; another language's override may read more.
_KNOWN_BASE_FORM_CHECKS = (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


def supported(lemmatizer: Any) -> str | None:
    """Why this lemmatizer cannot be cached on (ORTH, POS, MORPH), or None when it can."""
    if not isinstance(lemmatizer, Lemmatizer):
        return f"not a spaCy Lemmatizer: {type(lemmatizer).__name__}"
    if lemmatizer.mode != "rule":
        return f"mode {lemmatizer.mode!r}, not 'rule'"
    kind = type(lemmatizer)
    if kind.rule_lemmatize is not Lemmatizer.rule_lemmatize:
        return f"{kind.__name__} overrides rule_lemmatize"
    if kind.is_base_form not in _KNOWN_BASE_FORM_CHECKS:
        return f"{kind.__name__} has its own is_base_form"
    return None


class CachedLemmatizer:
    """A pipeline component giving the lemmas of a rule-mode Lemmatizer, one lookup per token."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.lemmatizer: Lemmatizer | None = None
        self.overwrite = False
        # (orth, pos, morph) hashes -> lemma hash; per pipeline, it grows with the vocabulary.
        self.cache: dict[tuple[int, int, int], int] = {}

    def load(self, lemmatizer: Lemmatizer) -> CachedLemmatizer:
        """Take the model's lemmatizer (its tables and overwrite setting); ValueError if unsupported."""
        reason = supported(lemmatizer)
        if reason is not None:
            raise ValueError(reason)
        lemmatizer._validate_tables()
        fast = type(lemmatizer)(lemmatizer.vocab, lemmatizer.model, lemmatizer.name, mode="rule",
                                overwrite=lemmatizer.overwrite)
        fast.initialize(lookups=_with_set_index(lemmatizer.lookups))
        self.lemmatizer = fast
        self.overwrite = lemmatizer.overwrite
        self.cache = {}
        return self

    def __call__(self, doc: Doc) -> Doc:
        if self.lemmatizer is None:
            raise ValueError("CachedLemmatizer used before load()")
        n = len(doc)
        if n == 0:
            return doc
        columns = doc.to_array(_READ).reshape((n, len(_READ)))
        rows = columns.tolist()
        cache = self.cache
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            found = cache.get(key)
            if found is None:
                found = cache[key] = self._lemma(doc[i])
            lemmas.append(found)
        doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64).reshape((n, 1)))
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _lemma(self, token) -> int:
        # The lemmatizer's own method, so a miss is exactly what spaCy would have set.
        return self.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])


def _with_set_index(lookups: Lookups) -> Lookups:
    """The same tables, the POS index as frozensets: `form in index` answers alike, in O(1)."""
    fast = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            indexed = Table(name=name)
            for key, words in table.items():
                indexed[key] = frozenset(words)
            table = indexed
        fast.set_table(name, table)
    return fast


@Language.factory("tidings_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """An empty CachedLemmatizer; nlp.build_nlp loads it from the model's lemmatizer."""
    return CachedLemmatizer(nlp.vocab)
