"""The report (worst misses, dict form, rendering) and run_eval with the pipeline stubbed out."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from tidings.errors import InputError
from tidings.eval import runner
from tidings.eval.report import EvalReport, Metric, Miss, render_report


def report() -> EvalReport:
    return EvalReport(
        metrics=[Metric("x/cameo_root_accuracy", 0.5, 4), Metric("x/extra_event_rate", 0.25, 8, False)],
        misses=[Miss("b", "t", "138", "040", 3.0), Miss("a", "t", "138", "130", 1.0), Miss("c", "t", "1", "2", 3.0)],
    )


def test_worst_orders_by_severity_then_id():
    assert [m.gold_id for m in report().worst(2)] == ["b", "c"]


def test_to_dict_lists_metrics_with_n():
    assert report().to_dict()["metrics"][0] == {
        "name": "x/cameo_root_accuracy", "value": 0.5, "n": 4, "higher_is_better": True}


def test_render_report_prints_metrics_and_requested_misses():
    console = Console(file=io.StringIO(), width=200)
    render_report(report(), console, errors=1)
    printed = console.file.getvalue()
    assert "x/cameo_root_accuracy" in printed and "0.500" in printed
    assert "1 worst of 3 misses" in printed


def test_run_eval_prefixes_metrics_with_dataset_name(write_jsonl, monkeypatch, make_event):
    record = {"id": "r1", "text": "t", "published": None,
              "events": [{"cameo": "190", "source": None, "target": None, "plover": None}]}
    path = write_jsonl("tiny.dev.jsonl", [record])
    monkeypatch.setattr(runner, "predict_events", lambda records, settings, key: {"r1": [make_event("190")]})
    result = runner.run_eval([path])
    assert result.metric("tiny/cameo_code_accuracy").value == 1.0
    assert result.datasets[0].format == "events"


def test_run_eval_reports_sample_size(write_jsonl, monkeypatch):
    records = [{"id": f"r{i}", "text": "t", "published": None, "events": []} for i in range(20)]
    path = write_jsonl("big.jsonl", records)
    monkeypatch.setattr(runner, "predict_events", lambda records, settings, key: {})
    info = runner.run_eval([path], sample=5).datasets[0]
    assert (info.records, info.scored) == (20, 5)
    assert "sample" in info.note


def test_run_eval_rejects_bad_gold_before_coding(write_jsonl, monkeypatch):
    good = write_jsonl("good.jsonl", [{"id": "r1", "text": "t", "events": []}])
    bad = write_jsonl("bad.jsonl", [{"id": "r1", "text": "t", "events": []}, "{oops"])

    def explode(*args):
        raise AssertionError("coded before all gold was read")

    monkeypatch.setattr(runner, "predict_events", explode)
    with pytest.raises(InputError, match="bad.jsonl:2"):
        runner.run_eval([good, bad])


def test_unparseable_published_date_names_the_line(write_jsonl):
    path = write_jsonl("g.jsonl", [{"id": "r1", "text": "t", "published": "soon", "events": []}])
    record = runner.read_gold(path).records[0]
    with pytest.raises(InputError, match="g.jsonl:1"):
        runner.published_of(record, "published")
