"""event_date: clause first, then sentence, then the discourse date, then publication."""

from __future__ import annotations

from datetime import date, datetime

from tidings.types import EventDate
from tidings.when import TimeExpression, event_date

PUBLISHED = date(2020, 12, 1)
SENTENCE = (0, 200)


def expression(
    start: int, value: str | None = "2020-11-30", precision: str = "day"
) -> TimeExpression:
    return TimeExpression(start, start + 6, "Monday", value, precision)


def test_expression_in_the_clause_wins():
    chosen = event_date([expression(10, "2020-11-29"), expression(50, "2020-11-30")], (40, 80),
                        SENTENCE, PUBLISHED, None)
    assert chosen == EventDate("2020-11-30", "day", "Monday", 50, 56)


def test_first_expression_of_the_clause_wins():
    chosen = event_date([expression(60, "2020-11-29"), expression(45, "2020-11-30")], (40, 80),
                        SENTENCE, PUBLISHED, None)
    assert chosen.value == "2020-11-30"


def test_expression_overlapping_the_clause_edge_counts():
    chosen = event_date([expression(37, "2020-11-30")], (40, 80), SENTENCE, PUBLISHED, None)
    assert chosen.start == 37


def test_nearest_sentence_expression_when_clause_has_none():
    chosen = event_date([expression(0, "2020-11-28"), expression(90, "2020-11-30")], (40, 80),
                        SENTENCE, PUBLISHED, None)
    assert chosen.value == "2020-11-30"


def test_sentence_tie_goes_to_the_expression_before_the_clause():
    chosen = event_date([expression(24, "2020-11-28"), expression(90, "2020-11-30")], (40, 80),
                        SENTENCE, PUBLISHED, None)
    assert chosen.value == "2020-11-28"


def test_expression_outside_the_sentence_is_ignored():
    chosen = event_date([expression(300)], (40, 80), SENTENCE, PUBLISHED, None)
    assert chosen == EventDate("2020-12-01", "published")


def test_inherited_date_when_sentence_has_none():
    inherited = EventDate("2020-10", "month", "Last October", 5, 17)
    assert event_date([], (40, 80), SENTENCE, PUBLISHED, inherited) == inherited


def test_inherited_publication_date_is_not_inherited():
    inherited = EventDate("2020-11-30", "published")
    assert event_date([], (40, 80), SENTENCE, date(2020, 12, 2), inherited) == EventDate(
        "2020-12-02", "published")


def test_inherited_unknown_date_does_not_block_publication():
    inherited = EventDate(None, "unknown", "two weeks ago", 5, 18)
    assert event_date([], (40, 80), SENTENCE, PUBLISHED, inherited).precision == "published"


def test_publication_date_when_nothing_else():
    chosen = event_date([], (40, 80), SENTENCE, PUBLISHED, None)
    assert chosen == EventDate("2020-12-01", "published")


def test_publication_datetime_gives_its_day():
    chosen = event_date([], (40, 80), SENTENCE, datetime(2020, 12, 1, 23, 59), None)
    assert chosen == EventDate("2020-12-01", "published")


def test_unknown_without_publication_date():
    assert event_date([], (40, 80), SENTENCE, None, None) == EventDate(None, "unknown")


def test_unresolved_expression_in_clause_gives_unknown_with_evidence():
    chosen = event_date([expression(50, None, "unknown")], (40, 80), SENTENCE, None,
                        EventDate("2020-10", "month"))
    assert chosen == EventDate(None, "unknown", "Monday", 50, 56)


def nominal(start: int, value: str, modifies: int) -> TimeExpression:
    return TimeExpression(start, start + 6, "2014", value, "year", modifies)


def test_adverbial_beats_a_date_modifying_a_noun_in_the_clause():
    # "On Friday, activists held a protest ... for the victims of the killings of 2014."
    chosen = event_date([expression(3, "2022-06-17"), nominal(60, "2014", 50)], (11, 80), (0, 80),
                        PUBLISHED, None)
    assert chosen.value == "2022-06-17"


def test_nominal_date_of_the_event_noun_itself_counts():
    # "the 24 February invasion": the date modifies the trigger "invasion" at offset 50.
    chosen = event_date([expression(3, "2022-02-26"), nominal(30, "2022-02-24", 50)], (26, 70), (26, 70),
                        PUBLISHED, None, trigger=50)
    assert chosen.value == "2022-02-24"


def test_discourse_date_is_the_last_adverbial_before_the_sentence():
    chosen = event_date([expression(3, "2020-11-28"), expression(20, "2020-11-30")], (140, 180),
                        (120, 200), PUBLISHED, EventDate("2020-10", "month", "Last October", 0, 12))
    assert chosen.value == "2020-11-30"


def test_future_date_is_not_inherited_by_later_sentences():
    chosen = event_date([expression(3, "2020-12-08")], (140, 180), (120, 200), PUBLISHED, None)
    assert chosen == EventDate("2020-12-01", "published")


def test_nominal_date_alone_comes_after_the_discourse_date():
    chosen = event_date([expression(3, "2020-11-28"), nominal(130, "2014", 150)], (140, 180),
                        (120, 200), PUBLISHED, None)
    assert chosen.value == "2020-11-28"
