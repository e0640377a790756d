"""The hand-written resolution table (cases.tsv): one parametrized test per row."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from tidings.when import find_time_expressions

CASES_FILE = Path(__file__).with_name("cases.tsv")


def load_cases() -> list:
    lines = [line for line in CASES_FILE.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    cases = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        published = None if row["published"] == "-" else date.fromisoformat(row["published"])
        cases.append(pytest.param(published, row["sentence"], row["expression"], row["value"],
                                  row["precision"], id=row["note"]))
    return cases


CASES = load_cases()


def test_table_has_at_least_150_cases():
    assert len(CASES) >= 150


@pytest.mark.parametrize(("published", "sentence", "expression", "value", "precision"), CASES)
def test_expression_resolves_as_annotated(
    plain_nlp, published, sentence, expression, value, precision
):
    start = sentence.index(expression)
    end = start + len(expression)
    found = find_time_expressions(plain_nlp(sentence), published)
    overlapping = [e for e in found if e.start < end and start < e.end]
    if value == "-":
        assert overlapping == [], f"{expression!r} is no point in time: got {overlapping}"
        return
    assert [e.text for e in overlapping] == [expression], f"found {found}"
    got = overlapping[0]
    assert (got.start, got.end) == (start, end)
    assert (got.value, got.precision) == (None if value == "null" else value, precision)
