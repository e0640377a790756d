"""The seed article's key actor phrases resolve to codes its hand annotation accepts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tidings.actors import ActorContext, resolve_actor

DATA = Path(__file__).resolve().parents[1] / "data"

# (a stretch of the article that occurs once, the head word in it, annotated event, side)
KEY_PHRASES = [
    ("US President Donald Trump", "Trump", "e01", "source"),
    ("pressure from US officials", "officials", "e02", "source"),
    ("Iraqi Prime Minister Mustafa Al-Kazemi", "Kazemi", "e02", "target"),
    ("against Iraqi militias", "militias", "e03", "source"),
    ("used by the Americans", "Americans", "e03", "target"),
    ("a group of Iraqi militias", "group", "e04", "source"),
    ("that Trump requested", "Trump", "e06", "source"),
    ("US officials had advised", "officials", "e08", "source"),
    ("advised Trump", "Trump", "e08", "target"),
    ("But Trump told", "Trump", "e09", "source"),
    ("an Iranian government spokesman", "spokesman", "e10", "source"),
    ("Ismail Qaani, commander", "Qaani", "e11", "source"),
    ("urge the militias", "militias", "e12", "target"),
    ("A spokesman for Kataib Hezbollah", "spokesman", "e13", "source"),
    ("Washington, which", "Washington", "e14", "source"),
    ("if the Iraqi government", "government", "e14", "target"),
    ("Iranian General Qassem Soleimani", "Soleimani", "e16", "target"),
    ("Trump ordered", "Trump", "e16", "source"),
]


def word_in(doc, stretch: str, word: str):
    """The token of `word` inside the (single) appearance of `stretch` in the document."""
    assert doc.text.count(stretch) == 1, stretch
    start = doc.text.index(stretch) + stretch.index(word)
    return doc.char_span(start, start + len(word)).root


@pytest.fixture(scope="module")
def seed_codes(actor_nlp, actor_kb) -> dict[str, str | None]:
    """Each key phrase's resolved code, all from one context (one article), as the pipeline does."""
    doc = actor_nlp((DATA / "seed_article.txt").read_text(encoding="utf-8"))
    context = ActorContext(actor_kb, date(2020, 12, 1))  # the article's assumed publication date
    codes = {}
    for stretch, word, _, _ in KEY_PHRASES:
        actor = resolve_actor(word_in(doc, stretch, word), context)
        codes[stretch] = actor.code if actor else None
    return codes


@pytest.fixture(scope="module")
def accepted() -> dict[str, dict]:
    annotation = yaml.safe_load((DATA / "seed_article.expected.yaml").read_text(encoding="utf-8"))
    return {event["id"]: event for event in annotation["events"]}


@pytest.mark.parametrize("stretch, event, side", [(s, e, side) for s, _, e, side in KEY_PHRASES])
def test_seed_phrase_resolves_as_annotated(seed_codes, accepted, stretch, event, side):
    assert seed_codes[stretch] in accepted[event][side]
