"""event_date for acts that have not happened: only their own clause dates them."""

from __future__ import annotations

from datetime import date

from tidings.types import EventDate
from tidings.when import TimeExpression, event_date
from tidings.when.choose import is_unrealised

PUBLISHED = date(2021, 3, 10)
SENTENCE = (0, 200)


def expression(start: int, value: str, precision: str = "day") -> TimeExpression:
    return TimeExpression(start, start + 6, "Monday", value, precision)


def test_a_planned_act_does_not_take_the_sentences_date():
    # "On Monday, the minister proposed options for closing the border."
    chosen = event_date([expression(0, "2021-03-08")], (40, 90), SENTENCE, PUBLISHED, None,
                        unrealised=True)
    assert chosen == EventDate(None, "unknown")


def test_a_planned_act_does_not_inherit_the_discourse_date():
    inherited = EventDate("2021-03-08", "day", "Monday", 0, 6)
    chosen = event_date([], (240, 290), (220, 300), PUBLISHED, inherited, unrealised=True)
    assert chosen.precision == "unknown"


def test_a_planned_act_keeps_its_own_date():
    # "... will withdraw the troops by next Friday."
    chosen = event_date([expression(70, "2021-03-19")], (40, 90), SENTENCE, PUBLISHED, None,
                        unrealised=True)
    assert chosen.value == "2021-03-19"


def test_a_realised_act_still_takes_the_sentences_date():
    chosen = event_date([expression(0, "2021-03-08")], (40, 90), SENTENCE, PUBLISHED, None)
    assert chosen.value == "2021-03-08"


def test_an_attempt_is_dated_like_what_happened():
    assert is_unrealised("planned", "will")
    assert is_unrealised("hypothetical", "option")
    assert not is_unrealised("hypothetical", "try")
    assert not is_unrealised("asserted", "")
