"""The pair set's articles, coded once per session (coding is the slow part)."""

from __future__ import annotations

import pytest

from .pair_measure import CORPUS, load_articles, read_pairs


@pytest.fixture(scope="session")
def pair_articles_coded():
    if not CORPUS.exists():
        pytest.skip(f"{CORPUS} not found: the shared corpus sits beside the repo")
    from tidings.pipeline import code_articles

    pairs = read_pairs()
    ids = {a for _, a, _ in pairs} | {b for _, _, b in pairs}
    return list(code_articles(load_articles(ids)))
