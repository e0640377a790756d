"""Gold file reading: format detection, validation errors that name file:line, sampling."""

from __future__ import annotations

import pytest

from tidings.errors import InputError
from tidings.eval.formats import GoldRecord, detect_format, read_gold, sample_records

EVENT_RECORD = {"id": "r1", "text": "x", "events": [{"cameo": "190", "source": None, "target": None, "plover": None}]}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (EVENT_RECORD, "events"),
        ({"id": "p", "text": "x", "expected_events": []}, "petrarch"),
        ({"id": "a", "text": "x", "event_date": "2022-01-01", "latitude": 1.0, "longitude": 2.0,
          "country_iso3": "TUR"}, "acled"),
        ({"id": "g", "text": "x", "toponyms": []}, "toponyms"),
        ({"id": "t", "text": "x", "timexes": []}, "timex"),
        ({"id": "b", "text": "x", "attributions": []}, "attribution"),
        ({"id": "z", "text": "x"}, None),
    ],
)
def test_detect_format_by_fields(record, expected):
    assert detect_format(record) == expected


def test_read_gold_returns_records_with_their_lines(write_jsonl):
    path = write_jsonl("gold.jsonl", [EVENT_RECORD, "", {**EVENT_RECORD, "id": "r2"}])
    gold = read_gold(path)
    assert gold.format == "events"
    assert [(r.id, r.line) for r in gold.records] == [("r1", 1), ("r2", 3)]


def test_dataset_name_is_file_name_before_first_dot(write_jsonl):
    assert read_gold(write_jsonl("plover_gsr.dev.jsonl", [EVENT_RECORD])).name == "plover_gsr"


def test_bad_json_line_raises_input_error_naming_file_and_line(write_jsonl):
    path = write_jsonl("gold.jsonl", [EVENT_RECORD, "{not json"])
    with pytest.raises(InputError) as caught:
        read_gold(path)
    assert caught.value.location == f"{path}:2"


def test_missing_required_field_raises_input_error(write_jsonl):
    path = write_jsonl("gold.jsonl", [EVENT_RECORD, {"id": "r2", "events": []}])
    with pytest.raises(InputError, match="lacks text") as caught:
        read_gold(path)
    assert caught.value.location == f"{path}:2"


def test_event_item_missing_key_raises_input_error(write_jsonl):
    path = write_jsonl("gold.jsonl", [{"id": "r1", "text": "x", "events": [{"cameo": "190"}]}])
    with pytest.raises(InputError, match=r"events\[0\] lacks source"):
        read_gold(path)


def test_unknown_format_raises_input_error(write_jsonl):
    with pytest.raises(InputError, match="unknown gold format"):
        read_gold(write_jsonl("gold.jsonl", [{"id": "z", "text": "x"}]))


def test_empty_file_raises_input_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no records"):
        read_gold(path)


def test_article_yaml_records_carry_their_yaml_line(tmp_path):
    path = tmp_path / "a.expected.yaml"
    path.write_text("# note\nevents:\n  - id: e01\n    evidence: x\n    cameo: ['19']\n  - id: e02\n"
                    "    evidence: y\n    cameo: ['04']\n", encoding="utf-8")
    gold = read_gold(path)
    assert gold.format == "article"
    assert [(r.id, r.line) for r in gold.records] == [("e01", 3), ("e02", 6)]


def test_article_yaml_event_without_cameo_raises_input_error(tmp_path):
    path = tmp_path / "a.expected.yaml"
    path.write_text("events:\n  - id: e01\n    evidence: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks cameo") as caught:
        read_gold(path)
    assert caught.value.location == f"{path}:2"


def test_sample_is_deterministic_and_keeps_file_order():
    records = tuple(GoldRecord(i, {"id": f"r{i}"}) for i in range(100))
    first, second = sample_records(records, 10), sample_records(records, 10)
    assert first == second
    assert len(first) == 10
    assert [r.line for r in first] == sorted(r.line for r in first)


def test_sample_larger_than_file_keeps_everything():
    records = tuple(GoldRecord(i, {"id": f"r{i}"}) for i in range(5))
    assert sample_records(records, 10) == records


def test_article_yaml_unquoted_cameo_code_raises_input_error(tmp_path):
    path = tmp_path / "a.expected.yaml"
    path.write_text("events:\n  - id: e01\n    evidence: x\n    cameo: [020]\n", encoding="utf-8")
    with pytest.raises(InputError, match="quoted"):
        read_gold(path)
