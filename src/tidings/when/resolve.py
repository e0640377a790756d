"""Resolve a found time expression to an ISO value and precision against the publication date."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

from tidings.when import grammar as g
from tidings.when.dates import (
    FUTURE,
    PAST,
    expand_two_digit_year,
    finest_common,
    month_value,
    nearest_day_of_year,
    nearest_month,
    nearest_weekday,
    shift_date_by_months,
    shift_months,
    valid_date,
)

UNKNOWN: tuple[str | None, str] = (None, "unknown")
SATURDAY = 5
# How far ahead a date written without its year may lie (about half a year).
FUTURE_HORIZON_DAYS = 183


class NotAPoint(Exception):
    """The expression names no point in time (an impossible date, "in two weeks" as a duration)."""


def _toward(direction: int | None, tense: str | None) -> str:
    """Which way from publication: the text's own cue first, then the verb; past by default."""
    if direction is not None and direction != 0:
        return FUTURE if direction > 0 else PAST
    return FUTURE if tense == FUTURE else PAST


def _month_result(year: int, month: int, part: str | int | None) -> tuple[str, str]:
    if isinstance(part, int):
        return date(year, month, part).isoformat(), "day"
    return month_value(year, month), "month"


def _numeric_day(numeric: tuple[str, int, int], year: int, day_first: bool) -> date | None:
    """Month and day of a numeric date.

    With slashes the reading is US month-first (12/03/2020 = 3 December) unless `day_first`;
    with dots it is day-first (03.12.2020 = 3 December), the European convention. Either way a
    first number above 12 can only be a day, so the reading flips.
    """
    separator, first, second = numeric
    first_is_day = day_first or separator == "."
    day, month = (first, second) if first_is_day else (second, first)
    if month > 12:
        day, month = month, day
    return valid_date(year, month, day)


def _date(mention: g.Mention, published: date | None, tense: str | None, day_first: bool):
    if mention.numeric is not None:
        year = expand_two_digit_year(mention.year or 0, published)
        day = _numeric_day(mention.numeric, year, day_first)
        if day is None:
            raise NotAPoint("no such day")
        return day.isoformat(), "day"
    month, day_of_month = mention.month or 0, mention.day or 0
    if mention.year is not None:
        day = valid_date(mention.year, month, day_of_month)
        if day is None:
            raise NotAPoint("no such day")
        return day.isoformat(), "day"
    if valid_date(2000, month, day_of_month) is None:  # 2000 is a leap year: Feb 29 passes
        raise NotAPoint("no such day")
    if published is None:
        return UNKNOWN
    resolved = nearest_day_of_year(published, month, day_of_month, _toward(None, tense))
    if resolved is not None and (resolved - published).days > FUTURE_HORIZON_DAYS:
        # Writers drop the year of a coming date only when it is near; "will meet on 11 May"
        # in a 13 May paper is a mis-read tense, not next year.
        resolved = nearest_day_of_year(published, month, day_of_month, PAST)
    return (resolved.isoformat(), "day") if resolved else UNKNOWN


def _month(mention: g.Mention, published: date | None, tense: str | None):
    month = mention.month or 0
    if mention.year is not None:
        return _month_result(mention.year, month, mention.part)
    if published is None:
        return UNKNOWN
    if mention.relative_year is not None:
        return _month_result(published.year + mention.relative_year, month, mention.part)
    if mention.direction == 0:
        # "this October" is the publication year's October, whichever way it lies.
        return _month_result(published.year, month, mention.part)
    strict = mention.direction is not None
    year, _ = nearest_month(published, month, _toward(mention.direction, tense), strict)
    return _month_result(year, month, mention.part)


def _weekday(mention: g.Mention, published: date | None, tense: str | None):
    if published is None:
        return UNKNOWN
    strict = mention.direction not in (None, 0)
    toward = _toward(mention.direction, tense)
    day = nearest_weekday(published, mention.weekday or 0, toward, strict)
    return day.isoformat(), "day"


def _count_back(mention: g.Mention, published: date, sign: int):
    """ "two weeks ago" / "three days from now": exact counts give a day (or month, or year);
    vague ones ("a few days ago") the finest unit holding every reading."""
    assert mention.count is not None and mention.unit is not None
    low, high = mention.count.low * mention.unit.size, mention.count.high * mention.unit.size
    if mention.unit.kind == "days":
        ends = [published + timedelta(days=sign * n) for n in (low, high)]
        return finest_common(min(ends), max(ends))
    if mention.unit.kind == "months":
        ends = [shift_date_by_months(published, sign * n) for n in (low, high)]
        if low == high:
            return month_value(ends[0].year, ends[0].month), "month"
    else:
        ends = [date(published.year + sign * n, 1, 1) for n in (low, high)]
        if low == high:
            return f"{ends[0].year:04d}", "year"
    first, last = min(ends), max(ends)
    if first.year == last.year:
        return (month_value(first.year, first.month), "month") if first.month == last.month else (
            f"{first.year:04d}", "year")
    return UNKNOWN


def _week(published: date, direction: int | None, tense: str | None):
    """A week is finer than a month but has no precision of its own: the month (or year) that
    holds all its possible days. "This week" is the part of it before (or after) publication."""
    monday = published - timedelta(days=published.weekday())
    if direction in (None, 0):
        if _toward(None, tense) == PAST:
            return finest_common(monday, published)
        return finest_common(published, monday + timedelta(days=6))
    monday += timedelta(days=7 * direction)
    return finest_common(monday, monday + timedelta(days=6))


def _weekend(published: date, direction: int | None, tense: str | None):
    toward = _toward(direction, tense)
    saturday = nearest_weekday(published, SATURDAY, toward, strict=direction not in (None, 0))
    if toward == PAST and published.weekday() == 6 and direction in (None, 0):
        saturday = published - timedelta(days=1)
    last = saturday + timedelta(days=1)
    if toward == PAST and direction in (None, 0):
        last = min(last, published)
    return finest_common(saturday, last)


def _season(mention: g.Mention, published: date | None, tense: str | None):
    """A season named relative to publication; its value is what all its months share (a
    summer is one year, a winter spans two: unknown)."""
    if published is None:
        return UNKNOWN
    season = mention.season
    assert season is not None
    spans = []
    for year in range(published.year - 2, published.year + 2):
        end_year = year + (1 if season.last < season.first else 0)
        spans.append((date(year, season.first, 1),
                      date(end_year, season.last, monthrange(end_year, season.last)[1])))
    direction = mention.direction
    if direction in (None, 0):
        containing = [s for s in spans if s[0] <= published <= s[1]]
        if containing:
            return finest_common(*containing[0])
    if _toward(direction, tense) == PAST:
        # "last summer" has ended; a bare "this summer" in a past sentence has at least begun.
        ended = [s for s in spans if (s[1] < published if direction == -1 else s[0] <= published)]
        return finest_common(*ended[-1])
    ahead = [s for s in spans if s[0] > published]
    return finest_common(*ahead[0])


def _relative_unit(mention: g.Mention, published: date | None, tense: str | None):
    if published is None:
        return UNKNOWN
    assert mention.unit is not None
    kind, direction = mention.unit.kind, mention.direction
    if kind == "weekend":
        return _weekend(published, direction, tense)
    if kind == "days":
        return _week(published, direction, tense)
    if kind == "months":
        year, month = shift_months(published.year, published.month, direction or 0)
        return _month_result(year, month, mention.part)
    return f"{published.year + (direction or 0):04d}", "year"


def resolve(
    mention: g.Mention, published: date | None, tense: str | None, day_first: bool = False
) -> tuple[str | None, str]:
    """(ISO value, precision) of a mention; (None, "unknown") when it needs a missing
    publication date. Raises NotAPoint when the mention is no point in time."""
    kind = mention.kind
    if kind == g.DATE:
        return _date(mention, published, tense, day_first)
    if kind == g.MONTH:
        return _month(mention, published, tense)
    if kind == g.YEAR:
        return f"{mention.year:04d}", "year"
    if kind == g.WEEKDAY:
        return _weekday(mention, published, tense)
    if kind == g.RELATIVE_DAY:
        if published is None:
            return UNKNOWN
        return (published + timedelta(days=mention.offset or 0)).isoformat(), "day"
    if kind == g.AGO:
        if published is None:
            return UNKNOWN
        return _count_back(mention, published, mention.offset or -1)
    if kind == g.IN_UNITS:
        # "in two weeks" is a point only when it looks ahead ("will leave in two weeks");
        # otherwise it measures a duration ("built in two weeks").
        if tense != FUTURE:
            raise NotAPoint("duration")
        return UNKNOWN if published is None else _count_back(mention, published, 1)
    if kind == g.RELATIVE_UNIT:
        return _relative_unit(mention, published, tense)
    if kind == g.SEASON:
        return _season(mention, published, tense)
    raise NotAPoint(f"unknown kind {kind}")  # pragma: no cover
