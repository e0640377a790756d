"""The cached lemmatizer sets exactly the lemmas of the model's own rule lemmatizer."""

from __future__ import annotations

import gzip
import json
from itertools import islice

import pytest
import spacy
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from tidings.lemmas import CachedLemmatizer, supported
from tidings.nlp import _cache_lemmatizer

# Hand-written: plurals, irregular verbs, comparatives, proper nouns, contractions, pronouns and
# auxiliaries (whose lemmas the attribute ruler sets first), numbers, hyphens, symbols.
SENTENCES = [
    "The ministers were meeting their counterparts; talks ran late and nobody slept.",
    "She'd better leave: the worst floods in decades have swept through the valleys.",
    "Smiths' lawyers said the Johnsons hadn't paid 3,500 dollars for the well-known geese.",
    "Troops are being withdrawn, officials said, after rebels shelled bigger towns nearby.",
    "I told them we'd gone; they're happier now than they ever were!",
    "Who's leading?  The U.N. envoys, whose mediation failed, flew to Geneva on Monday.",
]
# Parser and tagger and rules first, then the lemmatizer under test on its own copy of the doc.
BEFORE_LEMMAS = ["tok2vec", "tagger", "parser", "attribute_ruler"]


@pytest.fixture(scope="module")
def model(settings):
    return spacy.load(settings.model)


@pytest.fixture(scope="module")
def corpus_texts(shared_dir):
    """The first records of every corpus file, cut to a few thousand characters: ~400 sentences."""
    files = sorted((shared_dir / "corpus").glob("*.jsonl.gz"))
    if not files:
        pytest.skip("no corpus files in shared/corpus")
    texts = []
    for path in files:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            records = (json.loads(line) for line in handle)
            texts += [r["text"][:3000] for r in islice((r for r in records if r.get("text")), 6)]
    return texts


def _unlemmatised(model, texts: list[str]) -> list[Doc]:
    with model.select_pipes(enable=BEFORE_LEMMAS):
        return list(model.pipe(texts))


def _lemmas(docs: list[Doc]) -> list[list[str]]:
    return [[t.lemma_ for t in doc] for doc in docs]


def _compare(model, texts: list[str]) -> None:
    stock = model.get_pipe("lemmatizer")
    cached = CachedLemmatizer(model.vocab).load(stock)
    docs = _unlemmatised(model, texts)
    expected = _lemmas([stock(doc.copy()) for doc in docs])
    assert _lemmas([cached(doc.copy()) for doc in docs]) == expected
    # A second pass answers from the cache the first pass filled.
    assert _lemmas([cached(doc.copy()) for doc in docs]) == expected


def test_hand_made_sentences_get_the_lemmas_of_spacys_lemmatizer(model):
    _compare(model, SENTENCES)


def test_corpus_sentences_get_the_lemmas_of_spacys_lemmatizer(model, corpus_texts):
    docs = _unlemmatised(model, corpus_texts)
    assert sum(1 for doc in docs for _ in doc.sents) >= 200
    _compare(model, corpus_texts)


def test_tidings_pipeline_lemmas_equal_the_stock_models(model, plain_nlp, corpus_texts):
    texts = SENTENCES + corpus_texts[:8]
    assert isinstance(plain_nlp.get_pipe("lemmatizer"), CachedLemmatizer)
    assert _lemmas(list(plain_nlp.pipe(texts))) == _lemmas(list(model.pipe(texts)))


def test_a_lemma_already_set_is_kept(model):
    doc = _unlemmatised(model, ["The soldiers were walking home."])[0]
    preset = model.vocab.strings.add("marcher")
    doc[1].lemma = preset  # as the attribute ruler does for some tokens
    cached = CachedLemmatizer(model.vocab).load(model.get_pipe("lemmatizer"))
    lemmas = [t.lemma_ for t in cached(doc)]
    assert lemmas[1] == "marcher"
    assert lemmas[3] == "walk"


def test_an_overwriting_lemmatizer_replaces_a_set_lemma_like_spacy(model):
    stock = model.get_pipe("lemmatizer")
    overwriting = type(stock)(model.vocab, None, mode="rule", overwrite=True)
    overwriting.initialize(lookups=stock.lookups)
    doc = _unlemmatised(model, ["They were walking home."])[0]
    doc[0].lemma = model.vocab.strings.add("marcher")
    expected = [t.lemma_ for t in overwriting(doc.copy())]
    got = [t.lemma_ for t in CachedLemmatizer(model.vocab).load(overwriting)(doc.copy())]
    assert got == expected
    assert got[0] != "marcher"


def test_an_empty_doc_is_returned_unchanged(model):
    cached = CachedLemmatizer(model.vocab).load(model.get_pipe("lemmatizer"))
    assert len(cached(model.make_doc(""))) == 0


def test_a_lookup_mode_lemmatizer_keeps_spacys_component():
    nlp = spacy.blank("en")
    lookup = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert supported(lookup) is not None
    _cache_lemmatizer(nlp)
    assert nlp.get_pipe("lemmatizer") is lookup


def test_the_doc_keeps_lemmas_as_vocab_strings(model):
    doc = _unlemmatised(model, ["Officials denied the reports."])[0]
    CachedLemmatizer(model.vocab).load(model.get_pipe("lemmatizer"))(doc)
    assert all(model.vocab.strings[int(h)] == t.lemma_ for t, h in zip(doc, doc.to_array([LEMMA])))
