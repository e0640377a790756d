"""The vectorised attribute ruler sets exactly what spaCy's AttributeRuler sets."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.vocab import Vocab

from tidings.attribute_rules import AttributeRules, UnsupportedRule

COMPARED = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
# Hand-written: pronouns, auxiliaries, negation, expletives, modals, a contraction, a gerund.
SENTENCES = [
    "There were no talks, but the ministers said they'd meet again if it helps.",
    "She hasn't been told whether the troops are being withdrawn.",
    "Nobody could say what it was that they ought to have done themselves.",
    "We're gonna hold elections once the border is reopened, he told us.",
    "Rebels shelled the town; that was what everyone feared would happen.",
]


@pytest.fixture(scope="module")
def model(settings):
    return spacy.load(settings.model)


def _ruled(model, text: str, component) -> Doc:
    # Tagger and parser output, then only the ruler under test: both rulers see the same doc.
    with model.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        doc = model(text)
    return component(doc)


@pytest.mark.parametrize("text", SENTENCES)
def test_model_rules_give_the_annotations_of_spacys_ruler(model, text):
    spacy_ruler = model.get_pipe("attribute_ruler")
    vectorised = AttributeRules(model.vocab).load(spacy_ruler)
    expected = _ruled(model, text, spacy_ruler)
    got = _ruled(model, text, vectorised)
    assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
    assert [str(t.morph) for t in got] == [str(t.morph) for t in expected]


def _vocab() -> Vocab:
    # A blank English vocab: LOWER and the other lexical attributes are computed for new words.
    return spacy.blank("en").vocab


def _doc(vocab: Vocab, words: list[str], tags: list[str], deps: list[str] | None = None) -> Doc:
    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words) if deps else None)


def _both(patterns: list[dict], words: list[str], tags: list[str], deps=None) -> tuple[Doc, Doc]:
    vocab = _vocab()
    ruler = AttributeRuler(vocab)
    ruler.add_patterns(patterns)
    expected = ruler(_doc(vocab, words, tags, deps))
    got = AttributeRules(vocab).load(ruler)(_doc(vocab, words, tags, deps))
    return expected, got


def test_a_later_rule_overrides_an_earlier_one():
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"TAG": "NN", "LOWER": "nobody"}]], "attrs": {"POS": "PRON"}},
    ]
    expected, got = _both(patterns, ["Nobody", "came", "home"], ["NN", "VBD", "NN"])
    assert [t.pos_ for t in got] == [t.pos_ for t in expected] == ["PRON", "", "NOUN"]


def test_a_two_token_rule_sets_the_token_at_its_index():
    patterns = [{"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1}]
    expected, got = _both(patterns, ["we", "gon", "na", "win"], ["PRP", "VBG", "TO", "VB"])
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert got[2].lemma_ == "to" and got[1].lemma_ != "to"


def test_in_not_in_and_regex_predicates_match_as_in_spacy():
    patterns = [
        {"patterns": [[{"TAG": {"IN": ["VBZ", "VBD"]}, "LOWER": {"REGEX": "^(is|was)$"}}]],
         "attrs": {"POS": "AUX", "MORPH": "VerbForm=Fin"}},
        {"patterns": [[{"DEP": {"NOT_IN": ["det", ""]}, "TAG": "DT"}]], "attrs": {"POS": "PRON"}},
    ]
    words, tags = ["That", "is", "the", "plan", "it", "was"], ["DT", "VBZ", "DT", "NN", "PRP", "VBD"]
    deps = ["nsubj", "ROOT", "det", "attr", "nsubj", "ccomp"]
    expected, got = _both(patterns, words, tags, deps)
    assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all()
    assert [t.pos_ for t in got] == ["PRON", "AUX", "", "", "", "AUX"]


def test_a_rule_with_an_operator_is_refused():
    vocab = _vocab()
    ruler = AttributeRuler(vocab)
    ruler.add_patterns([{"patterns": [[{"LOWER": "very", "OP": "+"}]], "attrs": {"POS": "ADV"}}])
    with pytest.raises(UnsupportedRule):
        AttributeRules(vocab).load(ruler)


def test_the_tidings_pipeline_uses_the_vectorised_rules(plain_nlp):
    assert isinstance(plain_nlp.get_pipe("attribute_ruler"), AttributeRules)
    doc = plain_nlp("They didn't attack the embassy.")
    assert [t.pos_ for t in doc][:3] == ["PRON", "AUX", "PART"]
