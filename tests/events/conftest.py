"""Shared fixtures of the events tests."""

from __future__ import annotations

import pytest

from tidings.events.codebook import Codebook
from tidings.events.extract import find_event_candidates
from tidings.events.patterns import load_patterns
from tidings.events.reporting import ReportingCues


@pytest.fixture(scope="module")
def coder(plain_nlp):
    """Code a sentence's event candidates: trigger word → (code, source head, target head)."""
    codebook = Codebook.load()
    patterns, reporting = load_patterns(codebook), ReportingCues.load()

    def code(text: str) -> dict[str, tuple[str, str | None, str | None]]:
        doc = plain_nlp(text)
        return {
            doc[c.trigger].text: (
                c.code,
                None if c.source is None else doc[c.source].text,
                None if c.target is None else doc[c.target].text,
            )
            for c in find_event_candidates(doc, patterns, reporting)
        }

    return code
