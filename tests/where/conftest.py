"""Shared, expensive fixtures of the where/ tests: one gazetteer and one spaCy pipeline per run."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tidings.nlp import build_nlp
from tidings.settings import Settings
from tidings.where.gazetteer import Gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load(Settings())


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp(Settings())
