"""Hostile input never stops a batch: each bad record becomes one error naming where and why."""

from __future__ import annotations

import csv
import json
import logging
import string
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st
from typer.testing import CliRunner

from tidings.errors import InputError
from tidings.ingest.readers import article_from_record, decode_bytes, read_records
from tidings.settings import Settings
from tidings.types import Article, RecordError

FUZZ = Path(__file__).parent / "fuzz"


def expected_outcomes() -> list[dict[str, str]]:
    lines = [line for line in (FUZZ / "expected.tsv").read_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def test_fuzz_corpus_gives_each_record_its_expected_outcome():
    records = list(read_records([str(FUZZ)]))
    expected = expected_outcomes()
    assert len(records) == len(expected)
    for row, record in zip(expected, records, strict=True):
        if row["outcome"] == "error":
            assert isinstance(record, RecordError), row
            assert record.location.endswith(row["record"]), (row, record)
            assert row["reason"] in record.reason, (row, record)
        else:
            assert isinstance(record, Article), (row, record)
            assert record.text.strip()
            if ":" not in row["record"]:
                assert record.id == row["record"]


def test_cli_codes_the_corpus_and_writes_every_failure_as_jsonl(tmp_path):
    from tidings.cli import app

    errors, db = tmp_path / "errors.jsonl", tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, [
        "code", str(FUZZ), "--workers", "1", "--errors", str(errors), "--db", str(db),
        "-o", str(tmp_path / "events.jsonl"),
    ])  # fmt: skip
    assert result.exit_code == 0, result.output
    expected = expected_outcomes()
    written = [json.loads(line) for line in errors.read_text().splitlines()]
    wanted = [row for row in expected if row["outcome"] == "error"]
    assert len(written) == len(wanted)
    for row, problem in zip(wanted, written, strict=True):
        assert set(problem) == {"record_id", "location", "reason"}
        assert problem["location"].endswith(row["record"]) and row["reason"] in problem["reason"]
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == sum(row["outcome"] == "article" for row in expected)


# --- property tests of the readers (pure Python, so many examples stay fast) ---

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
FIELDS = ("id", "text", "published", "title", "url", "source", "language", "extra")


@hsettings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), json_values | st.text(max_size=60), max_size=8))
def test_any_json_object_is_an_article_or_an_input_error(record):
    try:
        article = article_from_record(record, "in.jsonl:1")
    except InputError as exc:
        assert exc.location == "in.jsonl:1" and exc.reason
    else:
        assert isinstance(article.text, str) and article.text.strip() and article.id


@hsettings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_text_or_a_binary_error(data):
    try:
        text = decode_bytes(data, "x.txt")
    except InputError as exc:
        assert "binary" in exc.reason or "UTF-16" in exc.reason
    else:
        assert isinstance(text, str) and "\x00" not in text


line_bytes = st.one_of(
    st.binary(max_size=120).map(lambda b: b.replace(b"\n", b" ")),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6).map(lambda d: json.dumps(d).encode()),
)


@hsettings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(line_bytes, max_size=12))
def test_any_jsonl_file_is_read_to_the_end_with_errors_naming_their_line(tmp_path, lines):
    path = tmp_path / "fuzz.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    records = list(read_records([str(path)]))
    assert len(records) <= len(lines)
    for record in records:
        if isinstance(record, RecordError):
            _, _, line = record.location.rpartition(":")
            assert 1 <= int(line) <= len(lines) and record.reason
        else:
            assert record.text.strip()


# --- the model-running parts: few examples, short texts ---

WORDS = ["Iran", "Israel", "the", "minister", "attacked", "said", "met", "in", "Baghdad", "on",
         "Monday", "police", "protesters", "condemned", "not", "will", "\"", "'", "(", ")",
         ",", ".", "\n", "<p>", "&amp;", "\u201c", "\u201d", "\u00e9", "\U0001f600", "\u202e", "  "]
texts = st.lists(st.sampled_from(WORDS) | st.text(string.printable, max_size=6), min_size=1, max_size=60).map(" ".join)


@pytest.fixture(scope="module")
def resources():
    from tidings.pipeline import Resources

    return Resources.cached(Settings())


@hsettings(max_examples=12, deadline=None)
@given(st.lists(texts, min_size=1, max_size=3))
def test_any_text_is_coded_without_crashing_and_spans_point_into_it(batch):
    from tidings.ingest.clean import clean_text
    from tidings.pipeline import Resources, code_articles

    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(batch)]
    coded = list(code_articles(articles, resources=Resources.cached(Settings())))
    assert [c.article.id for c in coded] == [a.id for a in articles]
    for item in coded:
        for event in item.events:
            # Evidence shows the cleaned text (markup blanked), at the original offsets.
            start, end = event.evidence.start, event.evidence.end
            assert clean_text(item.article.text)[start:end] == event.evidence.text


def _peak_bytes(articles, settings, resources) -> tuple[list, int]:
    from tidings.pipeline import code_articles

    tracemalloc.start()
    coded = list(code_articles(articles, settings, resources))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return coded, peak


def test_ten_megabyte_text_is_cut_with_a_warning_in_bounded_memory(resources, caplog):
    small = Settings(max_chars=3_000)
    cut = type(resources)(**{**resources.__dict__, "settings": small})
    body = "Iran attacked Israel near the border <b>today</b> &amp; then " * 170_000  # ~10 MB, markup
    assert len(body) > 10_000_000
    _, baseline = _peak_bytes([Article(id="head", text=body[:3_000])], small, cut)
    with caplog.at_level(logging.WARNING, logger="tidings.pipeline"):
        coded, peak = _peak_bytes([Article(id="huge", text=body)], small, cut)
    assert any("coding the first 3000" in r.getMessage() for r in caplog.records)
    assert coded[0].events and all(e.evidence.end <= 3_000 for e in coded[0].events)
    # Coding the 10 MB text costs what coding its first 3,000 characters costs (spaCy's own
    # working memory): no cleaned copy, nothing else proportional to the 10 MB is built.
    assert peak < baseline + 2_000_000


def test_deeply_nested_quotes_and_a_long_unpunctuated_sentence_are_coded(resources):
    from tidings.pipeline import code_articles

    nested = "The spokesman said " + "\"he said 'she said \u201c" * 150 + "Iran attacked Iraq" + "\u201d' \"" * 150
    endless = "the minister met the delegation and " * 400
    coded = list(code_articles([Article("q", nested), Article("s", endless)], resources=resources))
    assert [c.article.id for c in coded] == ["q", "s"]
