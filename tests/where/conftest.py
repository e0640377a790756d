"""Shared, expensive fixtures of the where/ tests: one gazetteer per run, the session's pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tidings.settings import Settings
from tidings.where.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer(settings: Settings) -> Gazetteer:
    return Gazetteer.load(settings)


@pytest.fixture(scope="session")
def nlp(plain_nlp: Language) -> Language:
    # tests/conftest.py loads the bare pipeline once per session; reuse it.
    return plain_nlp
