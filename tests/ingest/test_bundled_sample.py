"""The bundled sample (data/sample) reads cleanly and credits every story it copies."""

from __future__ import annotations

from datetime import date
from importlib import resources

from tidings.ingest.readers import read_records
from tidings.types import Article

SAMPLE = resources.files("tidings") / "data" / "sample"


def sample_records() -> list:
    return list(read_records([str(SAMPLE / "articles.jsonl")]))


def test_sample_reads_without_errors():
    records = sample_records()
    assert len(records) >= 21 and all(isinstance(r, Article) for r in records)


def test_sample_starts_with_the_seed_article():
    seed = sample_records()[0]
    assert (seed.id, seed.published) == ("seed-000", date(2020, 12, 1))


def test_wmt_stories_have_no_invented_dates():
    assert all(r.published is None for r in sample_records()[1:])


def test_license_credits_every_wmt_story():
    license_text = (SAMPLE / "LICENSE.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in license_text
    assert all(f"| {r.id} | {r.source} |" in license_text for r in sample_records()[1:])
