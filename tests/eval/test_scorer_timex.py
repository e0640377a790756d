"""The timex scorer: span F1 and resolved values."""

from __future__ import annotations

from tidings.eval.formats import GoldRecord
from tidings.eval.timex import score_timex


def as_dict(found) -> dict[str, tuple[float, int]]:
    return {m.name: (m.value, m.n) for m in found[0]}


class Timex:
    def __init__(self, start, end, text, value):
        self.start, self.end, self.text, self.value = start, end, text, value


def test_timex_value_accuracy_over_matched_spans():
    record = GoldRecord(1, {"id": "t1", "text": "On Friday and in May.", "published": "2022-05-16",
                            "timexes": [{"start": 3, "end": 9, "value": "2022-05-13"},
                                        {"start": 17, "end": 20, "value": "2022-05"}]})
    guesses = [Timex(0, 9, "On Friday", "2022-05-13"), Timex(17, 20, "May", "2021-05")]
    result = as_dict(score_timex([record], {"t1": guesses}))
    assert result["timex_f1"] == (1.0, 2)
    assert result["value_accuracy"] == (0.5, 2)
