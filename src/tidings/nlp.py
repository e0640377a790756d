"""The spaCy pipeline: model loading (one documented cache), entity ruler, sentence split."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tidings.attribute_rules import AttributeRules, UnsupportedRule
from tidings.lemmas import supported as lemmatizer_supported
from tidings.settings import Settings

log = logging.getLogger(__name__)

# The one module-level cache tidings keeps: loading a spaCy model costs ~1 s and ~200 MB, so each
# process loads a given (model, patterns) combination once. Keyed by model name and patterns key.
_MODEL_CACHE: dict[tuple[str, str], Language] = {}


_TEXT_KEY = "tidings.text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and kept in `doc.user_data`.

    spaCy rebuilds `Doc.text` from every token on each access, so slicing it per mention costs time
    quadratic in the article's length; every stage reads the text through this function instead.
    """
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


@Language.component("tidings_line_breaks")
def split_on_line_breaks(doc: Doc) -> Doc:
    """News paragraphs never continue a sentence across a newline: start a sentence after one."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def build_nlp(settings: Settings, ruler_patterns: Sequence[dict[str, Any]] = ()) -> Language:
    """Load the spaCy model, add the line-break splitter and an entity ruler fed by the actor KB.

    No component is disabled because every one is read downstream (checked for issue 9): tagger
    (`tag_`: verb forms, tense), parser (`dep_`, heads, sentences: events, attribution), attribute
    ruler (`pos_`: verbless fragments, phrases), lemmatizer (`lemma_`: verb patterns, cues) and ner
    (`ents`, `ent_type_`: actors, places, coreference). Parallelism comes from Dask worker processes,
    one single-threaded model each, not from nlp.pipe(n_process=...), which would oversubscribe cores.
    """
    nlp = spacy.load(settings.model)
    nlp.add_pipe("tidings_line_breaks", before="parser")
    _vectorise_attribute_ruler(nlp)
    _cache_lemmatizer(nlp)
    if ruler_patterns:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True})
        ruler.add_patterns(list(ruler_patterns))
    return nlp


def _vectorise_attribute_ruler(nlp: Language) -> None:
    """Swap the model's attribute ruler for the same rules on arrays (tidings.attribute_rules).

    Same annotations at a quarter of the cost; a model whose rules it cannot express keeps its own.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        AttributeRules(nlp.vocab).load(ruler)
    except UnsupportedRule as exc:
        log.info("keeping spaCy's attribute ruler: %s", exc)
        return
    nlp.replace_pipe("attribute_ruler", "tidings_attribute_rules").load(ruler)


def _cache_lemmatizer(nlp: Language) -> None:
    """Swap the model's rule lemmatizer for the same lemmas looked up once per distinct token.

    Identical lemmas at a fraction of the cost (tidings.lemmas); another mode keeps spaCy's.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    reason = lemmatizer_supported(lemmatizer)
    if reason is not None:
        log.info("keeping spaCy's lemmatizer: %s", reason)
        return
    nlp.replace_pipe("lemmatizer", "tidings_lemmatizer").load(lemmatizer)


def load_nlp(
    settings: Settings, ruler_patterns: Sequence[dict[str, Any]] = (), patterns_key: str = ""
) -> Language:
    """The cached pipeline for these settings; `patterns_key` names the ruler patterns' version."""
    key = (settings.model, patterns_key)
    if key not in _MODEL_CACHE:
        _MODEL_CACHE[key] = build_nlp(settings, ruler_patterns)
    return _MODEL_CACHE[key]


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterable[Doc]:
    """Parse texts in batches (nlp.pipe); offsets of every token are offsets into the text."""
    return nlp.pipe(texts, batch_size=batch_size)
