"""Scorers for the gold formats, and `run_eval`, the library behind `tidings eval`."""

from __future__ import annotations

from tidings.eval.article import ArticleScore, score_article
from tidings.eval.formats import detect_format, read_gold
from tidings.eval.report import EvalReport, Metric, Miss, render_report
from tidings.eval.runner import run_eval

__all__ = [
    "ArticleScore", "EvalReport", "Metric", "Miss", "detect_format", "read_gold", "render_report",
    "run_eval", "score_article",
]
