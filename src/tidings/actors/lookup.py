"""`tidings actors lookup`: code one phrase and say which rule and which KB entries produced the code."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from tidings.actors.coref import ActorContext
from tidings.actors.imported import ImportReport, import_dictionary
from tidings.actors.kb import ActorKB, _data_dir
from tidings.actors.resolve import Resolution, explain_actor
from tidings.settings import Settings

NOMINAL = ("NOUN", "PROPN", "PRON")


def phrase_head(doc: Doc) -> Token:
    """The head of the phrase a lookup is about: the first sentence's root when it is nominal,
    else the root of the first noun chunk ("US officials said" → officials)."""
    root = next(iter(doc.sents)).root
    if root.pos_ in NOMINAL:
        return root
    chunk = next(iter(doc.noun_chunks), None)
    return chunk.root if chunk is not None else root


def lookup_actor(text: str, when: date | None = None, *, kb: ActorKB | None = None,
                 nlp: Language | None = None, settings: Settings | None = None) -> Resolution:
    """The actor `text` names on `when`, with the rule and the dictionary entries behind it."""
    settings = settings or Settings()
    if kb is None:
        kb = ActorKB.load(extra_dirs=settings.actor_dirs)
    if nlp is None:
        from tidings.nlp import load_nlp

        nlp = load_nlp(settings, kb.ruler_patterns(), patterns_key=f"actor-kb:{settings.actor_dirs}")
    doc = nlp(text)
    return explain_actor(phrase_head(doc), ActorContext(kb, when))


def import_into(path: Path, kb_dir: Path | None = None, name: str | None = None,
                extra_dirs: Sequence[Path] = ()) -> ImportReport:
    """Import a PETRARCH actors/agents file into `kb_dir` (default: the packaged KB), checking its
    codes against the CAMEO codes the KB knows."""
    kb = ActorKB.load(extra_dirs=extra_dirs)
    return import_dictionary(path, kb_dir or _data_dir(), kb.country_codes, kb.type_codes, name=name)
