"""The seed article's time expressions and event dates (published 2020-12-01)."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.when import event_date, find_time_expressions

PUBLISHED = date(2020, 12, 1)


@pytest.fixture(scope="module")
def seed(plain_nlp, shared_dir):
    path = shared_dir / "examples" / "seed_article.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    doc = plain_nlp(path.read_text(encoding="utf-8"))
    return doc, find_time_expressions(doc, PUBLISHED)


def test_seed_expressions_resolve_as_annotated(seed):
    _, expressions = seed
    got = {(e.text, e.value, e.precision) for e in expressions}
    assert got == {
        ("Last October", "2020-10", "month"),
        ("two weeks ago", "2020-11-17", "day"),
        ("January 20", "2021-01-20", "day"),  # "before Trump leaves office": future
        ("mid-January", "2021-01", "month"),  # "will drop ... by mid-January"
        ("January", "2020-01", "month"),  # "In January, Trump ordered": past
    }


def test_seed_expression_spans_point_into_the_text(seed):
    doc, expressions = seed
    assert all(doc.text[e.start:e.end] == e.text for e in expressions)


@pytest.mark.parametrize(
    ("evidence", "value", "precision"),
    [
        ("a group of Iraqi militias announced the suspension", "2020-10", "month"),
        ("the number of soldiers will drop from 3,000 to 2,500", "2021-01", "month"),
        ("Trump ordered an American airstrike with a drone", "2020-01", "month"),
        ("The Washington Post quoted US officials", "2020-12-01", "published"),
    ],
)
def test_seed_event_dates(seed, evidence, value, precision):
    doc, expressions = seed
    start = doc.text.index(evidence)
    clause = (start, start + len(evidence))
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    sentence_span = (sentence.start_char, sentence.end_char)
    chosen = event_date(expressions, clause, sentence_span, PUBLISHED, None)
    assert (chosen.value, chosen.precision) == (value, precision)
