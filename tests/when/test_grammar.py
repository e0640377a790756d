"""Grammar and resolver behaviours that a sentence table cannot show: settings and properties."""

from __future__ import annotations

from datetime import date, timedelta

import spacy
from hypothesis import given
from hypothesis import strategies as st

from tidings.when import find_time_expressions
from tidings.when.cues import PACKAGED_DIRECTORY, load_cues
from tidings.when.grammar import Grammar
from tidings.when.dates import nearest_weekday

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# No parser: these properties must hold without tense evidence.
BLANK = spacy.blank("en")
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))


def test_day_first_reads_slashes_day_first():
    doc = BLANK("It happened on 03/12/2020.")
    found = find_time_expressions(doc, date(2020, 12, 20), day_first=True)
    assert [(e.text, e.value) for e in found] == [("03/12/2020", "2020-12-03")]


def test_month_first_is_the_default():
    found = find_time_expressions(BLANK("It happened on 03/12/2020."), date(2020, 12, 20))
    assert [e.value for e in found] == ["2020-03-12"]


def test_cues_from_another_directory_change_part_of_month(tmp_path):
    for table in ("calendar.tsv", "cues.tsv"):
        text = (PACKAGED_DIRECTORY / table).read_text(encoding="utf-8")
        text = text.replace("part_of_month\tmid\tmonth", "part_of_month\tmid\t15")
        (tmp_path / table).write_text(text, encoding="utf-8")
    grammar = Grammar(load_cues(tmp_path))
    found = find_time_expressions(BLANK("Troops leave by mid-January 2021."), date(2020, 12, 1),
                                  grammar=grammar)
    assert [(e.value, e.precision) for e in found] == [("2021-01-15", "day")]


@given(day=days, published=days)
def test_written_out_dates_resolve_to_themselves(day, published):
    for text in (f"{day.day} {MONTHS[day.month - 1]} {day.year}",
                 f"{MONTHS[day.month - 1]} {day.day}, {day.year}", day.isoformat(),
                 f"{day.month}/{day.day}/{day.year}"):
        found = find_time_expressions(BLANK(f"It happened on {text}."), published)
        assert [(e.text, e.value, e.precision) for e in found] == [(text, day.isoformat(), "day")]


@given(published=days, weekday=st.integers(0, 6))
def test_bare_weekday_is_within_the_week_before_publication(published, weekday):
    found = find_time_expressions(BLANK(f"It happened on {WEEKDAYS[weekday]}."), published)
    resolved = date.fromisoformat(found[0].value)
    assert resolved.weekday() == weekday
    assert timedelta(0) <= published - resolved < timedelta(days=7)


@given(published=days, weekday=st.integers(0, 6))
def test_last_and_next_weekday_exclude_publication_day(published, weekday):
    before = nearest_weekday(published, weekday, "past", strict=True)
    after = nearest_weekday(published, weekday, "future", strict=True)
    assert timedelta(days=1) <= published - before <= timedelta(days=7)
    assert timedelta(days=1) <= after - published <= timedelta(days=7)


@given(published=days, month=st.integers(1, 12))
def test_bare_month_is_within_the_year_before_publication(published, month):
    found = find_time_expressions(BLANK(f"It happened in {MONTHS[month - 1]}."), published)
    year, got_month = map(int, found[0].value.split("-"))
    months_back = (published.year - year) * 12 + published.month - got_month
    assert got_month == month and 0 <= months_back < 12
