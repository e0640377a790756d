"""How far a discourse date carries: a day for the next sentence, its month a little further,
nothing past DISCOURSE_MAX_SENTENCES, and a lead-sentence date over the whole story."""

from __future__ import annotations

from datetime import date

from tidings.types import EventDate
from tidings.when import TimeExpression, event_date
from tidings.when.choose import DISCOURSE_DAY_SENTENCES, DISCOURSE_MAX_SENTENCES

PUBLISHED = date(2020, 12, 1)
# One sentence every 100 characters; the discourse date sits in the second one (not the lead).
STARTS = [i * 100 for i in range(12)]
TWO_WEEKS_AGO = TimeExpression(110, 123, "two weeks ago", "2020-11-17", "day")


def date_in_sentence(index: int, expression: TimeExpression = TWO_WEEKS_AGO) -> EventDate:
    sentence = (STARTS[index], STARTS[index] + 99)
    return event_date([expression], (sentence[0] + 10, sentence[0] + 50), sentence, PUBLISHED, None,
                      sentence_starts=STARTS)


def test_discourse_day_dates_the_next_sentence():
    assert date_in_sentence(1 + DISCOURSE_DAY_SENTENCES) == EventDate("2020-11-17", "day", "two weeks ago", 110, 123)


def test_discourse_day_further_on_says_only_its_month():
    chosen = date_in_sentence(2 + DISCOURSE_DAY_SENTENCES)
    assert (chosen.value, chosen.precision) == ("2020-11", "month")


def test_discourse_date_past_the_limit_falls_back_to_publication():
    assert date_in_sentence(2 + DISCOURSE_MAX_SENTENCES) == EventDate("2020-12-01", "published")


def test_lead_date_dates_the_whole_story():
    lead = TimeExpression(3, 9, "Monday", "2020-11-30", "day")
    assert date_in_sentence(2 + DISCOURSE_MAX_SENTENCES, lead).precision == "day"


def test_without_sentence_starts_the_discourse_day_is_kept():
    far = (1000, 1099)
    chosen = event_date([TWO_WEEKS_AGO], (1010, 1050), far, PUBLISHED, None)
    assert chosen.precision == "day"


def test_inherited_day_from_afar_is_not_used():
    inherited = EventDate("2020-11-17", "day", "two weeks ago", 110, 123)
    sentence = (STARTS[10], STARTS[10] + 99)
    chosen = event_date([], (sentence[0] + 10, sentence[0] + 50), sentence, PUBLISHED, inherited,
                        sentence_starts=STARTS)
    assert chosen.precision == "published"
