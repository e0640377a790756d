"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def plain_nlp(settings):
    """The bare spaCy pipeline (no actor ruler): enough for parse-based unit tests."""
    from tidings.nlp import build_nlp

    return build_nlp(settings)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the shared gold/corpus material sits beside the repo")
    return SHARED
