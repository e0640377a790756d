"""End-to-end golden test: the seed article against its hand annotation of 16 events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table

from tidings.eval.article import FIELDS, ArticleScore, score_article
from tidings.eval.formats import read_gold
from tidings.eval.runner import article_input

DATA = Path(__file__).parent / "data"
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text(encoding="utf-8"))["seed"]


@pytest.fixture(scope="module")
def seed_score() -> ArticleScore:
    from tidings import code_articles

    annotation = DATA / "seed_article.expected.yaml"
    article = article_input(read_gold(annotation))  # seed_article.jsonl, beside the annotation
    events = list(next(code_articles([article])).events)
    score = score_article(annotation, events, article.text)
    _print_table(score)
    return score


def _print_table(score: ArticleScore) -> None:
    # Shown with `pytest -s`, and in the failure report: which annotated events and fields miss.
    table = Table(title=f"seed article: {score.matched}/{score.total} events found")
    table.add_column("id")
    table.add_column("found as")
    for name in FIELDS:
        table.add_column(name)
    for match in score.matches:
        found = f"{match.event.cameo.code}" if match.event else "-"
        marks = ["✓" if match.fields.get(name) else "·" for name in FIELDS] if match.event else [""] * len(FIELDS)
        table.add_row(match.gold_id, found, *marks)
    table.add_row("total", str(score.matched), *(str(score.fields[name]) for name in FIELDS))
    Console(width=120).print(table)


def test_seed_article_events_found(seed_score):
    assert seed_score.matched >= FLOORS["matched"], f"{seed_score.matched}/{seed_score.total} found"


@pytest.mark.parametrize("field", FIELDS)
def test_seed_article_field_floor(seed_score, field):
    assert seed_score.fields[field] >= FLOORS["fields"][field], (
        f"{field}: {seed_score.fields[field]} right, floor {FLOORS['fields'][field]}")
