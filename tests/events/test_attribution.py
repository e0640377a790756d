"""Attribution chains from reporting frames, outermost source first."""

from __future__ import annotations

import pytest

from tidings.events.attribution import attribution_frames
from tidings.events.reporting import ReportingCues


@pytest.fixture(scope="module")
def cues() -> ReportingCues:
    return ReportingCues.load()


def chain(nlp, cues, text: str, word: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return [(f.head.text, f.cue) for f in attribution_frames(token, cues)]


def test_plain_statement_has_empty_chain(plain_nlp, cues):
    assert chain(plain_nlp, cues, "The army attacked the village.", "attacked") == []


def test_said_adds_its_subject(plain_nlp, cues):
    assert chain(plain_nlp, cues, "Officials said the army attacked the village.", "attacked") == [
        ("Officials", "said")
    ]


def test_quoted_as_saying_lists_outlet_then_source(plain_nlp, cues):
    got = chain(plain_nlp, cues, "Reuters quoted a diplomat as saying that the army attacked the village.", "attacked")
    assert [name for name, _ in got] == ["Reuters", "diplomat"]


def test_according_to_names_the_source(plain_nlp, cues):
    got = chain(plain_nlp, cues, "The army attacked the village, according to witnesses.", "attacked")
    assert got == [("witnesses", "according to")]


def test_citing_adds_inner_source_after_outlet(plain_nlp, cues):
    got = chain(plain_nlp, cues, "The newspaper, citing officials, reported that the army attacked the village.", "attacked")
    assert [name for name, _ in got] == ["newspaper", "officials"]


def test_an_adverbial_aside_is_not_what_a_reporting_verb_reports(plain_nlp):
    from tidings.events.attribution import frames_an_event

    doc = plain_nlp("The spokesman said moderation is the best path, as the army is about to withdraw its troops.")
    said = next(t for t in doc if t.text == "said")
    withdraw = next(t for t in doc if t.text == "withdraw")
    assert not frames_an_event(said, {withdraw.i})
    reported = plain_nlp("The spokesman said the army will withdraw its troops.")
    said = next(t for t in reported if t.text == "said")
    assert frames_an_event(said, {next(t for t in reported if t.text == "withdraw").i})
